// The action log's rules (shared/domain/actionLog.ts, csv.ts, nextMeeting.ts): filtering as the
// chair asks, sorting, counts per owner, "today" in Europe/London, the CSV Excel opens, and the
// printable HTML grouped by owner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLogOwner, OutstandingAction } from '../../shared/contract';
import {
  actionLogCsv,
  describeFilter,
  filterActionLog,
  londonToday,
  ownerCounts,
  ownerKey,
  sortActionLog,
} from '../../shared/domain/actionLog';
import { csvCell, toCsv } from '../../shared/domain/csv';
import { DEFAULT_MEETING_GAP_DAYS, isMattersArisingTitle, mattersArisingTitle, suggestNextMeetingDate } from '../../shared/domain/nextMeeting';
import { renderActionLogHtml } from '../../electron/core/actionLog/actionLogHtml';
import { parseCsv } from '../helpers/csv';

const member = (initials: string, fullName: string, personId = initials): ActionLogOwner => ({
  kind: 'member',
  memberId: `m-${initials}`,
  initials,
  fullName,
  key: ownerKey({ kind: 'member', personId }),
});
const EA = member('EA', 'Elaine Allegretti');
const AF = member('AF', 'Ann Flynn');
const JC = member('JC', 'Jackie Cook');
const tbc: ActionLogOwner = { kind: 'name', name: 'tbc', key: ownerKey({ kind: 'name', name: 'tbc' }) };

let seq = 0;
function action(over: Partial<OutstandingAction> & { owners: ActionLogOwner[] }): OutstandingAction {
  seq += 1;
  return {
    id: `a${seq}`,
    boardId: 'b1',
    boardName: 'Southwark Safeguarding Children Executive Board',
    boardShortCode: 'SSCB',
    reference: `2014-02-19/${seq}`,
    seq,
    details: `Action ${seq}`,
    due: { kind: 'none', date: null, meetingId: null, text: null },
    dueDate: null,
    overdue: false,
    status: 'open',
    origin: { meetingId: 'feb', meetingDate: '2014-02-19', itemId: 'i1', itemNumber: '1b', itemTitle: 'London Probation Trust update' },
    timesCarried: 0,
    latestUpdate: null,
    ...over,
  };
}

const ROWS: OutstandingAction[] = [
  action({ owners: [AF], details: 'All recommendations from item 1a agreed' }),
  action({ owners: [AF, EA], details: 'Review processes and terms of reference', dueDate: '2014-03-31', overdue: true, status: 'in_progress' }),
  action({ owners: [EA], details: 'Scorecard to be reissued before next meeting', dueDate: '2014-04-10', due: { kind: 'next_meeting', date: null, meetingId: null, text: 'next meeting' } }),
  action({ owners: [EA, JC], details: 'Review trends and risks', origin: { meetingId: 'apr', meetingDate: '2014-04-10', itemId: 'i9', itemNumber: '3', itemTitle: 'Children in care' } }),
  action({ owners: [tbc], details: 'Late bookers: =SUM(A1) "data" along the whole pathway', dueDate: '2014-05-01', status: 'deferred' }),
  action({ owners: [], details: 'Nobody owns this yet' }),
];

