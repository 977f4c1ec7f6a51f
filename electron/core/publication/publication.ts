// Publishing minutes as PDF: the print HTML (minutesHtml.ts, from printModel.ts) printed by the
// host's Chromium, finished (outline titled from the app's own headings, document information)
// and checked: a public PDF that contains text of a confidential item is refused.
import path from 'node:path';
import type { MinutesPdfExport, ParsedInputOf, PdfVersion } from '../../../shared/contract';
import type { Store } from '../db/open';
import { conflict, notFound } from '../errors';
import { APP_VERSION } from '../version';
import { checkPdfTarget, pdfPageCount, setPdfInfo, writePdfFile } from './pdfFile';
import { pdfPageTexts } from './pdfText';
import { setPdfOutlineTitles } from './pdfOutline';
import { refusePublicLeaks } from './leakCheck';
import { loadPrintModel, type PrintModel } from './printModel';
import { renderMinutesHtml } from './minutesHtml';

// ---------------------------------------------------------------- the printer (a host hook)

/** What core asks of the host's Chromium; electron/pdf/print.ts and the desktop app's printToPDF both do it. */
export interface PdfPrintOptions {
  headerTemplate?: string;
  footerTemplate?: string;
  tagged?: boolean;
  outline?: boolean;
  landscape?: boolean;
}

export type PdfPrinter = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;

// ---------------------------------------------------------------- the PDF

/** The readable text of our own HTML (tags dropped, entities decoded): what a reader would see. */
export function htmlText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/i, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<\/?(strong|em|u|s|sub|sup|code|a|span)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|emsp|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? ' ');
}

export function pdfFileName(model: Pick<PrintModel, 'shortCode' | 'boardName' | 'date'>, version: PdfVersion): string {
  // eslint-disable-next-line no-control-regex -- characters no file system takes in a name
  const name = (model.shortCode ?? model.boardName).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${name} minutes ${model.date} (${version === 'public' ? 'public' : 'full, confidential'}).pdf`;
}

export interface MinutesPdf {
  bytes: Buffer;
  fileName: string;
  pages: number;
}

/**
 * The minutes as a finished PDF: rendered, checked (public version: no confidential text in
 * the HTML before printing, nor in the PDF's own text after), printed tagged with an outline,
 * and given its document information. Nothing is written anywhere: the caller saves it.
 */
export async function buildMinutesPdf(store: Store, input: ParsedInputOf<'exportMinutesPdf'>, print: PdfPrinter): Promise<MinutesPdf> {
  const model = loadPrintModel(store, input.meetingId);
  if (model.items.length === 0) {
    throw conflict('These minutes have no agenda items yet, so there is nothing to print. Add the items first.');
  }
  // Printed, never handed over: the fonts and the watermark are named as files for the printer to read.
  const doc = renderMinutesHtml(model, input.version, { web: false, resources: 'files' });
  if (input.version === 'public') refusePublicLeaks(model, doc.confidentialFragments, htmlText(doc.html), 'the document');
  const printed = Buffer.from(await print(doc.html, { tagged: true, outline: true }));
  const bytes = setPdfInfo(setPdfOutlineTitles(printed, doc.outline), { title: doc.title, author: doc.author, subject: doc.subject, keywords: doc.keywords, creator: `Matters Arising ${APP_VERSION}` });
  // Minutes with no confidential passage have nothing the printed text could give away (the
  // HTML was checked above): reading the whole PDF back is for those that do.
  if (input.version === 'public' && doc.confidentialFragments.length > 0) {
    // If the printed text cannot be read back, it cannot be checked: better no file than an unchecked one.
    refusePublicLeaks(model, doc.confidentialFragments, pdfPageTexts(bytes).join('\n'), 'the printed PDF', true);
  }
  return { bytes, fileName: pdfFileName(model, input.version), pages: pdfPageCount(bytes) };
}

export interface ExportHooks {
  printPdf?: PdfPrinter;
  choosePdfPath?: (suggestedName: string) => Promise<string | null>;
}

/**
 * exportMinutesPdf: in the desktop app, asks where to save (nothing is printed if the dialog
 * is cancelled) and writes the file there; in the browser host, hands the PDF back to download.
 */
export async function exportMinutesPdf(store: Store, input: ParsedInputOf<'exportMinutesPdf'>, hooks: ExportHooks): Promise<MinutesPdfExport> {
  if (!hooks.printPdf) throw conflict('This copy of Matters Arising cannot print PDFs: no Chromium was found to print with.');
  const naming = store.db
    .prepare('SELECT b.short_code AS shortCode, m.board_name AS boardName, m.meeting_date AS date FROM meetings m JOIN boards b ON b.id = m.board_id WHERE m.id = ?')
    .get(input.meetingId) as { shortCode: string | null; boardName: string; date: string } | undefined;
  if (!naming) throw notFound('meeting');
  const fileName = pdfFileName(naming, input.version);
  let target: string | null = null;
  if (hooks.choosePdfPath) {
    target = await hooks.choosePdfPath(fileName);
    if (!target) return { version: input.version, fileName, bytes: 0, pages: 0, pdfBase64: null, savedTo: null, cancelled: true };
    if (!path.extname(target)) target = `${target}.pdf`;
    checkPdfTarget(target);
  }
  const pdf = await buildMinutesPdf(store, input, hooks.printPdf);
  if (target) {
    const savedTo = writePdfFile(target, pdf.bytes);
    return { version: input.version, fileName: path.basename(savedTo), bytes: pdf.bytes.length, pages: pdf.pages, pdfBase64: null, savedTo, cancelled: false };
  }
  return { version: input.version, fileName, bytes: pdf.bytes.length, pages: pdf.pages, pdfBase64: pdf.bytes.toString('base64'), savedTo: null, cancelled: false };
}
