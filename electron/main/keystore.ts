// The desktop app's keys: one random key per data file, kept encrypted by the operating
// system's keystore (Electron safeStorage, its async API: Keychain, DPAPI, the Secret Service)
// in a small owner-only file in the app's folder. Core only ever receives a key. A file the
// keystore has no key for (moved from another computer, a keystore that refuses) opens on the
// problem screen, whose recovery passphrase is then kept here too.
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { newRandomKey, type StoreKey } from '../core/crypt/cipher';

interface KeyFile {
  version: 1;
  /** Data file (absolute path) -> its key, as safeStorage encrypted it, base64. */
  keys: Record<string, string>;
}

export interface Keystore {
  /** The file's key; a new random one for a file it has none for that is not yet encrypted; null when it cannot say. */
  keyFor(file: string): Promise<StoreKey | null>;
  remember(file: string, key: StoreKey): Promise<void>;
}

function looksEncrypted(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(16);
      return fs.readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') !== 'SQLite format 3\u0000';
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export function desktopKeystore(safeStorage: SafeStorage, userData: string): Keystore {
  const store = path.join(userData, 'keys.json');
  const read = (): KeyFile => {
    try {
      const parsed = JSON.parse(fs.readFileSync(store, 'utf8')) as KeyFile;
      return parsed.version === 1 && parsed.keys ? parsed : { version: 1, keys: {} };
    } catch {
      return { version: 1, keys: {} };
    }
  };
  const remember = async (file: string, key: StoreKey): Promise<void> => {
    const sealed = await safeStorage.encryptStringAsync(key);
    const next = read();
    next.keys[path.resolve(file)] = sealed.toString('base64');
    fs.mkdirSync(userData, { recursive: true, mode: 0o700 });
    const temp = `${store}.writing`;
    fs.writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
    fs.renameSync(temp, store);
  };
  return {
    remember,
    async keyFor(file) {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
      const sealed = read().keys[path.resolve(file)];
      if (sealed) {
        try {
          const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
          return result as StoreKey;
        } catch (err) {
          // The keystore refused (another user, a reset keychain): the problem screen asks for the recovery passphrase.
          console.error('[keystore] the key could not be read from the system keystore:', (err as Error).message);
          return null;
        }
      }
      // An encrypted file with no key here came from elsewhere: only its recovery passphrase opens it.
      if (looksEncrypted(file)) return null;
      const key = newRandomKey();
      await remember(file, key);
      return key;
    },
  };
}
