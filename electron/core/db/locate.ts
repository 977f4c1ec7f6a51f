// Where a data file is, found without creating or changing anything: its real path (so two
// spellings of one file share one lock), and every path that cannot be a data file refused.
import fs from 'node:fs';
import path from 'node:path';
import { badPath, missingFolder, pathProblem, StoreOpenError } from './problems';

/** Longest path and file name accepted before asking the system (most allow 4096 and 255 bytes). */
const MAX_PATH_BYTES = 4096;
const MAX_NAME_BYTES = 255;

export interface Location {
  /** The real path: symbolic links resolved, so two spellings of one file share one lock. */
  file: string;
  exists: boolean;
}

/** Where the data file is, without creating anything: a missing folder is a problem, never made. */
export function locate(given: string): Location {
  const file = path.resolve(given);
  if (Buffer.byteLength(file) > MAX_PATH_BYTES || Buffer.byteLength(path.basename(file)) > MAX_NAME_BYTES) {
    throw badPath(file, 'is too long a path for this computer');
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw pathProblem(file, err);
  }
  if (stat) {
    if (stat.isDirectory()) throw badPath(file, 'is a folder, not a data file');
    if (!stat.isFile()) throw badPath(file, 'is not an ordinary file');
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
      return { file: fs.realpathSync(file), exists: true };
    } catch (err) {
      throw pathProblem(file, err);
    }
  }
  // A new file: its folder must already be there (an unplugged drive is not an empty store).
  const dir = path.dirname(file);
  let dirStat: fs.Stats;
  try {
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw badPath(file, 'is a symbolic link to a file that does not exist');
    dirStat = fs.statSync(dir);
  } catch (err) {
    if (err instanceof StoreOpenError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw missingFolder(file, dir, 'does not exist');
    throw pathProblem(file, err);
  }
  if (!dirStat.isDirectory()) throw missingFolder(file, dir, 'is not a folder');
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return { file: path.join(fs.realpathSync(dir), path.basename(file)), exists: false };
  } catch (err) {
    throw pathProblem(file, err);
  }
}
