// Reading and finishing the PDFs Chromium prints, without any PDF library: the text on each
// page (to check a public version for confidential text), the page count, and the document
// information (author, subject, keywords), which Chromium does not fill in, added as an
// incremental update. Also the atomic write of a finished PDF to a file the user chose.
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { DomainError } from '../errors';

// ---------------------------------------------------------------- objects

interface PdfObject {
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

function decoded(obj: PdfObject | undefined): Buffer {
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
function dictAt(doc: PdfDocument, head: string, key: string): string {
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
function namedRefs(dict: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of dict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)) out.set(m[1] as string, Number(m[2]));
  return out;
}

/** Page objects in reading order, from the page tree. */
function pageObjects(doc: PdfDocument): number[] {
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

// ---------------------------------------------------------------- text

interface ToUnicode {
  codeBytes: number;
  map: Map<number, string>;
}

const utf16be = (hex: string): string => {
  const clean = hex.replace(/\s+/g, '');
  let out = '';
  for (let i = 0; i + 4 <= clean.length; i += 4) out += String.fromCharCode(parseInt(clean.slice(i, i + 4), 16));
  return out;
};

function parseCMap(text: string): ToUnicode {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  const codeBytes = space ? Math.max(1, (space[1] as string).length / 2) : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(m[1] as string, 16), utf16be(m[2] as string));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] as string).matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      const dst = m[3] as string;
      if (hi - lo > 0xffff) continue;
      if (dst.startsWith('[')) {
        const list = [...dst.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => utf16be(x[1] as string));
        list.forEach((s, i) => map.set(lo + i, s));
      } else {
        const base = utf16be(dst.slice(1, -1));
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
      }
    }
  }
  return { codeBytes, map };
}

type Token = { kind: 'op'; value: string } | { kind: 'str'; value: Buffer } | { kind: 'name'; value: string } | { kind: 'other' };

/** Tokens of a content stream: enough of the syntax to find text-showing operators and their strings. */
function* tokens(data: Buffer): Generator<Token> {
  const n = data.length;
  let i = 0;
  const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
  const isDelim = (c: number): boolean => '()<>[]{}/%'.includes(String.fromCharCode(c));
  while (i < n) {
    const c = data[i] as number;
    if (isSpace(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      // A literal string, with nesting and escapes.
      const out: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const ch = data[i] as number;
        if (ch === 0x5c) {
          const next = data[i + 1] as number;
          const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
          if (next >= 0x30 && next <= 0x37) {
            let oct = '';
            let j = i + 1;
            while (j < i + 4 && (data[j] as number) >= 0x30 && (data[j] as number) <= 0x37) oct += String.fromCharCode(data[j++] as number);
            out.push(parseInt(oct, 8) & 0xff);
            i = j;
            continue;
          }
          if (next === 0x0a || next === 0x0d) {
            i += 2;
            continue;
          }
          out.push(esc[next] ?? next);
          i += 2;
          continue;
        }
        if (ch === 0x28) depth++;
        if (ch === 0x29) depth--;
        if (depth > 0) out.push(ch);
        i++;
      }
      yield { kind: 'str', value: Buffer.from(out) };
    } else if (c === 0x3c && data[i + 1] === 0x3c) {
      i += 2;
      yield { kind: 'other' };
    } else if (c === 0x3e && data[i + 1] === 0x3e) {
      i += 2;
      yield { kind: 'other' };
    } else if (c === 0x3c) {
      const end = data.indexOf(0x3e, i);
      const hex = data
        .subarray(i + 1, end < 0 ? n : end)
        .toString('latin1')
        .replace(/[^0-9A-Fa-f]/g, '');
      i = end < 0 ? n : end + 1;
      yield { kind: 'str', value: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') };
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < n && !isSpace(data[j] as number) && !isDelim(data[j] as number)) j++;
      yield { kind: 'name', value: data.subarray(i + 1, j).toString('latin1') };
      i = j;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
      yield { kind: 'other' };
    } else {
      let j = i;
      while (j < n && !isSpace(data[j] as number) && !isDelim(data[j] as number)) j++;
      if (j === i) j++;
      const word = data.subarray(i, j).toString('latin1');
      i = j;
      yield /^[-+.\d]/.test(word) ? { kind: 'other' } : { kind: 'op', value: word };
    }
  }
}

