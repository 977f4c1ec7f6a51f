// The data file, its side files, backups and set-aside copies are for their owner only: files
// 0600 and the app's own folders 0700 on POSIX (Windows keeps the profile's own permissions).
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;

const posix = process.platform !== 'win32';

/** Owner-only read and write, for a file that may not exist (a side file that has gone). */
export function makePrivate(file: string): void {
  if (!posix) return;
  try {
    if ((fs.lstatSync(file).mode & 0o777) !== PRIVATE_FILE) fs.chmodSync(file, PRIVATE_FILE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Owner-only access to a folder the app owns (never to a folder the user chose for other things). */
export function makeFolderPrivate(dir: string): void {
  if (!posix) return;
  try {
    if ((fs.statSync(dir).mode & 0o777) !== PRIVATE_FOLDER) fs.chmodSync(dir, PRIVATE_FOLDER);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/** Creates a folder (and any missing parents) owner-only; one that exists is left as it is. */
export function createPrivateFolder(dir: string): void {
  const first = fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER });
  if (!first) return;
  // mkdir's mode passes through the umask: set each folder made here explicitly.
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    makeFolderPrivate(d);
    if (d === path.resolve(first) || d === path.dirname(d)) break;
  }
}

/** The data file and the files SQLite and the app keep beside it. */
export const SIDE_FILES = ['-wal', '-shm', '-journal', '.lock'] as const;

export function makeStorePrivate(file: string): void {
  makePrivate(file);
  for (const suffix of SIDE_FILES) makePrivate(file + suffix);
}
