// One app at a time per data file: a lock file beside it names the computer, the process and
// when that process and the computer started, so a lock left by a crash, a restart (the PID
// since reused) or on a folder copied from another computer is recognised and taken over. A
// lock held on another computer cannot be checked from here: the user may open anyway.
import fs from 'node:fs';
import os from 'node:os';
import { PRIVATE_FILE } from './private';

export interface LockInfo {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** Which boot of the computer: Linux's boot id, else the time it started (ISO). */
  boot?: string;
  /** When the process started, where the system says (Linux: clock ticks after boot). */
  started?: string;
}

export type LockResult =
  | { acquired: true; stale: boolean; overridden: boolean; release: () => void }
  | { acquired: false; holder: LockInfo; thisComputer: boolean };

export const lockPath = (file: string): string => `${file}.lock`;

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** This boot of the computer: a boot id where there is one, else when it started. */
export function currentBoot(): string {
  const id = readText('/proc/sys/kernel/random/boot_id');
  if (id) return `id:${id}`;
  return `time:${new Date(Date.now() - os.uptime() * 1000).toISOString()}`;
}

/** True or false when it can tell; null when the two cannot be compared. */
export function sameBoot(a: string, b: string): boolean | null {
  if (a.startsWith('id:') && b.startsWith('id:')) return a === b;
  if (a.startsWith('time:') && b.startsWith('time:')) {
    // The start time is derived from the wall clock: allow for it being adjusted since.
    return Math.abs(Date.parse(a.slice(5)) - Date.parse(b.slice(5))) < 5 * 60_000;
  }
  return null;
}

/** When a process started, as the system records it, or null where it cannot be read. */
export function processStart(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Field 22 (starttime); the command name (field 2) may hold spaces and brackets, so count from its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  return ticks ? `ticks:${ticks}` : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockInfo>;
    // A process id is a positive whole number: 0 or -1 would make the liveness check ask about whole groups.
    if (!Number.isInteger(info.pid) || (info.pid as number) <= 0 || typeof info.host !== 'string') return null;
    return {
      pid: info.pid as number,
      host: info.host,
      since: String(info.since ?? ''),
      ...(typeof info.boot === 'string' ? { boot: info.boot } : {}),
      ...(typeof info.started === 'string' ? { started: info.started } : {}),
    };
  } catch {
    return null;
  }
}

/** Whether the process named in a lock on this computer is still the one that took it. */
export function holderGone(holder: LockInfo, boot: string = currentBoot()): boolean {
  // The computer has restarted since: every process of that boot is gone, whatever its PID now names.
  if (holder.boot && sameBoot(holder.boot, boot) === false) return true;
  if (!alive(holder.pid)) return true;
  // The PID is in use, but by a process started at another time: it was reused.
  const started = holder.started ? processStart(holder.pid) : null;
  return started !== null && started !== holder.started;
}

export function myLockInfo(): LockInfo {
  const started = processStart(process.pid);
  return { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), boot: currentBoot(), ...(started ? { started } : {}) };
}

/**
 * Takes the lock of a data file (its canonical path). A lock whose holder has gone is taken
 * over and reported as stale; one still held is refused, unless `override` (the user chose
 * "Open anyway" after being warned).
 */
export function acquireLock(file: string, options: { override?: boolean } = {}): LockResult {
  const path = lockPath(file);
  const mine = myLockInfo();
  let stale = false;
  let overridden = false;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(path, 'wx', PRIVATE_FILE);
      try {
        fs.writeSync(fd, JSON.stringify(mine));
      } finally {
        fs.closeSync(fd);
      }
      return {
        acquired: true,
        stale,
        overridden,
        release: () => {
          const now = readLock(path);
          // Only our own lock: someone who opened anyway since holds it now.
          if (now?.pid === mine.pid && now.since === mine.since && now.host === mine.host) fs.rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(path);
      const thisComputer = holder?.host === mine.host;
      if (holder && !(thisComputer && holderGone(holder, mine.boot))) {
        if (!options.override) return { acquired: false, holder, thisComputer };
        overridden = true;
      } else {
        stale = true;
      }
      fs.rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}.`);
}
