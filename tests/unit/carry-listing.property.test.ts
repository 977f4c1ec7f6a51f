// Property tests (fast-check) of carrying forward's reads and writes in one go (store/carryListing.ts):
// after any sequence of meetings started, carried into, moved and deleted, actions added and
// updated, a board archived and brought back, backups restored, the board's outstanding actions
// read from the kept log are exactly those read from the actions' own tables, in the same order,
// at any date, also inside a write that has touched actions not yet brought up to date in the log;
// and the kept counts equal the recomputed ones, with no name, mark or note left behind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionStatus, BackupInfo, BoardSummary, MeetingDetail } from '../../shared/contract';
import { ACTION_STATUSES } from '../../shared/domain/actionStatus';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { keptOutstandingBefore } from '../../electron/core/store/carryListing';
import { write } from '../../electron/core/store/write';
import type { Database } from '../../electron/core/db/driver';
import type { Core } from '../../electron/core/app';
import { ok, okAsync, tempCore } from '../helpers/temp';

type Op =
  | { kind: 'meeting'; gap: number; carry: boolean }
  | { kind: 'next'; gap: number }
  | { kind: 'action'; meeting: number }
  | { kind: 'update'; meeting: number; action: number; status: ActionStatus }
  | { kind: 'carry'; meeting: number }
  | { kind: 'move'; meeting: number; gap: number }
  | { kind: 'deleteMeeting' }
  | { kind: 'archive'; archived: boolean }
  | { kind: 'backup' }
  | { kind: 'restore' };

