// Migration 0004 (the action log's kept values), Signal-style: a data file built at schema 3 with
// the sample board, a meeting after it carrying its actions and progress recorded there, migrated,
// then compared: every table it had is unchanged, and every action has the summary its tables give.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { ActionLog } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { BACKUP_FOLDER_NAME } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { ok, tempDir } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

function tablesOf(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

describe('migration 0004: the action log’s kept values', () => {
  it('keeps every table a v3 file had as it was, and gives every action the summary its tables say', async () => {
    const file = path.join(tempDir(), 'from-v3.sqlite');
    const v3 = await startCore(file, { migrations: MIGRATIONS.slice(0, 3) }, { openedBriefly: true });
    const seeded = await seedFixtureMinutes(inProcess(v3));
    ok(v3, 'carryForward', { meetingId: seeded.laterMeetingId });
    const next = { id: seeded.laterMeetingId };
    // Read with SQL: today's readers expect tables later migrations add.
    const first = v3.store!.db.prepare('SELECT action_id AS actionId FROM carried_actions WHERE meeting_id = ? ORDER BY position LIMIT 1').get(next.id) as
      | { actionId: string }
      | undefined;
    if (!first) throw new Error('nothing was carried forward');
    const at = '2014-04-10T10:00:00.000Z';
    v3.store!.db
      .prepare(`INSERT INTO action_updates (id, action_id, meeting_id, text, status, superseded_by, recorded_at, updated_at) VALUES ('u1', ?, ?, ?, 'in_progress', NULL, ?, ?)`)
      .run(first.actionId, next.id, 'KC advised that the work is progressing.', at, at);
    v3.store!.db.prepare(`UPDATE actions SET status = 'in_progress', last_update_meeting_id = ? WHERE id = ?`).run(next.id, first.actionId);
    expect(v3.store!.db.pragma('user_version', { simple: true })).toBe(3);
    const before = tablesOf(v3.store!.db);
    v3.close();

    const core = await startCore(file, { migrations: MIGRATIONS.slice(0, 4) }, { openedBriefly: true });
    try {
      const db = core.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(4);
      const after = tablesOf(db);
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
      expect(Object.keys(after).filter((t) => !(t in before)).sort()).toEqual(['action_summaries', 'action_summaries_recount', 'action_summaries_stale']);

      const actions = db.prepare('SELECT count(*) FROM actions').pluck().get() as number;
      expect(actions).toBeGreaterThan(0);
      expect(db.prepare('SELECT count(*) FROM action_summaries').pluck().get()).toBe(actions);
      expect(summariesDiffer(db)).toEqual([]);
      expect(after.action_summaries_stale).toEqual([]);

      const log = ok<ActionLog>(core, 'outstandingActions', {});
      const updated = log.actions.find((a) => a.id === first.actionId)!;
      expect(updated.latestUpdate).toMatchObject({ meetingId: next.id, meetingDate: '2014-04-10', text: 'KC advised that the work is progressing.', status: 'in_progress' });
      expect(updated.timesCarried).toBe(1);
      expect(fs.readdirSync(path.join(path.dirname(file), BACKUP_FOLDER_NAME)).some((n) => n.includes('before-upgrade-from-v3'))).toBe(true);
    } finally {
      core.close();
    }
  });
});
