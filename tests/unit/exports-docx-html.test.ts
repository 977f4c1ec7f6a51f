// The minutes as Word and as accessible HTML, read back with real readers: the .docx unzipped
// (word/document.xml, headers, footers) and converted by mammoth; the HTML's own text. Every
// item and action is there, the running header and page fields too; the public version holds
// none of a confidential item's words, and one that would is refused with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { DocumentExport, MeetingAttendance } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { buildMinutesDocx, buildMinutesWebHtml } from '../../electron/core/documents/minutesDocuments';
import { docxText, unzip } from '../../electron/core/publication/docxText';
import { htmlText } from '../../electron/core/publication/publication';
import { runExport } from '../../electron/export';
import { wordsOf } from '../../shared/domain/confidential';
import { ok, tempDir } from '../helpers/temp';
import { FIXTURE_ITEMS, inProcess, ITEM_1A_LIST, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';

const BOARD = 'Southwark Safeguarding Children Executive Board (sample)';
/** Words and phrases of item 6c that appear nowhere else in the minutes of 19 February 2014. */
const ITEM_6C_WORDS = ['IRO', 'IROs', 'stocktake', 'step-down', 'out of borough placements', 'Report of the IRO and CP chairs'];
const hasWords = (text: string, phrase: string): boolean => ` ${wordsOf(text).join(' ')} `.includes(` ${wordsOf(phrase).join(' ')} `);

async function seeded(hooks: Parameters<typeof startCore>[2] = {}): Promise<{ core: Core; seeded: SeededMinutes; file: string }> {
  const file = path.join(tempDir(), 'data.sqlite');
  const core = await startCore(file, {}, { openedBriefly: true, ...hooks });
  const s = await seedFixtureMinutes(inProcess(core));
  ok(core, 'updateAgendaItem', { itemId: s.items['6c'], confidential: true });
  return { core, seeded: s, file };
}

describe('the minutes as a Word document', () => {
  it('holds every item, action and the running header, with real heading styles, lists and page fields', async () => {
    const { core, seeded: s } = await seeded();
    try {
      const { bytes, fileName } = await buildMinutesDocx(core.store!, s.meetingId, 'full');
      expect(fileName).toBe('SSCB minutes 2014-02-19 (full, confidential).docx');
      const parts = unzip(bytes);
      const xml = parts.get('word/document.xml')!.toString('utf8');
      const text = docxText(bytes);
      for (const item of FIXTURE_ITEMS) expect(text.body, item.number).toContain(`${item.number}. ${item.title}`);
      for (const [i, ref] of s.references.entries()) {
        expect(text.body).toContain(ref);
        expect(text.body).toContain(s.actionDetails[i]!.split('\n')[0]);
      }
      expect(text.headers).toContain('Minutes and Actions');
      expect(text.headers).toContain(BOARD);
      expect(text.headers).toContain('19 February 2014');
      expect(text.headers).toContain('CONFIDENTIAL – full version');
      const footer = [...parts.entries()].filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, d]) => d.toString('utf8')).join('');
      expect(footer).toMatch(/PAGE/);
      expect(footer).toMatch(/NUMPAGES/);
      // Real Word headings: the title, the items and their sub-items.
      expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
      expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/);
      expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>/);
      expect(text.body).toContain('Decisions and/or actions agreed');
      expect(text.body).toContain('DRAFT – subject to agreement');

      // mammoth, as another reader: headings and list items come through as such.
      const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
      expect(html).toMatch(/<h2>1\. [^<]+<\/h2>/);
      expect(html).toContain(`<h3>1a. ${FIXTURE_ITEMS.find((i) => i.number === '1a')!.title}</h3>`);
      const listed = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      for (const line of ITEM_1A_LIST) expect(listed.some((l) => l.includes(line.slice(0, 40)))).toBe(true);
      expect(html).toContain('<table>');
    } finally {
      core.close();
    }
  });

  it('leaves every word of a confidential item out of the public version, which has its placeholder', async () => {
    const { core, seeded: s } = await seeded();
    try {
      const pub = docxText((await buildMinutesDocx(core.store!, s.meetingId, 'public')).bytes);
      const full = docxText((await buildMinutesDocx(core.store!, s.meetingId, 'full')).bytes);
      const all = (t: typeof pub) => [t.headers, t.body, t.footers].join('\n');
      for (const phrase of ITEM_6C_WORDS) {
        expect(hasWords(all(full), phrase), phrase).toBe(true);
        expect(hasWords(all(pub), phrase), phrase).toBe(false);
      }
      expect(pub.body).toContain('Item 6c: confidential – not for publication');
      expect(pub.footers).toContain('Public version');
    } finally {
      core.close();
    }
  });

  it('refuses a public Word or HTML file when a public item repeats a confidential passage, and writes nothing', async () => {
    const out = path.join(tempDir(), 'chosen');
    const { core, seeded: s } = await seeded({ choosePdfPath: async (name) => `${out}${path.extname(name)}` });
    try {
      const quoted = 'RB asked for more analysis around what happens at step-down.';
      const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: s.meetingId, title: 'Any other business' });
      ok(core, 'addDecision', { itemId: item.id, text: quoted });
      for (const format of ['docx', 'html'] as const) {
        const response = await core.callAsync('exportMinutesDocument', { meetingId: s.meetingId, version: 'public', format });
        expect(response).toMatchObject({ ok: false, error: { code: 'conflict' } });
        if (!response.ok) expect(response.error.message).toContain(`contains text from confidential item 6c (“${quoted}”)`);
        expect(fs.existsSync(`${out}.${format}`)).toBe(false);
      }
      expect(fs.readdirSync(path.dirname(out))).toEqual([]);
      // The full version, for members, is still made.
      const full = (await core.callAsync('exportMinutesDocument', { meetingId: s.meetingId, version: 'full', format: 'docx' })) as { ok: true; value: DocumentExport };
      expect(full.value).toMatchObject({ savedTo: `${out}.docx`, cancelled: false });
      expect(docxText(fs.readFileSync(`${out}.docx`)).body).toContain(quoted);
    } finally {
      core.close();
    }
  });

  it('refuses a place the file cannot be written before making anything, and leaves no file behind', async () => {
    // A "folder" that is a file (as a path typed over an existing file would be): refused whoever runs the test.
    const dir = tempDir();
    const notAFolder = path.join(dir, 'notes.txt');
    fs.writeFileSync(notAFolder, 'x');
    const { core, seeded: s, file } = await seeded({ choosePdfPath: async (name) => path.join(notAFolder, name) });
    try {
      const response = await core.callAsync('exportMinutesDocument', { meetingId: s.meetingId, version: 'full', format: 'docx' });
      expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input', message: `${notAFolder} is not a folder, so the Word document was not saved.` } });
      expect(fs.readdirSync(dir)).toEqual(['notes.txt']);
    } finally {
      core.close();
    }
    const missing = path.join(tempDir(), 'gone', 'x.html');
    await expect(runExport(['--data', file, '--meeting', s.meetingId, '--out', missing])).rejects.toThrow(/does not exist, so the HTML file was not saved/);
  });

  it('hands the file back to download in the browser host', async () => {
    const { core, seeded: s } = await seeded();
    try {
      const result = (await core.callAsync('exportMinutesDocument', { meetingId: s.meetingId, version: 'public', format: 'docx' })) as { ok: true; value: DocumentExport };
      expect(result.value).toMatchObject({ format: 'docx', fileName: 'SSCB minutes 2014-02-19 (public).docx', savedTo: null, cancelled: false });
      const bytes = Buffer.from(result.value.base64!, 'base64');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(result.value.bytes).toBe(bytes.length);
    } finally {
      core.close();
    }
  });
});

