// A document only a printer loads (resources 'files'): never laid out for the screen, since
// printing lays it out again for the page, and its fonts asked for by the printer rather than
// by that screen layout. Both printers (electron/pdf/print.ts and the desktop app's hidden
// window) run PRINT_READY before printing, and refuse with fontsUnreadable.
import { conflict, type DomainError } from '../errors';

/**
 * Hides a print-only document on screen, all but the draft watermark: a CSS background is only
 * fetched for an element laid out, and printing does not wait for a picture it has not got.
 * Loading the 40-page minutes went from ~210 to ~140 ms, and printing them ~40 ms quicker.
 */
export const PRINT_ONLY_CSS = '@media screen { body > :not(.watermark) { display: none; } }';

/**
 * Run in the page before printing (an expression: a promise of the families of the faces that
 * could not be read). Loads every face the document declares, since nothing laid out asks for
 * them, and every picture it shows or its style sheets name (the watermark), since a document
 * written into a page already used is complete before its pictures are in. Never a timer.
 */
export const PRINT_READY =
  'Promise.all([...document.fonts].map((f) => f.load().catch(() => f))).then(() => {' +
  ' const urls = new Set();' +
  ' for (const sheet of document.styleSheets) {' +
  '  let rules = [];' +
  '  try { rules = sheet.cssRules; } catch { continue; }' + // a sheet from elsewhere (never loaded here) cannot be read
  '  for (const rule of rules) for (const m of (rule.style?.backgroundImage ?? "").matchAll(/url\\("([^"]*)"\\)/g)) urls.add(m[1]);' +
  ' }' +
  ' const named = [...urls].map((url) => { const picture = new Image(); picture.src = url; return picture; });' +
  ' return Promise.all([...document.images, ...named].map((picture) => picture.decode().catch(() => undefined)));' +
  "}).then(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family))";

/** No PDF in some other font: what either printer says when PRINT_READY names a face it could not read. */
export const fontsUnreadable = (families: readonly string[]): DomainError =>
  conflict(`The PDF was not printed: its font (${[...new Set(families)].join(', ')}) could not be loaded. Reinstalling Matters Arising puts its fonts back.`);
