// The browser host's key (MATTERS_ARISING_KEY, or the passphrase typed on its terminal), and
// the crash tests' switch that stops it at a step of encrypting a file.
import fs from 'node:fs';
import type { StoreKey } from './core/crypt/cipher';
import type { EncryptStep } from './core/crypt/encryptFile';
import { keyForTool, KeyUnavailableError } from './core/crypt/keySource';

/**
 * The key the browser host opens its file with: MATTERS_ARISING_KEY, or typed on the terminal. An
 * encrypted file with neither still starts: the window asks for its recovery passphrase.
 */
export async function hostKey(dataFile: string): Promise<StoreKey | null> {
  try {
    return await keyForTool({ file: dataFile });
  } catch (err) {
    if (!(err instanceof KeyUnavailableError)) throw err;
    if (fs.existsSync(dataFile)) return null;
    console.error(`Matters Arising: ${err.message}`);
    process.exit(2);
  }
}

/**
 * For the crash tests only: MATTERS_ARISING_CRASH_AT_ENCRYPT_STEP names a step of encrypting a
 * plain file (crypt/encryptFile.ts) at which the host kills itself, as a power cut would.
 */
export function crashAtEncryptStep(): ((step: EncryptStep) => void) | undefined {
  const at = process.env.MATTERS_ARISING_CRASH_AT_ENCRYPT_STEP;
  if (!at) return undefined;
  return (step) => {
    if (step === at) process.kill(process.pid, 'SIGKILL');
  };
}
