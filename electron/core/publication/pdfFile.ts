// Reading and finishing the PDFs Chromium prints, without any PDF library: its objects and pages
// (the text on each page is read in pdfText.ts, the outline retitled in pdfOutline.ts), the page
// count, incremental updates, and the document information (author, subject, keywords), which
// Chromium does not fill in. Also the atomic write of a finished PDF to a file the user chose.
import { inflateSync } from 'node:zlib';
import { checkSaveTarget, PDF_FILE, writeSavedFile } from './saveFile';

// ---------------------------------------------------------------- objects

export interface PdfObject {
  /** The object's text up to its stream (or its end), latin1. */
  head: string;
  stream: Buffer | null;
}

export interface PdfDocument {
  readonly bytes: Buffer;
  readonly objects: Map<number, PdfObject>;
  readonly trailer: string;
}

function streamBytes(bytes: Buffer, text: string, headEnd: number, head: string, objects: Map<number, PdfObject>): Buffer | null {
  let start = headEnd + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  let length: number | null = null;
  const direct = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(head);
  if (direct) length = Number(direct[1]);
  const indirect = /\/Length\s+(\d+)\s+\d+\s+R/.exec(head);
  if (length === null && indirect) {
    const target = objects.get(Number(indirect[1]));
    if (target) length = Number(target.head.trim());
  }
  if (length === null || Number.isNaN(length)) {
    const end = text.indexOf('endstream', start);
    if (end < 0) return null;
    length = end - start;
  }
  return bytes.subarray(start, start + length);
}

/** Every object in the file (later definitions, from incremental updates, win). */
export function readPdf(bytes: Buffer): PdfDocument {
  const text = bytes.toString('latin1');
  if (!text.startsWith('%PDF-')) throw new Error('Not a PDF file.');
  const objects = new Map<number, PdfObject>();
  const pending: Array<{ num: number; head: string; headEnd: number }> = [];
  const objRe = /(\d+)\s+(\d+)\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = objRe.exec(text))) {
    const bodyStart = match.index + match[0].length;
    const end = text.indexOf('endobj', bodyStart);
    if (end < 0) break;
    const streamAt = text.indexOf('stream', bodyStart);
    const hasStream = streamAt >= 0 && streamAt < end && !/end$/.test(text.slice(streamAt - 3, streamAt));
    const head = text.slice(bodyStart, hasStream ? streamAt : end);
    const num = Number(match[1]);
    objects.set(num, { head, stream: null });
    if (hasStream) pending.push({ num, head, headEnd: streamAt });
    // Skip the body: a stream's bytes may happen to look like "1 0 obj".
    objRe.lastIndex = end;
  }
  // Streams after every object is known, so an indirect /Length can be looked up.
  for (const p of pending) {
    const obj = objects.get(p.num);
    if (obj) obj.stream = streamBytes(bytes, text, p.headEnd, p.head, objects);
  }
  const trailerAt = text.lastIndexOf('trailer');
  const trailer = trailerAt >= 0 ? text.slice(trailerAt, text.indexOf('startxref', trailerAt)) : '';
  return { bytes, objects, trailer };
}

export const refIn = (head: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(head);
  return m ? Number(m[1]) : null;
};

export function decoded(obj: PdfObject | undefined): Buffer {
  if (!obj?.stream) return Buffer.alloc(0);
  if (/\/Filter\s*\/FlateDecode/.test(obj.head) || /\/Filter\s*\[\s*\/FlateDecode\s*\]/.test(obj.head)) {
    try {
      return inflateSync(obj.stream);
    } catch {
      return Buffer.alloc(0);
    }
  }
  return obj.stream;
}

/** A dictionary value that may be inline (<<...>>) or a reference to another object. */
export function dictAt(doc: PdfDocument, head: string, key: string): string {
  const at = head.search(new RegExp(`/${key}\\b`));
  if (at < 0) return '';
  const rest = head.slice(at + key.length + 1).trimStart();
  if (rest.startsWith('<<')) {
    let depth = 0;
    for (let i = 0; i < rest.length - 1; i++) {
      if (rest[i] === '<' && rest[i + 1] === '<') {
        depth++;
        i++;
      } else if (rest[i] === '>' && rest[i + 1] === '>') {
        depth--;
        i++;
        if (depth === 0) return rest.slice(0, i + 1);
      }
    }
    return rest;
  }
  const ref = /^(\d+)\s+\d+\s+R/.exec(rest);
  return ref ? (doc.objects.get(Number(ref[1]))?.head ?? '') : '';
}

/** Name -> object number of every reference in a dictionary (fonts, XObjects). */
export function namedRefs(dict: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of dict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) out.set(m[1] as string, Number(m[2]));
  return out;
}

