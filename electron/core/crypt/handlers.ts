// The encryption methods: the recovery passphrase, encrypting a plain file, removing plain backups.
import type { encryptionMethods } from '../../../shared/contract/encryption';
import type { FeatureHandlers } from '../handler';
import { encryptionState, encryptOpenFile, getRecoveryPassphrase, markRecoveryPassphraseSaved, removePlainBackups, unlockDataFile } from './session';

export const encryptionHandlers: FeatureHandlers<typeof encryptionMethods> = {
  getEncryption: (ctx) => encryptionState(ctx),
  markRecoveryPassphraseSaved: (ctx) => markRecoveryPassphraseSaved(ctx),
  unlockDataFile: (ctx, input) => unlockDataFile(ctx, input.passphrase),
  encryptDataFile: (ctx) => encryptOpenFile(ctx),
  removePlainBackups: (ctx) => removePlainBackups(ctx),
  getRecoveryPassphrase: (ctx) => getRecoveryPassphrase(ctx),
};
