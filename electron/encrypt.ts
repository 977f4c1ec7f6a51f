// `npm run encrypt -- --data <file>`: encrypts a plain data file (one made before encryption)
// from the command line, the same steps as "Encrypt this file" in the app: a plain backup first,
// an encrypted copy checked row for row, one rename. The key: MATTERS_ARISING_KEY, or typed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue } from './core/paths';
import { backupFolder } from './core/backups';
import { keyOpens } from './core/crypt/cipher';
import { encryptDataFile, EncryptError, type EncryptStep } from './core/crypt/encryptFile';
import { keyForTool, KeyUnavailableError } from './core/crypt/keySource';
import { inspectDataFile } from './core/db/file';
import { identify, StoreOpenError } from './core/db/open';
import { acquireLock } from './core/db/lock';

const USAGE = 'Usage: npm run encrypt -- --data <file>   (the key: MATTERS_ARISING_KEY, or typed when asked)';

export class EncryptProblem extends Error {}

export async function runEncrypt(argv: readonly string[], onStep?: (step: EncryptStep) => void): Promise<string> {
  const given = argValue(argv, 'data');
  if (!given) throw new EncryptProblem(USAGE);
  const file = path.resolve(given);
  if (!fs.existsSync(file)) throw new EncryptProblem(`There is no data file at ${file}.`);
  const kind = inspectDataFile(file).kind;
  if (kind === 'encrypted') throw new EncryptProblem(`${file} is already encrypted. Nothing was changed.`);
  if (kind !== 'sqlite' || !keyOpens(file, null)) throw new EncryptProblem(`${file} is not a data file Matters Arising can encrypt. Nothing was changed.`);
  try {
    identify(file);
  } catch (err) {
    if (err instanceof StoreOpenError) throw new EncryptProblem(`${err.problem.title}: ${err.problem.message} Nothing was changed.`);
    throw err;
  }
  let key;
  try {
    key = await keyForTool({ file, purpose: 'encrypt' });
  } catch (err) {
    if (err instanceof KeyUnavailableError) throw new EncryptProblem(err.message);
    throw err;
  }
  if (!key) throw new EncryptProblem(USAGE);
  const lock = acquireLock(file);
  if (!lock.acquired) throw new EncryptProblem(`${file} is open in Matters Arising (on ${lock.holder.host}). Close it there and run this again. Nothing was changed.`);
  try {
    const { plainBackup } = await encryptDataFile(file, key, backupFolder(null, file), onStep);
    return [
      `Encrypted ${file}.`,
      `A plain (unencrypted) backup was kept at ${plainBackup}: once the app has opened the encrypted file, remove it`,
      '(Backups screen: Remove unencrypted backups, or delete the file) so no unencrypted copy of the minutes is left.',
    ].join('\n');
  } catch (err) {
    if (err instanceof EncryptError) throw new EncryptProblem(err.message);
    throw err;
  } finally {
    lock.release();
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  runEncrypt(process.argv.slice(2)).then(
    (message) => console.log(message),
    (err: unknown) => {
      const expected = err instanceof EncryptProblem;
      console.error(`Matters Arising could not encrypt the data file: ${err instanceof Error ? err.message : String(err)}`);
      if (!expected) console.error(err);
      process.exitCode = expected ? 2 : 1;
    },
  );
}
