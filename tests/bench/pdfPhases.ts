// Bench: where a warm print of the minutes spends its time, step by step (the app's own work
// before and after printing, and each of Chromium's steps), for the note under the PDF rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Store } from '../../electron/core/db/open';
import { loadPrintModel } from '../../electron/core/publication/printModel';
import { renderMinutesHtml } from '../../electron/core/publication/minutesHtml';
import { htmlText } from '../../electron/core/publication/publication';
import { refusePublicLeaks } from '../../electron/core/publication/leakCheck';
import { pdfPageCount, setPdfInfo } from '../../electron/core/publication/pdfFile';
import { setPdfOutlineTitles } from '../../electron/core/publication/pdfOutline';
import { pdfPageTexts } from '../../electron/core/publication/pdfText';
import { PRINT_READY } from '../../electron/core/publication/printOnly';
import { writeIntoPage } from '../../electron/pdf/print';

type Phases = Map<string, number[]>;

async function step<T>(phases: Phases, name: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await run();
  const list = phases.get(name) ?? [];
  list.push(performance.now() - start);
  phases.set(name, list);
  return value;
}

/** The public version's warm print, `runs` times in `browser` (one page used again, as the printer does); median ms per step. */
export async function warmPrintPhases(store: Store, meetingId: string, browser: Browser, runs = 5): Promise<string> {
  const phases: Phases = new Map();
  // As the printer does: one page of the kept Chromium, used print after print.
  const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
  const page = await context.newPage();
  for (let i = 0; i < runs; i++) {
    const model = await step(phases, 'print model', () => loadPrintModel(store, meetingId));
    const doc = await step(phases, 'HTML', () => renderMinutesHtml(model, 'public', { web: false, resources: 'files' }));
    await step(phases, 'check the HTML', () => refusePublicLeaks(model, doc.confidentialFragments, htmlText(doc.html), 'the document'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-print-'));
    const file = path.join(dir, 'document.html');
    // The first print loads its file; each after it is written into the page's document.
    await step(phases, i === 0 ? 'load the document (first print)' : 'write the document into the page', async () => {
      if (i > 0) return writeIntoPage(page, doc.html);
      fs.writeFileSync(file, doc.html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    });
    await step(phases, 'fonts and pictures loaded', () => page.evaluate(PRINT_READY));
    // For comparison, in the same conditions: the self-contained document (fonts inside) written into the page.
    const embedded = renderMinutesHtml(model, 'public').html;
    const other = await browser.newPage();
    await step(phases, '(for comparison: setContent of the document with its fonts inside)', () => other.setContent(embedded, { waitUntil: 'load' }));
    await other.close();
    const printed = await step(phases, 'printToPDF', () => page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
    fs.rmSync(dir, { recursive: true, force: true });
    const bytes = await step(phases, 'outline titles and info', () => setPdfInfo(setPdfOutlineTitles(printed, doc.outline), { title: doc.title, author: doc.author, subject: doc.subject, keywords: doc.keywords, creator: 'bench' }));
    await step(phases, 'read the PDF text back and check', () => refusePublicLeaks(model, doc.confidentialFragments, pdfPageTexts(bytes).join('\n'), 'the printed PDF', true));
    await step(phases, 'count pages', () => pdfPageCount(bytes));
    if (process.env.BENCH_PDF_KEEP) fs.writeFileSync(process.env.BENCH_PDF_KEEP, bytes);
  }
  await context.close();
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return [...phases].map(([name, xs]) => `${name} ${median(xs).toFixed(0)}`).join(', ');
}