const op: fc.Arbitrary<Op> = fc.oneof(
  // A gap of 0: two meetings on one day, whose actions tie on date and number.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('meeting' as const), gap: fc.integer({ min: 0, max: 40 }), carry: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('next' as const), gap: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('action' as const), meeting: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      meeting: fc.nat(),
      action: fc.nat(),
      status: fc.constantFrom(...ACTION_STATUSES.filter((s) => s !== 'superseded')),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('carry' as const), meeting: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(), gap: fc.integer({ min: -30, max: 30 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteMeeting' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), archived: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

interface World {
  boardId: string;
  meetings: Array<{ id: string; date: string }>;
  actions: string[];
  backups: string[];
}

const meetingsOf = (db: Database): World['meetings'] => db.prepare('SELECT id, meeting_date AS date FROM meetings ORDER BY meeting_date, created_at').all() as World['meetings'];

/** Re-reads what exists (after a refusal, a delete, a move or a restore, the file says). */
function reread(core: Core, w: World): void {
  const db = core.store!.db;
  w.meetings = meetingsOf(db);
  w.actions = db.prepare('SELECT id FROM actions ORDER BY rowid').pluck().all() as string[];
}

async function run(core: Core, w: World, o: Op): Promise<void> {
  switch (o.kind) {
    case 'meeting': {
      const date = addDays(w.meetings.at(-1)?.date ?? '2014-01-15', o.gap);
      // Refused while the board is archived (it no longer exists for the screens).
      const made = core.call('createMeeting', { boardId: w.boardId, date });
      if (!made.ok) break;
      const m = made.value as MeetingDetail;
      ok(core, 'addAgendaItem', { meetingId: m.id, title: 'Matters' });
      if (o.carry) ok(core, 'carryForward', { meetingId: m.id });
      break;
    }
    case 'next': {
      const from = w.meetings.at(-1);
      // Started from the last meeting: created and carried into in one write (its own marks pending).
      if (from) core.call('startNextMeeting', { fromMeetingId: from.id, date: addDays(from.date, o.gap) });
      break;
    }
    case 'action': {
      const m = pick(w.meetings, o.meeting);
      const item = m && (core.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position LIMIT 1').pluck().get(m.id) as string | undefined);
      if (item) core.call('addAction', { itemId: item, details: 'Review the terms of reference', owners: [], due: 'next meeting' });
      break;
    }
    case 'update': {
      const m = pick(w.meetings, o.meeting);
      const a = pick(w.actions, o.action);
      if (m && a) core.call('recordActionUpdate', { meetingId: m.id, actionId: a, status: o.status });
      break;
    }
    case 'carry': {
      const m = pick(w.meetings, o.meeting);
      if (m) core.call('carryForward', { meetingId: m.id });
      break;
    }
    case 'move': {
      const m = pick(w.meetings, o.meeting);
      if (m) core.call('updateMeetingHeader', { meetingId: m.id, date: addDays(m.date, o.gap) });
      break;
    }
    case 'deleteMeeting': {
      const m = w.meetings.at(-1);
      if (m) core.call('deleteMeeting', { meetingId: m.id });
      break;
    }
    case 'archive':
      // No screen archives a board yet; the log leaves an archived board out, so the carry reads its tables.
      write(core.store!, (h) => h.db.prepare('UPDATE boards SET archived_at = ? WHERE id = ?').run(o.archived ? '2015-01-01T00:00:00.000Z' : null, w.boardId));
      break;
    case 'backup':
      w.backups.push((await okAsync<BackupInfo>(core, 'backUpNow', {})).name);
      break;
    case 'restore': {
      const name = w.backups.at(-1);
      if (name) await okAsync(core, 'restoreBackup', { name });
      break;
    }
  }
  reread(core, w);
}

interface Row {
  id: string;
  status: ActionStatus;
  origin_date: string;
  seq: number;
}

/** The board's unfinished actions agreed before `date`, read the slow way from the actions themselves. */
function fromTables(db: Database, boardId: string, date: string): Row[] {
  return db
    .prepare(
      `SELECT a.id, a.status, om.meeting_date AS origin_date, a.seq FROM actions a JOIN meetings om ON om.id = a.meeting_id
       WHERE a.board_id = ? AND a.status IN ('open', 'in_progress', 'deferred') AND om.meeting_date < ?
       ORDER BY om.meeting_date, a.seq, a.id`,
    )
    .all(boardId, date) as Row[];
}

/** Dates worth asking about: each meeting's, the day after, and one before them all. */
const datesOf = (w: World): string[] => ['2013-12-31', ...w.meetings.flatMap((m) => [m.date, addDays(m.date, 1)])];

function expectKeptReadsAsTables(core: Core, w: World): void {
  const db = core.store!.db;
  const archived = db.prepare('SELECT archived_at IS NOT NULL FROM boards WHERE id = ?').pluck().get(w.boardId) === 1;
  for (const date of datesOf(w)) {
    const kept = keptOutstandingBefore(db, w.boardId, date);
    // The log leaves an archived board out: the carry then reads the actions themselves.
    if (archived) expect(kept).toBeNull();
    else expect(kept).toEqual(fromTables(db, w.boardId, date));
  }
}

class RolledBack extends Error {}

/** Inside one write: actions touched and a meeting moved, the log not yet brought up to date, read the same. */
function expectSameInsideAWrite(core: Core, w: World, statuses: ActionStatus[]): void {
  try {
    write(core.store!, (h) => {
      w.actions.forEach((a, i) => {
        const status = statuses[i % statuses.length];
        if (status && i % 2 === 0) h.db.prepare('UPDATE actions SET status = ? WHERE id = ?').run(status, a);
      });
      const first = w.meetings[0];
      if (first) h.db.prepare('UPDATE meetings SET meeting_date = ? WHERE id = ?').run(addDays(first.date, 3), first.id);
      if (w.actions.length > 0) expect(h.db.prepare('SELECT count(*) FROM action_summaries_stale').pluck().get()).toBeGreaterThan(0);
      expectKeptReadsAsTables(core, { ...w, meetings: meetingsOf(h.db) });
      throw new RolledBack();
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
  }
}

function expectNothingLeft(core: Core): void {
  const db = core.store!.db;
  expect(summariesDiffer(db)).toEqual([]);
  const left = db
    .prepare(
      `SELECT (SELECT count(*) FROM carried_actions_listing), (SELECT count(*) FROM carried_actions_unchecked),
         (SELECT count(*) FROM action_summaries_stale), (SELECT count(*) FROM action_summaries_recount)`,
    )
    .raw()
    .get();
  expect(left).toEqual([0, 0, 0, 0]);
}

describe('carrying forward in one go', () => {
  it('reads the outstanding actions from the kept log exactly as from their tables, and keeps the counts, after any sequence of writes, deletes and restores', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 25 }),
        fc.array(fc.constantFrom(...ACTION_STATUSES.filter((s) => s !== 'superseded')), { minLength: 1, maxLength: 4 }),
        async (ops, statuses) => {
          const core = await tempCore();
          try {
            const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
            const w: World = { boardId: board.id, meetings: [], actions: [], backups: [] };
            for (const o of ops) {
              await run(core, w, o);
              expectNothingLeft(core);
              expectKeptReadsAsTables(core, w);
            }
            expectSameInsideAWrite(core, w, statuses);
            expectNothingLeft(core);
          } finally {
            await core.backupsSettled();
            core.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000);
});
