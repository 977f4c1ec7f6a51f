// Reading a .docx back without any Office library: the zip's central directory, each part
// inflated, and the text of the document, headers and footers as a reader would get it (one
// line per paragraph, table cells separated by tabs). The public version's leak check reads this.
import { inflateRawSync } from 'node:zlib';

/** Every file in a zip archive, by name (stored and deflated entries: all a .docx uses). */
export function unzip(bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // The end of central directory record: its signature, searched from the end (a comment may follow it).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a zip file.');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('The zip file’s directory is damaged.');
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + compressed);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

const SEPARATORS: Record<string, string> = { '<w:tab/>': '\t', '<w:br/>': '\n', '</w:p>': '\n', '</w:tc>': '\t' };

/** The text of one WordprocessingML part: w:t runs, tabs and breaks, a line per paragraph. */
export function wordXmlText(xml: string): string {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<\/w:p>|<\/w:tc>/g)) {
    out.push(m[1] !== undefined ? decodeXml(m[1]) : (SEPARATORS[m[0]] ?? ''));
  }
  return out.join('');
}

/** Everything a reader of the .docx sees: the document, then its headers and footers. */
export function docxText(bytes: Buffer): { body: string; headers: string; footers: string } {
  const parts = unzip(bytes);
  const text = (re: RegExp): string =>
    [...parts.entries()]
      .filter(([name]) => re.test(name))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, data]) => wordXmlText(data.toString('utf8')))
      .join('\n');
  const body = parts.get('word/document.xml');
  if (!body) throw new Error('The Word document has no word/document.xml.');
  return { body: wordXmlText(body.toString('utf8')), headers: text(/^word\/header\d*\.xml$/), footers: text(/^word\/footer\d*\.xml$/) };
}
