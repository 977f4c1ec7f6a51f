// Printing a self-contained HTML document to PDF with the system's Chromium, driven by
// playwright-core: what the browser host and the command-line tools print with (the desktop
// app uses its own webContents.printToPDF). playwright-core is a development dependency, so
// it is loaded only when something is printed.
import type { Browser } from 'playwright-core';

export interface PrintOptions {
  /** Repeated at the top of every page (Chromium's template: pageNumber, totalPages, title, date). */
  headerTemplate?: string;
  footerTemplate?: string;
  /** A tagged (accessible) PDF: structure, reading order, real text. */
  tagged?: boolean;
  /** A document outline (bookmarks) from the headings. */
  outline?: boolean;
  landscape?: boolean;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** No sandbox (it runs as the app's own user), no GPU, and nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The document as an A4 PDF (the page size and margins come from its own @page CSS). Nothing
 * is fetched: every request the page makes is refused, so the HTML must carry all it needs.
 */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Buffer> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    // Fonts first, never a timer: a PDF printed before its fonts are ready has the wrong ones.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const headerFooter = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      landscape: options.landscape ?? false,
      displayHeaderFooter: headerFooter,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      tagged: options.tagged ?? true,
      outline: options.outline ?? false,
    });
  } finally {
    await browser.close();
  }
}