describe('the minutes as accessible HTML', () => {
  it('is one self-contained file: en-GB, a skip link to one main, tables with header cells, no scripts, nothing fetched', async () => {
    const { core, seeded: s } = await seeded();
    try {
      const html = buildMinutesWebHtml(core.store!, s.meetingId, 'public').bytes.toString('utf8');
      expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
      expect(html).toContain('<a class="skip-link" href="#minutes">');
      expect(html.match(/<main\b/g)).toHaveLength(1);
      expect(html).toContain('<main id="minutes">');
      expect(html).not.toMatch(/<script\b/i);
      expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
      expect(html).toContain('<th scope="col" class="reference">Reference</th>');
      for (const phrase of ITEM_6C_WORDS) expect(hasWords(htmlText(html), phrase), phrase).toBe(false);
      for (const item of FIXTURE_ITEMS.filter((i) => i.number !== '6c')) expect(htmlText(html)).toContain(item.title);
    } finally {
      core.close();
    }
  });
});

describe('npm run export chooses the format from the file name', () => {
  it('writes .docx and .html through the same core, and refuses an extension it does not know', async () => {
    const { core, seeded: s, file } = await seeded();
    core.close();
    const dir = tempDir();
    expect(await runExport(['--data', file, '--meeting', '2014-02-19', '--out', path.join(dir, 'm.docx'), '--public'])).toMatch(/public version of the minutes as a Word document/);
    expect(unzip(fs.readFileSync(path.join(dir, 'm.docx'))).has('word/document.xml')).toBe(true);
    expect(await runExport(['--data', file, '--meeting', s.meetingId, '--out', path.join(dir, 'm.html')])).toMatch(/full version of the minutes as HTML/);
    expect(fs.readFileSync(path.join(dir, 'm.html'), 'utf8')).toContain('Item 6c'.replace('Item ', '6c. ').slice(0, 3));
    await expect(runExport(['--data', file, '--meeting', s.meetingId, '--out', path.join(dir, 'm.odt')])).rejects.toThrow('--out must end in .pdf, .docx or .html');
    expect(fs.readdirSync(dir).sort()).toEqual(['m.docx', 'm.html']);
  });
});

describe('the attendance the declarations need', () => {
  it('the fixture has people present and people who gave apologies', async () => {
    const { core, seeded: s } = await seeded();
    try {
      const { rows } = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: s.meetingId });
      expect(rows.some((r) => r.status === 'present')).toBe(true);
      expect(rows.some((r) => r.status === 'apologies')).toBe(true);
    } finally {
      core.close();
    }
  });
});
