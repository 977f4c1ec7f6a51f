// Backups (ladder, daily snapshot, restore) and bad data files (locked, truncated, damaged,
// not SQLite): each gets a clear problem, and the bad file is never modified or deleted.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { AppStatus, BackupInfo, BackupList, BoardSummary } from '../../shared/contract';
import { backupsToKeep, LADDER } from '../../shared/domain/backupLadder';
import { dailyBackup, listBackups } from '../../electron/core/backups';
import { openStore, StoreOpenError } from '../../electron/core/db/open';
import { lockPath } from '../../electron/core/db/lock';
import { SYNC_CHECK_BYTES } from '../../electron/core/db/integrity';
import { ok, okAsync, sha256, tempCore, tempDir } from '../helpers/temp';
import { openTestFile } from '../helpers/testKey';

const DAY = 86_400_000;

describe('the backup ladder', () => {
  const stamps = fc
    .uniqueArray(fc.integer({ min: 0, max: 800 * 24 }), { minLength: 0, maxLength: 120 })
    .map((hoursAgo) => hoursAgo.map((h, i) => ({ name: `b${i}.sqlite`, takenAt: new Date(Date.UTC(2026, 10, 26, 18) - h * 3_600_000).toISOString() })));
  const now = new Date(Date.UTC(2026, 10, 26, 18)).toISOString();

  it('keeps only backups it was given, always the newest, and never more than the ladder holds', () => {
    fc.assert(
      fc.property(stamps, (backups) => {
        const keep = backupsToKeep(backups, now);
        for (const name of keep) expect(backups.some((b) => b.name === name)).toBe(true);
        expect(keep.size).toBeLessThanOrEqual(LADDER.today + LADDER.days + LADDER.months);
        if (backups.length > 0) {
          const newest = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1))[0]!;
          expect(keep.has(newest.name)).toBe(true);
        }
      }),
    );
  });

  it('keeps one backup for each of the last two weeks that has any, and one per month for a year', () => {
    fc.assert(
      fc.property(stamps, (backups) => {
        const keep = backupsToKeep(backups, now);
        const kept = backups.filter((b) => keep.has(b.name));
        for (let age = 1; age < LADDER.days; age++) {
          const day = new Date(Date.parse(now) - age * DAY).toISOString().slice(0, 10);
          const that = (b: { takenAt: string }) => b.takenAt.slice(0, 10) === day;
          if (backups.some(that)) expect(kept.filter(that)).toHaveLength(1);
        }
        const months = new Set(backups.filter((b) => Date.parse(now) - Date.parse(b.takenAt) < 330 * DAY).map((b) => b.takenAt.slice(0, 7)));
        for (const month of months) expect(kept.some((b) => b.takenAt.startsWith(month))).toBe(true);
        expect(backupsToKeep(backups, now)).toEqual(keep);
      }),
    );
  });
});

describe('backups of the data file', () => {
  it('takes a daily snapshot only when there is data and the last is over a day old', async () => {
    const core = await tempCore();
    const store = core.store!;
    expect(await dailyBackup(store)).toBeNull();
    ok(core, 'createBoard', { name: 'Executive Board' });
    const first = await dailyBackup(store, new Date('2026-11-26T09:00:00Z'));
    expect(first?.reason).toBe('daily');
    expect(await dailyBackup(store, new Date('2026-11-26T20:00:00Z'))).toBeNull();
    const next = await dailyBackup(store, new Date('2026-11-27T10:00:00Z'));
    expect(next?.reason).toBe('daily');
    expect(listBackups(store, store.file).backups).toHaveLength(2);
  });

  it('writes a self-contained copy and lists it with its size and meeting count', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2014-04-10' });
    const taken = await okAsync<BackupInfo>(core, 'backUpNow', {});
    const list = ok<BackupList>(core, 'listBackups', {});
    expect(list.backups.map((b) => b.name)).toContain(taken.name);
    const info = list.backups.find((b) => b.name === taken.name)!;
    expect(info).toMatchObject({ reason: 'manual', meetingCount: 2 });
    expect(info.sizeBytes).toBeGreaterThan(4096);
    const files = fs.readdirSync(list.folder);
    expect(files.filter((f) => f.endsWith('-wal') || f.endsWith('-shm') || f.endsWith('.partial'))).toEqual([]);
  });

  it('restores a backup after keeping a copy of the current file', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
    ok(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    ok(core, 'renameBoard', { boardId: board.id, name: 'Renamed after the backup' });

    const status = await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name });
    expect(status.state).toBe('ready');
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toMatchObject([{ name: 'Executive Board', meetingCount: 0 }]);
    const list = ok<BackupList>(core, 'listBackups', {});
    const kept = list.backups.find((b) => b.reason === 'before-restore');
    expect(kept?.meetingCount).toBe(1);
  });

  it('restores a backup two weeks old: the copy kept first does not thin away the backup being restored', async () => {
    // Past the last 14 days the ladder keeps one backup a month, and the copy taken before the
    // restore shares this backup's month: it must still be there to be put in place.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2025-03-01T12:00:00Z'));
      const core = await tempCore();
      const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
      const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
      vi.setSystemTime(Date.parse('2025-03-15T12:00:00Z'));
      const status = await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name });
      expect(status.state).toBe('ready');
      expect(ok<BoardSummary[]>(core, 'listBoards', {})).toMatchObject([{ id: board.id, name: 'Executive Board' }]);
      expect(ok<BackupList>(core, 'listBackups', {}).backups.map((b) => b.reason)).toContain('before-restore');
      await core.backupsSettled();
      core.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the open file open and unchanged when the backup cannot be put in place', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
    ok(core, 'renameBoard', { boardId: board.id, name: 'Renamed after the backup' });
    // The copy goes to a temporary name beside the data file first: a folder there makes it fail.
    fs.mkdirSync(`${core.store!.file}.restoring`);
    const response = await core.callAsync('restoreBackup', { name: backup.name });
    expect(response.ok).toBe(false);
    expect(response.ok ? '' : response.error.message).toMatch(/could not be put in place.*Your data file is unchanged/);
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toMatchObject([{ name: 'Renamed after the backup' }]);
    ok(core, 'renameBoard', { boardId: board.id, name: 'Still saving' });
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toMatchObject([{ name: 'Still saving' }]);
  });

  it('refuses names that are not listed backups, changing nothing', async () => {
    const core = await tempCore();
    ok(core, 'createBoard', { name: 'Executive Board' });
    for (const name of ['../data.sqlite', '/etc/passwd', 'nothing-here.sqlite', '.hidden.sqlite', 'notes.txt']) {
      const response = await core.callAsync('restoreBackup', { name });
      expect(response.ok, name).toBe(false);
    }
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toHaveLength(1);
  });
});

