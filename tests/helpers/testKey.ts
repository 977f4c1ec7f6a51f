// The one key every test's data files are encrypted with: vitest gives it to core as
// MATTERS_ARISING_KEY (vitest.config.ts), the end-to-end hosts get it the same way (tests/e2e/host.ts).
// A raw key (x'…'), so opening a file costs no PBKDF2 and the tests stay fast.
export const TEST_KEY_TEXT = `x'${'5eed'.repeat(16)}'`;

import { openWithKey, type StoreKey } from '../../electron/core/crypt/cipher';
import type { Database, Options } from '../../electron/core/db/driver';

/** Opens a data file the app made (encrypted with the test key) directly, to look inside or damage it. */
export function openTestFile(file: string, options: Options = {}): Database {
  return openWithKey(file, TEST_KEY_TEXT as StoreKey, options);
}

/**
 * A plain (decrypted) copy of a data file the app made: for tests that change a byte "as a disk
 * editor would", which on the encrypted file itself would only break its authentication.
 */
export function decryptedCopy(file: string, target: string): void {
  const db = openTestFile(file);
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  const copy = openTestFile(target);
  try {
    // Removing the key rewrites the file in place, which SQLite does only outside WAL mode.
    copy.pragma('journal_mode = DELETE');
    copy.pragma("rekey = ''");
  } finally {
    copy.close();
  }
}
