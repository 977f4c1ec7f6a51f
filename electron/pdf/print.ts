// Printing HTML to PDF with the system Chromium through playwright-core: for the browser host
// and the command line (the desktop app uses its own webContents.printToPDF). playwright-core is
// a development tool, loaded only when something is printed.
import type { Browser, BrowserType } from 'playwright-core';

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
    throw new Error('PDF printing needs playwright-core, which is not installed with this copy of Matters Arising.');
  }
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(`Chromium could not be started to print the PDF (${CHROMIUM_PATH}): ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * Prints a self-contained HTML document to PDF. Page size and margins come from its CSS
 * (@page). Waits for document.fonts.ready, never a timer, so embedded fonts are in.
 */
export async function printHtmlToPdf(html: string, options: PrintHtmlOptions = {}): Promise<Buffer> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    const page = await context.newPage();
    // Nothing outside the document is fetched: fonts are data: URLs.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const withHeader = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
    return await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: withHeader,
      headerTemplate: options.headerTemplate ?? '<span></span>',
      footerTemplate: options.footerTemplate ?? '<span></span>',
      landscape: options.landscape ?? false,
      tagged: options.tagged ?? true,
      outline: options.outline ?? true,
    });
  } finally {
    await browser.close();
  }
}
