// Migration 0008 (the action log's order, indexed), Signal-style: a file built at the schema before
// it, with rows, migrated to it (never to "latest"), then compared: every row as it was, and the
// log's windows read in order from the new indexes instead of sorting the whole log.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';

const { version: V } = migrationNamed('action_log_order');

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

const plan = (db: Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n');

// On a file this small SQLite may rather sort than walk an index; INDEXED BY asks whether the index
// serves the log's order at all (on the large store the planner picks it by itself: see the bench).
const WINDOW = 'SELECT s.* FROM action_summaries s INDEXED BY action_summaries_by_due ORDER BY s.effective_due IS NULL, s.effective_due, s.origin_date, s.seq, s.action_id LIMIT 50';
const BOARD_WINDOW = 'SELECT s.* FROM action_summaries s INDEXED BY action_summaries_board_by_due WHERE s.board_id = ? ORDER BY s.effective_due IS NULL, s.effective_due, s.origin_date, s.seq, s.action_id LIMIT 50';

describe('migration 0008: the action log’s order, indexed', () => {
  it('keeps every row a file had and reads the log’s windows from an index, not a sort', async () => {
    expect(V).toBeGreaterThan(7);
    const at = await fileBeforeMigration('action_log_order');
    const before = await coreBefore(at);
    const old = tables(before.store!.db);
    expect((old.action_summaries ?? []).length).toBeGreaterThan(0);
    expect(() => plan(before.store!.db, WINDOW)).toThrow(/no such index/);
    before.close();

    const after = await coreThrough(at);
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log') continue; // the migration's backup may log; compared below
        if (table.startsWith('search_')) continue; // the search index is rebuilt for a new schema on open
        expect(now[table], table).toEqual(rows);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      expect(plan(db, WINDOW)).toMatch(/USING (COVERING )?INDEX action_summaries_by_due/);
      expect(plan(db, WINDOW)).not.toMatch(/TEMP B-TREE/);
      const board = db.prepare('SELECT board_id FROM action_summaries LIMIT 1').pluck().get();
      expect(plan(db, BOARD_WINDOW, board)).toMatch(/USING (COVERING )?INDEX action_summaries_board_by_due/);
      expect(plan(db, BOARD_WINDOW, board)).not.toMatch(/TEMP B-TREE/);
    } finally {
      after.close();
    }
  });
});
