// Checking a data file's integrity without holding up the app: small files (and files left
// by a crash) are checked before use; large ones on a worker thread with their own
// read-only connection, while the app is already usable.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DRIVER_MODULE, type Database } from './driver';
import type { StoreKey } from '../crypt/cipher';

/** Below this size the check runs before the store is used (it takes well under 100 ms). */
export const SYNC_CHECK_BYTES = 48 * 1024 * 1024;

export function quickCheck(db: Database): string {
  const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  return rows.map((row) => row.quick_check).join('; ');
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let verdict;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    if (workerData.key) {
      // The same settings as crypt/cipher.ts applyKey (this runs as plain JavaScript on a worker).
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma("key = '" + workerData.key.replace(/'/g, "''") + "'");
    }
    verdict = db.pragma('quick_check(5)', { simple: false }).map((row) => row.quick_check).join('; ');
  } finally {
    db.close();
  }
} catch (err) {
  verdict = String(err && err.message || err);
}
parentPort.postMessage(verdict);
`;

/** Resolves to 'ok' or a description of the damage. */
export function quickCheckInBackground(file: string, key: StoreKey | null): Promise<string> {
  const module = createRequire(import.meta.url).resolve(DRIVER_MODULE);
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, key } });
    worker.once('message', (verdict: string) => resolve(verdict));
    worker.once('error', (err) => resolve(`the check could not run: ${err.message}`));
  });
}
