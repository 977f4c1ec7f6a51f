// Migration 0005 (progress between meetings), Signal-style: a data file built at schema 4 with
// real rows, migrated, then compared: every table and row it had is unchanged, the new table is
// there and empty, and it holds only what a between-meeting report may say.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp';
import { V1, writeV1Data } from '../helpers/legacy-v1';

function rowsOf(db: Database): Record<string, string[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

describe('migration 0005: progress between meetings', () => {
  it('keeps every row a schema-4 file had, and adds an empty table that refuses what a report may not say', async () => {
    const file = path.join(tempDir(), 'at-4.sqlite');
    const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1) });
    writeV1Data(v1.db);
    v1.close();
    const at4 = await openStore(file, { migrations: MIGRATIONS.slice(0, 4) });
    expect(at4.db.pragma('user_version', { simple: true })).toBe(4);
    const before = rowsOf(at4.db);
    at4.close();

    const at5 = await openStore(file, { migrations: MIGRATIONS.slice(0, 5) });
    try {
      const db = at5.db;
      expect(db.pragma('user_version', { simple: true })).toBe(5);
      const after = rowsOf(db);
      expect(after.between_updates).toEqual([]);
      expect(after.reminders_sent).toEqual([]);
      delete after.between_updates;
      delete after.reminders_sent;
      expect(after).toEqual(before);

      const insert = db.prepare(
        `INSERT INTO between_updates (id, action_id, reported_on, text, status, reported_by, recorded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, NULL, 'now', 'now')`,
      );
      insert.run('u1', V1.actions.feb, '2014-03-03', 'Started', 'in_progress');
      expect(() => insert.run('u2', V1.actions.feb, '2014-03-03', 'x', 'superseded')).toThrow(/CHECK/);
      expect(() => insert.run('u3', V1.actions.feb, '3 March', 'x', 'done')).toThrow(/CHECK/);
      expect(() => insert.run('u4', V1.actions.feb, '2014-03-03', '  ', 'done')).toThrow(/CHECK/);
      expect(() => insert.run('u5', 'no-such-action', '2014-03-03', 'x', 'done')).toThrow(/FOREIGN KEY/);
    } finally {
      at5.close();
    }
  });
});
