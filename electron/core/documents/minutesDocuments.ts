// The minutes as Word (.docx) and as accessible HTML: both written from the one print model,
// both put through the PDF's own leak check (the public version's produced text is read back
// and refused if any passage of a confidential item is in it), and saved or handed back.
import path from 'node:path';
import type { DocumentExport, DocumentFormat, ParsedInputOf, PdfVersion } from '../../../shared/contract';
import type { Store } from '../db/open';
import { conflict, notFound } from '../errors';
import { docxText } from '../publication/docxText';
import { DOCX_MIME } from '../publication/docxParts';
import { refusePublicLeaks } from '../publication/leakCheck';
import { renderMinutesDocx } from '../publication/minutesDocx';
import { renderMinutesHtml } from '../publication/minutesHtml';
import { htmlText, pdfFileName, type ExportHooks } from '../publication/publication';
import { loadPrintModel } from '../publication/printModel';
import { checkSaveTarget, DOCX_FILE, HTML_FILE, writeSavedFile, type FileKind } from '../publication/saveFile';

export const HTML_MIME = 'text/html';

export interface BuiltDocument {
  bytes: Buffer;
  fileName: string;
}

function modelFor(store: Store, meetingId: string) {
  const model = loadPrintModel(store, meetingId);
  if (model.items.length === 0) throw conflict('These minutes have no agenda items yet, so there is nothing to export. Add the items first.');
  return model;
}

const fileNameFor = (model: Parameters<typeof pdfFileName>[0], version: PdfVersion, format: DocumentFormat): string => pdfFileName(model, version).replace(/\.pdf$/, `.${format}`);

/** The minutes as a .docx; a public one is read back (its own XML, headers and footers) and checked. */
export async function buildMinutesDocx(store: Store, meetingId: string, version: PdfVersion): Promise<BuiltDocument> {
  const model = modelFor(store, meetingId);
  const docx = await renderMinutesDocx(model, version);
  if (version === 'public') {
    let text: string;
    try {
      const parts = docxText(docx.bytes);
      text = [parts.headers, parts.body, parts.footers].join('\n');
    } catch {
      text = '';
    }
    refusePublicLeaks(model, docx.confidentialFragments, text, 'the Word document', true);
  }
  return { bytes: docx.bytes, fileName: fileNameFor(model, version, 'docx') };
}

/** The minutes as one self-contained, accessible HTML file; a public one's text is checked. */
export function buildMinutesWebHtml(store: Store, meetingId: string, version: PdfVersion): BuiltDocument {
  const model = modelFor(store, meetingId);
  const doc = renderMinutesHtml(model, version, { web: true });
  if (version === 'public') refusePublicLeaks(model, doc.confidentialFragments, htmlText(doc.html), 'the HTML file', true);
  return { bytes: Buffer.from(doc.html, 'utf8'), fileName: fileNameFor(model, version, 'html') };
}

export const FORMAT_FILE: Record<DocumentFormat, { kind: FileKind; mime: string }> = {
  docx: { kind: DOCX_FILE, mime: DOCX_MIME },
  html: { kind: HTML_FILE, mime: HTML_MIME },
};

/**
 * Saves a document where the desktop app's dialog says (nothing is made if it is cancelled, and
 * the folder is checked first), or hands it back to download (browser host).
 */
export async function saveOrHandBack(
  format: DocumentFormat | 'pdf',
  suggested: string,
  kind: FileKind,
  mimeType: string,
  hooks: ExportHooks,
  build: () => Promise<BuiltDocument> | BuiltDocument,
): Promise<DocumentExport> {
  let target: string | null = null;
  if (hooks.choosePdfPath) {
    target = await hooks.choosePdfPath(suggested);
    if (!target) return { format, fileName: suggested, mimeType, bytes: 0, base64: null, savedTo: null, cancelled: true };
    if (!path.extname(target)) target = `${target}.${format}`;
    checkSaveTarget(target, kind);
  }
  const built = await build();
  if (target) {
    const savedTo = writeSavedFile(target, built.bytes, kind);
    return { format, fileName: path.basename(savedTo), mimeType, bytes: built.bytes.length, base64: null, savedTo, cancelled: false };
  }
  return { format, fileName: built.fileName, mimeType, bytes: built.bytes.length, base64: built.bytes.toString('base64'), savedTo: null, cancelled: false };
}

export async function exportMinutesDocument(store: Store, input: ParsedInputOf<'exportMinutesDocument'>, hooks: ExportHooks): Promise<DocumentExport> {
  const naming = store.db
    .prepare('SELECT b.short_code AS shortCode, m.board_name AS boardName, m.meeting_date AS date FROM meetings m JOIN boards b ON b.id = m.board_id WHERE m.id = ?')
    .get(input.meetingId) as { shortCode: string | null; boardName: string; date: string } | undefined;
  if (!naming) throw notFound('meeting');
  const { kind, mime } = FORMAT_FILE[input.format];
  return saveOrHandBack(input.format, fileNameFor(naming, input.version, input.format), kind, mime, hooks, () =>
    input.format === 'docx' ? buildMinutesDocx(store, input.meetingId, input.version) : buildMinutesWebHtml(store, input.meetingId, input.version),
  );
}
