// Migration 0017 (the action log's kept positions): a file built at the schema just before it, with
// outstanding actions, migrated to it (never to "latest"), then compared: every
// table's rows as they were, what the app shows unchanged, and the new positions counting the kept
// rows exactly (each board's, each status's, all), so a window is positioned from them at once.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { positionsDiffer, positionsOf } from '../../electron/core/store/actionLogPositions';
import type { ActionLogWindow } from '../../shared/contract';
import { ok } from '../helpers/temp';

const { version: V } = migrationNamed('action_log_positions');

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

function shown(core: Core): unknown {
  const windows = [{}, { overdue: 'overdue' }, { overdue: 'not_overdue' }, { status: 'open' }].map((filter) =>
    [false, true].map((descending) => ok<ActionLogWindow>(core, 'actionLogWindow', { filter, sort: { by: 'due', descending }, offset: 1, limit: 10 })),
  );
  return { log: ok(core, 'outstandingActions', {}), windows };
}

describe('migration 0017: the action log’s kept positions', () => {
  it('keeps every row and everything shown, and counts the kept rows by board, status and day', async () => {
    expect(V).toBeGreaterThan(15);
    const at = await fileBeforeMigration('action_log_positions');
    const before = await coreBefore(at);
    before.close();
    const settled = await coreBefore(at);
    const old = tables(settled.store!.db);
    const oldShown = shown(settled);
    expect(old.action_log_positions).toBeUndefined();
    const kept = settled.store!.db.prepare('SELECT count(*) FROM action_summaries').pluck().get() as number;
    expect(kept).toBeGreaterThan(1);
    settled.close();

    const after = await coreThrough(at);
    try {
      const db = after.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = tables(db);
      for (const [table, rows] of Object.entries(old)) {
        if (table === 'change_log' || table.startsWith('search_')) continue; // the backup may log; the index is rebuilt for a new schema
        expect(now[table], table).toEqual(rows);
      }
      expect(now.change_log!.slice(0, old.change_log!.length)).toEqual(old.change_log);
      expect(shown(after)).toEqual(oldShown);
      expect(summariesDiffer(db)).toEqual([]);
      expect(now.action_log_positions!.length).toBeGreaterThan(0);
      expect(positionsDiffer(db)).toEqual([]);
      expect(positionsOf(db, null, null).total()).toBe(kept);
      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'action_summaries' AND name LIKE '%status_by_due'").pluck().all();
      expect(indexes.sort()).toEqual(['action_summaries_board_status_by_due', 'action_summaries_status_by_due']);
    } finally {
      after.close();
    }
  });
});
