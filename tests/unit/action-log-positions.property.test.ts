// The action log's kept positions (store/actionLogPositions.ts) and the window positioned from them
// (actionLog/windowByPosition.ts): any due text falls in the slot its text order puts it in, and a
// window in the log's due order, filtered by board, status and overdue, from any offset and either
// way, gives exactly the rows, order and counts the whole log filtered and sorted by the shared rules gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionLogFilter, ActionLogSort, ActionLogWindow, DeletedMeeting, MeetingDetail, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { filterActionLog, sortActionLog } from '../../shared/domain/actionLog';
import { dateOfSlot, DAYS, daySlot, positionsDiffer, slotOf, TOP, UNDATED } from '../../electron/core/store/actionLogPositions';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY } from '../helpers/fixture-agenda';

const isoDate = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dueText = fc.oneof(isoDate, fc.string({ maxLength: 12 }), fc.constantFrom('2014-02-30', '2014-2-3', '1899-12-31', '1900-01-01', '2258-11-22', '2258-11-23', '', 'next meeting', '2014-07-22T10:00'));

describe('the slot of a due date', () => {
  it('is its own day for a real date in range, and the slots follow the text order SQL sorts by', () => {
    fc.assert(
      fc.property(dueText, dueText, (a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(daySlot(lo)).toBeLessThanOrEqual(daySlot(hi));
        for (const s of [a, b]) {
          const slot = daySlot(s);
          expect(slot).toBeGreaterThanOrEqual(1);
          expect(slot).toBeLessThan(DAYS);
          if (slot > 1) expect(dateOfSlot(slot) <= s).toBe(true);
          if (slot < DAYS - 1) expect(s < dateOfSlot(slot + 1)).toBe(true);
          // With no due date, after every dated slot, in the order raised.
          expect(slotOf(null, s)).toBe(UNDATED - 1 + slot);
          expect(slotOf(null, s)).toBeLessThan(TOP);
          expect(slotOf(s, '2014-01-01')).toBe(slot);
        }
      }),
      { numRuns: 2000 },
    );
    expect(dateOfSlot(daySlot('2014-07-22'))).toBe('2014-07-22');
    expect(daySlot('2014-07-22') + 1).toBe(daySlot('2014-07-23'));
    expect(slotOf(null, '9999-12-31')).toBeGreaterThan(slotOf('9999-12-31', '2014-01-01'));
  });
});

/** Two boards of real minutes with dues far apart (before 1900 and after 2258 too), updates and statuses varied. */
async function twoBoards(): Promise<{ core: Core; log: ActionLog }> {
  const core = await tempCore();
  const dues = ['end of March', '', 'by 22.07', 'next meeting', '31 December 2300', '1 May 2014', '1 January 1850', '22/07/2014', '22/07/2014', '12 March 2031'];
  for (const name of ['Children’s Safeguarding Board', 'Adults Safeguarding Board']) {
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    ok(core, 'renameBoard', { boardId: board.id, name });
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    const feb = meetings.find((m) => m.date === '2014-02-19')!;
    ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
    const actions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
    actions.slice(0, dues.length).forEach((a, i) => ok(core, 'updateAction', { actionId: a.action.id, due: dues[i] }));
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const statuses = ['done', 'in_progress', 'deferred', 'in_progress', 'deferred'] as const;
    actions.slice(5, 10).forEach((a, i) => ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.action.id, status: statuses[i], text: `Update ${i}` }));
    // Actions with no due date raised on another day: the log lists them last, as raised.
    const aob = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: apr.id, title: 'Any other business' }).item.id;
    for (const details of ['Write to the chair', 'Circulate the plan']) ok(core, 'addAction', { itemId: aob, details, owners: [], due: '' });
  }
  const log = ok<ActionLog>(core, 'outstandingActions', {});
  expect(new Set(log.actions.map((a) => a.boardId)).size).toBe(2);
  expect(new Set(log.actions.filter((a) => a.dueDate === null).map((a) => a.origin.meetingDate)).size).toBe(2);
  expect(log.actions.some((a) => (a.dueDate ?? '9') < '1900')).toBe(true);
  expect(log.actions.some((a) => (a.dueDate ?? '0') > '2259' && a.dueDate !== null)).toBe(true);
  return { core, log };
}

function positionedFilters(log: ActionLog): fc.Arbitrary<ActionLogFilter> {
  const maybe = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
  return fc.record({
    boardId: maybe(fc.constantFrom(...new Set(log.actions.map((a) => a.boardId)))),
    status: maybe(fc.constantFrom('open' as const, 'in_progress' as const, 'deferred' as const)),
    overdue: fc.constantFrom('any' as const, 'overdue' as const, 'not_overdue' as const),
    text: fc.constantFrom('', '  '),
  });
}

const dueSorts: fc.Arbitrary<ActionLogSort> = fc.record({ by: fc.constant('due' as const), descending: fc.boolean() });

describe('the action log window positioned from the kept positions', () => {
  it('gives exactly the rows, order and counts of the whole log filtered and sorted by the shared rules, from any offset', async () => {
    const { core, log } = await twoBoards();
    expect(positionsDiffer(core.store!.db)).toEqual([]);
    fc.assert(
      fc.property(positionedFilters(log), dueSorts, fc.nat({ max: log.actions.length + 3 }), fc.integer({ min: 1, max: 40 }), (filter, sort, offset, limit) => {
        const want = sortActionLog(filterActionLog(log.actions, filter), sort);
        const got = ok<ActionLogWindow>(core, 'actionLogWindow', { filter, sort, offset, limit });
        expect(got.actions.map((a) => a.id)).toEqual(want.slice(offset, offset + limit).map((a) => a.id));
        expect(got.actions).toEqual(want.slice(offset, offset + limit));
        expect(got.total).toBe(want.length);
        expect(got.overdue).toBe(want.filter((a) => a.overdue).length);
        expect(got.outstanding).toBe(log.actions.length);
        expect(got.offset).toBe(offset);
      }),
      { numRuns: 400 },
    );
  });

  it('reads each filter’s rows whole in windows of any size, either way', async () => {
    const { core, log } = await twoBoards();
    fc.assert(
      fc.property(positionedFilters(log), dueSorts, fc.integer({ min: 1, max: 9 }), (filter, sort, step) => {
        const want = sortActionLog(filterActionLog(log.actions, filter), sort).map((a) => a.id);
        const seen: string[] = [];
        for (let offset = 0; offset < want.length; offset += step) {
          seen.push(...ok<ActionLogWindow>(core, 'actionLogWindow', { filter, sort, offset, limit: step }).actions.map((a) => a.id));
        }
        expect(seen).toEqual(want);
      }),
      { numRuns: 60 },
    );
  });
});
