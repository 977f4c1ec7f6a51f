// A compact copy of a data file, written on a worker thread: SQLite's VACUUM INTO, read from its
// own read-only connection (one read transaction: a consistent copy of what is committed, never a
// file copy), into a target with the same cipher and key. The copy holds no free space and no
// half-empty pages, and the app's thread is never held up while it is written, however large: it
// is also switched to a plain rollback journal there, so that it is one self-contained file.
import { readOnWorker } from './readerWorker';
import { keyedTarget, type StoreKey } from '../crypt/cipher';

/**
 * Writes a compact copy of `file` into `target` (which must not exist or be empty), encrypted
 * with `key` as the source is. Rejects with SQLite's reason when it cannot.
 */
export async function compactCopyInBackground(file: string, target: string, key: StoreKey | null): Promise<void> {
  // The copy is then opened (with its cipher and key: the same name) to make sure it is one
  // self-contained file with a plain rollback journal, on the worker too: opening a large
  // encrypted file and switching its journal held the app's thread for a frame (~15 ms).
  const body = `db.prepare('VACUUM INTO ?').run(workerData.target);
    const copy = new Database(workerData.target, { fileMustExist: true });
    try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
    return null;`;
  const answer = await readOnWorker<null>(file, key, body, { target: keyedTarget(target, key) });
  if ('failure' in answer) throw new Error(answer.failure);
}
