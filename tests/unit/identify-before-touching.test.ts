// A data file is ours only if it carries our application id and our tables (or, made before the
// id existed, exactly our schema). Everything else (other programs' databases, empty files,
// missing folders, folders, looping links, over-long paths) gets a plain problem, and the file
// and its folder are byte-identical afterwards. Opening another file checks it fully first.
import { openTestFile } from '../helpers/testKey';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Database } from '../../electron/core/db/driver';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BoardSummary } from '../../shared/contract';
import { openStore, StoreOpenError } from '../../electron/core/db/open';
import { APPLICATION_ID } from '../../electron/core/db/identify';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { startCore } from '../../electron/core/app';
import { startBrowserHost } from '../../electron/serve';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';

/** Every entry under a folder with its kind, size, mode and content hash: "byte-identical afterwards". */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) out.push(`${full} -> ${fs.readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.push(`${full}/ ${st.mode.toString(8)}`);
        walk(full);
      } else out.push(`${full} ${st.size} ${st.mode.toString(8)} ${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`);
    }
  };
  walk(dir);
  return out;
}

async function problemOf(file: string): Promise<StoreOpenError['problem']> {
  try {
    (await openStore(file)).close();
  } catch (err) {
    if (err instanceof StoreOpenError) return err.problem;
    throw err;
  }
  throw new Error(`expected ${file} to be refused`);
}

function foreignDatabase(file: string, setup: (db: Database) => void): void {
  const db = new Database(file);
  setup(db);
  db.close();
}

describe('files that are not ours', () => {
  const cases: [string, (file: string) => void, string][] = [
    [
      'another program’s database (user_version 0)',
      (file) => foreignDatabase(file, (db) => db.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Tina', '0207')")),
      'foreign',
    ],
    [
      'another program’s database in WAL mode',
      (file) =>
        foreignDatabase(file, (db) => {
          db.pragma('journal_mode = WAL');
          db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('private')");
        }),
      'foreign',
    ],
    ['a database marked by another program', (file) => foreignDatabase(file, (db) => db.exec('CREATE TABLE x (y); PRAGMA application_id = 1234;')), 'foreign'],
    ['user_version 1 with no tables', (file) => foreignDatabase(file, (db) => db.pragma('user_version = 1')), 'foreign'],
    ['user_version 1 with a table of the same name but other columns', (file) => foreignDatabase(file, (db) => db.exec('CREATE TABLE boards (id); PRAGMA user_version = 1;')), 'foreign'],
    [
      'user_version 7 without our mark (not a newer Matters Arising)',
      (file) => foreignDatabase(file, (db) => db.exec(`CREATE TABLE things (x); PRAGMA user_version = ${LATEST_VERSION + 6};`)),
      'foreign',
    ],
    ['our mark but none of our tables', (file) => foreignDatabase(file, (db) => db.exec(`CREATE TABLE x (y); PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = 1;`)), 'corrupt'],
    ['a zero-byte file (a failed copy, a cloud placeholder)', (file) => fs.writeFileSync(file, ''), 'empty'],
  ];

  for (const [what, make, kind] of cases) {
    it(`refuses ${what} and leaves the file and folder byte-identical`, async () => {
      const dir = tempDir();
      const file = path.join(dir, 'minutes.sqlite');
      make(file);
      const before = snapshot(dir);
      const problem = await problemOf(file);
      expect(problem.kind).toBe(kind);
      expect(problem.title.length).toBeGreaterThan(10);
      expect(`${problem.message} ${problem.advice}`).toMatch(/not been changed|Nothing has been changed/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('names a newer Matters Arising file as newer only when it carries our mark', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.sqlite');
    foreignDatabase(file, (db) => db.exec(`CREATE TABLE future (x); PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${LATEST_VERSION + 6};`));
    const before = snapshot(dir);
    expect((await problemOf(file)).kind).toBe('newer_version');
    expect(snapshot(dir)).toEqual(before);
  });

  it('marks a file made before the mark existed, when its schema is exactly ours, and keeps its data', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'legacy.sqlite');
    foreignDatabase(file, (db) => {
      db.pragma('journal_mode = WAL');
      db.transaction(() => {
        for (const m of MIGRATIONS) db.exec(m.sql);
        db.pragma(`user_version = ${LATEST_VERSION}`);
      })();
      db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'Executive Board', 't', 't')").run();
    });
    expect(fs.readFileSync(file).readInt32BE(68)).toBe(0);
    const store = await openStore(file);
    expect(store.db.prepare('SELECT name FROM boards').pluck().all()).toEqual(['Executive Board']);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    store.close();
    expect(fs.readFileSync(file).readInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('gives every new file our mark from the start', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    (await openStore(file)).close();
    // The mark is in the header, which is encrypted with the rest: only the key shows it.
    const db = openTestFile(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    expect(fs.readFileSync(file).readInt32BE(68)).not.toBe(APPLICATION_ID);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('creating'))).toEqual([]);
  });
});

describe('paths that are not a data file', () => {
  it('refuses a missing folder without creating it', async () => {
    const dir = tempDir();
    const before = snapshot(dir);
    const problem = await problemOf(path.join(dir, 'USB drive', 'minutes.sqlite'));
    expect(problem).toMatchObject({ kind: 'missing_folder', title: 'The folder of the data file is not there' });
    expect(problem.message).toMatch(/USB drive.*not be connected/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a folder, a looping link and over-long paths with a plain explanation', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'a folder'));
    fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
    fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
    fs.symlinkSync(path.join(dir, 'nowhere.sqlite'), path.join(dir, 'dangling.sqlite'));
    const before = snapshot(dir);
    const expectations: [string, RegExp][] = [
      [path.join(dir, 'a folder'), /is a folder, not a data file/],
      [path.join(dir, 'loop-a'), /loop back on themselves/],
      [path.join(dir, 'loop-a', 'minutes.sqlite'), /loop back on themselves/],
      [path.join(dir, 'dangling.sqlite'), /symbolic link to a file that does not exist/],
      [path.join(dir, `${'minutes'.repeat(40)}.sqlite`), /too long/],
      [path.join(dir, ...Array.from({ length: 400 }, () => 'deep-folder')), /too long/],
    ];
    for (const [file, message] of expectations) {
      const problem = await problemOf(file);
      expect(problem.kind, file).toBe('bad_path');
      expect(problem.message, file).toMatch(message);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('starts the browser host on such a path with the problem screen, not a crash', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    fs.mkdirSync(path.join(dir, 'minutes.sqlite'));
    const host = await startBrowserHost({ dataFile: path.join(dir, 'minutes.sqlite'), rendererDir: path.join(dir, 'renderer') });
    try {
      expect(host.core.status).toMatchObject({ state: 'problem', problem: { kind: 'bad_path' } });
    } finally {
      await host.close();
    }
  });
});

describe('opening another data file', () => {
  it('checks the new file fully before letting go of the current one', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const current = core.status.dataFile;
    const dir = tempDir();
    const foreign = path.join(dir, 'contacts.sqlite');
    foreignDatabase(foreign, (db) => db.exec('CREATE TABLE contacts (name TEXT)'));
    fs.writeFileSync(path.join(dir, 'empty.sqlite'), '');
    fs.mkdirSync(path.join(dir, 'folder.sqlite'));
    const before = snapshot(dir);

    for (const target of [foreign, path.join(dir, 'empty.sqlite'), path.join(dir, 'folder.sqlite'), path.join(dir, 'unplugged', 'minutes.sqlite')]) {
      const response = await core.callAsync('openDataFile', { path: target });
      expect(response.ok, target).toBe(false);
      if (!response.ok) expect(response.error).toMatchObject({ code: 'invalid_input', field: 'path' });
      // Still on the current file, and still usable.
      expect(core.status).toMatchObject({ state: 'ready', dataFile: current });
      expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.id)).toEqual([board.id]);
    }
    expect(snapshot(dir)).toEqual(before);

    const fresh = path.join(dir, 'fresh.sqlite');
    expect(await okAsync<AppStatus>(core, 'openDataFile', { path: fresh })).toMatchObject({ state: 'ready', dataFile: fresh });
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toEqual([]);
  });

  it('from the problem screen, keeps the app usable and opens a good file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    fs.writeFileSync(file, '');
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'empty' } });
      expect(core.call('listBoards', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
      const refused = await core.callAsync('openDataFile', { path: path.join(dir, 'missing', 'x.sqlite') });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'empty' } });
      expect(await okAsync<AppStatus>(core, 'openDataFile', { path: path.join(dir, 'other.sqlite') })).toMatchObject({ state: 'ready' });
      expect(fs.statSync(file).size).toBe(0);
    } finally {
      core.close();
    }
  });
});

describe('another program’s database at the data path', () => {
  it('is never set aside to restore a backup in its place', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    const good = await startCore(file, {}, { openedBriefly: true });
    ok(good, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<{ name: string }>(good, 'backUpNow', {});
    good.close();
    fs.rmSync(file);
    foreignDatabase(file, (db) => db.exec('CREATE TABLE contacts (name TEXT)'));
    const before = snapshot(dir);
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'foreign' } });
      expect(await core.callAsync('restoreBackup', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(snapshot(dir)).toEqual(before);
    } finally {
      core.close();
    }
  });
});
