// The running header of a Word document ("Minutes and Actions", the board, the date, the time),
// which Word keeps in the page header rather than the body: mammoth reads only the body, so the
// header's paragraphs are read here from the .docx package itself.
import JSZip from 'jszip';
import { decodeEntities } from '../../../shared/domain/legacy/html';

/** The paragraphs of a WordprocessingML part, as text lines (runs joined, tabs kept). */
export function wordParagraphs(xml: string): string[] {
  const lines: string[] = [];
  for (const p of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    const text = [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : decodeEntities(m[1] ?? ''))).join('');
    if (text.trim()) lines.push(text.trim());
  }
  return lines;
}

/** The lines of the first section's default page header; empty when there is none or it cannot be read. */
export async function docxHeaderLines(bytes: Uint8Array): Promise<string[]> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const document = await zip.file('word/document.xml')?.async('string');
    const rels = await zip.file('word/_rels/document.xml.rels')?.async('string');
    if (!document || !rels) return [];
    const refs = [...document.matchAll(/<w:headerReference\b[^>]*>/g)].map((m) => m[0]);
    const ref = refs.find((r) => /w:type="default"/.test(r)) ?? refs[0];
    const id = ref ? /r:id="([^"]+)"/.exec(ref)?.[1] : undefined;
    if (!id) return [];
    const target = new RegExp(`<Relationship\\b[^>]*Id="${id.replace(/[^\w-]/g, '')}"[^>]*>`).exec(rels)?.[0];
    const path = target ? /Target="([^"]+)"/.exec(target)?.[1] : undefined;
    const header = path ? await zip.file(`word/${path.replace(/^\/?word\//, '')}`)?.async('string') : undefined;
    return header ? wordParagraphs(header) : [];
  } catch {
    // A header that cannot be read is no reason to refuse the body: the reader will say what is missing.
    return [];
  }
}
