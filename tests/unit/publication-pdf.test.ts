// The minutes as PDF, printed by the system Chromium (electron/pdf/print.ts) and read back with
// poppler-utils: pages, running header, tagged structure, outline, document information,
// embedded fonts; the public version without a confidential item; where the file goes.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinutesPdfExport } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { buildMinutesPdf } from '../../electron/core/publication/publication';
import { pdfPageCount } from '../../electron/core/publication/pdfFile';
import { pdfPageTexts } from '../../electron/core/publication/pdfText';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { runExport } from '../../electron/export';
import { dump, ok, tempDir } from '../helpers/temp';
import { FIXTURE_ITEMS, inProcess, ITEM_6_TITLE, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';
import { wordsOf } from '../../shared/domain/confidential';
import { flatten, pdfFonts, pdfInfo, pdfOutline, pdfTextPages, squashed } from '../helpers/pdf';

const BOARD = 'Southwark Safeguarding Children Executive Board (sample)';
/** Words and phrases of item 6c that appear nowhere else in the minutes of 19 February 2014. */
const ITEM_6C_WORDS = ['IRO', 'IROs', 'stocktake', 'step-down', 'out of borough placements', 'Report of the IRO and CP chairs', 'signs of safety is seen as a very successful model'];
const hasWords = (text: string, phrase: string): boolean => ` ${wordsOf(text).join(' ')} `.includes(` ${wordsOf(phrase).join(' ')} `);

let dir: string;
let dataFile: string;
let seeded: SeededMinutes;
let full: Buffer;
let publicPdf: Buffer;

/** Opened briefly, again and again: no start-of-day backup to close under. */
async function open(hooks: Parameters<typeof startCore>[2] = {}): Promise<Core> {
  return startCore(dataFile, {}, { openedBriefly: true, ...hooks });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-pdf-test-'));
  dataFile = path.join(dir, 'minutes.sqlite');
  const core = await open();
  try {
    seeded = await seedFixtureMinutes(inProcess(core));
    ok(core, 'updateAgendaItem', { itemId: seeded.items['6c'], confidential: true });
    full = (await buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'full' }, printHtmlToPdf)).bytes;
    publicPdf = (await buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'public' }, printHtmlToPdf)).bytes;
  } finally {
    core.close();
  }
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the PDF of the meeting of 19 February 2014', () => {
  it('runs over several pages, each with the running header and "page x of y"', () => {
    const pages = pdfTextPages(full);
    expect(pages.length).toBeGreaterThan(1);
    expect(pdfPageCount(full)).toBe(pages.length);
    pages.forEach((page, i) => {
      const text = squashed(page);
      expect(text, `page ${i + 1}`).toContain(squashed(`Minutes and Actions ${BOARD} 19 February 2014, 11.00 am – 1.00 pm`));
      expect(text, `page ${i + 1}`).toContain(squashed(`Page ${i + 1} of ${pages.length}`));
      expect(text, `page ${i + 1}`).toContain(squashed('CONFIDENTIAL – full version'));
      expect(text, `page ${i + 1}`).toContain(squashed('DRAFT – subject to agreement'));
    });
  });

  it('has the action table rows in order with their references, owners and due', () => {
    // Laid out as printed: a row's reference, the start of its details and its owners share a line.
    const lines = pdfTextPages(full, { layout: true }).join('\n').split('\n');
    expect(seeded.references).toHaveLength(13);
    let previous = -1;
    seeded.references.forEach((reference, i) => {
      const at = lines.findIndex((l) => new RegExp(`^\\s*${reference.replace(/[/]/g, '\\/')}\\s`).test(l));
      expect(at, `action ${reference}`).toBeGreaterThan(previous);
      const firstWords = (seeded.actionDetails[i] as string).split(/\s+/).slice(0, 3).join(' ');
      expect(lines[at], `action ${reference}`).toContain(firstWords);
      previous = at;
    });
    const row = (n: number): string => (lines.find((l) => l.trimStart().startsWith(`${seeded.references[n]} `)) ?? '').replace(/\s+/g, ' ');
    expect(row(1)).toMatch(/ AF & EA$/);
    expect(row(3)).toMatch(/ AF next meeting$/);
    expect(row(9)).toMatch(/ JC & EA$/);
  });

  it('is tagged, in en-GB, with title, author and subject, its fonts embedded', () => {
    const info = pdfInfo(full);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(`Minutes and Actions: ${BOARD}, 19 February 2014 (full version, confidential)`);
    expect(info.Author).toBe(BOARD);
    expect(info.Subject).toMatch(/^Minutes of the meeting of .* held on 19 February 2014: full version including confidential items/);
    expect(info.Keywords).toContain('minutes');
    expect(info.Creator).toMatch(/^Matters Arising /);
    expect(full.toString('latin1')).toContain('/Lang (en-GB)');
    const fonts = pdfFonts(full);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.some((f) => f.name.includes('DejaVuSans'))).toBe(true);
  });

  it('has one outline entry per agenda item, sub-items under their item', () => {
    const outline = pdfOutline(full);
    expect(outline).toHaveLength(1);
    expect(squashed(outline[0]?.title ?? '')).toBe(squashed(`Minutes and Actions – ${BOARD}`));
    const items = flatten(outline[0]?.children ?? []);
    const expected = [...FIXTURE_ITEMS.slice(0, 7), { number: '6', title: ITEM_6_TITLE }, ...FIXTURE_ITEMS.slice(7)].map((i) => `${i.number}. ${i.title}`);
    expect(items.map((e) => squashed(e.title))).toEqual(expected.map(squashed));
    expect(outline[0]?.children.map((e) => e.title.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(outline[0]?.children[0]?.children.map((e) => e.title.split('.')[0])).toEqual(['1a', '1b']);
  });

  it('reads back the same text as pdftotext (the check for confidential text relies on it)', () => {
    // The same letters and digits on every page; the order may differ (drawing order against
    // pdftotext's reading order of table columns).
    const letters = (text: string): string => [...squashed(text)].sort().join('');
    const ours = pdfPageTexts(full);
    const poppler = pdfTextPages(full);
    expect(ours.map(letters)).toEqual(poppler.map(letters));
    expect(squashed(ours.join(''))).toContain(squashed('RB asked for more analysis around what happens at step-down.'));
  });

  it('leaves item 6c out of the public version and keeps it in the full one', () => {
    const publicText = pdfTextPages(publicPdf).join('\n');
    const fullText = pdfTextPages(full).join('\n');
    for (const words of ITEM_6C_WORDS) {
      expect(hasWords(fullText, words), words).toBe(true);
      expect(hasWords(publicText, words), words).toBe(false);
    }
    expect(squashed(publicText)).toContain(squashed('Item 6c: confidential – not for publication'));
    expect(squashed(publicText)).not.toContain(squashed(seeded.references[12] as string));
    expect(squashed(publicText)).not.toContain(squashed('CONFIDENTIAL – full version'));
    expect(pdfInfo(publicPdf).Title).toBe(`Minutes and Actions: ${BOARD}, 19 February 2014`);
    expect(flatten(pdfOutline(publicPdf)).map((e) => e.title)).toContain('Item 6c: confidential – not for publication');
  });
});

