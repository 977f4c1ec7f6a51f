// A compact copy of a data file, written on a worker thread: SQLite's VACUUM INTO, read from its
// own read-only connection (one read transaction: a consistent copy of what is committed, never a
// file copy), into a target with the same cipher and key. The copy holds no free space and no
// half-empty pages, and the app's thread is never held up while it is written, however large.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DRIVER_MODULE } from './driver';
import { keyedTarget, type StoreKey } from '../crypt/cipher';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    if (workerData.key) {
      // The same settings as crypt/cipher.ts applyKey (this runs as plain JavaScript on a worker).
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma("key = '" + workerData.key.replace(/'/g, "''") + "'");
    }
    db.prepare('VACUUM INTO ?').run(workerData.target);
  } finally {
    db.close();
  }
  parentPort.postMessage(null);
} catch (err) {
  parentPort.postMessage(String((err && err.message) || err));
}
`;

/**
 * Writes a compact copy of `file` into `target` (which must not exist or be empty), encrypted
 * with `key` as the source is. Rejects with SQLite's reason when it cannot.
 */
export function compactCopyInBackground(file: string, target: string, key: StoreKey | null): Promise<void> {
  const module = createRequire(import.meta.url).resolve(DRIVER_MODULE);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, key, target: keyedTarget(target, key) } });
    worker.once('message', (failure: string | null) => (failure === null ? resolve() : reject(new Error(failure))));
    worker.once('error', reject);
  });
}
