// Property test (fast-check) of the action log's rows held in memory (store/actionLogMemo.ts):
// after any sequence of writes, deletes, status changes, carrying forward, backups and restores,
// writes rolled back, and days passing, every read of the log (one board, all boards, windows in
// any sort and filter) gives exactly what the kept rows give when mapped afresh, the kept rows
// equal what their tables say, and no row handed out can be changed by the caller.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionLog, ActionLogFilter, ActionLogSort, ActionLogSortKey, ActionLogWindow, ActionStatus, BackupInfo, BoardSummary, MeetingDetail, MinutesAction, OutstandingAction, RosterMember } from '../../shared/contract';
import { filterActionLog, londonToday, sortActionLog } from '../../shared/domain/actionLog';
import type { Core } from '../../electron/core/app';
import { logRowsSelect, parseLogRows } from '../../electron/core/store/actionLogRows';
import { keptLogRows } from '../../electron/core/store/actionLogMemo';
import { refreshStaleSummaries, summariesDiffer } from '../../electron/core/store/actionSummary';
import { write } from '../../electron/core/store/write';
import { positionsDiffer } from '../../electron/core/store/actionLogPositions';
import { outstandingActions } from '../../electron/core/actionLog/actionLog';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { openTestFile } from '../helpers/testKey';

type Op =
  | { kind: 'meeting'; board: number; gap: number }
  | { kind: 'action'; board: number; meeting: number; owner: boolean; due: string }
  | { kind: 'details'; action: number; text: string }
  | { kind: 'status'; action: number; status: ActionStatus }
  | { kind: 'deleteAction'; action: number }
  | { kind: 'deleteMeeting'; board: number }
  | { kind: 'renameBoard'; board: number; name: string }
  | { kind: 'rename'; initials: string }
  | { kind: 'rolledBack'; action: number }
  | { kind: 'days'; days: number }
  | { kind: 'backup' }
  | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('meeting' as const), board: fc.nat(1), gap: fc.integer({ min: 1, max: 40 }) }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('action' as const),
      board: fc.nat(1),
      meeting: fc.nat(),
      owner: fc.boolean(),
      due: fc.constantFrom('next meeting', '05.03.25', '20.03.25', '', '01.06.25'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('details' as const), action: fc.nat(), text: fc.constantFrom('Review the terms of reference', 'Circulate the risk register') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('status' as const), action: fc.nat(), status: fc.constantFrom<ActionStatus>('open', 'in_progress', 'deferred', 'done', 'dropped') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteAction' as const), action: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMeeting' as const), board: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameBoard' as const), board: fc.nat(1), name: fc.constantFrom('Executive Board', 'Main Board', 'Audit Committee') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), initials: fc.constantFrom('JC', 'JCK') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rolledBack' as const), action: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

interface World {
  boards: Array<{ id: string; memberId: string; meetings: Array<{ id: string; itemId: string; date: string }> }>;
  actions: string[];
  backups: string[];
  now: number;
}

function readBack(core: Core, w: World): void {
  const db = core.store!.db;
  const dates = new Map((db.prepare('SELECT id, meeting_date FROM meetings').all() as Array<{ id: string; meeting_date: string }>).map((r) => [r.id, r.meeting_date]));
  for (const b of w.boards) {
    b.meetings = b.meetings.filter((m) => dates.has(m.id)).map((m) => ({ ...m, date: dates.get(m.id)! }));
    b.meetings.sort((x, y) => (x.date < y.date ? -1 : 1));
  }
  const left = new Set(db.prepare('SELECT id FROM actions').pluck().all() as string[]);
  w.actions = w.actions.filter((a) => left.has(a));
}