describe('bad data files', () => {
  async function problemOf(file: string): Promise<StoreOpenError['problem']> {
    try {
      (await openStore(file)).close();
    } catch (err) {
      if (err instanceof StoreOpenError) return err.problem;
      throw err;
    }
    throw new Error('expected a problem');
  }

  async function fileWithMeetings(): Promise<string> {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    const store = await openStore(file);
    store.db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'Executive Board', 't', 't')").run();
    const insert = store.db.prepare("INSERT INTO meetings (id, board_id, board_name, meeting_date, created_at, updated_at) VALUES (?, 'b', 'Executive Board', '2014-02-19', 't', 't')");
    for (let i = 0; i < 400; i++) insert.run(`m${i}`);
    store.close();
    return file;
  }

  it('refuses a file already open in another copy of the app', async () => {
    const file = await fileWithMeetings();
    const first = await openStore(file);
    const problem = await problemOf(file);
    expect(problem.kind).toBe('locked');
    expect(problem.message).toContain(`process ${process.pid}`);
    first.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);
    (await openStore(file)).close();
  });

  it('takes over the lock of a copy that crashed, and says it recovered', async () => {
    const file = await fileWithMeetings();
    fs.writeFileSync(lockPath(file), JSON.stringify({ pid: 2 ** 22 + 17, host: (await import('node:os')).hostname(), since: 'yesterday' }));
    const store = await openStore(file);
    expect(store.recoveredFromCrash).toBe(true);
    store.close();
  });

  it('refuses a truncated file and leaves it as it was', async () => {
    const file = await fileWithMeetings();
    // Cut at a page boundary: an encrypted file cut inside a page cannot be told from any other
    // file of random bytes (it is refused as not a data file, and left as it was, too).
    fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2 / 4096) * 4096);
    const before = sha256(file);
    const problem = await problemOf(file);
    expect(problem.kind).toBe('corrupt');
    // An encrypted file's header cannot be read from its bytes: how much is missing cannot be said.
    expect(problem.message).toMatch(/shorter than it should be|cut off while being copied/);
    expect(sha256(file)).toBe(before);
  });

  it('refuses a file with damaged pages and leaves it as it was', async () => {
    const file = await fileWithMeetings();
    const bytes = fs.readFileSync(file);
    // Scribble over the second and third pages (table b-tree pages), keeping the header intact.
    for (let i = 4096; i < 4096 * 3; i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(file, bytes);
    const before = sha256(file);
    const problem = await problemOf(file);
    expect(problem.kind).toBe('corrupt');
    expect(sha256(file)).toBe(before);
  });

  it('checks a large file in the background and closes it when damage is found', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'large.sqlite');
    const store = await openStore(file);
    store.db.prepare("INSERT INTO boards (id, name, created_at, updated_at) VALUES ('b', 'Executive Board', 't', 't')").run();
    const insert = store.db.prepare(
      "INSERT INTO meetings (id, board_id, board_name, meeting_date, venue, created_at, updated_at) VALUES (?, 'b', 'Executive Board', '2014-02-19', ?, 't', 't')",
    );
    const venue = 'Room G02b, 160 Tooley Street, London SE1 2QH. '.repeat(120);
    store.db.transaction(() => {
      for (let i = 0; i < 9000; i++) insert.run(`m${i}`, venue);
    })();
    store.close();
    expect(fs.statSync(file).size).toBeGreaterThan(SYNC_CHECK_BYTES);
    const bytes = fs.readFileSync(file);
    for (let i = bytes.length - 4096 * 40; i < bytes.length - 4096 * 20; i++) bytes[i] = (i * 13) & 0xff;
    fs.writeFileSync(file, bytes);

    // Opening does not wait for the check...
    const opened = await openStore(file);
    expect(opened.integrity).not.toBeNull();
    expect(await opened.integrity).not.toBe('ok');
    opened.close();
    const before = sha256(file);
    // ...and a session whose check finds damage closes the file and explains.
    const core = await tempCore(file);
    await vi.waitFor(() => expect(core.status.state).toBe('problem'));
    expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'corrupt' } });
    expect(core.call('listBoards', {})).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });
    expect(sha256(file)).toBe(before);
  });

  it('restores a backup over a damaged file, keeping the damaged file aside byte for byte', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    const good = await tempCore(file);
    ok(good, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(good, 'backUpNow', {});
    good.close();
    fs.writeFileSync(file, 'this is not a database at all, it is the minutes as text'.repeat(100));
    const damaged = sha256(file);

    const core = await tempCore(file);
    expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'not_sqlite' } });
    expect(ok<BackupList>(core, 'listBackups', {}).backups.map((b) => b.name)).toEqual([backup.name]);
    const status = await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name });
    expect(status.state).toBe('ready');
    expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toEqual(['Executive Board']);
    const aside = fs.readdirSync(dir).filter((f) => f.includes('set aside'));
    expect(aside).toHaveLength(1);
    expect(sha256(path.join(dir, aside[0]!))).toBe(damaged);
  });

  it('says where the damaged file was set aside when the backup then cannot be put in place, and can be restored again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.sqlite');
    const good = await tempCore(file);
    ok(good, 'createBoard', { name: 'Executive Board' });
    const backup = await okAsync<BackupInfo>(good, 'backUpNow', {});
    good.close();
    fs.writeFileSync(file, 'this is not a database at all, it is the minutes as text'.repeat(100));
    const damaged = sha256(file);
    const core = await tempCore(file);
    expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'not_sqlite' } });

    // The copy goes to a temporary name beside the data file first: a folder there makes it fail.
    fs.mkdirSync(`${file}.restoring`);
    const response = await core.callAsync('restoreBackup', { name: backup.name });
    const aside = fs.readdirSync(dir).filter((f) => f.includes('set aside'));
    expect(aside).toHaveLength(1);
    const asidePath = path.join(dir, aside[0]!);
    expect(sha256(asidePath)).toBe(damaged);
    expect(response.ok).toBe(false);
    const message = response.ok ? '' : response.error.message;
    expect(message).toMatch(/could not be put in place/);
    expect(message).not.toMatch(/Your data file is unchanged/);
    expect(message).toContain(`set aside, unchanged, as ${asidePath}`);
    expect(message).toMatch(/restore a backup again, or open another file/);
    expect(response.changes).toContainEqual({ entity: 'data_file', id: file });
    // The problem screen now says the same, and still offers the backups.
    expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'other', title: 'The backup could not be put in place' } });
    expect(core.status.state === 'problem' ? core.status.problem.message : '').toContain(asidePath);
    expect(fs.existsSync(file)).toBe(false);
    expect(ok<BackupList>(core, 'listBackups', {}).backups.map((b) => b.name)).toEqual([backup.name]);

    // Once the obstacle is gone, restoring again works and keeps the set-aside file as it was.
    fs.rmdirSync(`${file}.restoring`);
    const status = await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name });
    expect(status.state).toBe('ready');
    expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toEqual(['Executive Board']);
    expect(fs.readdirSync(dir).filter((f) => f.includes('set aside'))).toEqual(aside);
    expect(sha256(asidePath)).toBe(damaged);
  });

  it('opens another data file on request, creating it when new', async () => {
    const core = await tempCore();
    ok(core, 'createBoard', { name: 'Executive Board' });
    const other = path.join(tempDir(), 'other.sqlite');
    const status = await okAsync<AppStatus>(core, 'openDataFile', { path: other });
    expect(status).toMatchObject({ state: 'ready', dataFile: other });
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toEqual([]);
    const db = openTestFile(other, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();
  });
});

describe('a full disk', () => {
  it('refuses the save with a clear message and keeps everything already saved', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const db = core.store!.db;
    // SQLite reports SQLITE_FULL when the file may not grow: exactly what a full disk does.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let refused: unknown = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const response = core.call('createMeeting', { boardId: board.id, date: '2014-02-19', venue: `Room ${i} `.repeat(30) });
      if (!response.ok) refused = response.error;
    }
    expect(refused).toMatchObject({ code: 'storage_error', message: expect.stringMatching(/disk is full/) });
    db.pragma('max_page_count = 1073741823');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ok<BoardSummary[]>(core, 'listBoards', {})).toMatchObject([{ id: board.id, name: 'Executive Board' }]);
    expect(core.call('createMeeting', { boardId: board.id, date: '2014-04-10' }).ok).toBe(true);
  });
});
