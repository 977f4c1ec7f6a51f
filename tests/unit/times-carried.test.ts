// The action log's count of times carried (store/timesCarried.ts): carrying forward changes the
// counts and nothing else of the kept rows (the wide summaries stay as they were, which is what
// keeps a carry cheap on a large store), and taking a meeting's list away counts them back down.
import { describe, expect, it } from 'vitest';
import type { ActionLog, CarryResult } from '../../shared/contract';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

describe('times carried, kept apart from the summaries', () => {
  it('carrying forward changes only the counts, and deleting the meeting counts them back', async () => {
    const core = await tempCore();
    try {
      const db = core.store!.db;
      const seeded = await seedFixtureMinutes(inProcess(core));
      const rows = (): string[] => (db.prepare('SELECT * FROM action_summaries ORDER BY action_id').all() as unknown[]).map((r) => JSON.stringify(r));
      const counts = (): Record<string, number> =>
        Object.fromEntries((db.prepare('SELECT action_id, times_carried FROM action_times_carried').all() as Array<{ action_id: string; times_carried: number }>).map((r) => [r.action_id, r.times_carried]));
      const summaries = rows();
      const before = counts();
      expect(Object.keys(before).length).toBeGreaterThan(0);
      expect(Object.values(before).every((n) => n === 0)).toBe(true);

      const carried = ok<CarryResult>(core, 'carryForward', { meetingId: seeded.laterMeetingId });
      expect(carried.added).toBeGreaterThan(0);
      expect(rows()).toEqual(summaries);
      const listed = new Set(db.prepare('SELECT action_id FROM carried_actions WHERE meeting_id = ?').pluck().all(seeded.laterMeetingId) as string[]);
      expect(listed.size).toBe(carried.listed);
      for (const [id, n] of Object.entries(counts())) expect(n).toBe(listed.has(id) ? 1 : 0);
      const log = ok<ActionLog>(core, 'outstandingActions', { boardId: seeded.boardId });
      for (const a of log.actions) expect(a.timesCarried).toBe(listed.has(a.id) ? 1 : 0);
      expect(summariesDiffer(db)).toEqual([]);

      await okAsync(core, 'deleteMeeting', { meetingId: seeded.laterMeetingId });
      // (Rows due at "the next meeting" change with it: that meeting is gone. Their counts go back.)
      expect(counts()).toEqual(before);
      expect(summariesDiffer(db)).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('the log sorted by times carried reads the counts kept beside the rows', async () => {
    const core = await tempCore();
    try {
      const seeded = await seedFixtureMinutes(inProcess(core));
      ok(core, 'carryForward', { meetingId: seeded.laterMeetingId });
      // An action agreed at the later meeting has not been carried anywhere yet.
      const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: seeded.laterMeetingId, title: 'Any other business' });
      const fresh = ok<{ id: string }>(core, 'addAction', { itemId: item.id, details: 'Circulate the revised scorecard', owners: [] });
      const window = ok<{ actions: Array<{ id: string; timesCarried: number }> }>(core, 'actionLogWindow', {
        filter: {},
        sort: { by: 'carried', descending: true },
        offset: 0,
        limit: 500,
      });
      const carried = window.actions.map((a) => a.timesCarried);
      expect(carried).toEqual([...carried].sort((a, b) => b - a));
      expect(new Set(carried)).toEqual(new Set([0, 1]));
      expect(window.actions.at(-1)?.id).toBe(fresh.id);
    } finally {
      core.close();
    }
  });

  it('a count kept too low (changed outside the app) is counted again rather than taken below zero', async () => {
    const core = await tempCore();
    try {
      const db = core.store!.db;
      const seeded = await seedFixtureMinutes(inProcess(core));
      ok(core, 'carryForward', { meetingId: seeded.laterMeetingId });
      db.exec('UPDATE action_times_carried SET times_carried = 0');
      await okAsync(core, 'deleteMeeting', { meetingId: seeded.laterMeetingId });
      const counts = db.prepare('SELECT DISTINCT times_carried FROM action_times_carried').pluck().all();
      expect(counts).toEqual([0]);
      expect(summariesDiffer(db)).toEqual([]);
    } finally {
      core.close();
    }
  });
});