/** Runs one operation; refusals by the rules (an action finished, a meeting agreed) are part of the sequence. */
async function run(core: Core, w: World, o: Op): Promise<void> {
  switch (o.kind) {
    case 'meeting': {
      const b = w.boards[o.board]!;
      const date = addDays(b.meetings.at(-1)?.date ?? '2025-02-01', o.gap);
      const m = ok<MeetingDetail>(core, 'createMeeting', { boardId: b.id, date });
      const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m.id, title: 'Matters' }).item.id;
      if (b.meetings.length > 0) ok(core, 'carryForward', { meetingId: m.id });
      b.meetings.push({ id: m.id, itemId, date });
      return;
    }
    case 'action': {
      const b = w.boards[o.board]!;
      const m = pick(b.meetings, o.meeting);
      if (!m) return;
      const r = core.call('addAction', { itemId: m.itemId, details: 'Review the terms of reference', owners: o.owner ? [{ memberId: b.memberId }] : [], due: o.due });
      if (r.ok) w.actions.push((r.value as MinutesAction).id);
      return;
    }
    case 'details': {
      const a = pick(w.actions, o.action);
      if (a) core.call('updateAction', { actionId: a, details: o.text });
      return;
    }
    case 'status': {
      // The update is recorded at the latest meeting of the action's board that lists it.
      const a = pick(w.actions, o.action);
      if (!a) return;
      const boardId = core.store!.db.prepare('SELECT board_id FROM actions WHERE id = ?').pluck().get(a) as string;
      const m = w.boards.find((b) => b.id === boardId)?.meetings.at(-1);
      if (m) core.call('recordActionUpdate', { meetingId: m.id, actionId: a, status: o.status, text: `Now ${o.status}.` });
      return;
    }
    case 'deleteAction': {
      const a = pick(w.actions, o.action);
      if (a && core.call('deleteAction', { actionId: a }).ok) w.actions = w.actions.filter((x) => x !== a);
      return;
    }
    case 'deleteMeeting': {
      const m = w.boards[o.board]!.meetings.at(-1);
      if (m && core.call('deleteMeeting', { meetingId: m.id }).ok) readBack(core, w);
      return;
    }
    case 'renameBoard': {
      const b = w.boards[o.board]!;
      core.call('renameBoard', { boardId: b.id, name: `${o.name} ${o.board}` });
      return;
    }
    case 'rename':
      ok<RosterMember>(core, 'updateRosterMember', { memberId: w.boards[0]!.memberId, fullName: 'Jackie Cook', initials: o.initials });
      return;
    case 'rolledBack': {
      // A write that changed an action's kept row, read the log inside its transaction, then failed:
      // nothing it saw may outlive it.
      const a = pick(w.actions, o.action);
      if (!a) return;
      expect(() =>
        write(core.store!, (h) => {
          h.db.prepare("UPDATE actions SET details = 'Never saved' WHERE id = ?").run(a);
          refreshStaleSummaries(h.db);
          outstandingActions(core.store!, {});
          throw new Error('refused');
        }),
      ).toThrow('refused');
      return;
    }
    case 'days':
      w.now += o.days * 86_400_000;
      vi.setSystemTime(w.now);
      return;
    case 'backup':
      w.backups.push((await okAsync<BackupInfo>(core, 'backUpNow', {})).name);
      return;
    case 'restore': {
      const name = w.backups.at(-1);
      if (!name) return;
      await okAsync(core, 'restoreBackup', { name });
      readBack(core, w);
      return;
    }
  }
}

/** The log's rows mapped afresh from the kept rows, oldest first: what the rows held in memory must equal. */
function fresh(core: Core, boardId?: string): OutstandingAction[] {
  const db = core.store!.db;
  const sql = `${logRowsSelect(db)} ${boardId ? 'WHERE s.board_id = @board' : ''} ORDER BY s.origin_date, s.seq, s.action_id`;
  return parseLogRows(db.prepare(sql).pluck().all({ today: londonToday(), ...(boardId ? { board: boardId } : {}) }) as string[]);
}

const frozen = (a: OutstandingAction): boolean =>
  Object.isFrozen(a) &&
  Object.isFrozen(a.due) &&
  Object.isFrozen(a.origin) &&
  (a.latestUpdate === null || Object.isFrozen(a.latestUpdate)) &&
  Object.isFrozen(a.owners) &&
  a.owners.every((o) => Object.isFrozen(o));

