// Encryption at rest, on real files with the real cipher: what a new file and its backups hold
// on disk, opening without the key or with the wrong one (refused, file unchanged), encrypting
// a plain file (every row kept), restoring an encrypted backup, FTS5 inside an encrypted file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppStatus, BackupInfo, BackupList, BoardSummary, EncryptionResult, RecoveryPassphrase } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { applyKey, keyFromText, keyOpens, newRandomKey, openWithKey, recoveryPassphrase, type StoreKey } from '../../electron/core/crypt/cipher';
import { Database } from '../../electron/core/db/driver';
import { openStore, StoreOpenError } from '../../electron/core/db/open';
import { dump, ok, okAsync, sha256, tempCore, tempDir } from '../helpers/temp';
import { TEST_KEY_TEXT } from '../helpers/testKey';
import { makePlainDataFile } from '../helpers/plainFile';

const SECRET = 'Operation Nightjar referral for the Hawkins children';
const TEST_KEY = TEST_KEY_TEXT as StoreKey;

/** The file and whatever SQLite keeps beside it, as bytes. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-journal'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));
}

async function fileWithMinutes(): Promise<{ file: string; core: Awaited<ReturnType<typeof tempCore>> }> {
  const file = path.join(tempDir(), 'minutes.sqlite');
  const core = await tempCore(file);
  ok(core, 'loadSampleBoard', {});
  ok(core, 'createBoard', { name: SECRET });
  return { file, core };
}

async function refusal(file: string, key: StoreKey | null): Promise<StoreOpenError> {
  try {
    (await openStore(file, { key })).close();
  } catch (err) {
    if (err instanceof StoreOpenError) return err;
    throw err;
  }
  throw new Error('expected the file to be refused');
}

describe('a new data file', () => {
  it('holds no SQLite header and no plain text of the minutes, in the file or beside it', async () => {
    const { file, core } = await fileWithMinutes();
    const whileOpen = bytesOnDisk(file);
    core.close();
    for (const bytes of [whileOpen, bytesOnDisk(file)]) {
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      expect(bytes.includes(SECRET)).toBe(false);
      expect(bytes.includes('Safeguarding')).toBe(false);
    }
    expect(keyOpens(file, null)).toBe(false);
    expect(keyOpens(file, TEST_KEY)).toBe(true);
  });

  it('is refused, and not created, without a key', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const error = await refusal(file, null);
    expect(error.problem).toMatchObject({ kind: 'needs_key', title: 'A new data file needs a key' });
    expect(error.problem.advice).toMatch(/MATTERS_ARISING_KEY/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('has secure_delete on, so deleted text is overwritten in free pages', async () => {
    const { core } = await fileWithMinutes();
    expect(core.store?.db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('opening an encrypted file', () => {
  it('is refused without the key or with a wrong one, and the file and its folder are unchanged', async () => {
    const { file, core } = await fileWithMinutes();
    core.close();
    const before = sha256(file);
    const listing = fs.readdirSync(path.dirname(file)).sort();
    const missing = await refusal(file, null);
    expect(missing.problem).toMatchObject({ kind: 'needs_key', title: 'This data file is encrypted' });
    const wrong = await refusal(file, newRandomKey());
    expect(wrong.problem).toMatchObject({ kind: 'needs_key', title: 'The key does not open this data file' });
    const passphrase = await refusal(file, keyFromText('correct horse battery staple'));
    expect(passphrase.problem.kind).toBe('needs_key');
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(listing);
  });

  it('refuses a file encrypted with other cipher settings (the same key, another cipher)', async () => {
    const file = path.join(tempDir(), 'chacha.sqlite');
    const db = new Database(file);
    db.pragma(`key = '${TEST_KEY_TEXT.replace(/'/g, "''")}'`); // the library's default cipher, not SQLCipher's
    db.exec('CREATE TABLE boards (id TEXT)');
    db.close();
    const before = sha256(file);
    expect((await refusal(file, TEST_KEY)).problem.kind).toBe('needs_key');
    expect(sha256(file)).toBe(before);
  });

  it('takes the recovery passphrase on the problem screen after ten wrong ones, changing nothing until then', async () => {
    const { file, core: first } = await fileWithMinutes();
    const recovery = ok<RecoveryPassphrase>(first, 'getRecoveryPassphrase', {});
    expect(recovery.passphrase).toMatch(/^([0-9a-f]{4}-){15}[0-9a-f]{4}$/);
    first.close();
    const before = sha256(file);
    const core = await startCore(file, { key: null }, { openedBriefly: true });
    try {
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'needs_key' } });
      for (let i = 0; i < 10; i++) {
        const attempt = await core.callAsync('unlockDataFile', { passphrase: `not the passphrase ${i}` });
        expect(attempt).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'passphrase' } });
        expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'needs_key' } });
        expect(sha256(file)).toBe(before);
      }
      // Written down in capitals with spaces, it still opens.
      const status = await okAsync<AppStatus>(core, 'unlockDataFile', { passphrase: recovery.passphrase.toUpperCase().replace(/-/g, ' ') });
      expect(status).toMatchObject({ state: 'ready', encrypted: true });
      expect(ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name)).toContain(SECRET);
    } finally {
      core.close();
    }
  });
});

describe('backups of an encrypted file', () => {
  it('are encrypted with the same key: no header, no text, and they open with it', async () => {
    const { core } = await fileWithMinutes();
    const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
    expect(backup).toMatchObject({ encrypted: true, opensWithCurrentKey: true, meetingCount: 2 });
    const { folder } = ok<BackupList>(core, 'listBackups', {});
    const bytes = fs.readFileSync(path.join(folder, backup.name));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(SECRET)).toBe(false);
    expect(keyOpens(path.join(folder, backup.name), TEST_KEY)).toBe(true);
  });

  it('restore: the encrypted backup comes back, and one from another key is listed as not opening and refused', async () => {
    const { core } = await fileWithMinutes();
    const backup = await okAsync<BackupInfo>(core, 'backUpNow', {});
    ok(core, 'createBoard', { name: 'Added after the backup' });
    const { folder } = ok<BackupList>(core, 'listBackups', {});

    // A backup from another computer's key, copied into the folder.
    const foreignKey = newRandomKey();
    const foreign = path.join(folder, 'minutes 2020-01-01 090000 manual.sqlite');
    const db = openWithKey(foreign, foreignKey);
    db.exec('CREATE TABLE boards (id TEXT)');
    db.close();
    const listed = ok<BackupList>(core, 'listBackups', {}).backups;
    expect(listed.find((b) => b.name === path.basename(foreign))).toMatchObject({ encrypted: true, opensWithCurrentKey: false, meetingCount: null });
    const refused = await core.callAsync('restoreBackup', { name: path.basename(foreign) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/encrypted with another key/);

    const status = await okAsync<AppStatus>(core, 'restoreBackup', { name: backup.name });
    expect(status).toMatchObject({ state: 'ready', encrypted: true });
    const names = ok<BoardSummary[]>(core, 'listBoards', {}).map((b) => b.name);
    expect(names).toContain(SECRET);
    expect(names).not.toContain('Added after the backup');
  });
});

describe('encrypting a plain file from before encryption', () => {
  it('keeps every row, leaves a plain backup until the user confirms, and the file is then unreadable without the key', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    makePlainDataFile(file);
    const core = await tempCore(file);
    expect(core.status).toMatchObject({ state: 'ready', encrypted: false });
    ok(core, 'loadSampleBoard', {});
    ok(core, 'createBoard', { name: SECRET });
    const before = dump(core);
    expect(fs.readFileSync(file).includes('SQLite format 3')).toBe(true);

    const result = await okAsync<EncryptionResult>(core, 'encryptDataFile', {});
    expect(result.status).toMatchObject({ state: 'ready', encrypted: true });
    expect(dump(core)).toBe(before);
    core.store?.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytesOnDisk(file).includes(SECRET)).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);

    // The plain backup is there, listed as plain, until the user confirms it may go.
    expect(fs.readFileSync(result.plainBackup).includes(SECRET)).toBe(true);
    const listed = ok<BackupList>(core, 'listBackups', {}).backups;
    expect(listed.filter((b) => !b.encrypted).map((b) => b.name)).toEqual([path.basename(result.plainBackup)]);
    expect(core.call('removePlainBackups', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ok(core, 'removePlainBackups', { confirm: true })).toEqual({ removed: 1 });
    expect(fs.existsSync(result.plainBackup)).toBe(false);
    expect(core.call('encryptDataFile', {})).toMatchObject({ ok: false });
  });

  it('ignores and replaces a half-written encrypted copy left by a crash, and never touches the original until the swap', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'minutes.sqlite');
    makePlainDataFile(file);
    const first = await tempCore(file);
    ok(first, 'createBoard', { name: SECRET });
    const before = dump(first);
    first.close();
    fs.writeFileSync(`${file}.encrypting`, Buffer.alloc(8192, 7));

    const core = await tempCore(file);
    expect(core.status).toMatchObject({ state: 'ready', encrypted: false });
    expect(dump(core)).toBe(before);
    await okAsync(core, 'encryptDataFile', {});
    expect(dump(core)).toBe(before);
    expect(fs.existsSync(`${file}.encrypting`)).toBe(false);
  });

  it('is refused, with the file unchanged, when there is no key to encrypt with', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    makePlainDataFile(file);
    // Opened once first: what opening itself does (the search index, the kept values) is settled.
    (await startCore(file, { key: null }, { openedBriefly: true })).close();
    const before = sha256(file);
    const core = await startCore(file, { key: null }, { openedBriefly: true });
    try {
      const refused = await core.callAsync('encryptDataFile', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect((refused as { error: { message: string } }).error.message).toMatch(/MATTERS_ARISING_KEY/);
      core.close();
      expect(sha256(file)).toBe(before);
    } finally {
      core.close();
    }
  });
});

describe('inside an encrypted file', () => {
  it('FTS5 full-text search works and its index is encrypted too', async () => {
    const { file, core } = await fileWithMinutes();
    const db = core.store!.db;
    db.exec("CREATE VIRTUAL TABLE temp_check USING fts5(text); INSERT INTO temp_check VALUES ('Nightjar referral discussed under safeguarding')");
    expect(db.prepare("SELECT text FROM temp_check WHERE temp_check MATCH 'nightjar'").pluck().all()).toHaveLength(1);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(bytesOnDisk(file).includes('Nightjar referral')).toBe(false);
  });
});

describe('keys', () => {
  it('a raw key reads back from its recovery passphrase, however it is written; other text is a passphrase', () => {
    const key = newRandomKey();
    const written = recoveryPassphrase(key);
    expect(keyFromText(written)).toBe(key);
    expect(keyFromText(` ${written.toUpperCase().replace(/-/g, ' ')} `)).toBe(key);
    expect(keyFromText("it's a passphrase")).toBe("it's a passphrase");
    expect(keyFromText('   ')).toBeNull();
  });

  it('a passphrase with quotes in it encrypts and reopens a file', () => {
    const file = path.join(tempDir(), 'quoted.sqlite');
    const key = keyFromText(`o'Brien's "board" key`)!;
    const db = new Database(file);
    applyKey(db, key);
    db.exec('CREATE TABLE t (x TEXT)');
    db.close();
    expect(keyOpens(file, key)).toBe(true);
    expect(keyOpens(file, keyFromText('obriens board key'))).toBe(false);
  });
});
