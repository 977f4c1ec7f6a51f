// The data file the app has open: its state, switching to another, quitting.
import { z } from 'zod';
import { empty, filePath, method } from './common';

export interface StoreProblem {
  /** What kind of trouble the data file is in; the UI explains each one. */
  kind: 'not_sqlite' | 'newer_version' | 'unwritable' | 'missing_folder' | 'corrupt' | 'locked' | 'other';
  title: string;
  message: string;
  advice: string;
}

export type AppStatus =
  | { state: 'ready'; dataFile: string; schemaVersion: number; appVersion: string; recoveredFromCrash: boolean }
  | { state: 'problem'; dataFile: string; appVersion: string; problem: StoreProblem };

export const appMethods = {
  getAppStatus: method<AppStatus>()(empty),
  /** Switches to another data file, creating it if it does not exist. */
  openDataFile: method<AppStatus>()(z.strictObject({ path: filePath })),
  quitApp: method<{ quitting: true }>()(empty),
} as const;
