// Reading a data file on a worker thread (db/readerWorker.ts), as the background integrity check
// and the compact copy do: the worker opens the encrypted file with the same cipher settings and
// key as the app, and a wrong key or a damaged file comes back as a reason, never a crash.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactCopyInBackground } from '../../electron/core/db/compactCopy';
import { quickCheckInBackground } from '../../electron/core/db/integrity';
import { readOnWorker } from '../../electron/core/db/readerWorker';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { openTestFile, TEST_KEY_TEXT } from '../helpers/testKey';
import { tempDir } from '../helpers/temp';

const KEY = TEST_KEY_TEXT as StoreKey;

function encryptedFile(dir: string): string {
  const file = path.join(dir, 'minutes.sqlite');
  const db = openTestFile(file);
  db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('Private fostering'), ('Early help')");
  db.close();
  return file;
}

describe('reading a data file on a worker thread', () => {
  it('opens the encrypted file with the key and answers what the body returns', async () => {
    const file = encryptedFile(tempDir());
    expect(await readOnWorker<string[]>(file, KEY, "return db.prepare('SELECT text FROM notes ORDER BY text').pluck().all();")).toEqual({
      value: ['Early help', 'Private fostering'],
    });
    expect(await quickCheckInBackground(file, KEY)).toBe('ok');
  });

  it('answers a reason, not a value, for the wrong key or a file that is not a database', async () => {
    const dir = tempDir();
    const file = encryptedFile(dir);
    const wrong = `x'${'0'.repeat(64)}'` as StoreKey;
    expect(await readOnWorker(file, wrong, "return db.prepare('SELECT count(*) FROM notes').pluck().get();")).toEqual({ failure: expect.stringMatching(/not a database/) as unknown });
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'These are not minutes.'.repeat(400));
    expect(await quickCheckInBackground(junk, KEY)).toMatch(/not a database/);
  });

  it('writes a compact copy that opens with the same key and holds the same rows', async () => {
    const dir = tempDir();
    const file = encryptedFile(dir);
    const copy = path.join(dir, 'copy.sqlite');
    await compactCopyInBackground(file, copy, KEY);
    const db = openTestFile(copy, { readonly: true });
    try {
      expect(db.prepare('SELECT text FROM notes ORDER BY text').pluck().all()).toEqual(['Early help', 'Private fostering']);
    } finally {
      db.close();
    }
    await expect(compactCopyInBackground(path.join(dir, 'missing.sqlite'), path.join(dir, 'copy2.sqlite'), KEY)).rejects.toThrow(/unable to open|no such file|not a database/i);
  });
});
