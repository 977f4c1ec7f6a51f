// The printed minutes' pagination rules where they bite: meetings built so that their content
// ends right at a page boundary. Item 1's discussion grows a line at a time until the minutes
// take a second page; around that point every kind of page end is met (in item 2's two-line
// heading, its "Decisions and/or actions agreed" caption and table, the agreement and hash).
// Read back with poppler: no page whose last line is a heading or a caption, and never a last
// page with only the agreement and the hash on it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingSummary } from '../../shared/contract';
import { formatUkDate } from '../../shared/domain/dates';
import { buildMinutesPdf } from '../../electron/core/publication/publication';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { discussionJson } from '../../electron/core/boards/sampleMinutes';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { pdfTextPages } from '../helpers/pdf';

const BOARD = 'Pagination Board';
const HEADING = 'Report on the safeguarding arrangements for children missing from home and care across the borough and its partners';
const CAPTIONS = ['Present', 'Apologies', 'In attendance', 'Decisions and/or actions agreed'];
const CLOSING = /^(Agreed as accurate on|Content hash|[0-9a-f]{16,}$)/;

interface Printed {
  lines: number;
  /** Each page's lines, running header and footer left out. */
  pages: string[][];
}

let core: Core;
let boardId: string;
let laterId: string;
let day = 0;

/** Agreed minutes whose item 1 has `lines` one-line paragraphs, printed (public version) and read back. */
async function printWith(lines: number): Promise<Printed> {
  day += 1;
  const date = new Date(Date.UTC(2014, 4, 1 + day)).toISOString().slice(0, 10);
  const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId, date, startTime: '10:00', endTime: '12:00' });
  const one = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Welcome' }).item;
  const paragraphs = Array.from({ length: lines }, (_, k) => `Line ${k + 1} of the discussion.`);
  if (paragraphs.length) ok(core, 'saveDiscussion', { itemId: one.id, json: discussionJson(paragraphs) });
  const two = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: HEADING }).item;
  ok(core, 'saveDiscussion', { itemId: two.id, json: discussionJson(['The board noted the report and asked for the figures again in July.']) });
  ok(core, 'addDecision', { itemId: two.id, text: 'The report was noted.' });
  ok(core, 'addAction', { itemId: two.id, details: 'Bring back the figures with the trend over three years', owners: [] });
  ok(core, 'circulateMinutes', { meetingId: meeting.id });
  ok(core, 'agreeMinutes', { meetingId: meeting.id, atMeetingId: laterId });
  const pdf = (await buildMinutesPdf(core.store!, { meetingId: meeting.id, version: 'public' }, printHtmlToPdf)).bytes;
  const texts = pdfTextPages(pdf);
  const running = new Set(['Minutes and Actions', BOARD, `${formatUkDate(date)}, 10.00 am – 12.00 pm`, `Agreed as accurate on ${formatUkDate('2015-03-02')} · Public version`]);
  const pages = texts.map((t) =>
    t
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !running.has(l) && !/^Page \d+ of \d+$/.test(l)),
  );
  return { lines, pages };
}

const printed: Printed[] = [];

beforeAll(async () => {
  core = await tempCore();
  boardId = ok<BoardSummary>(core, 'createBoard', { name: BOARD }).id;
  laterId = ok<MeetingSummary>(core, 'createMeeting', { boardId, date: '2015-03-02' }).id;
  // The fewest lines that take the minutes onto a second page (binary search on the page count).
  let lo = 0;
  let hi = 80;
  const pagesAt = new Map<number, number>();
  const count = async (n: number): Promise<number> => {
    if (!pagesAt.has(n)) {
      const p = await printWith(n);
      pagesAt.set(n, p.pages.length);
      printed.push(p);
    }
    return pagesAt.get(n)!;
  };
  expect(await count(lo)).toBe(1);
  expect(await count(hi)).toBeGreaterThan(1);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await count(mid)) > 1) hi = mid;
    else lo = mid;
  }
  // From the break on, each line more pushes page 1's end back through item 2: the agreement, its
  // table, its caption, its discussion, its two-line heading, then item 1's last lines.
  for (let n = hi - 1; n <= hi + 14; n++) await count(n);
  printed.sort((a, b) => a.lines - b.lines);
}, 240_000);

describe('minutes that end right at a page boundary', () => {
  it('took a second page somewhere in the sweep, so the boundary was met', () => {
    expect(printed.some((p) => p.pages.length === 1)).toBe(true);
    expect(printed.some((p) => p.pages.length === 2)).toBe(true);
  });

  it('never leave the agreement and hash alone on the last page', () => {
    for (const p of printed) {
      const last = p.pages[p.pages.length - 1]!;
      const minutes = last.filter((l) => !CLOSING.test(l));
      expect(minutes.length, `${p.lines} lines: the last page has minutes on it, not only: ${last.join(' / ')}`).toBeGreaterThan(2);
    }
  });

  it('never end a page with a heading or a caption, nor split the two-line heading', () => {
    for (const p of printed) {
      p.pages.forEach((lines, i) => {
        if (i === p.pages.length - 1) return;
        const last = lines[lines.length - 1] ?? '';
        expect(CAPTIONS, `${p.lines} lines: page ${i + 1} ends with its caption “${last}”`).not.toContain(last);
        expect(`2. ${HEADING}`.includes(last) && last.length > 8, `${p.lines} lines: page ${i + 1} ends with the heading (“${last}”)`).toBe(false);
      });
      const page = p.pages.findIndex((lines) => lines.join(' ').replace(/\s+/g, ' ').includes(`2. ${HEADING}`));
      expect(page, `${p.lines} lines: item 2's heading is printed whole on one page`).toBeGreaterThanOrEqual(0);
    }
  });
});