function expectReadsEqualFresh(core: Core, w: World, sorts: ActionLogSort[]): void {
  const db = core.store!.db;
  expect(summariesDiffer(db)).toEqual([]);
  expect(positionsDiffer(db)).toEqual([]);
  const whole = fresh(core);
  const log = ok<ActionLog>(core, 'outstandingActions', {});
  expect(log.today).toBe(londonToday());
  expect(log.actions).toEqual(whole);
  expect(log.actions.every(frozen)).toBe(true);
  for (const b of w.boards) expect(ok<ActionLog>(core, 'outstandingActions', { boardId: b.id }).actions).toEqual(fresh(core, b.id));
  // Windows in any order and filter: the rows the shared rules pick from the fresh log.
  const filters: ActionLogFilter[] = [{}, { boardId: w.boards[1]!.id }, { overdue: 'overdue' }];
  for (const filter of filters) {
    for (const sort of sorts) {
      const window = ok<ActionLogWindow>(core, 'actionLogWindow', { filter, sort, offset: 1, limit: 4 });
      const kept = sortActionLog(filterActionLog(whole, filter), sort);
      expect(window.actions).toEqual(kept.slice(1, 5));
      // The counts too: positioned from the kept positions for the due order, whatever day it is now.
      expect([window.total, window.overdue]).toEqual([kept.length, kept.filter((a) => a.overdue).length]);
    }
  }
  // Read a second time, from memory: the same again.
  expect(ok<ActionLog>(core, 'outstandingActions', {}).actions).toEqual(whole);
  expect(keptLogRows(db)).toBe(whole.length);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the action log’s rows held in memory', () => {
  it('equal the kept rows mapped afresh after any sequence of writes, deletes, restores, status changes, carrying forward, rollbacks and days passing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), fc.shuffledSubarray<ActionLogSortKey>(['due', 'reference', 'owner', 'status', 'carried', 'board', 'raised'], { minLength: 1, maxLength: 2 }), fc.boolean(), async (ops, keys, descending) => {
        const start = Date.parse('2025-03-01T12:00:00Z');
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(start);
        const core = await tempCore();
        try {
          const w: World = { boards: [], actions: [], backups: [], now: start };
          for (const name of ['Executive Board', 'Audit Committee']) {
            const board = ok<BoardSummary>(core, 'createBoard', { name });
            const member = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jackie Cook', initials: 'JC' });
            w.boards.push({ id: board.id, memberId: member.id, meetings: [] });
          }
          const sorts = keys.map((by) => ({ by, descending }));
          for (const o of ops) {
            await run(core, w, o);
            // Time moves on between calls (backups are named by it), a day only when the sequence says so.
            w.now += 1000;
            vi.setSystemTime(w.now);
            expectReadsEqualFresh(core, w, sorts);
          }
        } finally {
          await core.backupsSettled();
          core.close();
          vi.useRealTimers();
        }
      }),
      { numRuns: 20 },
    );
  }, 300_000);

  it('are not kept when read inside a write that then fails', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2025-02-01' });
    const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Matters' }).item.id;
    const action = ok<MinutesAction>(core, 'addAction', { itemId, details: 'Circulate the risk register', owners: [], due: '' });
    expect(ok<ActionLog>(core, 'outstandingActions', {}).actions.map((a) => a.details)).toEqual(['Circulate the risk register']);
    expect(() =>
      write(core.store!, (h) => {
        h.db.prepare("UPDATE actions SET details = 'Never saved' WHERE id = ?").run(action.id);
        refreshStaleSummaries(h.db);
        // Inside the write its own change is what the log shows...
        expect(outstandingActions(core.store!, {}).actions.map((a) => a.details)).toEqual(['Never saved']);
        throw new Error('refused');
      }),
    ).toThrow('refused');
    // ...and once it is rolled back, what was committed.
    expect(ok<ActionLog>(core, 'outstandingActions', {}).actions.map((a) => a.details)).toEqual(['Circulate the risk register']);
  });

  it('cannot be changed by a caller: every row handed out is frozen', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2025-02-01' });
    const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Matters' }).item.id;
    ok<MinutesAction>(core, 'addAction', { itemId, details: 'Circulate the risk register', owners: [{ name: 'tbc' }], due: 'next meeting' });
    const [row] = ok<ActionLog>(core, 'outstandingActions', {}).actions;
    expect(() => {
      (row as { details: string }).details = 'Changed by a caller';
    }).toThrow(TypeError);
    expect(() => (row!.owners as unknown[]).push({})).toThrow(TypeError);
    expect(ok<ActionLog>(core, 'outstandingActions', {}).actions[0]!.details).toBe('Circulate the risk register');
  });

  it('follows a commit to the file by another connection (a tool writing while the app has it open)', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2025-02-01' });
    const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Matters' }).item.id;
    ok<MinutesAction>(core, 'addAction', { itemId, details: 'Circulate the risk register', owners: [], due: '' });
    expect(ok<ActionLog>(core, 'outstandingActions', { boardId: board.id }).actions[0]!.boardName).toBe('Executive Board');
    const other = openTestFile(core.store!.file);
    try {
      other.prepare("UPDATE action_summaries SET board_name = 'Main Board'").run();
    } finally {
      other.close();
    }
    expect(ok<ActionLog>(core, 'outstandingActions', { boardId: board.id }).actions[0]!.boardName).toBe('Main Board');
  });
});
