// Checking a data file's integrity without holding up the app: small files (and files left
// by a crash) are checked before use; large ones on a worker thread with their own
// read-only connection, while the app is already usable.
import type { Database } from './driver';
import { readOnWorker } from './readerWorker';
import type { StoreKey } from '../crypt/cipher';

/** Below this size the check runs before the store is used (it takes well under 100 ms). */
export const SYNC_CHECK_BYTES = 48 * 1024 * 1024;

export function quickCheck(db: Database): string {
  const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  return rows.map((row) => row.quick_check).join('; ');
}

/** Resolves to 'ok' or a description of the damage. */
export async function quickCheckInBackground(file: string, key: StoreKey | null): Promise<string> {
  const answer = await readOnWorker<string>(file, key, "return db.pragma('quick_check(5)', { simple: false }).map((row) => row.quick_check).join('; ');");
  return 'value' in answer ? answer.value : answer.failure;
}
