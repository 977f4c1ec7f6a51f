// Where keys come from: the desktop app's keystore (a random key per new file, sealed by the
// system keystore; none for a file from elsewhere or when the keystore refuses), and the tools'
// lookup (MATTERS_ARISING_KEY, a passphrase typed on the terminal, or a refusal saying how).
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { keyFromText, recoveryPassphrase, type StoreKey } from '../../electron/core/crypt/cipher';
import { keyForTool, KeyUnavailableError, type Terminal } from '../../electron/core/crypt/keySource';
import { desktopKeystore } from '../../electron/main/keystore';
import { okAsync, tempCore, tempDir } from '../helpers/temp';
import { makePlainDataFile } from '../helpers/plainFile';

/** A keystore that seals by reversing the bytes (so the key is not in keys.json as it is), or refuses. */
function fakeSafeStorage(refuses = false): SafeStorage {
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text: string) => Buffer.from(text).reverse(),
    decryptStringAsync: async (sealed: Buffer) => {
      if (refuses) throw new Error('The keychain refused');
      return { result: Buffer.from(sealed).reverse().toString(), shouldReEncrypt: false };
    },
  } as unknown as SafeStorage;
}

function terminal(answers: string[], isTTY = true): Terminal & { said: string[] } {
  const said: string[] = [];
  return { isTTY, said, say: (text) => said.push(text), askHidden: async () => answers.shift() ?? '' };
}

describe('the desktop keystore', () => {
  it('makes a random key for a new file, keeps it sealed in an owner-only file, and gives it back', async () => {
    const dir = tempDir();
    const keystore = desktopKeystore(fakeSafeStorage(), dir);
    const file = path.join(dir, 'minutes.sqlite');
    const key = await keystore.keyFor(file);
    expect(key).toMatch(/^x'[0-9a-f]{64}'$/);
    expect(await keystore.keyFor(file)).toBe(key);
    const stored = fs.readFileSync(path.join(dir, 'keys.json'), 'utf8');
    expect(stored).not.toContain(key!.slice(2, 66));
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
  });

  it('has no key for an encrypted file from elsewhere, nor when the keystore refuses: the problem screen asks, and the passphrase is kept', async () => {
    const dir = tempDir();
    const made = await tempCore(path.join(dir, 'minutes.sqlite'));
    const file = made.status.dataFile;
    made.close();
    const keystore = desktopKeystore(fakeSafeStorage(), path.join(dir, 'app'));
    expect(await keystore.keyFor(file)).toBeNull();
    const core = await startCore(file, { key: await keystore.keyFor(file) }, { openedBriefly: true, keyAccepted: (f, k) => keystore.remember(f, k) });
    try {
      expect(core.status).toMatchObject({ state: 'problem', problem: { kind: 'needs_key' } });
      const status = await okAsync<AppStatus>(core, 'unlockDataFile', { passphrase: recoveryPassphrase(process.env.MATTERS_ARISING_KEY as StoreKey) });
      expect(status.state).toBe('ready');
    } finally {
      core.close();
    }
    expect(await keystore.keyFor(file)).toBe(process.env.MATTERS_ARISING_KEY);
    expect(await desktopKeystore(fakeSafeStorage(true), path.join(dir, 'app')).keyFor(file)).toBeNull();
  });
});

describe('the tools’ key lookup', () => {
  it('takes MATTERS_ARISING_KEY first', async () => {
    const file = path.join(tempDir(), 'new.sqlite');
    expect(await keyForTool({ file, env: { MATTERS_ARISING_KEY: 'a long passphrase' }, terminal: terminal([], false) })).toBe('a long passphrase');
  });

  it('refuses a new or encrypted file without a terminal, saying how; a plain file opens as it is', async () => {
    const dir = tempDir();
    const fresh = path.join(dir, 'new.sqlite');
    await expect(keyForTool({ file: fresh, env: {}, terminal: terminal([], false) })).rejects.toThrow(/MATTERS_ARISING_KEY is not set and there is no terminal/);
    const plain = path.join(dir, 'plain.sqlite');
    makePlainDataFile(plain);
    expect(await keyForTool({ file: plain, env: {}, terminal: terminal([], false) })).toBeNull();
    await expect(keyForTool({ file: plain, purpose: 'encrypt', env: {}, terminal: terminal([], false) })).rejects.toBeInstanceOf(KeyUnavailableError);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('on a terminal: a chosen passphrase typed twice, a random one printed as the recovery passphrase, or the passphrase of an encrypted file', async () => {
    const dir = tempDir();
    const fresh = path.join(dir, 'new.sqlite');
    expect(await keyForTool({ file: fresh, env: {}, terminal: terminal(['board minutes 2014', 'board minutes 2014']) })).toBe('board minutes 2014');
    await expect(keyForTool({ file: fresh, env: {}, terminal: terminal(['one', 'two']) })).rejects.toThrow(/not the same/);
    const made = terminal(['']);
    const key = await keyForTool({ file: fresh, env: {}, terminal: made });
    expect(made.said.join('\n')).toContain(recoveryPassphrase(key!));
    const encrypted = (await tempCore(path.join(dir, 'minutes.sqlite'))).status.dataFile;
    expect(await keyForTool({ file: encrypted, env: {}, terminal: terminal(['typed passphrase']) })).toBe(keyFromText('typed passphrase'));
  });
});
