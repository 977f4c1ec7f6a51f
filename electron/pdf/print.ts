// Printing HTML to PDF with the system Chromium through playwright-core: for the browser host
// and the command line (the desktop app uses its own webContents.printToPDF). playwright-core is
// a development tool, loaded only when something is printed; the Chromium it starts is kept for
// the session and closed when idle, so only the first print waits for it to start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import { conflict } from '../core/errors';
import { fontsUnreadable, PRINT_READY } from '../core/publication/printOnly';

export interface PrintHtmlOptions {
  /** Chromium header/footer templates (classes pageNumber, totalPages, title, date, url). */
  headerTemplate?: string;
  footerTemplate?: string;
  /** A tagged (accessible) PDF: structure from the HTML's headings, tables and lists. */
  tagged?: boolean;
  /** A document outline (bookmarks) from the headings. */
  outline?: boolean;
  landscape?: boolean;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's Chromium, kept off the network: the document is self-contained. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function launch(): Promise<Browser> {
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw conflict('PDF printing needs playwright-core, which is not installed with this copy of Matters Arising.');
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw conflict(`Chromium could not be started to print the PDF (${CHROMIUM_PATH}): ${(err as Error).message.split('\n')[0]}`);
  }
}

/** How long an idle Chromium is kept for the next print before it is closed. */
export const WARM_FOR_MS = 2 * 60_000;

/**
 * The session's Chromium, kept warm between prints: starting it is most of the time a print
 * takes. Closed when it has printed nothing for WARM_FOR_MS, when it dies, and by closePrinter.
 * It keeps one context and its idle pages: a print takes a page (or opens one when all are
 * busy, so prints at the same time never wait for each other) and gives it back when done.
 */
interface Held {
  browser: Promise<Browser>;
  printing: number;
  idle: ReturnType<typeof setTimeout> | null;
  context: Promise<BrowserContext> | null;
  pages: IdlePage[];
}

/**
 * A page that printed cleanly, with the content security policy its document took in. The
 * policies of documents written into one page add up (each must allow what is loaded), so a
 * page is written into again only by a document with the same policy.
 */
interface IdlePage {
  page: Page;
  policy: string;
}
let warm: Held | null = null;

function borrow(): Held {
  if (!warm) {
    const browser = launch();
    const held: Held = { browser, printing: 0, idle: null, context: null, pages: [] };
    warm = held;
    browser.then(
      (b) => b.on('disconnected', () => {
        if (warm === held) warm = null;
      }),
      () => {
        // It never started: the next print tries again.
        if (warm === held) warm = null;
      },
    );
  }
  if (warm.idle) clearTimeout(warm.idle);
  warm.idle = null;
  warm.printing += 1;
  return warm;
}

function giveBack(held: Held): void {
  held.printing -= 1;
  if (warm === held && held.printing === 0) {
    // Never what keeps a process alive: a host or the command line closes it itself when it ends.
    held.idle = setTimeout(() => void closePrinterIf(held), WARM_FOR_MS);
    held.idle.unref();
  }
}

/**
 * An idle page of the kept Chromium, the one whose document had `policy` if there is one, or a
 * new page; nothing it loads is fetched from a network.
 */
async function takePage(held: Held, policy: string): Promise<IdlePage | { page: Page; policy: null }> {
  const at = held.pages.findLastIndex((p) => p.policy === policy && !p.page.isClosed());
  if (at >= 0) return held.pages.splice(at, 1)[0]!;
  const idle = held.pages.pop();
  if (idle && !idle.page.isClosed()) return { page: idle.page, policy: null };
  const browser = await held.browser;
  held.context ??= browser.newContext({ javaScriptEnabled: true, offline: true });
  const page = await (await held.context).newPage();
  // The document's fonts and pictures are files or data: URLs; anything else is refused.
  await page.route('**/*', (route) => (/^(data|file):/.test(route.request().url()) ? route.continue() : route.abort()));
  return { page, policy: null };
}

/** Replaces the page's document with `html`, keeping what the page has read and decoded (its fonts). */
export async function writeIntoPage(page: Page, html: string): Promise<void> {
  await page.evaluate((doc) => {
    document.open();
    document.write(doc);
    document.close();
  }, html);
}

/** The content security policy a document sets for itself (its meta element), '' for none. */
const policyOf = (html: string): string => /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/i.exec(html)?.[1] ?? '';

async function closePrinterIf(held: Held): Promise<void> {
  if (warm !== held || held.printing > 0) return;
  await closePrinter();
}

/** Closes the kept Chromium (when the host or the command line ends); the next print starts another. */
export async function closePrinter(): Promise<void> {
  const held = warm;
  warm = null;
  if (!held) return;
  if (held.idle) clearTimeout(held.idle);
  await held.browser.then((b) => b.close()).catch(() => undefined);
}

/** Whether a Chromium is being kept warm (for tests). */
export const printerIsWarm = (): boolean => warm !== null;

/** The kept Chromium, if any (for tests that end it as a crash would). */
export const warmChromium = (): Promise<Browser> | null => warm?.browser ?? null;

/**
 * Prints an HTML document to PDF. Page size and margins come from its CSS (@page). Loads every
 * face it declares and every picture its style names first (PRINT_READY), never a timer.
 *
 * A page that printed a document with the same policy before takes the new one written into
 * its document: the fonts, named by the same file: URLs, are then read and decoded already
 * (~80 ms of a warm print). Otherwise the document is loaded from a private file of its own
 * (its own file: origin, no storage, no network), which starts the page's policy afresh. The
 * minutes name their font files (file: URLs) instead of carrying 2 MB of base64 for Chromium to
 * parse. Only a page that printed cleanly is used again.
 */
export async function printHtmlToPdf(html: string, options: PrintHtmlOptions = {}): Promise<Buffer> {
  const held = borrow();
  const policy = policyOf(html);
  let dir: string | null = null;
  let page: Page | null = null;
  let clean = false;
  try {
    const taken = await takePage(held, policy);
    page = taken.page;
    if (taken.policy === policy) {
      await writeIntoPage(page, html);
    } else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matters-arising-print-'));
      const file = path.join(dir, 'document.html');
      fs.writeFileSync(file, html, { mode: 0o600 });
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    }
    // A face that could not be read would print in some other font: no PDF rather than that.
    const failed = await page.evaluate<string[]>(PRINT_READY);
    if (failed.length > 0) throw fontsUnreadable(failed);
    const withHeader = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: withHeader,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      landscape: options.landscape ?? false,
      tagged: options.tagged ?? true,
      outline: options.outline ?? true,
    });
    clean = true;
    return pdf;
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (page) {
      if (clean && warm === held) held.pages.push({ page, policy });
      else void page.close().catch(() => undefined);
    }
    giveBack(held);
  }
}
