// The text on each page of a PDF Chromium printed, read without any PDF library: enough of the
// content-stream syntax to follow the text-showing operators through each font's ToUnicode map.
// The public version's check for confidential text reads the printed PDF with it.
import { decoded, dictAt, namedRefs, pageObjects, readPdf, refIn, type PdfDocument } from './pdfFile';

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

const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };

// Byte classes of the content-stream syntax, looked up rather than tested with strings: the
// reader goes through every byte of a long PDF's pages, and it runs on every public export.
const SPACE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) SPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const ch of '()<>[]{}/%') DELIMITER[ch.charCodeAt(0)] = 1;
/** A hex digit's value; 0xff for anything else (spaces inside a hex string are skipped). */
const HEX = new Uint8Array(256).fill(0xff);
for (let d = 0; d < 16; d++) {
  HEX['0123456789abcdef'.charCodeAt(d)] = d;
  HEX['0123456789ABCDEF'.charCodeAt(d)] = d;
}
/** A number starts with a digit, a sign or a point; an operator never does. */
const NUMBER_START = new Uint8Array(256);
for (const ch of '0123456789+-.') NUMBER_START[ch.charCodeAt(0)] = 1;

/** An operator of one or two characters as scanContent reports it. */
const op = (word: string): number => word.charCodeAt(0) | (word.length > 1 ? word.charCodeAt(1) << 8 : 0);
const TF = op('Tf');
const TJ_LOWER = op('Tj');
const TJ_UPPER = op('TJ');
const QUOTE = op("'");
const DOUBLE_QUOTE = op('"');
const T_STAR = op('T*');
const TM = op('Tm');
const ET = op('ET');
const DO = op('Do');

/** What the reader does with a content stream's tokens; numbers, arrays and dictionaries are passed over. */
interface ContentSink {
  string(bytes: Buffer): void;
  name(value: string): void;
  /** An operator: its one or two bytes as a number (op('Tj')), 0 when longer (the reader acts on none of those). */
  operator(code: number): void;
}

/**
 * Reads a content stream's tokens: enough of the syntax to find text-showing operators and
 * their strings. One pass over the bytes, with nothing made for the numbers that are most of a
 * page (Chromium places every glyph), since it runs over every page of every public export.
 */
function scanContent(data: Buffer, sink: ContentSink): void {
  const n = data.length;
  let i = 0;
  while (i < n) {
    const c = data[i] as number;
    if (SPACE[c] === 1) {
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
          if (next >= 0x30 && next <= 0x37) {
            let oct = 0;
            let j = i + 1;
            while (j < i + 4 && (data[j] as number) >= 0x30 && (data[j] as number) <= 0x37) oct = oct * 8 + ((data[j++] as number) - 0x30);
            out.push(oct & 0xff);
            i = j;
            continue;
          }
          if (next === 0x0a || next === 0x0d) {
            i += 2;
            continue;
          }
          out.push(ESCAPES[next] ?? next);
          i += 2;
          continue;
        }
        if (ch === 0x28) depth++;
        if (ch === 0x29) depth--;
        if (depth > 0) out.push(ch);
        i++;
      }
      sink.string(Buffer.from(out));
    } else if ((c === 0x3c && data[i + 1] === 0x3c) || (c === 0x3e && data[i + 1] === 0x3e)) {
      i += 2;
    } else if (c === 0x3c) {
      // A hex string: Chromium shows every glyph as one, so it is read nibble by nibble.
      const end = data.indexOf(0x3e, i);
      const stop = end < 0 ? n : end;
      const out = Buffer.allocUnsafe((stop - i) >> 1);
      let length = 0;
      let high = -1;
      for (let j = i + 1; j < stop; j++) {
        const nibble = HEX[data[j] as number] as number;
        if (nibble === 0xff) continue;
        if (high < 0) high = nibble;
        else {
          out[length++] = (high << 4) | nibble;
          high = -1;
        }
      }
      if (high >= 0) out[length++] = high << 4;
      i = stop + (end < 0 ? 0 : 1);
      sink.string(out.subarray(0, length));
    } else if (c === 0x2f) {
      let j = i + 1;
      while (j < n && SPACE[data[j] as number] !== 1 && DELIMITER[data[j] as number] !== 1) j++;
      sink.name(data.toString('latin1', i + 1, j));
      i = j;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      i++;
    } else {
      let j = i;
      while (j < n && SPACE[data[j] as number] !== 1 && DELIMITER[data[j] as number] !== 1) j++;
      if (j === i) j++;
      // A number for the operator, not a string: a page has tens of thousands of them.
      if (NUMBER_START[c] !== 1) sink.operator(j - i === 1 ? c : j - i === 2 ? c | ((data[i + 1] as number) << 8) : 0);
      i = j;
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
  scanContent(content, {
    string: (bytes) => {
      strings.push(bytes);
    },
    name: (value) => {
      lastName = value;
    },
    operator: (code) => {
      switch (code) {
        case TF:
          font = fontFor(lastName);
          break;
        case TJ_LOWER:
        case TJ_UPPER:
        case QUOTE:
        case DOUBLE_QUOTE:
          for (const s of strings) out += decodeString(s, font);
          break;
        // Chromium places glyph by glyph with Td and prints spaces as glyphs: Td is no gap.
        case T_STAR:
          out += '\n';
          break;
        case TM:
          out += ' ';
          break;
        case ET:
          out += '\n';
          break;
        case DO: {
          const num = xobjects.get(lastName);
          const form = num === undefined ? undefined : doc.objects.get(num);
          if (form && depth < 8 && /\/Subtype\s*\/Form/.test(form.head)) {
            out += contentText(doc, decoded(form), dictAt(doc, form.head, 'Resources') || resources, fontCache, depth + 1);
          }
          break;
        }
      }
      strings.length = 0;
    },
  });
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
