// The browser host and the command line keep one Chromium for the session (electron/pdf/print.ts):
// later prints reuse it, prints at the same time share it, closing it ends it, and a Chromium that
// died is replaced by the next print.
import { afterAll, describe, expect, it } from 'vitest';
import { closePrinter, printerIsWarm, printHtmlToPdf, warmChromium } from '../../electron/pdf/print';

const doc = (title: string): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title><style>@page { size: A4; margin: 20mm; }</style></head><body><h1>${title}</h1></body></html>`;

const isPdf = (pdf: Buffer): boolean => pdf.subarray(0, 5).toString('latin1') === '%PDF-';

afterAll(closePrinter);

describe('the warm printer', () => {
  it('keeps Chromium between prints, shares it between prints at the same time, and closes it when asked', async () => {
    await closePrinter();
    expect(printerIsWarm()).toBe(false);
    expect(isPdf(await printHtmlToPdf(doc('Minutes')))).toBe(true);
    expect(printerIsWarm()).toBe(true);
    const [a, b] = await Promise.all([printHtmlToPdf(doc('Action log')), printHtmlToPdf(doc('Minutes again'))]);
    expect(isPdf(a) && isPdf(b)).toBe(true);
    expect(a.toString('latin1')).toContain('Action log');
    expect(b.toString('latin1')).toContain('Minutes again');
    await closePrinter();
    expect(printerIsWarm()).toBe(false);
    expect(isPdf(await printHtmlToPdf(doc('After closing')))).toBe(true);
  }, 120_000);

  it('starts another Chromium when the kept one has died', async () => {
    expect(isPdf(await printHtmlToPdf(doc('Before')))).toBe(true);
    const browser = await warmChromium();
    expect(browser).not.toBeNull();
    // Gone behind the printer's back, as after a crash: the next print starts another.
    await browser!.close();
    expect(printerIsWarm()).toBe(false);
    expect(isPdf(await printHtmlToPdf(doc('After a crash')))).toBe(true);
  }, 120_000);
});
