// The PDF's outline (bookmarks) titled with the app's own headings. Chromium builds the outline
// from the headings as laid out, and loses the space where a heading wraps onto a second line
// ("report back frommain board"): each entry keeps its destination and place in the tree, and
// gets the heading's text as the app wrote it, in an incremental update.
import { squash } from '../../../shared/domain/confidential';
import { appendPdfUpdate, pdfString, readPdf, refIn, type PdfDocument, type PdfObjectUpdate } from './pdfFile';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', emsp: ' ' };

/** The text of every h1–h6 of an HTML document the app wrote, in document order: what Chromium makes the outline from. */
export function headingTitles(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) =>
    (m[2] as string)
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
        return ENTITIES[name.toLowerCase()] ?? entity;
      })
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** A PDF string value (literal or hex) at `at` in an object's text: where it ends and what it says. */
function stringAt(text: string, at: number): { end: number; value: string } | null {
  const bytes: number[] = [];
  let end: number;
  if (text[at] === '<') {
    end = text.indexOf('>', at);
    if (end < 0) return null;
    const hex = text.slice(at + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    end += 1;
  } else if (text[at] === '(') {
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    let depth = 1;
    let i = at + 1;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i] as string;
      if (c === '\\') {
        const next = text[i + 1] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
        if (octal) {
          bytes.push(parseInt(octal[0], 8) & 0xff);
          i += octal[0].length;
        } else if (next === '\r' || next === '\n') {
          i += next === '\r' && text[i + 2] === '\n' ? 2 : 1;
        } else {
          bytes.push(escapes[next] ?? next.charCodeAt(0));
          i += 1;
        }
        continue;
      }
      if (c === '(') depth++;
      if (c === ')' && --depth === 0) break;
      bytes.push(c.charCodeAt(0));
    }
    if (depth > 0) return null;
    end = i + 1;
  } else {
    return null;
  }
  const buf = Buffer.from(bytes);
  const utf16 = buf[0] === 0xfe && buf[1] === 0xff;
  const value = utf16 ? Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1))).swap16().toString('utf16le') : buf.toString('latin1');
  return { end, value };
}

interface OutlineEntry {
  num: number;
  head: string;
  title: { start: number; end: number; value: string } | null;
}

/** The outline's entries in reading order (each before its children, then the next). */
function outlineEntries(doc: PdfDocument): OutlineEntry[] {
  const root = refIn(doc.trailer, 'Root');
  const outlines = root === null ? null : refIn(doc.objects.get(root)?.head ?? '', 'Outlines');
  const first = outlines === null ? null : refIn(doc.objects.get(outlines)?.head ?? '', 'First');
  const entries: OutlineEntry[] = [];
  const seen = new Set<number>();
  const visit = (start: number | null, depth: number): void => {
    for (let num = start; num !== null && !seen.has(num) && depth < 16; ) {
      seen.add(num);
      const head = doc.objects.get(num)?.head ?? '';
      const key = /\/Title\s*/.exec(head);
      const value = key ? stringAt(head, key.index + key[0].length) : null;
      entries.push({ num, head, title: key && value ? { start: key.index + key[0].length, end: value.end, value: value.value } : null });
      visit(refIn(head, 'First'), depth + 1);
      num = refIn(head, 'Next');
    }
  };
  visit(first, 0);
  return entries;
}

/**
 * Retitles the outline with the headings' own text. Chromium makes one entry per heading, in
 * order: when the counts agree each entry takes its heading's text; otherwise entries are matched
 * in order by their letters and digits, and one that matches no heading keeps Chromium's title.
 */
export function setPdfOutlineTitles(bytes: Buffer, titles: readonly string[]): Buffer {
  const doc = readPdf(bytes);
  const entries = outlineEntries(doc).filter((e) => e.title !== null);
  const updates: PdfObjectUpdate[] = [];
  let next = 0;
  for (const [i, entry] of entries.entries()) {
    const title = entry.title as NonNullable<OutlineEntry['title']>;
    let k = i;
    if (entries.length !== titles.length) {
      k = titles.findIndex((t, j) => j >= next && squash(t) === squash(title.value));
      if (k < 0) continue;
    }
    next = k + 1;
    const wanted = titles[k] as string;
    if (wanted === title.value) continue;
    updates.push({ num: entry.num, body: `${entry.head.slice(0, title.start)}${pdfString(wanted)}${entry.head.slice(title.end)}`.trim() });
  }
  return updates.length === 0 ? bytes : appendPdfUpdate(doc, updates);
}
