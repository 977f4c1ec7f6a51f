// The PDF's outline (bookmarks) reads the app's own titles: "N. Title" for every item exactly as
// typed, never Chromium's reading of the laid-out heading, which drops the space where a long
// title wraps ("report back frommain board"), in both the full and the public version.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { buildMinutesPdf } from '../../electron/core/publication/publication';
import { pdfPageCount } from '../../electron/core/publication/pdfFile';
import { headingTitles, setPdfOutlineTitles } from '../../electron/core/publication/pdfOutline';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { ok, tempDir } from '../helpers/temp';
import { flatten, pdfInfo, pdfOutline, pdfTextPages, squashed, type OutlineEntry } from '../helpers/pdf';

const BOARD = 'Southwark Safeguarding Children Executive Board';
/** Long enough to wrap onto a second line of the printed heading, more than once. */
const ITEMS: Array<{ title: string; sub?: string[]; confidential?: boolean }> = [
  {
    title: 'SSCB Priority Area: Early help to referral: update and report back from main board 28/01/14 and the independent review of historic abuse inquiries',
    sub: ['Update on the IRO service, LADO and the Children’s Services improvement plan – with the ’14/15 budget, the “signs of safety” model and Ofsted’s findings', 'Young people’s engagement 👍 مرحبا بكم'],
  },
  { title: 'Child sexual exploitation: the strategy, the action plan and the multi-agency sexual exploitation panel’s terms of reference', confidential: true },
  { title: 'Horizon scan' },
  { title: '' },
];

let core: Core;
let full: Buffer;
let publicPdf: Buffer;

beforeAll(async () => {
  core = await startCore(path.join(tempDir(), 'data.sqlite'), {}, { openedBriefly: true });
  const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '11:00', endTime: '13:00' });
  for (const item of ITEMS) {
    const added = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: item.title }).item;
    if (item.confidential) ok(core, 'updateAgendaItem', { itemId: added.id, confidential: true });
    for (const title of item.sub ?? []) ok(core, 'addAgendaItem', { meetingId: meeting.id, parentId: added.id, title });
  }
  full = (await buildMinutesPdf(core.store!, { meetingId: meeting.id, version: 'full' }, printHtmlToPdf)).bytes;
  publicPdf = (await buildMinutesPdf(core.store!, { meetingId: meeting.id, version: 'public' }, printHtmlToPdf)).bytes;
}, 120_000);

afterAll(() => core?.close());

const titles = (entries: OutlineEntry[]): string[] => flatten(entries).map((e) => e.title);

describe('the PDF outline', () => {
  it('reads exactly "N. Title" for every item of the full version, however the headings wrap', () => {
    const outline = pdfOutline(full);
    expect(outline).toHaveLength(1);
    expect(outline[0]?.title).toBe(`Minutes and Actions – ${BOARD}`);
    expect(titles(outline[0]?.children ?? [])).toEqual([
      `1. ${ITEMS[0]?.title}`,
      `1a. ${ITEMS[0]?.sub?.[0]}`,
      `1b. ${ITEMS[0]?.sub?.[1]}`,
      `2. ${ITEMS[1]?.title}`,
      '3. Horizon scan',
      '4',
    ]);
    // Sub-items stay under their item.
    expect(outline[0]?.children[0]?.children.map((e) => e.title.split('.')[0])).toEqual(['1a', '1b']);
  });

  it('shows the placeholder of a confidential item in the public version, and keeps the rest exact', () => {
    expect(titles(pdfOutline(publicPdf))).toEqual([
      `Minutes and Actions – ${BOARD}`,
      `1. ${ITEMS[0]?.title}`,
      `1a. ${ITEMS[0]?.sub?.[0]}`,
      `1b. ${ITEMS[0]?.sub?.[1]}`,
      'Item 2: confidential – not for publication',
      '3. Horizon scan',
      '4',
    ]);
  });

  it('keeps each entry pointing at the page its item is printed on, and the file otherwise as printed', () => {
    const pages = pdfTextPages(full);
    expect(pdfPageCount(full)).toBe(pages.length);
    const entries = flatten(pdfOutline(full));
    for (const entry of entries.slice(1)) {
      const page = pages[entry.page - 1] ?? '';
      expect(squashed(page), entry.title).toContain(squashed(entry.title).slice(0, 24));
    }
    const info = pdfInfo(full);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(`Minutes and Actions: ${BOARD}, 19 February 2014 (full version, confidential)`);
  });

  it('reads the headings of the app’s HTML as written, and matches entries by their letters when the counts differ', async () => {
    const html =
      '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>body { width: 60mm; font: 12pt sans-serif; }</style></head><body>' +
      '<h1>Minutes and Actions –&nbsp;<br><span class="board">Tom &amp; Jerry&#39;s board</span></h1>' +
      '<h2>1. A heading long enough to wrap onto a second and a third line</h2><h3>1a. Café “quoted” 👍</h3></body></html>';
    const headings = headingTitles(html);
    expect(headings).toEqual([
      "Minutes and Actions – Tom & Jerry's board",
      '1. A heading long enough to wrap onto a second and a third line',
      '1a. Café “quoted” 👍',
    ]);
    const printed = await printHtmlToPdf(html, { tagged: true, outline: true });
    // A title with no entry of its own (not a heading Chromium saw) is skipped, the others still match.
    const retitled = setPdfOutlineTitles(printed, [headings[0] as string, 'Nothing printed this', ...headings.slice(1)]);
    expect(titles(pdfOutline(retitled))).toEqual(headings);
    expect(setPdfOutlineTitles(retitled, headings)).toBe(retitled);
  }, 60_000);
});
