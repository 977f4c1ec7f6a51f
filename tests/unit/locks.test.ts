// Locks that heal: the lock names the computer, the process, when that process started and
// which boot of the computer it ran in, so a lock left by a restart (its PID since reused) is
// taken over; one held on another computer (or in a folder copied from it) is named, with
// "Open anyway"; and a file reached through a symbolic link shares its real path's lock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BoardSummary } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { openStore, StoreOpenError } from '../../electron/core/db/open';
import { currentBoot, lockPath, processStart, readLock } from '../../electron/core/db/lock';
import { ok, okAsync, sha256, tempDir } from '../helpers/temp';

async function problemOf(file: string): Promise<StoreOpenError['problem']> {
  try {
    (await openStore(file)).close();
  } catch (err) {
    if (err instanceof StoreOpenError) return err.problem;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

async function closedStore(): Promise<string> {
  const file = path.join(tempDir(), 'minutes.sqlite');
  const core = await startCore(file, {}, { openedBriefly: true });
  ok(core, 'createBoard', { name: 'Executive Board' });
  core.close();
  return file;
}

const writeLock = (file: string, lock: object): void => fs.writeFileSync(lockPath(file), JSON.stringify(lock));

describe('the lock beside a data file', () => {
  it('records the computer, the process, when it started and which boot', async () => {
    const file = await closedStore();
    const store = await openStore(file);
    try {
      const lock = readLock(lockPath(file))!;
      expect(lock).toMatchObject({ pid: process.pid, host: os.hostname(), boot: currentBoot() });
      expect(Date.parse(lock.since)).not.toBeNaN();
      if (processStart(process.pid)) expect(lock.started).toBe(processStart(process.pid));
    } finally {
      store.close();
    }
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });

  it('is taken over after the computer restarted, even though its PID now names a running process', async () => {
    const file = await closedStore();
    // This very process is alive, but the lock is from another boot: that process is long gone.
    writeLock(file, { pid: process.pid, host: os.hostname(), since: '2026-02-19T10:31:00.000Z', boot: 'id:00000000-0000-4000-8000-000000000000' });
    const store = await openStore(file);
    expect(store.recoveredFromCrash).toBe(true);
    expect(readLock(lockPath(file))?.since).not.toBe('2026-02-19T10:31:00.000Z');
    store.close();
  });

  it('is taken over when it cannot be read or names no real process', async () => {
    const file = await closedStore();
    for (const content of ['', 'not json', JSON.stringify({ pid: 0, host: os.hostname() }), JSON.stringify({ pid: -1, host: os.hostname() }), JSON.stringify({ pid: 'x', host: os.hostname() })]) {
      fs.writeFileSync(lockPath(file), content);
      const store = await openStore(file);
      expect(store.recoveredFromCrash, content).toBe(true);
      store.close();
    }
  });

  it.runIf(processStart(process.pid) !== null)('is taken over when its PID was reused by a process that started at another time', async () => {
    const file = await closedStore();
    writeLock(file, { pid: process.pid, host: os.hostname(), since: '2026-02-19T10:31:00.000Z', boot: currentBoot(), started: 'ticks:1' });
    const store = await openStore(file);
    expect(store.recoveredFromCrash).toBe(true);
    store.close();
  });

  it('is kept while the process that took it still runs, and says on which computer and since when', async () => {
    const file = await closedStore();
    const first = await openStore(file);
    try {
      const problem = await problemOf(file);
      expect(problem.kind).toBe('locked');
      expect(problem.message).toContain(os.hostname());
      expect(problem.message).toContain(`process ${process.pid}`);
      expect(problem.message).toMatch(/since \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d/);
    } finally {
      first.close();
    }
  });

  it('held on another computer (or a folder copied from it) is named, and the user may open anyway', async () => {
    const file = await closedStore();
    writeLock(file, { pid: 4242, host: 'BOARD-LAPTOP', since: '2026-02-19T10:31:00.000Z', boot: 'id:11111111-1111-4111-8111-111111111111' });
    const before = sha256(file);
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'locked', title: 'The data file is in use on another computer' } });
      if (core.status.state !== 'problem') throw new Error('expected a problem');
      expect(core.status.problem.message).toMatch(/"BOARD-LAPTOP" on 19 February 2026 at \d\d:\d\d/);
      expect(core.status.problem.advice).toMatch(/Open anyway/);
      expect(sha256(file)).toBe(before);
      // Restoring over it is still refused: the other computer may be writing to it.
      expect(await core.callAsync('restoreBackup', { name: 'x.sqlite' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const status = await okAsync<AppStatus>(core, 'openDataFile', { path: file, overrideLock: true });
      expect(status).toMatchObject({ state: 'ready', dataFile: file });
      expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toEqual(['Executive Board']);
      expect(readLock(lockPath(file))).toMatchObject({ pid: process.pid, host: os.hostname() });
    } finally {
      core.close();
    }
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });

  it('is never removed by a copy whose lock someone else has since taken over', async () => {
    const file = await closedStore();
    const first = await openStore(file);
    const second = await openStore(file, { overrideLock: true });
    const taken = readLock(lockPath(file));
    first.close();
    expect(readLock(lockPath(file))).toEqual(taken);
    second.close();
    expect(fs.existsSync(lockPath(file))).toBe(false);
  });
});

describe('a data file reached through a symbolic link', () => {
  it('shares the lock of its real path, so two copies never write one file', async () => {
    const file = await closedStore();
    const link = path.join(tempDir(), 'shortcut.sqlite');
    fs.symlinkSync(file, link);
    const first = await openStore(file);
    try {
      expect((await problemOf(link)).kind).toBe('locked');
      expect(fs.existsSync(lockPath(link))).toBe(false);
    } finally {
      first.close();
    }
    const throughLink = await openStore(link);
    try {
      expect(throughLink.file).toBe(fs.realpathSync(file));
      expect(fs.existsSync(lockPath(file))).toBe(true);
      expect((await problemOf(file)).kind).toBe('locked');
    } finally {
      throughLink.close();
    }
  });
});
