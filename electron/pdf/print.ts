// Printing HTML to PDF with the system Chromium through playwright-core: for the browser host
// and the command line (the desktop app uses its own webContents.printToPDF). playwright-core is
// a development tool, loaded only when something is printed; the Chromium it starts is kept for
// the session and closed when idle, so only the first print waits for it to start.
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

/** How long an idle Chromium is kept for the next print before it is closed. */
export const WARM_FOR_MS = 2 * 60_000;

/**
 * The session's Chromium, kept warm between prints: starting it is most of the time a print
 * takes. Closed when it has printed nothing for WARM_FOR_MS, when it dies, and by closePrinter.
 */
let warm: { browser: Promise<Browser>; printing: number; idle: ReturnType<typeof setTimeout> | null } | null = null;

function borrow(): Promise<Browser> {
  if (!warm) {
    const browser = launch();
    const held = { browser, printing: 0, idle: null as ReturnType<typeof setTimeout> | null };
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
  return warm.browser;
}

function giveBack(): void {
  if (!warm) return;
  warm.printing -= 1;
  if (warm.printing === 0) {
    const held = warm;
    // Never what keeps a process alive: a host or the command line closes it itself when it ends.
    held.idle = setTimeout(() => void closePrinterIf(held), WARM_FOR_MS);
    held.idle.unref();
  }
}

async function closePrinterIf(held: NonNullable<typeof warm>): Promise<void> {
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
 * Prints a self-contained HTML document to PDF. Page size and margins come from its CSS
 * (@page). Waits for document.fonts.ready, never a timer, so embedded fonts are in. Each print
 * has a context of its own (nothing carries from one document to the next) in the kept Chromium.
 */
export async function printHtmlToPdf(html: string, options: PrintHtmlOptions = {}): Promise<Buffer> {
  const browser = await borrow().catch((err: unknown) => {
    giveBack();
    throw err;
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    try {
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
      await context.close().catch(() => undefined);
    }
  } finally {
    giveBack();
  }
}
