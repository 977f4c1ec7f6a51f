// Encryption for the open session: opening an encrypted file with its recovery passphrase,
// encrypting the open plain file (closed for the swap, opened again after, whatever happens),
// removing plain backups once the user confirms, and showing the recovery passphrase.
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus, EncryptionResult, EncryptionState, RecoveryPassphrase } from '../../../shared/contract';
import { backupFolder, listBackups } from '../backups';
import { DomainError } from '../errors';
import { reportFileChanged } from '../store/changes';
import { write } from '../store/write';
import { automaticBackupsSettled, closeSession, open, type Session } from '../session';
import { keyFromText, recoveryPassphrase } from './cipher';
import { encryptDataFile, EncryptError } from './encryptFile';
import { HOW_TO_GIVE_A_KEY } from './problems';

export async function unlockDataFile(session: Session, passphrase: string): Promise<AppStatus> {
  if (session.store) throw new DomainError('conflict', 'The data file is already open.');
  if (session.status.state !== 'problem' || session.status.problem.kind !== 'needs_key') {
    throw new DomainError('conflict', 'This data file does not need a passphrase: its problem is something else.');
  }
  const key = keyFromText(passphrase);
  if (!key) throw new DomainError('invalid_input', 'Type the recovery passphrase.', 'passphrase');
  const before = { key: session.key, status: session.status };
  session.key = key;
  await open(session, session.dataFile);
  if (!session.store) {
    const { problem } = session.status.state === 'problem' ? session.status : { problem: null };
    if (problem?.kind === 'needs_key') {
      // Nothing was written to the file; the screen stays as it was.
      session.key = before.key;
      session.status = before.status;
      throw new DomainError('invalid_input', 'That passphrase does not open this data file. Check it (letters, digits and dashes as written down) and try again. The file has not been changed.', 'passphrase');
    }
    // It opened with this key but has another problem (damaged, newer version): that is shown now.
    return session.status;
  }
  await session.hooks.keyAccepted?.(session.dataFile, key);
  reportFileChanged('data_file', session.dataFile);
  return session.status;
}

function plainBackupFiles(session: Session): string[] {
  const { folder, backups } = listBackups(session.store, session.dataFile, session.key);
  return backups.filter((b) => !b.encrypted).map((b) => path.join(folder, b.name));
}

export async function encryptOpenFile(session: Session): Promise<EncryptionResult> {
  const store = session.store;
  if (!store) throw new DomainError('store_unavailable', 'There is no open data file to encrypt.');
  if (store.key) throw new DomainError('conflict', 'This data file is already encrypted.');
  const key = session.key;
  if (!key) throw new DomainError('conflict', `There is no key to encrypt this data file with. ${HOW_TO_GIVE_A_KEY} Then start Matters Arising again.`);
  await automaticBackupsSettled(session);
  const file = store.file;
  const folder = backupFolder(store, file);
  closeSession(session);
  let plainBackup: string;
  try {
    ({ plainBackup } = await encryptDataFile(file, key, folder, session.hooks.encryptStep));
  } catch (err) {
    await open(session, file);
    if (err instanceof EncryptError) throw new DomainError('storage_error', err.message);
    throw new DomainError('storage_error', `The data file could not be encrypted: ${(err as Error).message}. It has not been changed.`);
  }
  await open(session, file);
  reportFileChanged('data_file', file);
  return { status: session.status, plainBackup, plainBackups: plainBackupFiles(session).length };
}

export function removePlainBackups(session: Session): { removed: number } {
  if (!session.store?.key) throw new DomainError('conflict', 'The data file is not encrypted yet: its plain backups are kept until it is.');
  const files = plainBackupFiles(session);
  for (const file of files) fs.rmSync(file, { force: true });
  if (files.length > 0) reportFileChanged('backup', 'plain');
  return { removed: files.length };
}

export function getRecoveryPassphrase(session: Session): RecoveryPassphrase {
  const key = session.store?.key;
  if (!key) throw new DomainError('conflict', 'The open data file is not encrypted, so it has no recovery passphrase.');
  return { passphrase: recoveryPassphrase(key), dataFile: session.dataFile };
}

const RECOVERY_SAVED_KEY = 'recovery_passphrase_saved';

export function encryptionState(session: Session): EncryptionState {
  const store = session.store;
  if (!store) throw new DomainError('store_unavailable', 'There is no open data file.');
  const saved = store.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(RECOVERY_SAVED_KEY) as string | undefined;
  return {
    encrypted: store.key !== null,
    canEncrypt: store.key === null && session.key !== null,
    askToSaveRecovery: store.key !== null && session.hooks.keyKeptByHost === true && saved === undefined,
    plainBackups: plainBackupFiles(session).length,
  };
}

export function markRecoveryPassphraseSaved(session: Session): EncryptionState {
  const store = session.store;
  if (!store?.key) throw new DomainError('conflict', 'The open data file is not encrypted, so it has no recovery passphrase.');
  write(store, (w) => {
    store.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(RECOVERY_SAVED_KEY, new Date().toISOString());
    w.log({ entity: 'settings', entityId: RECOVERY_SAVED_KEY, action: 'set' });
  });
  return encryptionState(session);
}
