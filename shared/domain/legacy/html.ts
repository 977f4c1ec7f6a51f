// A Word document's HTML (as mammoth gives it) turned into the text layout legacy minutes are
// read from: one line per paragraph, one tab-separated line per table row, list entries as
// "- " lines. Paragraphs inside one table cell stay in that cell, separated by LINE_IN_CELL.
// Pure string work (no DOM): mammoth's HTML is simple and well formed.

/** Separates the lines of one table cell (a details cell with a list) without ending the row. */
export const LINE_IN_CELL = '\u2028';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const inline = (html: string): string =>
  decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();

/** The blocks inside a fragment: paragraphs and headings as text, list entries as "- " lines. */
function blocksOf(html: string): string[] {
  const out: string[] = [];
  const block = /<(p|h[1-6]|li)\b[^>]*>([\s\S]*?)<\/\1>/gi;
  let m: RegExpExecArray | null;
  while ((m = block.exec(html)) !== null) {
    const tag = (m[1] as string).toLowerCase();
    // A list entry holding paragraphs: mammoth writes <li> around inline content, so this is rare.
    const text = inline(m[2] as string);
    if (tag === 'li') out.push(`- ${text}`);
    else if (text) out.push(text);
  }
  if (out.length === 0) {
    const text = inline(html);
    if (text) out.push(text);
  }
  return out;
}

function tableLines(table: string): string[] {
  const lines: string[] = [];
  for (const row of table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
    const cells = [...(row[1] as string).matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((c) => blocksOf(c[1] as string).join(LINE_IN_CELL));
    lines.push(cells.join('\t'));
  }
  return lines;
}

/** The text of a document's HTML in the legacy layout, line by line. */
export function htmlToLegacyText(html: string): string {
  const lines: string[] = [];
  // Tables first, as units: their paragraphs belong to their cells.
  const parts = html.split(/(<table\b[\s\S]*?<\/table>)/i);
  for (const part of parts) {
    if (/^<table\b/i.test(part)) lines.push(...tableLines(part), '');
    else for (const b of blocksOf(part)) lines.push(b, '');
  }
  return lines.join('\n');
}
