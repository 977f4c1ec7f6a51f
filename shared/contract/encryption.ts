// Encryption of the data file: giving the key of an encrypted file (its recovery passphrase),
// encrypting a plain file from before encryption, removing the plain backups once the user has
// confirmed, and showing the recovery passphrase.
import { z } from 'zod';
import type { AppStatus } from './app';
import { empty, method } from './common';

export interface EncryptionResult {
  status: AppStatus;
  /** The plain backup taken before encrypting, kept until the user confirms removing it. */
  plainBackup: string;
  /** Plain (unencrypted) backups in the backup folder, this one among them. */
  plainBackups: number;
}

export interface RecoveryPassphrase {
  /** What to write down: opens the file on any computer. */
  passphrase: string;
  dataFile: string;
}

export interface EncryptionState {
  /** False for a plain file made before encryption. */
  encrypted: boolean;
  /** A plain file can be encrypted here (the app has a key to encrypt it with). */
  canEncrypt: boolean;
  /**
   * Ask the user to write the recovery passphrase down: the key is kept by the app (the desktop
   * app's keystore), not given by the user, and they have not said it is written down yet.
   */
  askToSaveRecovery: boolean;
  /** Plain (unencrypted) backups of the data file still in the backup folder. */
  plainBackups: number;
}

export const encryptionMethods = {
  getEncryption: method<EncryptionState>()(empty),
  /** The user has written the recovery passphrase down (or printed it): the app stops asking. */
  markRecoveryPassphraseSaved: method<EncryptionState>()(empty),
  /** Opens the encrypted data file with a recovery passphrase; a wrong one changes nothing. */
  unlockDataFile: method<AppStatus>()(
    z.strictObject({ passphrase: z.string().min(1, { message: 'Type the recovery passphrase.' }).max(1000, { message: 'That is too long to be the passphrase.' }) }),
  ),
  /** Encrypts the open plain data file with the app's key (a backup of the plain file first). */
  encryptDataFile: method<EncryptionResult>()(empty),
  /** Removes every plain backup of this file (after the user confirmed the encrypted file opens). */
  removePlainBackups: method<{ removed: number }>()(z.strictObject({ confirm: z.literal(true) })),
  /** The recovery passphrase of the open encrypted file. */
  getRecoveryPassphrase: method<RecoveryPassphrase>()(empty),
} as const;
