// Reading a data file on a worker thread, with its own read-only connection given the same cipher
// settings and key as the app's (crypt/cipher.ts): the one way the background integrity check and
// the compact copy open a file, so the app's thread is never held up however large it is.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { DRIVER_MODULE } from './driver';
import { CIPHER_PRAGMAS, type StoreKey } from '../crypt/cipher';

// Plain JavaScript (the worker evaluates it): opens the file keyed, runs the body with `db` and
// `workerData` in scope, and answers { value } or { failure }.
const source = (body: string): string => `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let answer;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    if (workerData.key) {
      ${CIPHER_PRAGMAS.map((setting) => `db.pragma(${JSON.stringify(setting)});`).join('\n      ')}
      db.pragma("key = '" + workerData.key.replace(/'/g, "''") + "'");
    }
    answer = { value: (() => { ${body} })() };
  } finally {
    db.close();
  }
} catch (err) {
  answer = { failure: String((err && err.message) || err) };
}
parentPort.postMessage(answer);
`;

/**
 * Runs `body` (JavaScript returning a value that can be posted) against `file` on a worker thread.
 * Resolves with { value } or, when SQLite or the worker failed, { failure } with the reason.
 */
export function readOnWorker<T>(file: string, key: StoreKey | null, body: string, data: Record<string, unknown> = {}): Promise<{ value: T } | { failure: string }> {
  const module = createRequire(import.meta.url).resolve(DRIVER_MODULE);
  return new Promise((resolve) => {
    const worker = new Worker(source(body), { eval: true, workerData: { ...data, file, module, key } });
    worker.once('message', (answer: { value: T } | { failure: string }) => resolve(answer));
    worker.once('error', (err) => resolve({ failure: err.message }));
  });
}
