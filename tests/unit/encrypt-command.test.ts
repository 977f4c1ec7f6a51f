// `npm run encrypt -- --data <file>`: the same steps as "Encrypt this file", from the command
// line, with the key from MATTERS_ARISING_KEY (vitest sets the test key).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEncrypt } from '../../electron/encrypt';
import { Database } from '../../electron/core/db/driver';
import { keyOpens, type StoreKey } from '../../electron/core/crypt/cipher';
import { dump, ok, sha256, tempCore, tempDir } from '../helpers/temp';
import { makePlainDataFile } from '../helpers/plainFile';
import { TEST_KEY_TEXT } from '../helpers/testKey';

describe('npm run encrypt', () => {
  it('encrypts a plain data file keeping every row, and refuses to do it twice', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    makePlainDataFile(file);
    const before = await tempCore(file);
    ok(before, 'loadSampleBoard', {});
    const rows = dump(before);
    before.close();

    const message = await runEncrypt(['--data', file]);
    expect(message).toMatch(/^Encrypted .*minutes\.sqlite\.\nA plain \(unencrypted\) backup was kept at /);
    expect(keyOpens(file, TEST_KEY_TEXT as StoreKey)).toBe(true);
    expect(keyOpens(file, null)).toBe(false);
    const after = await tempCore(file);
    expect(after.status).toMatchObject({ state: 'ready', encrypted: true });
    expect(dump(after)).toBe(rows);
    after.close();

    const encrypted = sha256(file);
    await expect(runEncrypt(['--data', file])).rejects.toThrow(/already encrypted/);
    expect(sha256(file)).toBe(encrypted);
  });

  it('refuses another program’s database and a missing file, changing nothing', async () => {
    const dir = tempDir();
    const foreign = path.join(dir, 'contacts.sqlite');
    const db = new Database(foreign);
    db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Tina Hawkins')");
    db.close();
    const before = sha256(foreign);
    await expect(runEncrypt(['--data', foreign])).rejects.toThrow(/not a Matters Arising data file/);
    expect(sha256(foreign)).toBe(before);
    await expect(runEncrypt(['--data', path.join(dir, 'missing.sqlite')])).rejects.toThrow(/There is no data file/);
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
    await expect(runEncrypt([])).rejects.toThrow(/Usage: npm run encrypt/);
  });
});
