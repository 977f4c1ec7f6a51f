// The one test of a migration that adds a sync conflict kind (SQLite cannot change a CHECK, so each
// rebuilds sync_conflicts): at the schema before it, conflicts of the earlier kinds (one
// dismissed) and the new kind refused; migrated through it, every row as it was, the board's
// index back, the new kind accepted, and an unknown kind, a second identical conflict and a
// conflict of a board not in the file still refused.
import { describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/driver';
import { V1 } from './legacy-v1';
import { everyRow, fileBeforeMigration, migrateFrom, openBefore } from './migrationAt';

const T = '2026-11-26T10:00:00.000Z';

/** A conflict already in the file before the migration: its kind must be one the schema then accepts. */
export interface EarlierConflict {
  kind: string;
  entityId: string;
  detail: string;
  dismissed?: boolean;
}

export interface ConflictKindAdded {
  /** The migration's name in the registry. */
  migration: string;
  /** The kind it adds. */
  kind: string;
  /** What it is, in words, for the test's title. */
  what: string;
  /** One conflict of each kind the schema accepted before it. */
  earlier: readonly EarlierConflict[];
}

export function describeConflictKindAdded({ migration, kind, what, earlier }: ConflictKindAdded): void {
  describe(`migration ${migration}: ${what} is a sync conflict kind`, () => {
    it('keeps every conflict as it was and accepts the new kind, refusing unknown kinds and duplicates as before', async () => {
      const at = await fileBeforeMigration(migration, (db) => {
        const insert = db.prepare('INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at, dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
        earlier.forEach((c, i) => insert.run(`c${i + 1}`, V1.board, c.kind, c.entityId, c.detail, T, c.dismissed ? T : null));
      });
      const before = await openBefore(at);
      const old = everyRow(before.db);
      expect(old.sync_conflicts).toHaveLength(earlier.length);
      expect(() => newConflict(before.db, 'n', V1.board)).toThrow(/CHECK/);
      before.close();

      const store = await migrateFrom(at);
      try {
        const db = store.db;
        expect(db.pragma('user_version', { simple: true })).toBe(at.migration.version);
        expect(everyRow(db)).toEqual(old);
        expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'sync_conflicts_board'").pluck().get()).toBe(1);
        newConflict(db, 'n1', V1.board);
        expect(() => newConflict(db, 'n2', V1.board)).toThrow(/UNIQUE/);
        expect(() => db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES ('n3', ?, 'something_else', 'm', '{}', ?)").run(V1.board, T)).toThrow(/CHECK/);
        db.pragma('foreign_keys = ON');
        expect(() => newConflict(db, 'n4', 'no-such-board')).toThrow(/FOREIGN KEY/);
      } finally {
        store.close();
      }
    });
  });

  function newConflict(db: Database, id: string, boardId: string): void {
    db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, ?, 'm', '{}', ?)").run(id, boardId, kind, T);
  }
}
