// The data file the app has open (its state, switching to another, quitting) and its backups.
import type { appMethods } from '../../../shared/contract/app';
import type { backupsMethods } from '../../../shared/contract/backups';
import { setBackupFolder } from '../backups';
import { onStore, type FeatureHandlers } from '../handler';
import { backUpNow, quit, restoreBackup, sessionBackups, switchDataFile } from '../session';

export const appHandlers: FeatureHandlers<typeof appMethods> = {
  getAppStatus: (ctx) => ctx.status,
  openDataFile: (ctx, input) => switchDataFile(ctx, input.path, input.overrideLock),
  quitApp: (ctx) => quit(ctx),
};

export const backupsHandlers: FeatureHandlers<typeof backupsMethods> = {
  listBackups: (ctx) => sessionBackups(ctx),
  backUpNow: (ctx) => backUpNow(ctx),
  restoreBackup: (ctx, input) => restoreBackup(ctx, input.name),
  setBackupFolder: onStore((store, input) => setBackupFolder(store, input.folder)),
};
