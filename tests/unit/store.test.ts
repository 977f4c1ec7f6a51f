// The store: migrations from empty, pragmas, refusing files it must not touch, backups.
import fs from 'node:fs';
import path from 'node:path';
import { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import { openStore, StoreOpenError } from '../../electron/core/db/open';
import { LATEST_VERSION, MIGRATIONS, registryFromFiles } from '../../electron/core/db/migrations';
import { APPLICATION_ID } from '../../electron/core/db/identify';
import { sha256, tempCore, tempDir } from '../helpers/temp';
import { openTestFile } from '../helpers/testKey';

async function openError(file: string, options?: Parameters<typeof openStore>[1]): Promise<StoreOpenError> {
  try {
    const store = await openStore(file, options);
    store.close();
  } catch (err) {
    if (err instanceof StoreOpenError) return err;
    throw err;
  }
  throw new Error('expected the store to refuse the file');
}

describe('opening a new store', () => {
  it('migrates an empty file to the latest version with the required pragmas', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const store = await openStore(file);
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    store.close();
  });

  it('creates every table of the domain as STRICT', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    // Ordinary tables only: the search index's FTS5 table and the shadow tables FTS5 makes for
    // itself (search_fts_data, ...) are SQLite's own, and cannot be STRICT. The index is in its
    // own file (attached as `search`), the record in the data file.
    const tablesOf = (schema: string) =>
      db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = ? AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'").all(schema) as {
        name: string;
        strict: number;
      }[];
    const tables = tablesOf('main');
    expect(tables.map((t) => t.name).filter((n) => n.startsWith('search'))).toEqual([]);
    expect(tablesOf('search').map((t) => t.name).sort()).toEqual(['search_docs', 'search_state', 'search_words']);
    expect(tablesOf('search').filter((t) => t.strict !== 1)).toEqual([]);
    const names = tables.map((t) => t.name).sort();
    for (const required of [
      'boards', 'people', 'board_members', 'board_groups', 'group_members', 'meetings', 'attendance', 'attendance_items',
      'agenda_items', 'decisions', 'actions', 'issued_references', 'action_owners', 'carried_actions', 'action_updates',
      'corrections', 'change_log', 'settings',
    ]) {
      expect(names).toContain(required);
    }
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
  });

  it('creates a new file in a folder that exists, but never a missing folder (an unplugged drive)', async () => {
    const dir = tempDir();
    const store = await openStore(path.join(dir, 'data.sqlite'));
    store.close();
    expect(fs.existsSync(path.join(dir, 'data.sqlite'))).toBe(true);
    const error = await openError(path.join(dir, 'a', 'b', 'data.sqlite'));
    expect(error.problem.kind).toBe('missing_folder');
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
  });

  it('enforces foreign keys and the append-only change log', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    expect(() =>
      db.prepare("INSERT INTO meetings (id, board_id, board_name, meeting_date, created_at, updated_at) VALUES ('m', 'nope', 'x', '2014-02-19', 'now', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO change_log (at, actor, entity, entity_id, action) VALUES ('t', 'a', 'board', 'b', 'create')").run();
    expect(() => db.prepare("UPDATE change_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
  });
});

describe('files the store must not touch', () => {
  it('refuses a file from a newer version and leaves it byte-identical', async () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x TEXT)');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha256(file);
    const files = fs.readdirSync(path.dirname(file));

    const error = await openError(file);
    expect(error.problem.kind).toBe('newer_version');
    expect(error.problem.message).toContain(`format ${LATEST_VERSION + 5}`);
    expect(error.problem.advice).toMatch(/not been changed/);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(files);
  });

  it('refuses a file that is not SQLite and leaves it byte-identical', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    fs.writeFileSync(file, 'Minutes and Actions\nSouthwark Safeguarding Children Executive Board\n'.repeat(20));
    const before = sha256(file);
    const error = await openError(file);
    expect(error.problem.kind).toBe('not_sqlite');
    expect(sha256(file)).toBe(before);
  });

  it('explains a folder that is not a folder', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const error = await openError(path.join(blocker, 'data.sqlite'));
    expect(error.problem.kind).toBe('missing_folder');
    expect(error.problem.title).toMatch(/folder of the data file is not there/);
  });
});

describe('migrations', () => {
  // A migration after the app's own, whatever their number: a file at the latest version meets it as its next.
  const next = LATEST_VERSION + 1;
  const v2 = { version: next, name: 'test_add_column', sql: 'ALTER TABLE boards ADD COLUMN colour TEXT;' };

  it('takes a backup with the old data before migrating, then migrates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    const backups = path.join(dir, 'backups');
    const current = await openStore(file);
    current.db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b1', 'Executive Board', 't', 't')").run();
    current.close();

    const v2Store = await openStore(file, { migrations: [...MIGRATIONS, v2], backupDir: backups });
    expect(v2Store.db.pragma('user_version', { simple: true })).toBe(next);
    expect(v2Store.db.prepare("SELECT colour FROM boards WHERE id = 'b1'").get()).toEqual({ colour: null });
    v2Store.close();

    const written = fs.readdirSync(backups);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`before-upgrade-from-v${LATEST_VERSION}\\.sqlite$`));
    const copy = openTestFile(path.join(backups, written[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT name FROM boards').pluck().all()).toEqual(['Executive Board']);
    copy.close();
  });

  it('applies pending migrations in one transaction: a failing one leaves the file at its old version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    (await openStore(file)).close();
    const broken = [...MIGRATIONS, v2, { version: next + 1, name: 'broken', sql: 'THIS IS NOT SQL;' }];
    await openError(file, { migrations: broken, backupDir: path.join(dir, 'b') });
    const store = await openStore(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.db.prepare("SELECT count(*) FROM pragma_table_info('boards') WHERE name = 'colour'").pluck().get()).toBe(0);
    store.close();
  });

  it('insists on numbered files without gaps, each number once', () => {
    expect(registryFromFiles({ './0001_a.sql': 'x', './0002_b.sql': 'y' }).map((m) => m.version)).toEqual([1, 2]);
    expect(() => registryFromFiles({ './0001_a.sql': 'x', './0003_c.sql': 'y' })).toThrow(/without gaps/);
    expect(() => registryFromFiles({ './0001_a.sql': 'x', './other/0001_b.sql': 'y' })).toThrow(/Two migrations are numbered 1/);
    expect(() => registryFromFiles({ './first.sql': 'x' })).toThrow(/0001_name\.sql/);
  });
});

describe('prepared statements', () => {
  it('are reused, and a caller pluck() never changes what the next caller gets', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    const sql = 'SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name LIMIT 1';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(typeof db.prepare(sql).pluck().get('table')).toBe('string');
    expect(db.prepare(sql).get('table')).toEqual({ name: expect.any(String) });
    expect(Array.isArray(db.prepare(sql).raw().get('table'))).toBe(true);
    expect(db.prepare(sql).get('table')).toEqual({ name: expect.any(String) });
  });
});
