// Migration 0006 (the search index), Signal-style: a data file built at schema 5 with minutes in
// it (agreed ones too), migrated, then compared: every table it had keeps every row, the agreed
// minutes still verify, and the index is built on open from what was already there.
import path from 'node:path';
import type { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { MinutesVerification, SearchResult } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { rebuildSearchIndex, SEARCH_INDEX_VERSION } from '../../electron/core/store/searchIndex';
import { ok, tempDir } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

const tableNames = (db: Database): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];

function rowsOf(db: Database, tables: readonly string[]): Record<string, unknown[]> {
  // In a stable order whatever the table's columns: sorted as JSON.
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
}

describe('migration 0006: the search index', () => {
  it('keeps every row a schema-5 file had, and builds the index from its minutes on open', async () => {
    const file = path.join(tempDir(), 'from-v5.sqlite');
    const v5 = await startCore(file, { migrations: MIGRATIONS.slice(0, 5) }, { openedBriefly: true });
    const seed = await seedFixtureMinutes(inProcess(v5));
    ok(v5, 'circulateMinutes', { meetingId: seed.meetingId });
    ok(v5, 'agreeMinutes', { meetingId: seed.meetingId, atMeetingId: seed.laterMeetingId });
    const db5 = v5.store!.db;
    expect(db5.pragma('user_version', { simple: true })).toBe(5);
    const tables = tableNames(db5);
    expect(tables.some((t) => t.startsWith('search_'))).toBe(false);
    // Searching a file without the index is a clear refusal, never an internal error.
    const refused = v5.call('search', { query: 'fostering' });
    expect(refused.ok ? 'ok' : refused.error.code).not.toBe('internal');
    const before = rowsOf(db5, tables);
    v5.close();

    const core = await startCore(file, { migrations: MIGRATIONS.slice(0, 6) }, { openedBriefly: true });
    try {
      const db = core.store!.db;
      expect(db.pragma('user_version', { simple: true })).toBe(6);
      expect(rowsOf(db, tables)).toEqual(before);
      expect(db.prepare('SELECT index_version, schema_version FROM search_state').get()).toEqual({
        index_version: SEARCH_INDEX_VERSION,
        schema_version: 6,
      });
      const found = ok<SearchResult>(core, 'search', { query: 'private fostering' });
      expect(found.meetings.map((m) => m.meetingId)).toContain(seed.meetingId);
      expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seed.meetingId }).matches).toBe(true);
      // What open built is what a rebuild builds.
      const docs = (): unknown => db.prepare('SELECT kind, source_id, meeting_id, item_id, action_id, title, body, board_token FROM search_docs ORDER BY kind, source_id').all();
      const built = docs();
      expect((built as unknown[]).length).toBeGreaterThan(50);
      rebuildSearchIndex(db);
      expect(docs()).toEqual(built);
    } finally {
      core.close();
    }
  });

  it('rebuilds on open an index built by another version of the indexer, and leaves a current one alone', async () => {
    const file = path.join(tempDir(), 'data.sqlite');
    const first = await startCore(file, {}, { openedBriefly: true });
    await seedFixtureMinutes(inProcess(first));
    const db1 = first.store!.db;
    const builtAt = db1.prepare('SELECT built_at FROM search_state').pluck().get();
    // An older indexer's index: a stale row and an old version number.
    db1.prepare("UPDATE search_docs SET body = 'stale words' WHERE kind = 'item'").run();
    db1.prepare('UPDATE search_state SET index_version = 0').run();
    first.close();

    const second = await startCore(file, {}, { openedBriefly: true });
    const db2 = second.store!.db;
    expect(db2.prepare("SELECT count(*) FROM search_docs WHERE body = 'stale words'").pluck().get()).toBe(0);
    expect(db2.prepare('SELECT index_version FROM search_state').pluck().get()).toBe(SEARCH_INDEX_VERSION);
    const rebuiltAt = db2.prepare('SELECT built_at FROM search_state').pluck().get();
    expect(rebuiltAt).not.toBe(builtAt);
    second.close();

    const third = await startCore(file, {}, { openedBriefly: true });
    expect(third.store!.db.prepare('SELECT built_at FROM search_state').pluck().get()).toBe(rebuiltAt);
    third.close();
  });
});
