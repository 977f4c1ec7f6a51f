// Migration 0026 (a meeting added or deleted marks only the kept rows whose date due it can
// change): which actions a meeting's insert or delete marks for rebuilding, seen through a
// temporary trigger on the marks table; that the kept log still equals the log worked out again
// after any sequence of meetings added on any date, deleted, moved, and actions due at them; and
// the migration itself, every row as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/driver';
import { refreshStaleSummaries, summariesDiffer } from '../../electron/core/store/actionSummary';
import { positionsDiffer } from '../../electron/core/store/actionLogPositions';
import type { BoardSummary, MeetingDetail, MinutesAction } from '../../shared/contract';
import { coreThrough, everyRow, fileBeforeMigration, migrationNamed, openBefore } from '../helpers/migrationAt';
import { ok, tempCore } from '../helpers/temp';

const { version: V } = migrationNamed('meeting_marks');

/** Records every action a write marks for its kept row to be rebuilt, on this connection only. */
function watchMarks(db: Database): () => string[] {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS marked (action_id TEXT);
    CREATE TEMP TRIGGER IF NOT EXISTS marked_watch AFTER INSERT ON main.action_summaries_stale BEGIN INSERT INTO marked VALUES (NEW.action_id); END;`);
  return () => {
    const ids = db.prepare('SELECT DISTINCT action_id FROM temp.marked ORDER BY action_id').pluck().all() as string[];
    db.exec('DELETE FROM temp.marked');
    return ids;
  };
}

function expectKeptEqualsRecomputed(db: Database): void {
  expect(summariesDiffer(db)).toEqual([]);
  expect(positionsDiffer(db)).toEqual([]);
  expect(db.prepare('SELECT count(*) FROM action_summaries_stale').pluck().get()).toBe(0);
}

interface Board {
  core: Core;
  boardId: string;
  meeting(date: string): { id: string; itemId: string };
  action(itemId: string, due: string): string;
}

async function board(): Promise<Board> {
  const core = await tempCore();
  const boardId = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' }).id;
  return {
    core,
    boardId,
    meeting(date) {
      const m = ok<MeetingDetail>(core, 'createMeeting', { boardId, date });
      return { id: m.id, itemId: ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m.id, title: 'Matters' }).item.id };
    },
    action(itemId, due) {
      return ok<MinutesAction>(core, 'addAction', { itemId, details: 'Review the terms of reference', owners: [], due }).id;
    },
  };
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const sorted = (ids: string[]): string[] => [...ids].sort();

describe('a meeting added or deleted marks only the kept rows whose date due it can change', () => {
  it('marks what is due by no meeting yet, or by its own date, and leaves rows due by an earlier meeting', async () => {
    const b = await board();
    try {
      const db = b.core.store!.db;
      const m1 = b.meeting('2024-01-10');
      const m2 = b.meeting('2024-03-10');
      const m3 = b.meeting('2024-05-10');
      const dueAtM2 = b.action(m1.itemId, 'next meeting'); // due 2024-03-10
      const dueAtM3 = b.action(m2.itemId, 'next meeting'); // due 2024-05-10
      const noNextYet = b.action(m3.itemId, 'next meeting'); // no meeting after it: no date due
      const juneNone = b.action(m1.itemId, 'June meeting'); // no meeting in June or after: due 2024-06-30
      const marchNamed = b.action(m1.itemId, 'March meeting'); // the March meeting itself
      const marks = watchMarks(db);

      const m4 = b.meeting('2024-09-10');
      expect(sorted(marks())).toEqual(sorted([noNextYet, juneNone]));
      expectKeptEqualsRecomputed(db);
      const due = (id: string) => db.prepare('SELECT effective_due FROM action_summaries WHERE action_id = ?').pluck().get(id);
      expect([due(noNextYet), due(juneNone), due(dueAtM2), due(marchNamed)]).toEqual(['2024-09-10', '2024-09-10', '2024-03-10', '2024-03-10']);

      // After every date due: nothing to rebuild.
      const m5 = b.meeting('2024-11-10');
      expect(marks()).toEqual([]);
      expectKeptEqualsRecomputed(db);

      // Before some: those due later than it.
      b.meeting('2024-04-10');
      expect(sorted(marks())).toEqual(sorted([dueAtM3, noNextYet, juneNone]));
      expectKeptEqualsRecomputed(db);
      expect(due(dueAtM3)).toBe('2024-04-10'); // the meeting added is now its next

      ok(b.core, 'deleteMeeting', { meetingId: m5.id });
      expect(marks()).toEqual([]);
      ok(b.core, 'deleteMeeting', { meetingId: m4.id });
      expect(sorted(marks())).toEqual(sorted([noNextYet, juneNone]));
      expectKeptEqualsRecomputed(db);
      expect([due(noNextYet), due(juneNone)]).toEqual([null, '2024-06-30']);
    } finally {
      b.core.close();
    }
  });

  it('marks what is due at the very meeting added, or at a cancelled meeting with no meeting after its date (rows only sync or an older app writes)', async () => {
    const b = await board();
    try {
      const db = b.core.store!.db;
      const m1 = b.meeting('2024-01-10');
      b.meeting('2024-02-10');
      const m3 = b.meeting('2024-03-10');
      const namesLater = b.action(m1.itemId, 'next meeting');
      const namesCancelled = b.action(m1.itemId, 'next meeting');
      const marks = watchMarks(db);
      db.exec('BEGIN');
      try {
        db.pragma('defer_foreign_keys = ON'); // the meeting's row comes later in this transaction
        // Due at a meeting not yet in the file (its row arrives later): until then, the first
        // meeting after its January due_date, 10 February. Only its name can mark it.
        db.prepare("UPDATE actions SET due_kind = 'meeting', due_meeting_id = 'm-later', due_date = '2024-01-31' WHERE id = ?").run(namesLater);
        // Due at the March meeting, cancelled, with no meeting after it: due by its own date.
        db.prepare('UPDATE meetings SET cancelled = 1 WHERE id = ?').run(m3.id);
        db.prepare("UPDATE actions SET due_kind = 'meeting', due_meeting_id = ?, due_date = '2024-03-10' WHERE id = ?").run(m3.id, namesCancelled);
        refreshStaleSummaries(db);
        expect(summariesDiffer(db)).toEqual([]);
        const due = (id: string) => db.prepare('SELECT effective_due FROM action_summaries WHERE action_id = ?').pluck().get(id);
        expect([due(namesLater), due(namesCancelled)]).toEqual(['2024-02-10', '2024-03-10']);
        marks();
        db.prepare(
          "INSERT INTO meetings (id, board_id, board_name, meeting_date, created_at, updated_at) VALUES ('m-later', ?, 'Executive Board', '2024-12-01', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
        ).run(b.boardId);
        expect(sorted(marks())).toEqual(sorted([namesLater, namesCancelled]));
        refreshStaleSummaries(db);
        expect(summariesDiffer(db)).toEqual([]);
        expect([due(namesLater), due(namesCancelled)]).toEqual(['2024-12-01', '2024-12-01']);
      } finally {
        db.exec('ROLLBACK');
      }
    } finally {
      b.core.close();
    }
  });

  type Op =
    | { kind: 'meeting'; at: number; gap: number }
    | { kind: 'action'; meeting: number; due: string }
    | { kind: 'delete'; meeting: number }
    | { kind: 'move'; meeting: number; gap: number }
    | { kind: 'due'; action: number; due: string };
  const dues = fc.constantFrom('next meeting', 'March meeting', '10th April board', 'June meeting', 'December Board meeting', '22.07.14', '');
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('meeting' as const), at: fc.nat(), gap: fc.integer({ min: -60, max: 120 }) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('action' as const), meeting: fc.nat(), due: dues }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), meeting: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(), gap: fc.integer({ min: -60, max: 60 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('due' as const), action: fc.nat(), due: dues }) },
  );
  const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

  it('keep the log equal to the log worked out again, after meetings added on any date, deleted and moved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const b = await board();
        try {
          const db = b.core.store!.db;
          const meetings: Array<{ id: string; itemId: string; date: string }> = [];
          const actions: string[] = [];
          const byDate = () => meetings.sort((x, y) => (x.date < y.date ? -1 : 1));
          for (const o of ops) {
            if (o.kind === 'meeting') {
              const date = addDays(pick(meetings, o.at)?.date ?? '2014-01-15', o.gap);
              if (meetings.some((m) => m.date === date)) continue;
              meetings.push({ ...b.meeting(date), date });
              byDate();
            } else if (o.kind === 'action') {
              const m = pick(meetings, o.meeting);
              if (m) actions.push(b.action(m.itemId, o.due));
            } else if (o.kind === 'delete') {
              const m = pick(meetings, o.meeting);
              if (m && b.core.call('deleteMeeting', { meetingId: m.id }).ok) {
                meetings.splice(meetings.indexOf(m), 1);
                const left = new Set(db.prepare('SELECT id FROM actions').pluck().all() as string[]);
                actions.splice(0, actions.length, ...actions.filter((a) => left.has(a)));
              }
            } else if (o.kind === 'move') {
              const m = pick(meetings, o.meeting);
              if (m && b.core.call('updateMeetingHeader', { meetingId: m.id, date: addDays(m.date, o.gap) }).ok) {
                m.date = addDays(m.date, o.gap);
                byDate();
              }
            } else {
              const a = pick(actions, o.action);
              if (a) ok(b.core, 'updateAction', { actionId: a, due: o.due });
            }
            expectKeptEqualsRecomputed(db);
          }
        } finally {
          b.core.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('migration 0026: the meeting triggers narrowed', () => {
  it('keeps every row, replaces the two triggers, and the kept log stays exact through a meeting added and deleted', async () => {
    expect(V).toBeGreaterThan(25);
    const at = await fileBeforeMigration('meeting_marks');
    const before = await openBefore(at);
    const old = everyRow(before.db);
    const oldTrigger = before.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'action_summaries_stale_meeting_insert'").pluck().get() as string;
    before.close();
    expect(oldTrigger).not.toContain('effective_due');

    const after = await coreThrough(at);
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = everyRow(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log') continue; // the migration's backup may log
        expect(now[table], table).toEqual(rows);
      }
      const triggers = db
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'meetings' AND name LIKE 'action_summaries_stale_meeting_%' ORDER BY name")
        .all() as Array<{ name: string; sql: string }>;
      expect(triggers.map((t) => t.name)).toEqual(['action_summaries_stale_meeting_delete', 'action_summaries_stale_meeting_insert', 'action_summaries_stale_meeting_update']);
      for (const t of triggers.filter((t) => !t.name.endsWith('_update'))) expect(t.sql, t.name).toContain('s.effective_due');
      expectKeptEqualsRecomputed(db);
      const boardId = db.prepare('SELECT id FROM boards LIMIT 1').pluck().get() as string;
      const latest = db.prepare('SELECT max(meeting_date) FROM meetings WHERE board_id = ?').pluck().get(boardId) as string;
      const added = ok<MeetingDetail>(after, 'createMeeting', { boardId, date: addDays(latest, 30) });
      expectKeptEqualsRecomputed(db);
      ok(after, 'deleteMeeting', { meetingId: added.id });
      expectKeptEqualsRecomputed(db);
    } finally {
      after.close();
    }
  });
});