describe('refusing a public PDF with confidential text', () => {
  it('refuses when a public item quotes a confidential one, before printing anything', async () => {
    const core = await open();
    try {
      const quoted = 'RB asked for more analysis around what happens at step-down.';
      const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: seeded.meetingId, title: 'Any other business' });
      ok(core, 'addDecision', { itemId: item.id, text: quoted });
      let printed = 0;
      const counting = async (html: string, o: object) => {
        printed++;
        return printHtmlToPdf(html, o);
      };
      await expect(buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'public' }, counting)).rejects.toThrow(
        `The public version was not exported: the document contains text from confidential item 6c (“${quoted}”).`,
      );
      expect(printed).toBe(0);
      ok(core, 'deleteAgendaItem', { itemId: item.id });
    } finally {
      core.close();
    }
  });

  it('refuses when the printed PDF itself carries confidential text, whatever the HTML said', async () => {
    const core = await open();
    try {
      // A printer that adds to the page what it was not given: the check after printing catches it.
      const leaky = (html: string, o: object) => printHtmlToPdf(html.replace('</main>', '<p>RB asked for more analysis around what happens at step-down.</p></main>'), o);
      await expect(buildMinutesPdf(core.store!, { meetingId: seeded.meetingId, version: 'public' }, leaky)).rejects.toThrow(/the printed PDF contains text from confidential item 6c/);
    } finally {
      core.close();
    }
  });
});

