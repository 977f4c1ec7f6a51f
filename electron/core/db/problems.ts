// Every way opening a data file can fail, as the problem the user is shown: what happened, in
// plain words, and what to do. Each says that nothing was changed, because nothing was.
import path from 'node:path';
import { format } from 'date-fns';
import type { StoreProblem } from '../../../shared/contract';
import type { LockInfo } from './lock';

export class StoreOpenError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(`${problem.title}: ${problem.message}`);
    this.name = 'StoreOpenError';
  }
}

export function problem(kind: StoreProblem['kind'], title: string, message: string, advice: string): StoreOpenError {
  return new StoreOpenError({ kind, title, message, advice });
}

export function badPath(file: string, why: string): StoreOpenError {
  return problem(
    'bad_path',
    'This is not a path to a data file',
    `${file} ${why}.`,
    'Choose the data file itself (for example minutes.sqlite), or open another file. Nothing has been changed.',
  );
}

export function unreadable(file: string, code: string): StoreOpenError {
  return problem(
    'unwritable',
    'The data file cannot be read or written',
    `Matters Arising cannot use ${file} (${code}): you may not have permission to open it.`,
    'Check the file and folder permissions, move the file to a folder you can use, or open another data file. Nothing has been changed.',
  );
}

export function missingFolder(file: string, dir: string, why: string): StoreOpenError {
  return problem(
    'missing_folder',
    'The folder of the data file is not there',
    `The folder ${dir} ${why}, so ${path.basename(file)} cannot be opened. If it is on a USB drive or a network or cloud folder, it may not be connected.`,
    'Connect the drive or folder and try again, or open another data file. Nothing has been created or changed.',
  );
}

/** Turns an error from looking at a path into the problem it means for the user. */
export function pathProblem(file: string, err: unknown): StoreOpenError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ELOOP') return badPath(file, 'goes through symbolic links that loop back on themselves');
  if (code === 'ENAMETOOLONG') return badPath(file, 'is too long a path for this computer');
  if (code === 'ENOTDIR') return missingFolder(file, path.dirname(file), 'is not a folder (part of the path is a file)');
  if (code === 'EACCES' || code === 'EPERM') return unreadable(file, code);
  return problem('other', 'The data file could not be opened', `${file}: ${(err as Error).message}`, 'Open another file, or restore a backup. Nothing has been changed.');
}

export function damaged(file: string, detail: string): StoreOpenError {
  return problem(
    'corrupt',
    'The data file is damaged',
    `${file} failed its integrity check (${detail}).`,
    'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
  );
}

export function truncated(file: string, actualBytes: number, expectedBytes: number): StoreOpenError {
  return problem(
    'corrupt',
    'The data file is damaged',
    `${file} is shorter than it should be (${actualBytes} of ${expectedBytes} bytes): it was probably cut off while being copied.`,
    'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
  );
}

export function newerVersion(file: string, version: number, latest: number): StoreOpenError {
  return problem(
    'newer_version',
    'This data file is from a newer version of Matters Arising',
    `${file} uses data format ${version}, but this version of the app understands formats up to ${latest}.`,
    'Install the latest version of Matters Arising to open it. The file has not been changed.',
  );
}

export function foreign(file: string, detail: string): StoreOpenError {
  return problem(
    'foreign',
    'This is not a Matters Arising data file',
    `${file} is a database, but ${detail}.`,
    'Open the right file, or restore one of your backups. The file has not been changed.',
  );
}

export function missingTables(file: string): StoreOpenError {
  return problem(
    'corrupt',
    'The data file is damaged',
    `${file} is marked as a Matters Arising data file, but the tables that hold the minutes are missing or changed.`,
    'Restore a backup, or open another file. The file has not been changed or deleted.',
  );
}

export function sqliteProblem(file: string, err: unknown): StoreOpenError {
  if (err instanceof StoreOpenError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return problem(
      'locked',
      'The data file is in use',
      `${file} is locked by another program, perhaps another Matters Arising window.`,
      'Close the other copy of the app and try again. Nothing has been changed.',
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return problem(
      'corrupt',
      'The data file is damaged',
      `${file} could not be read: ${(err as Error).message}.`,
      'Restore a backup, or open another file. The damaged file has not been changed or deleted.',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
    return problem(
      'unwritable',
      'The data file cannot be written',
      `${file} could not be opened for writing: ${(err as Error).message}.`,
      'Check there is free disk space and that you can write to the folder. Nothing has been changed.',
    );
  }
  if ((err as NodeJS.ErrnoException).syscall) return pathProblem(file, err);
  return problem('other', 'The data file could not be opened', `${file}: ${(err as Error).message}`, 'Open another file, or restore a backup.');
}

export function lockedProblem(file: string, holder: LockInfo, thisComputer: boolean): StoreOpenError {
  const since = Date.parse(holder.since);
  const when = Number.isNaN(since) ? 'an unknown time' : format(new Date(since), "d MMMM yyyy 'at' HH:mm");
  return thisComputer
    ? problem(
        'locked',
        'The data file is in use',
        `${file} is open in another copy of Matters Arising on this computer (${holder.host}, process ${holder.pid}), since ${when}.`,
        'Switch to that window, or close it and try again. Nothing has been changed. Choose Open anyway only if you are sure that copy is not running.',
      )
    : problem(
        'locked',
        'The data file is in use on another computer',
        `${file} was opened in Matters Arising on the computer "${holder.host}" on ${when}, and has not been closed there.`,
        'Close Matters Arising on that computer and try again. If that computer is off, or the folder was copied from it, choose Open anyway. Nothing has been changed.',
      );
}
