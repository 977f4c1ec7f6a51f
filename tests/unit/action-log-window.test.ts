// The action log a window at a time (actionLogWindow, actionLogSummary): for any filter, sort and
// window, exactly the rows the whole log filtered and sorted by the shared rules gives (what the
// CSV, PDF and Word exports use), with the same counts, so the screen and its exports never differ.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionLogFilter, ActionLogSort, ActionLogSummary, ActionLogWindow, DeletedMeeting, MeetingDetail, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { filterActionLog, ownerCounts, sortActionLog } from '../../shared/domain/actionLog';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY } from '../helpers/fixture-agenda';

/** Two boards of real minutes (the fixture's February meeting each), with dues, updates and statuses varied. */
async function twoBoards(): Promise<{ core: Core; log: ActionLog }> {
  const core = await tempCore();
  const dues = ['end of March', '', 'by 22.07', 'next meeting', '31 December 2099', '1 May 2014'];
  for (const name of ['Children’s Safeguarding Board', 'Adults Safeguarding Board']) {
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    ok(core, 'renameBoard', { boardId: board.id, name });
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    const feb = meetings.find((m) => m.date === '2014-02-19')!;
    ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
    const actions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
    actions.slice(0, dues.length).forEach((a, i) => ok(core, 'updateAction', { actionId: a.action.id, due: dues[i] }));
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const statuses = ['done', 'in_progress', 'deferred', 'in_progress'] as const;
    actions.slice(5, 9).forEach((a, i) => ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.action.id, status: statuses[i], text: `Update ${i}` }));
  }
  const log = ok<ActionLog>(core, 'outstandingActions', {});
  expect(new Set(log.actions.map((a) => a.boardId)).size).toBe(2);
  return { core, log };
}

function filters(log: ActionLog): fc.Arbitrary<ActionLogFilter> {
  const ownerKeys = [...new Set(log.actions.flatMap((a) => a.owners.map((o) => o.key)))];
  const dates = [...new Set(log.actions.map((a) => a.dueDate).filter((d): d is string => d !== null))];
  const maybe = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null });
  return fc.record({
    boardId: maybe(fc.constantFrom(...new Set(log.actions.map((a) => a.boardId)))),
    owner: maybe(fc.constantFrom(...ownerKeys, 'name:nobody')),
    status: maybe(fc.constantFrom('open' as const, 'in_progress' as const, 'deferred' as const)),
    overdue: fc.constantFrom('any' as const, 'overdue' as const, 'not_overdue' as const),
    dueFrom: maybe(fc.constantFrom(...dates)),
    dueTo: maybe(fc.constantFrom(...dates)),
    originMeetingId: maybe(fc.constantFrom(...new Set(log.actions.map((a) => a.origin.meetingId)))),
    text: fc.constantFrom('', 'review', 'EA', 'ssc', 'Adults', 'ﬁ', '2014', 'zzz not there'),
  }).map((f) => (f.dueFrom && f.dueTo && f.dueFrom > f.dueTo ? { ...f, dueTo: null } : f));
}

const sorts: fc.Arbitrary<ActionLogSort> = fc.record({
  by: fc.constantFrom('due' as const, 'reference' as const, 'owner' as const, 'status' as const, 'carried' as const, 'board' as const, 'raised' as const),
  descending: fc.boolean(),
});

describe('the action log a window at a time', () => {
  it('gives exactly the rows, order and counts of the whole log filtered and sorted by the shared rules', async () => {
    const { core, log } = await twoBoards();
    fc.assert(
      fc.property(filters(log), sorts, fc.nat({ max: 40 }), fc.integer({ min: 1, max: 30 }), (filter, sort, offset, limit) => {
        const want = sortActionLog(filterActionLog(log.actions, filter), sort);
        const got = ok<ActionLogWindow>(core, 'actionLogWindow', { filter, sort, offset, limit });
        expect(got.actions).toEqual(want.slice(offset, offset + limit));
        expect(got.total).toBe(want.length);
        expect(got.overdue).toBe(want.filter((a) => a.overdue).length);
        expect(got.outstanding).toBe(log.actions.length);
        expect(got.offset).toBe(offset);
      }),
      { numRuns: 150 },
    );
  });

  it('reads the whole log in windows, row for row, in its default order', async () => {
    const { core, log } = await twoBoards();
    const all = sortActionLog(log.actions);
    const seen = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      seen.push(...ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset, limit: 7 }).actions);
    }
    expect(seen.map((a) => a.id)).toEqual(all.map((a) => a.id));
    expect(ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset: all.length, limit: 7 }).actions).toEqual([]);
  });

  it('counts who owes what, the unowned and the filter’s choices as the whole log does', async () => {
    const { core, log } = await twoBoards();
    fc.assert(
      fc.property(filters(log), (filter) => {
        const rows = filterActionLog(log.actions, filter);
        const got = ok<ActionLogSummary>(core, 'actionLogSummary', { filter });
        const shape = (c: { key: string; count: number; overdue: number; kind: string }) => [c.key, c.count, c.overdue, c.kind];
        expect(got.counts.map(shape)).toEqual(ownerCounts(rows).map(shape));
        expect(got.unowned).toBe(rows.filter((a) => a.owners.length === 0).length);
        expect(got.outstanding).toBe(log.actions.length);
        const inBoard = filter.boardId ? log.actions.filter((a) => a.boardId === filter.boardId) : log.actions;
        expect(new Set(got.owners.map((o) => o.key))).toEqual(new Set(ownerCounts(inBoard).map((o) => o.key)));
        expect(new Set(got.meetings.map((m) => m.id))).toEqual(new Set(inBoard.map((a) => a.origin.meetingId)));
        expect(got.boards.map((b) => b.name).sort()).toEqual([...new Set(log.actions.map((a) => a.boardName))].sort());
      }),
      { numRuns: 60 },
    );
  });

  it('follows writes: a finished action leaves the window and its counts at once', async () => {
    const { core, log } = await twoBoards();
    const first = ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset: 0, limit: 5 });
    const gone = first.actions[0]!;
    const april = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: gone.boardId }).find((m) => m.date === '2014-04-10')!;
    ok(core, 'recordActionUpdate', { meetingId: april.id, actionId: gone.id, status: 'done' });
    expect(log.actions.map((a) => a.id)).toContain(gone.id);
    const after = ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset: 0, limit: 5 });
    expect(after.total).toBe(first.total - 1);
    expect(after.actions.map((a) => a.id)).not.toContain(gone.id);
  });

  it('refuses a window too large or a negative offset with a clear message, changing nothing', async () => {
    const { core } = await twoBoards();
    const big = core.call('actionLogWindow', { filter: {}, offset: 0, limit: 100_000 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.error.message).toMatch(/at most 500 rows/);
    expect(core.call('actionLogWindow', { filter: {}, offset: -1, limit: 5 }).ok).toBe(false);
  });
});
