// Legacy minutes as a Word .docx (mammoth -> HTML -> the text layout -> the same reader): a
// document made here from the 19 February 2014 content reads to the same meeting as the text.
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../electron/core/import/readFile';
import { htmlToLegacyText } from '../../shared/domain/legacy/html';
import { fixtureDocx } from '../helpers/fixture-docx';
import feb from '../fixtures/2014-02-19.json' with { type: 'json' };
import { expectMatchesFixture } from '../helpers/fixture-compare';

describe('legacy minutes as a Word document', () => {
  it('reads a .docx of 19 February 2014 into the meeting the fixture JSON describes', async () => {
    const bytes = await fixtureDocx(feb);
    const read = await readImportFile('2014-02-19.docx', new Uint8Array(bytes));
    expect(read.format).toBe('docx');
    expect(read.meetings).toHaveLength(1);
    expectMatchesFixture(read.meetings[0]!, feb);
    const kinds = read.meetings[0]!.warnings.map((w) => w.kind);
    expect(kinds).toEqual(expect.arrayContaining(['speaker_not_present', 'speaker_outside_items', 'attendance_item_missing', 'owners_unseparated', 'owner_phrase']));
  });

  it('reads the running header from Word’s page header, where the originals keep it', async () => {
    const bytes = await fixtureDocx(feb, { runningHeader: true });
    const read = await readImportFile('2014-02-19.docx', new Uint8Array(bytes));
    expect(read.meetings).toHaveLength(1);
    expectMatchesFixture(read.meetings[0]!, feb);
  });

  it('turns tables into tab-separated rows and keeps a cell’s lines in its cell', () => {
    const html = '<p>Intro &amp; more</p><table><tr><td><p>10</p></td><td><p>Reports on:</p><p>- one</p></td><td><p>JC EA</p></td></tr></table><ul><li>a</li><li>b</li></ul>';
    expect(htmlToLegacyText(html).split('\n').filter(Boolean)).toEqual(['Intro & more', '10\tReports on:\u2028- one\tJC EA', '- a', '- b']);
  });

  it('refuses a password-protected, a damaged and a non-minutes Word file with a clear message each', async () => {
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readImportFile('minutes.docx', cfb)).rejects.toThrow(/password-protected/);
    await expect(readImportFile('minutes.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toThrow(/damaged/);
    await expect(readImportFile('minutes.docx', new TextEncoder().encode('hello'))).rejects.toThrow(/damaged/);
    const { Document, Packer, Paragraph } = await import('docx');
    const letter = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Dear Sir, thank you for your letter.')] }] }));
    await expect(readImportFile('letter.docx', new Uint8Array(letter))).rejects.toThrow(/This Word document does not look like minutes/);
    await expect(readImportFile('empty.txt', new Uint8Array())).rejects.toThrow(/empty/);
  });
});

describe('legacy minutes as text in other encodings', () => {
  it('reads UTF-16 with a byte-order mark and text with page breaks as form feeds', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync(new URL('../fixtures/sscb-2014-02-19-and-04-10.txt', import.meta.url), 'utf8').replaceAll('\nMinutes and Actions\n', '\n\fMinutes and Actions\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const read = await readImportFile('sscb.txt', utf16);
    expect(read.meetings.map((m) => [m.date, m.items.length])).toEqual([
      ['2014-02-19', 10],
      ['2014-04-10', 9],
    ]);
    expectMatchesFixture(read.meetings[0]!, feb);
  });
});