describe('filtering the action log', () => {
  it('finds an owner’s actions, alone or shared', () => {
    const eas = filterActionLog(ROWS, { owner: EA.key });
    expect(eas.map((a) => a.details)).toEqual(['Review processes and terms of reference', 'Scorecard to be reissued before next meeting', 'Review trends and risks']);
    expect(filterActionLog(ROWS, { owner: tbc.key })).toHaveLength(1);
  });

  it('combines status, overdue, due range, origin meeting and text', () => {
    expect(filterActionLog(ROWS, { status: 'in_progress' }).map((a) => a.id)).toEqual([ROWS[1]!.id]);
    expect(filterActionLog(ROWS, { overdue: 'overdue' }).map((a) => a.id)).toEqual([ROWS[1]!.id]);
    expect(filterActionLog(ROWS, { overdue: 'not_overdue' })).toHaveLength(5);
    expect(filterActionLog(ROWS, { dueFrom: '2014-04-01', dueTo: '2014-04-30' }).map((a) => a.id)).toEqual([ROWS[2]!.id]);
    expect(filterActionLog(ROWS, { originMeetingId: 'apr' }).map((a) => a.id)).toEqual([ROWS[3]!.id]);
    expect(filterActionLog(ROWS, { text: 'jackie' }).map((a) => a.id)).toEqual([ROWS[3]!.id]);
    expect(filterActionLog(ROWS, { text: 'SSCB', owner: EA.key })).toHaveLength(3);
    expect(filterActionLog(ROWS, { owner: AF.key, status: 'deferred' })).toEqual([]);
  });

  it('keeps only rows that match every part (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          owner: fc.constantFrom(null, EA.key, AF.key, tbc.key),
          status: fc.constantFrom(null, 'open' as const, 'in_progress' as const, 'deferred' as const),
          overdue: fc.constantFrom('any' as const, 'overdue' as const, 'not_overdue' as const),
          text: fc.constantFrom('', 'review', 'zzz'),
        }),
        (filter) => {
          const kept = filterActionLog(ROWS, filter);
          for (const a of ROWS) {
            const match =
              (!filter.owner || a.owners.some((o) => o.key === filter.owner)) &&
              (!filter.status || a.status === filter.status) &&
              (filter.overdue === 'any' || a.overdue === (filter.overdue === 'overdue')) &&
              (!filter.text || a.details.toLowerCase().includes(filter.text) || a.reference.includes(filter.text));
            expect(kept.includes(a)).toBe(match);
          }
        },
      ),
    );
  });

  it('describes the filter in words', () => {
    expect(describeFilter({}, {})).toBe('All outstanding actions');
    expect(describeFilter({ owner: EA.key, overdue: 'overdue', dueTo: '2014-04-30' }, { owner: 'EA – Elaine Allegretti' })).toBe(
      'Outstanding actions, owner: EA – Elaine Allegretti; overdue only; due by 30 April 2014',
    );
  });
});

describe('sorting and counting', () => {
  it('sorts by due date with no date last, either way round', () => {
    const up = sortActionLog(ROWS, { by: 'due', descending: false }).map((a) => a.dueDate);
    expect(up).toEqual(['2014-03-31', '2014-04-10', '2014-05-01', null, null, null]);
    const down = sortActionLog(ROWS, { by: 'due', descending: true }).map((a) => a.dueDate);
    expect(down).toEqual(['2014-05-01', '2014-04-10', '2014-03-31', null, null, null]);
    expect(sortActionLog(ROWS, { by: 'status', descending: false }).map((a) => a.status)).toEqual(['open', 'open', 'open', 'open', 'in_progress', 'deferred']);
  });

  it('counts who owes what, a shared action for each owner', () => {
    expect(ownerCounts(ROWS).map((c) => [c.label, c.count, c.overdue])).toEqual([
      ['EA', 3, 1],
      ['AF', 2, 1],
      ['JC', 1, 0],
      ['Owner to be confirmed', 1, 0],
    ]);
  });
});

describe('today and overdue', () => {
  it('takes today from the calendar in London, whatever the time zone of the computer', () => {
    expect(londonToday(new Date('2014-03-30T23:30:00Z'))).toBe('2014-03-31'); // 00.30 BST
    expect(londonToday(new Date('2014-01-15T23:30:00Z'))).toBe('2014-01-15'); // GMT
    expect(londonToday(new Date('2014-10-25T23:30:00Z'))).toBe('2014-10-26'); // 00.30 BST, the night the clocks go back
  });
});