describe('where the PDF goes', () => {
  it('comes back to the window to download in the browser host, or is saved where the desktop app was told', async () => {
    const downloads = await open({ printPdf: printHtmlToPdf });
    try {
      const result = (await downloads.callAsync('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'public' })) as { ok: true; value: MinutesPdfExport };
      expect(result).toMatchObject({ ok: true, value: { version: 'public', fileName: 'SSCB minutes 2014-02-19 (public).pdf', savedTo: null, cancelled: false } });
      const bytes = Buffer.from(result.value.pdfBase64 ?? '', 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(result.value.pages).toBe(pdfPageCount(bytes));
    } finally {
      downloads.close();
    }

    const out = path.join(tempDir(), 'chosen');
    let asked: string | null = null;
    let printed = 0;
    const saving = await open({
      printPdf: async (html, o) => {
        printed++;
        return printHtmlToPdf(html, o);
      },
      choosePdfPath: async (name) => {
        asked = name;
        return asked.includes('public') ? out : null;
      },
    });
    try {
      const saved = (await saving.callAsync('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'public' })) as { ok: true; value: MinutesPdfExport };
      expect(asked).toBe('SSCB minutes 2014-02-19 (public).pdf');
      expect(saved.value).toMatchObject({ savedTo: `${out}.pdf`, pdfBase64: null, cancelled: false });
      expect(pdfInfo(`${out}.pdf`).Tagged).toBe('yes');
      // Cancelling the dialog prints nothing and writes nothing.
      const cancelled = (await saving.callAsync('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'full' })) as { ok: true; value: MinutesPdfExport };
      expect(cancelled.value).toMatchObject({ cancelled: true, savedTo: null, pdfBase64: null });
      expect(printed).toBe(1);
    } finally {
      saving.close();
    }
  });

  it('refuses a folder that does not exist or cannot be written, before printing, and leaves nothing behind', async () => {
    const notFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notFolder, 'x');
    for (const [target, message] of [
      [path.join(tempDir(), 'missing', 'minutes.pdf'), /does not exist, so the PDF was not saved/],
      [path.join(notFolder, 'minutes.pdf'), /is not a folder/],
      ['/proc/minutes.pdf', /cannot be written to, so the PDF was not saved/],
    ] as const) {
      let printed = 0;
      const core = await open({
        printPdf: async (html, o) => {
          printed++;
          return printHtmlToPdf(html, o);
        },
        choosePdfPath: async () => target,
      });
      try {
        const before = dump(core);
        const result = await core.callAsync('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'full' });
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) as unknown } });
        expect(dump(core)).toBe(before);
        expect(fs.existsSync(target)).toBe(false);
        // /proc passes the permission check as root: the write itself fails, after printing.
        if (!target.startsWith('/proc')) expect(printed).toBe(0);
      } finally {
        core.close();
      }
    }
  });

  it('refuses minutes with no items, and says when there is no Chromium to print with', async () => {
    const core = await open({ printPdf: printHtmlToPdf });
    try {
      const empty = ok<{ id: string }>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-09-02' });
      expect(await core.callAsync('exportMinutesPdf', { meetingId: empty.id, version: 'public' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: 'These minutes have no agenda items yet, so there is nothing to print. Add the items first.' },
      });
    } finally {
      core.close();
    }
    const noPrinter = await open();
    try {
      expect(await noPrinter.callAsync('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'public' })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/cannot print PDFs/) as unknown },
      });
    } finally {
      noPrinter.close();
    }
  });
});

describe('npm run export', () => {
  it('exports a meeting by date to a file, public or full', async () => {
    const out = path.join(tempDir(), 'feb.pdf');
    const message = await runExport(['--data', dataFile, '--meeting', '2014-02-19', '--out', out, '--public']);
    expect(message).toMatch(/^Saved the public version of the minutes \(\d+ pages\) to /);
    expect(squashed(pdfTextPages(out).join(''))).not.toContain(squashed('stocktake'));
    expect(pdfInfo(out).Tagged).toBe('yes');
  });

  it('explains what is wrong with the arguments, and never creates a data file', async () => {
    const missing = path.join(tempDir(), 'nope.sqlite');
    await expect(runExport(['--data', missing, '--meeting', '2014-02-19', '--out', 'x.pdf'])).rejects.toThrow(`There is no data file at ${missing}.`);
    expect(fs.existsSync(missing)).toBe(false);
    await expect(runExport(['--data', dataFile, '--out', 'x.pdf'])).rejects.toThrow(/^Usage: npm run export/);
    await expect(runExport(['--data', dataFile, '--meeting', '2015-01-01', '--out', 'x.pdf'])).rejects.toThrow('There is no meeting on 2015-01-01 in this data file.');
    await expect(runExport(['--data', dataFile, '--meeting', 'February', '--out', 'x.pdf'])).rejects.toThrow(/must be a meeting's id or its date/);
    await expect(runExport(['--data', dataFile, '--meeting', seeded.meetingId, '--out', path.join(tempDir(), 'no', 'x.pdf')])).rejects.toThrow(/does not exist/);
  });
});
