// Reading PDFs in tests with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftohtml): tools
// independent of the app's own small PDF reader, so each checks the other.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function withFile<T>(pdf: Buffer | string, run: (file: string) => T): T {
  if (typeof pdf === 'string') return run(pdf);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-pdf-'));
  const file = path.join(dir, 'check.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: string[]): string => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** pdfinfo's fields: Title, Author, Subject, Keywords, Tagged, Pages... */
export function pdfInfo(pdf: Buffer | string): Record<string, string> {
  return withFile(pdf, (file) =>
    Object.fromEntries(
      run('pdfinfo', ['-enc', 'UTF-8', file])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] as string, m[2] as string]),
    ),
  );
}

/** The text of every page, as pdftotext reads it (with `layout`, table rows stay on their lines). */
export function pdfTextPages(pdf: Buffer | string, options: { layout?: boolean } = {}): string[] {
  return withFile(pdf, (file) => {
    const pages = Number(pdfInfo(file).Pages);
    const layout = options.layout ? ['-layout'] : [];
    return Array.from({ length: pages }, (_, i) => run('pdftotext', ['-enc', 'UTF-8', ...layout, '-f', String(i + 1), '-l', String(i + 1), file, '-']));
  });
}

/** The fonts and whether each is embedded. */
export function pdfFonts(pdf: Buffer | string): Array<{ name: string; embedded: boolean }> {
  return withFile(pdf, (file) =>
    run('pdffonts', [file])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name, type..., encoding, emb, sub, uni, object ID (2 columns)
        return { name: cols[0] as string, embedded: cols[cols.length - 5] === 'yes' };
      }),
  );
}

export interface OutlineEntry {
  title: string;
  page: number;
  children: OutlineEntry[];
}

/** The document outline (bookmarks), from pdftohtml's XML output. */
export function pdfOutline(pdf: Buffer | string): OutlineEntry[] {
  return withFile(pdf, (file) => {
    const xml = run('pdftohtml', ['-xml', '-i', '-q', '-stdout', file]);
    const start = xml.indexOf('<outline>');
    if (start < 0) return [];
    const root: OutlineEntry = { title: '', page: 0, children: [] };
    const stack: OutlineEntry[] = [root];
    let last: OutlineEntry | null = null;
    const decode = (s: string): string =>
      s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[n] ?? '');
    for (const m of xml.slice(start).matchAll(/<outline>|<\/outline>|<item page="(\d+)">([\s\S]*?)<\/item>/g)) {
      if (m[0] === '<outline>') {
        if (last) stack.push(last);
      } else if (m[0] === '</outline>') {
        stack.pop();
      } else {
        last = { title: decode(m[2] as string).trim(), page: Number(m[1]), children: [] };
        stack[stack.length - 1]?.children.push(last);
      }
    }
    // The first <outline> opened the root itself.
    return root.children;
  });
}

export const flatten = (entries: OutlineEntry[]): OutlineEntry[] => entries.flatMap((e) => [e, ...flatten(e.children)]);

/** Letters and digits only, lower case: PDF text loses and gains spaces and line breaks. */
export const squashed = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The pictures on each page, as pdfimages lists them: the page, the kind (image, smask) and the PDF object it is. */
export function pdfImages(pdf: Buffer | string): Array<{ page: number; type: string; encoding: string; object: number; width: number; height: number }> {
  return withFile(pdf, (file) =>
    run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/))
      .filter((cells) => cells.length > 10)
      .map((cells) => ({ page: Number(cells[0]), type: cells[2] as string, width: Number(cells[3]), height: Number(cells[4]), encoding: cells[8] as string, object: Number(cells[10]) })),
  );
}
