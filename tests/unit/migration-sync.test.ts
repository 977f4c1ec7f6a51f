// Migration sync (0011), at its own schema: a file built at the schema before it (version 1's
// rows, then on up to the migration before), migrated, then compared: the three sync tables are
// added, empty, and every row and trigger that was there is as it was; their constraints hold.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { V1 } from '../helpers/legacy-v1';
import { fileBeforeMigration, migrateFrom, migrationNamed, openBefore } from '../helpers/migrationAt';

const { index: INDEX, version: V } = migrationNamed('sync');
const T = '2026-11-26T10:00:00.000Z';

function everything(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  // The search index is rebuilt for a new schema (search_state records which): not the migration's doing.
  const out: Record<string, unknown[]> = { schema: names };
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").pluck().all() as string[]) {
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

describe('migration sync: where a shared board keeps its documents', () => {
  it('adds the sync tables, empty, and leaves every row as it was', async () => {
    expect(INDEX).toBeGreaterThan(9);
    const at = await fileBeforeMigration('sync');
    const before = await openBefore(at);
    const old = everything(before.db);
    before.close();

    const store = await migrateFrom(at);
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      const now = everything(db);
      for (const [name, rows] of Object.entries(old)) if (name !== 'schema') expect(now[name], name).toEqual(rows);
      const added = (now.schema as string[]).filter((n) => !(old.schema as string[]).includes(n));
      expect(added.sort()).toEqual(['sync_boards', 'sync_conflicts', 'sync_conflicts_board', 'sync_updates', 'sync_updates_doc', 'sync_updates_pending'].sort());
      for (const t of ['sync_boards', 'sync_updates', 'sync_conflicts']) expect(now[t]).toEqual([]);

      // The constraints: a shared board names a real board, an update says where it came from.
      const share = db.prepare('INSERT INTO sync_boards (board_id, server_url, token, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
      share.run(V1.board, 'wss://sync.example.org', 'a'.repeat(43), T, T);
      db.pragma('foreign_keys = ON');
      expect(() => share.run('no-such-board', 'wss://sync.example.org', 'a'.repeat(43), T, T)).toThrow(/FOREIGN KEY/);
      const update = db.prepare('INSERT INTO sync_updates (board_id, doc_name, update_blob, origin, at) VALUES (?, ?, ?, ?, ?)');
      update.run(V1.board, `ma1/${V1.board}/board`, Buffer.from([0, 0]), 'local', T);
      expect(() => update.run(V1.board, `ma1/${V1.board}/board`, Buffer.from([0, 0]), 'elsewhere', T)).toThrow(/CHECK/);
      expect(db.prepare('SELECT acknowledged FROM sync_updates').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