/** Page objects in reading order, from the page tree. */
export function pageObjects(doc: PdfDocument): number[] {
  const root = refIn(doc.trailer, 'Root');
  const pagesRoot = root === null ? null : refIn(doc.objects.get(root)?.head ?? '', 'Pages');
  const pages: number[] = [];
  const visit = (num: number, depth: number): void => {
    const head = doc.objects.get(num)?.head ?? '';
    if (depth > 32) return;
    if (/\/Type\s*\/Page\b/.test(head)) {
      pages.push(num);
      return;
    }
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(head);
    for (const k of kids?.[1]?.matchAll(/(\d+)\s+\d+\s+R/g) ?? []) visit(Number(k[1]), depth + 1);
  };
  if (pagesRoot !== null) visit(pagesRoot, 0);
  return pages;
}

export function pdfPageCount(bytes: Buffer): number {
  return pageObjects(readPdf(bytes)).length;
}

// ---------------------------------------------------------------- document information

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
}

/** A PDF text string that keeps any character: UTF-16BE with its byte-order mark, in hex. */
export const pdfString = (text: string): string =>
  `<FEFF${[...text]
    .flatMap((ch) => {
      const cp = ch.codePointAt(0) as number;
      if (cp <= 0xffff) return [cp];
      const v = cp - 0x10000;
      return [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)];
    })
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('')}>`;

/** An object written by an incremental update: its number and its body (between "obj" and "endobj"). */
export interface PdfObjectUpdate {
  num: number;
  body: string;
}

/**
 * Appends an incremental update, as a PDF editor would: the given objects (new ones, or new
 * versions of existing ones), a cross-reference section for them and a trailer pointing back at
 * the previous one. The printed pages are untouched. `info` names a new document information
 * object; without it the previous one stays.
 */
export function appendPdfUpdate(doc: PdfDocument, objects: readonly PdfObjectUpdate[], info?: number): Buffer {
  const { bytes } = doc;
  const text = bytes.toString('latin1');
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  const size = /\/Size\s+(\d+)/.exec(doc.trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(doc.trailer);
  if (!startxref || !size || !root) throw new Error('The printed PDF has no cross-reference trailer to update.');
  const infoRef = info !== undefined ? `${info} 0 R` : /\/Info\s+(\d+\s+\d+\s+R)/.exec(doc.trailer)?.[1];
  let offset = bytes.length + (text.endsWith('\n') ? 0 : 1);
  let body = text.endsWith('\n') ? '' : '\n';
  const entries: Array<[num: number, offset: number]> = [];
  for (const o of objects) {
    const object = `${o.num} 0 obj\n${o.body}\nendobj\n`;
    entries.push([o.num, offset]);
    body += object;
    offset += Buffer.byteLength(object, 'latin1');
  }
  // One subsection per object: the numbers need not be consecutive.
  const xref = entries
    .sort((a, b) => a[0] - b[0])
    .map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`)
    .join('');
  const newSize = Math.max(Number(size[1]), ...objects.map((o) => o.num + 1));
  const update =
    `${body}xref\n${xref}trailer\n<</Size ${newSize}\n/Root ${root[1]}\n${infoRef ? `/Info ${infoRef}\n` : ''}/Prev ${startxref[1]}>>\n` +
    `startxref\n${offset}\n%%EOF\n`;
  return Buffer.concat([bytes, Buffer.from(update, 'latin1')]);
}

/** Sets the document information dictionary (Chromium fills in the title only), as an incremental update. */
export function setPdfInfo(bytes: Buffer, info: PdfInfo): Buffer {
  const doc = readPdf(bytes);
  const size = /\/Size\s+(\d+)/.exec(doc.trailer);
  if (!size) throw new Error('The printed PDF has no cross-reference trailer to update.');
  const oldInfo = refIn(doc.trailer, 'Info');
  const old = oldInfo === null ? '' : (doc.objects.get(oldInfo)?.head ?? '');
  const keep = (key: string): string => {
    const m = new RegExp(`/${key}\\s*(\\([^)]*\\)|<[^>]*>)`).exec(old);
    return m ? `/${key} ${m[1]}\n` : '';
  };
  const num = Number(size[1]);
  const body =
    `<</Title ${pdfString(info.title)}\n/Author ${pdfString(info.author)}\n/Subject ${pdfString(info.subject)}\n` +
    `/Keywords ${pdfString(info.keywords)}\n/Creator ${pdfString(info.creator)}\n${keep('Producer')}${keep('CreationDate')}${keep('ModDate')}>>`;
  return appendPdfUpdate(doc, [{ num, body }], num);
}

// ---------------------------------------------------------------- writing the file

/** Checks, before anything is printed, that a PDF can be saved there: the folder exists and can be written. */
export function checkPdfTarget(target: string): string {
  return checkSaveTarget(target, PDF_FILE);
}

/** Writes the PDF where the user asked, all or nothing (saveFile.ts). */
export function writePdfFile(target: string, bytes: Buffer): string {
  return writeSavedFile(target, bytes, PDF_FILE);
}
