// Migration 0012 (times carried kept apart from the wide summary rows): a file built at the schema
// just before it, with rows, migrated to it (never to "latest"), then compared: every other table as
// it was, every summary as it was but for the count, which is now in action_times_carried, counted
// again from the meetings' lists (a count kept wrong before the migration comes out right).
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import type { ActionLog } from '../../shared/contract';
import { ok } from '../helpers/temp';

const { version: V } = migrationNamed('times_carried');

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

describe('migration 0012: times carried kept in a narrow table of their own', () => {
  it('keeps every row, moves each count beside its summary and counts it again from the lists', async () => {
    expect(V).toBeGreaterThan(10);
    const at = await fileBeforeMigration('times_carried');
    const before = await coreBefore(at);
    const oldDb = before.store!.db;
    const counts = new Map(
      (oldDb.prepare('SELECT action_id, board_id, times_carried FROM action_summaries').all() as Array<{ action_id: string; board_id: string; times_carried: number }>).map((r) => [
        r.action_id,
        r,
      ]),
    );
    expect([...counts.values()].some((r) => r.times_carried > 0)).toBe(true);
    const wrong = [...counts.values()].find((r) => r.times_carried > 0)!;
    // A count kept wrong by an older copy of the app (or another program): the migration does not copy it.
    oldDb.prepare('UPDATE action_summaries SET times_carried = 41 WHERE action_id = ?').run(wrong.action_id);
    const old = tables(oldDb);
    before.close();

    const after = await coreThrough(at);
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log') continue; // the migration's backup may log; compared below
        if (table.startsWith('search_')) continue; // the search index is rebuilt for a new schema on open
        if (table === 'action_summaries') continue; // compared below, without the count
        expect(now[table], table).toEqual(rows);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      const withoutCount = (rows: unknown[]): unknown[] =>
        rows.map((r) => {
          const { times_carried: _dropped, ...rest } = JSON.parse(r as string) as Record<string, unknown>;
          return JSON.stringify(rest);
        });
      expect(withoutCount(now.action_summaries!).sort()).toEqual(withoutCount(old.action_summaries!).sort());
      expect(db.prepare("SELECT 1 FROM pragma_table_info('action_summaries') WHERE name = 'times_carried'").get()).toBeUndefined();

      const kept = db.prepare('SELECT action_id, board_id, times_carried FROM action_times_carried').all() as Array<{ action_id: string; board_id: string; times_carried: number }>;
      expect(kept.map((r) => r.action_id).sort()).toEqual([...counts.keys()].sort());
      for (const r of kept) expect(r).toEqual(counts.get(r.action_id));
      expect(summariesDiffer(db)).toEqual([]);
      // A change to a meeting's list is marked with by how much it changes the count.
      expect(db.prepare("SELECT 1 FROM pragma_table_info('action_summaries_recount') WHERE name = 'delta'").get()).toBeDefined();
      const marks = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'carried_actions' AND name LIKE 'action_summaries_%'").all() as Array<{ name: string; sql: string }>;
      expect(marks.map((t) => t.name).sort()).toEqual(['action_summaries_stale_carried_delete', 'action_summaries_stale_carried_insert', 'action_summaries_stale_carried_update']);
      for (const t of marks) expect(t.sql).toMatch(/delta = delta [+-] 1/);
      expect(db.prepare('SELECT count(*) FROM action_summaries_recount').pluck().get()).toBe(0);
      const log = ok<ActionLog>(after, 'outstandingActions', {});
      expect(log.actions.find((a) => a.id === wrong.action_id)?.timesCarried).toBe(wrong.times_carried);
    } finally {
      after.close();
    }
  });
});
