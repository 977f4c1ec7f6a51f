// Migration 0014 (matters arising found by meeting only): a file built at the schema just before it,
// with listings, migrated to it (never to "latest"), then compared: every table's rows as they were,
// the index by action and the foreign key to actions gone, the rule kept by triggers, and what the
// app shows of the listings (matters arising with times carried, an action's history) unchanged.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { ok } from '../helpers/temp';
import { V1 } from '../helpers/legacy-v1';

const { version: V } = migrationNamed('carried_by_meeting');

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

/** What the app shows of the listings: every meeting's matters arising, and every action's history. */
function shown(core: Core): unknown {
  const db = core.store!.db;
  const meetings = db.prepare('SELECT id FROM meetings ORDER BY meeting_date, id').pluck().all() as string[];
  const actions = db.prepare('SELECT id FROM actions ORDER BY id').pluck().all() as string[];
  return {
    arising: meetings.map((meetingId) => ok(core, 'getMattersArising', { meetingId })),
    histories: actions.map((actionId) => ok(core, 'getActionHistory', { actionId })),
    log: ok(core, 'outstandingActions', {}),
  };
}

describe('migration 0014: matters arising found by meeting, not by action', () => {
  it('keeps every row and everything shown, and drops the index by action and its foreign key', async () => {
    expect(V).toBeGreaterThan(12);
    const at = await fileBeforeMigration('carried_by_meeting');
    const before = await coreBefore(at);
    const oldDb = before.store!.db;
    // September's draft lists April's action too (as the app's carry would): two listings of one board.
    oldDb.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 0, 'open')").run(V1.september, V1.actions.april);
    oldDb.prepare("INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 1, 'open')").run(V1.september, V1.actions.feb);
    expect(oldDb.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'carried_actions_action'").get()).toBeDefined();
    // Rows written by SQL leave their marks: the app's open (below) brings the kept values in step first.
    before.close();
    const settled = await coreBefore(at);
    const old = tables(settled.store!.db);
    const oldShown = shown(settled);
    expect(old.carried_actions!.length).toBe(3);
    settled.close();

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
      expect(now.carried_actions_unchecked).toEqual([]);
      expect(shown(after)).toEqual(oldShown);
      expect(summariesDiffer(db)).toEqual([]);

      const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'carried_actions' AND sql IS NOT NULL").pluck().all();
      expect(indexes).toEqual([]);
      const keys = db.prepare("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('carried_actions')").all();
      expect(keys).toEqual([{ table: 'meetings', from: 'meeting_id', on_delete: 'CASCADE' }]);
      const triggers = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'carried_actions' ORDER BY name").pluck().all();
      expect(triggers).toEqual([
        'action_summaries_stale_carried_delete',
        'action_summaries_stale_carried_insert',
        'action_summaries_stale_carried_update',
        'carried_actions_agreed_no_delete',
        'carried_actions_agreed_no_insert',
        'carried_actions_agreed_no_update',
        'carried_actions_rule_insert',
        'carried_actions_rule_update',
      ]);
      // Agreed minutes keep their list, as before.
      expect(() => db.prepare('DELETE FROM carried_actions WHERE meeting_id = ?').run(V1.april)).toThrow(/agreed as accurate/);
      expect(db.prepare('EXPLAIN QUERY PLAN DELETE FROM carried_actions WHERE action_id = ? AND meeting_id IN (SELECT id FROM meetings WHERE board_id = ?)').all(V1.actions.feb, V1.board))
        .toEqual(expect.arrayContaining([expect.objectContaining({ detail: expect.stringMatching(/SEARCH carried_actions USING PRIMARY KEY/) })]));
    } finally {
      after.close();
    }
  });
});