describe('the CSV for Excel', () => {
  it('starts with a byte-order mark, ends every line with CRLF, writes UK dates and defuses formulas', () => {
    const csv = actionLogCsv(sortActionLog(ROWS));
    expect(csv.startsWith('\uFEFFReference,Board,Details,Owners,Due,Due date,Overdue,Status')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(ROWS.length + 1);
    const review = rows.find((r) => r[2] === 'Review processes and terms of reference')!;
    expect(review.slice(3, 8)).toEqual(['AF & EA', '', '31/03/2014', 'Yes', 'In progress']);
    expect(rows.find((r) => r[0] === ROWS[4]!.reference)![2]).toBe('Late bookers: =SUM(A1) "data" along the whole pathway');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  });

  it('reads back exactly what was written, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s)), { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const csv = toCsv(['A', 'B', 'C'], rows);
        expect(parseCsv(csv.slice(1))).toEqual([['A', 'B', 'C'], ...rows]);
      }),
    );
  });
});

describe('the next meeting', () => {
  it('is suggested from the cadence, else the last gap, else eight weeks, and always after the meeting (property)', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 1, max: 732 }), { nil: null }), fc.array(day, { maxLength: 6 }), (from, cadence, others) => {
        const s = suggestNextMeetingDate(from, cadence, [...others, from]);
        expect(s.date > from).toBe(true);
        const earlier = others.filter((d) => d < from).sort();
        if (cadence !== null) expect(s).toMatchObject({ basis: 'cadence', days: cadence });
        else if (earlier.length > 0) {
          const gap = Math.round((Date.parse(from) - Date.parse(earlier[earlier.length - 1]!)) / 86_400_000);
          expect(s).toMatchObject({ basis: 'gap', days: gap });
        } else expect(s).toMatchObject({ basis: 'default', days: DEFAULT_MEETING_GAP_DAYS });
        expect(Math.round((Date.parse(s.date) - Date.parse(from)) / 86_400_000)).toBe(s.days);
      }),
    );
    // 19 February to 10 April 2014 is 50 days: the next would be 30 May.
    expect(suggestNextMeetingDate('2014-04-10', null, ['2014-02-19'])).toEqual({ date: '2014-05-30', basis: 'gap', days: 50 });
  });

  it('names its matters arising item after the meeting it follows', () => {
    expect(mattersArisingTitle('2014-02-19')).toBe('Minutes and actions arising from 19 February 2014');
    for (const t of ['Minutes and actions arising', 'Matters arising', 'Minutes & matters arising', 'Minutes of the last meeting']) expect(isMattersArisingTitle(t), t).toBe(true);
    for (const t of ['Any other business', 'Horizon scan', 'Actions for the sub-groups']) expect(isMattersArisingTitle(t), t).toBe(false);
  });
});

describe('the printable action log', () => {
  it('groups by owner, lists a shared action under each owner, and escapes what was typed', () => {
    const html = renderActionLogHtml({ rows: ROWS, filter: {}, today: '2014-04-11', boardName: null, allRows: ROWS, originDate: null });
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    const sections = html.split('<section class="owner">').slice(1);
    expect(sections.map((s) => /<h2>([^<]*)/.exec(s)?.[1]?.trim())).toEqual(['EA – Elaine Allegretti', 'AF – Ann Flynn', 'JC – Jackie Cook', 'Owner to be confirmed', 'No owner']);
    expect(sections[0]).toContain('Shared with AF');
    expect(sections[1]).toContain('Review processes and terms of reference');
    expect(html).toContain('=SUM(A1) &quot;data&quot;');
    expect(html).toContain('6 actions, 1 overdue');
  });

  it('prints one owner only when filtered, and says honestly when nothing matches', () => {
    const eas = filterActionLog(ROWS, { owner: EA.key });
    const html = renderActionLogHtml({ rows: eas, filter: { owner: EA.key }, today: '2014-04-11', boardName: 'Executive Board', allRows: ROWS, originDate: null });
    expect(html.split('<section class="owner">')).toHaveLength(2);
    expect(html).toContain('owner: EA – Elaine Allegretti');
    const none = renderActionLogHtml({ rows: [], filter: { text: 'zzz' }, today: '2014-04-11', boardName: null, allRows: ROWS, originDate: null });
    expect(none).toContain('No outstanding action matches: outstanding actions, containing “zzz”.');
  });
});
