// A backup is written and made self-contained on a worker thread (db/compactCopy.ts): the file it
// leaves is complete, encrypted with the data file's key, has a plain rollback journal and no side
// files, so it can be copied or restored alone. Its data is the data file's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupTo } from '../../electron/core/db/backup';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { ok, tempCore, tempDir } from '../helpers/temp';
import { openTestFile, TEST_KEY_TEXT } from '../helpers/testKey';

describe('backup: a compact copy made on a worker thread', () => {
  it('is one self-contained encrypted file with a rollback journal and the same data', async () => {
    const core = await tempCore();
    try {
      ok(core, 'createBoard', { name: 'Board of the backup' });
      const target = path.join(tempDir(), 'backups', 'copy.sqlite');
      await backupTo(core.store!.db, target, TEST_KEY_TEXT as StoreKey);
      expect(fs.readdirSync(path.dirname(target))).toEqual(['copy.sqlite']);
      const copy = openTestFile(target, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(copy.prepare('SELECT name FROM boards').pluck().all()).toEqual(core.store!.db.prepare('SELECT name FROM boards').pluck().all());
      } finally {
        copy.close();
      }
    } finally {
      core.close();
    }
  });
});
