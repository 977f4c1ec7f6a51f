// One app at a time per data file: a lock file beside it names the process holding it.
// A lock left by a process that no longer runs (a crash) is taken over, and reported, so
// the store can check itself after an unclean shutdown.
import fs from 'node:fs';
import os from 'node:os';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export type LockResult = { acquired: true; stale: boolean; release: () => void } | { acquired: false; holder: LockInfo };

export const lockPath = (file: string): string => `${file}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string' ? { pid: info.pid, host: info.host, since: String(info.since ?? '') } : null;
  } catch {
    return null;
  }
}

export function acquireLock(file: string): LockResult {
  const path = lockPath(file);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  let stale = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(path, 'wx');
      fs.writeSync(fd, JSON.stringify(mine));
      fs.closeSync(fd);
      return {
        acquired: true,
        stale,
        release: () => {
          if (readLock(path)?.pid === process.pid) fs.rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      // Held by a running process here (this one included), or by another computer: refuse.
      if (holder && (holder.host !== os.hostname() || alive(holder.pid))) return { acquired: false, holder };
      // Left behind by a process that has gone: take it over.
      fs.rmSync(path, { force: true });
      stale = true;
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}
