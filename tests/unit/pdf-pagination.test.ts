// The printed minutes of the sample board's two meetings (19 February, agreed; 10 April, a
// draft), read back with poppler: no page ends with a heading or a table's caption, no heading
// is split across pages, the agreement and hash never stand alone on the last page; the Due
// column prints dates as dates, the chair heads the attendance, and the title has no dangling dash.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingSummary, Minutes, SampleBoardResult } from '../../shared/contract';
import { formatUkDate } from '../../shared/domain/dates';
import { buildMinutesPdf } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { printHtmlToPdf } from '../../electron/pdf/print';
import { discussionJson } from '../../electron/core/boards/sampleMinutes';
import { ok, tempCore } from '../helpers/temp';
import { pdfTextPages, squashed } from '../helpers/pdf';

const BOARD = 'Southwark Safeguarding Children Executive Board (sample)';
const CAPTIONS = ['Present', 'Apologies', 'In attendance', 'Decisions and/or actions agreed', 'Actions arising from earlier meetings'];

interface Printed {
  date: string;
  headings: string[];
  pages: string[];
  /** Each page's text with the running header and footer taken out, squashed. */
  bodies: string[];
  /** The same, line by line (pdftotext's reading order), header and footer lines left out. */
  lines: string[][];
}

const printed: Printed[] = [];

beforeAll(async () => {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const april = meetings.find((m) => m.date === '2014-04-10')!;
  // A due typed as the minutes type it: "02.09" is 2 September of the meeting's year.
  const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: april.id });
  const item3 = minutes.items.find((i) => i.number === '3')!;
  ok(core, 'updateAction', { actionId: item3.actions[0]!.id, due: '02.09' });
  // A third meeting made to break badly: 24 items with two-line headings, discussions of every
  // length and a table each, so page ends fall at every point of an item.
  const stress = ok<{ id: string }>(core, 'createMeeting', { boardId: board.id, date: '2014-06-05', startTime: '10:00', endTime: '12:00' });
  const sentence = 'The board discussed the report at length and asked for the figures to be brought back with the trends over three years. ';
  for (let n = 1; n <= 24; n++) {
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', {
      meetingId: stress.id,
      title: `Report number ${n} on the safeguarding arrangements for children missing from home and care across the borough`,
    });
    const paragraphs = Array.from({ length: (n * 5) % 9 }, (_, k) => sentence.repeat(1 + ((n + k) % 4)));
    if (paragraphs.length > 0) ok(core, 'saveDiscussion', { itemId: item.id, json: discussionJson(paragraphs) });
    if (n % 3 !== 0) ok(core, 'addDecision', { itemId: item.id, text: `Decision ${n}: the report was noted.` });
    if (n % 2 === 0) ok(core, 'addAction', { itemId: item.id, details: `Bring back the figures for report ${n}`, owners: [] });
  }
  meetings.push({ ...meetings[0]!, id: stress.id, date: '2014-06-05' });
  for (const m of [...meetings].reverse()) {
    const pdf = (await buildMinutesPdf(core.store!, { meetingId: m.id, version: 'full' }, printHtmlToPdf)).bytes;
    const doc = renderMeetingHtml(core.store!, m.id, 'full');
    const pages = pdfTextPages(pdf);
    const times = { '2014-02-19': '11.00 am – 1.00 pm', '2014-04-10': '1.00 pm – 3.00 pm', '2014-06-05': '10.00 am – 12.00 pm' }[m.date];
    const headerLines = ['Minutes and Actions', BOARD, `${formatUkDate(m.date)}, ${times}`, 'CONFIDENTIAL – full version', 'not for publication'];
    const footer = (i: number) => [`${m.date === '2014-02-19' ? 'Agreed as accurate on 10 April 2014' : 'DRAFT – subject to agreement'} · CONFIDENTIAL – full version`, `Page ${i + 1} of ${pages.length}`];
    const lines = pages.map((p, i) => {
      const all = p.split('\n').map((l) => l.trim()).filter(Boolean);
      // The running header comes first in reading order, though its right-hand box may come later.
      expect(all.slice(0, 3), `page ${i + 1} header`).toEqual(headerLines.slice(0, 3));
      const rest = all.slice(3);
      for (const marker of headerLines.slice(3)) {
        expect(rest, `page ${i + 1} header`).toContain(marker);
        rest.splice(rest.indexOf(marker), 1);
      }
      const foot = footer(i);
      return rest.filter((l) => !foot.includes(l));
    });
    printed.push({ date: m.date, headings: doc.outline.slice(1), pages, lines, bodies: lines.map((l) => squashed(l.join(' '))) });
  }
}, 180_000);

