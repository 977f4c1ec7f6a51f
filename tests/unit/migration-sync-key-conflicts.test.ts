// Migration sync_key_conflicts, at its own schema: a file built at the schema before it with
// sync conflicts of every earlier kind (one dismissed), migrated, then compared: every row as it
// was, both new kinds (chair_twice, board_name_taken) accepted, an unknown kind and a second
// identical conflict still refused.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { openStore } from '../../electron/core/db/open';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/temp';
import { V1, writeV1Data } from '../helpers/legacy-v1';

const INDEX = MIGRATIONS.findIndex((m) => m.name === 'sync_key_conflicts');
const V = MIGRATIONS[INDEX]?.version ?? 0;
const BEFORE = MIGRATIONS.slice(0, INDEX);
const AT = MIGRATIONS.slice(0, INDEX + 1);
const T = '2026-11-26T10:00:00.000Z';

const everything = (db: Database): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const t of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'").pluck().all() as string[]) {
    out[t] = (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
};

function seedOldRows(db: Database): void {
  const insert = db.prepare('INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  insert.run('c1', V1.board, 'action_status', 'action-1', '{"other":{"status":"done"}}', T, null);
  insert.run('c2', V1.board, 'item_deleted_edited', 'item-1', '{"deletedBy":"Sam"}', T, T);
  insert.run('c3', V1.board, 'agreed_edited', V1.april, '{"change":"a title"}', T, null);
  insert.run('c4', V1.board, 'attendance_twice', V1.april, '{"memberId":"m"}', T, null);
  insert.run('c5', V1.board, 'initials_twice', 'member-1', '{"shownAs":"HQ2"}', T, null);
}

async function fileBefore(dir: string): Promise<string> {
  const file = path.join(dir, 'before-sync-key-conflicts.sqlite');
  const v1 = await openStore(file, { migrations: MIGRATIONS.slice(0, 1), backupDir: dir });
  writeV1Data(v1.db);
  v1.close();
  const before = await openStore(file, { migrations: BEFORE, backupDir: dir });
  seedOldRows(before.db);
  before.close();
  return file;
}

describe('migration sync_key_conflicts: two chairs named apart and a board name taken here are sync conflict kinds', () => {
  it('keeps every conflict as it was and accepts the new kind, refusing unknown kinds and duplicates as before', async () => {
    expect(INDEX).toBeGreaterThan(18);
    const dir = tempDir();
    const file = await fileBefore(dir);
    const before = await openStore(file, { migrations: BEFORE, backupDir: dir });
    const old = everything(before.db);
    for (const kind of ['chair_twice', 'board_name_taken']) {
      expect(() => before.db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, found_at) VALUES ('n', ?, ?, 'm', ?)").run(V1.board, kind, T)).toThrow(/CHECK/);
    }
    before.close();

    const store = await openStore(file, { migrations: AT, backupDir: dir });
    try {
      const db = store.db;
      expect(db.pragma('user_version', { simple: true })).toBe(V);
      expect(everything(db)).toEqual(old);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'sync_conflicts_board'").pluck().get()).toBe(1);
      const insert = db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, ?, 'm', '{}', ?)");
      insert.run('n1', V1.board, 'chair_twice', T);
      insert.run('n1b', V1.board, 'board_name_taken', T);
      expect(() => insert.run('n2', V1.board, 'chair_twice', T)).toThrow(/UNIQUE/);
      expect(() => insert.run('n3', V1.board, 'something_else', T)).toThrow(/CHECK/);
      db.pragma('foreign_keys = ON');
      expect(() => db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, found_at) VALUES ('n4', 'no-such-board', 'board_name_taken', 'x', ?)").run(T)).toThrow(/FOREIGN KEY/);
    } finally {
      store.close();
    }
  });
});
