// Backups of the data file: listing, taking one now, restoring, where they are kept.
import { z } from 'zod';
import type { AppStatus } from './app';
import { empty, filePath, method } from './common';

export interface BackupInfo {
  /** File name inside the backup folder; the handle for restoring it. */
  name: string;
  takenAt: string;
  sizeBytes: number;
  /** Meetings in the backup, or null when it cannot be read. */
  meetingCount: number | null;
  /** daily, manual, before-restore, before-upgrade-from-vN... */
  reason: string;
  /** False for a plain backup (taken before the data file was encrypted). */
  encrypted: boolean;
  /** Whether the key of the open data file opens it (a plain backup always opens). */
  opensWithCurrentKey: boolean;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
}

export const backupsMethods = {
  listBackups: method<BackupList>()(empty),
  backUpNow: method<BackupInfo>()(empty),
  restoreBackup: method<AppStatus>()(
    z.strictObject({ name: z.string().min(1, { message: 'Choose a backup.' }).max(255, { message: 'Choose one of the listed backups.' }) }),
  ),
  setBackupFolder: method<BackupList>()(z.strictObject({ folder: filePath.nullable() })),
} as const;
