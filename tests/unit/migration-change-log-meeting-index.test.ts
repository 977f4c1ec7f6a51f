// Migration 0013 (the change log indexed only by meeting): a file built at the schema just before
// it, with rows, migrated to it (never to "latest"), then compared: every table as it was, the
// wide index gone and the partial one in its place, used by the app's two lookups by meeting.
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { coreBefore, coreThrough, fileBeforeMigration, migrationNamed } from '../helpers/migrationAt';

const { version: V } = migrationNamed('change_log_meeting_index');

function tables(db: Database): Record<string, unknown[]> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

const indexes = (db: Database): string[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' ORDER BY name").pluck().all() as string[];

const plan = (db: Database, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

// The app's lookups of the log by record (arising/nextMeeting.ts, store/imported.ts), as written there.
const START_FROM = "SELECT detail FROM change_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'start_from' ORDER BY seq DESC LIMIT 1";
const IMPORTED = "SELECT at, detail FROM change_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'import' ORDER BY seq LIMIT 1";

describe('migration 0013: the change log indexed only by meeting', () => {
  it('keeps every row, replaces the index by entity with one of meeting entries, and the lookups by meeting use it', async () => {
    expect(V).toBeGreaterThan(12);
    const at = await fileBeforeMigration('change_log_meeting_index');
    const before = await coreBefore(at);
    const oldDb = before.store!.db;
    expect(indexes(oldDb)).toContain('change_log_entity');
    const meetingId = oldDb.prepare("SELECT entity_id FROM change_log WHERE entity = 'meeting' LIMIT 1").pluck().get() as string;
    expect(meetingId).toBeTruthy();
    // An older file's entries of every kind, the ones the new index leaves out among them.
    oldDb
      .prepare("INSERT INTO change_log (at, actor, entity, entity_id, action, detail) VALUES ('2024-01-01T00:00:00.000Z', 'tina', 'meeting', ?, 'import', '{\"source\":\"minutes.docx\"}'), ('2024-01-01T00:00:00.000Z', 'tina', 'action', 'a-1', 'progress', '{}')")
      .run(meetingId);
    const old = tables(oldDb);
    const imported = oldDb.prepare(IMPORTED).get(meetingId);
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
      expect(indexes(db)).toEqual(['change_log_meeting']);
      expect(db.prepare(IMPORTED).get(meetingId)).toEqual(imported);
      expect(plan(db, START_FROM, meetingId)).toContain('USING INDEX change_log_meeting');
      expect(plan(db, IMPORTED, meetingId)).toContain('USING INDEX change_log_meeting');
      expect(db.prepare("SELECT count(*) FROM change_log INDEXED BY change_log_meeting WHERE entity = 'meeting'").pluck().get()).toBe(
        db.prepare("SELECT count(*) FROM change_log NOT INDEXED WHERE entity = 'meeting'").pluck().get(),
      );
    } finally {
      after.close();
    }
  });
});