describe.each(['2014-02-19', '2014-04-10', '2014-06-05'])('the printed minutes of %s', (date) => {
  const get = () => printed.find((p) => p.date === date)!;

  it('never splits a heading across pages, and never ends a page with one', () => {
    const p = get();
    expect(p.headings.length).toBeGreaterThan(5);
    for (const heading of p.headings) {
      const h = squashed(heading);
      const page = p.bodies.findIndex((b) => b.includes(h));
      expect(page, `“${heading}” is printed whole on one page`).toBeGreaterThanOrEqual(0);
      const after = p.bodies[page]!.slice(p.bodies[page]!.indexOf(h) + h.length);
      expect(after.length, `“${heading}” is followed by its text on page ${page + 1}`).toBeGreaterThan(20);
    }
  });

  it('keeps each table’s caption with the table’s first rows', () => {
    const p = get();
    p.lines.forEach((lines, i) => {
      const last = lines[lines.length - 1] ?? '';
      expect(CAPTIONS, `page ${i + 1} ends with “${last}”`).not.toContain(last);
      lines.forEach((line, at) => {
        if (!CAPTIONS.includes(line)) return;
        // The caption, the column headings, and at least one row's words after them.
        const rest = squashed(lines.slice(at + 1).join(' ')).replace(/^(name|initials|role|reference|details|action|due|owner|update|status)+/, '');
        expect(rest.length, `“${line}” on page ${i + 1} has rows under it`).toBeGreaterThan(10);
      });
    });
  });

  it('never leaves the agreement or the draft notice alone on the last page', () => {
    const p = get();
    const last = p.lines[p.lines.length - 1]!;
    const closing = last.filter((l) => !/^(Agreed as accurate on|Content hash|DRAFT – subject to agreement\.)/.test(l) && !/^[0-9a-f]{16,}$/.test(l));
    expect(closing.length, `the last page has minutes on it, not only: ${last.join(' / ')}`).toBeGreaterThan(2);
  });

  it('prints the title on two lines with no dangling dash', () => {
    const p = get();
    expect(p.lines[0]!.slice(0, 2)).toEqual(['Minutes and Actions', BOARD]);
    expect(p.pages.join('\n')).not.toMatch(/Minutes and Actions\s*–\s*\n/);
  });
});

describe('what the printed minutes say', () => {
  it('prints a due typed as "02.09" as the date, and the chair first in attendance', () => {
    const april = printed.find((p) => p.date === '2014-04-10')!;
    const text = april.pages.join('\n');
    // The Due column is narrow: the date may wrap, so its letters are compared.
    expect(squashed(text)).toContain(squashed('2 September 2014'));
    expect(text).not.toMatch(/\b02\.09\b/);
    // The Independent Chair is listed fifteenth in the published list; printed, he comes first.
    const present = april.lines[0]!.slice(april.lines[0]!.indexOf('Present') + 1);
    expect(present.slice(0, 3)).toEqual(['Name', 'Initials', 'Role']);
    expect(present[3]).toMatch(/^Michael O'Connor\b/);
    expect(squashed(present.slice(3, 8).join(' '))).toContain(squashed("Michael O'Connor (Chair) MOC"));
  });

  it('names a status with the word the screens use', () => {
    const april = printed.find((p) => p.date === '2014-04-10')!;
    const text = april.pages.join('\n');
    expect(text).not.toContain('Completed');
    expect(text).toMatch(/\bDone\b/);
  });
});