function decodeString(bytes: Buffer, font: ToUnicode | undefined): string {
  if (!font) return bytes.toString('latin1');
  let out = '';
  for (let i = 0; i + font.codeBytes <= bytes.length; i += font.codeBytes) {
    const code = font.codeBytes === 2 ? bytes.readUInt16BE(i) : font.codeBytes === 1 ? (bytes[i] as number) : bytes.readUIntBE(i, font.codeBytes);
    out += font.map.get(code) ?? '';
  }
  return out;
}

/** The text a page (or form) shows, in the order it is drawn: one line per text object. */
function contentText(doc: PdfDocument, content: Buffer, resources: string, fontCache: Map<number, ToUnicode>, depth: number): string {
  const fonts = namedRefs(dictAt(doc, resources, 'Font'));
  const xobjects = namedRefs(dictAt(doc, resources, 'XObject'));
  const fontFor = (name: string): ToUnicode | undefined => {
    const num = fonts.get(name);
    if (num === undefined) return undefined;
    if (!fontCache.has(num)) {
      const cmapRef = refIn(doc.objects.get(num)?.head ?? '', 'ToUnicode');
      if (cmapRef === null) return undefined;
      fontCache.set(num, parseCMap(decoded(doc.objects.get(cmapRef)).toString('latin1')));
    }
    return fontCache.get(num);
  };
  let out = '';
  let font: ToUnicode | undefined;
  let lastName = '';
  const strings: Buffer[] = [];
  for (const t of tokens(content)) {
    if (t.kind === 'name') {
      lastName = t.value;
      continue;
    }
    if (t.kind === 'str') {
      strings.push(t.value);
      continue;
    }
    if (t.kind !== 'op') continue;
    switch (t.value) {
      case 'Tf':
        font = fontFor(lastName);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        out += strings.map((s) => decodeString(s, font)).join('');
        break;
      // Chromium places glyph by glyph with Td and prints spaces as glyphs: Td is no gap.
      case 'T*':
        out += '\n';
        break;
      case 'Tm':
        out += ' ';
        break;
      case 'ET':
        out += '\n';
        break;
      case 'Do': {
        const num = xobjects.get(lastName);
        const form = num === undefined ? undefined : doc.objects.get(num);
        if (form && depth < 8 && /\/Subtype\s*\/Form/.test(form.head)) {
          out += contentText(doc, decoded(form), dictAt(doc, form.head, 'Resources') || resources, fontCache, depth + 1);
        }
        break;
      }
    }
    strings.length = 0;
  }
  return out;
}

/** The text of each page, in page order. */
export function pdfPageTexts(bytes: Buffer): string[] {
  const doc = readPdf(bytes);
  const fontCache = new Map<number, ToUnicode>();
  return pageObjects(doc).map((num) => {
    const head = doc.objects.get(num)?.head ?? '';
    const resources = dictAt(doc, head, 'Resources');
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(head)?.[1] ?? /\/Contents\s+(\d+\s+\d+\s+R)/.exec(head)?.[1] ?? '';
    const parts = [...contents.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => decoded(doc.objects.get(Number(m[1]))));
    return contentText(doc, Buffer.concat(parts), resources, fontCache, 0)
      .replace(/[ \t]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
  });
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

const refuseSave = (message: string): never => {
  throw new DomainError('invalid_input', message, 'out');
};

/** Checks, before anything is printed, that a PDF can be saved there: the folder exists and can be written. */
export function checkPdfTarget(target: string): string {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(dir);
  } catch {
    refuseSave(`The folder ${dir} does not exist, so the PDF was not saved. Choose another folder.`);
  }
  if (!stat?.isDirectory()) refuseSave(`${dir} is not a folder, so the PDF was not saved.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) refuseSave(`${file} is a folder. Give the PDF a file name, for example minutes.pdf.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    refuseSave(`The folder ${dir} cannot be written to, so the PDF was not saved. Choose a folder you can write to.`);
  }
  return file;
}

/**
 * Writes the PDF where the user asked, all or nothing: into a temporary file beside it, then
 * renamed over. A folder that does not exist or cannot be written is refused with a clear
 * message, and no file (not even a partial one) is left behind.
 */
export function writePdfFile(target: string, bytes: Buffer): string {
  const file = checkPdfTarget(target);
  const dir = path.dirname(file);
  const refuse = refuseSave;
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.part`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC') refuse('The disk is full, so the PDF was not saved. Free some space and try again.');
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code)) {
      refuse(`The folder ${dir} cannot be written to, so the PDF was not saved. Choose a folder you can write to.`);
    }
    refuse(`The PDF could not be saved to ${file} (${code}), so nothing was written.`);
  }
  return file;
}
