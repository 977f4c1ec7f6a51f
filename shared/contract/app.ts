// The data file the app has open: its state, switching to another, quitting.
import type { StoreProblemKind } from '../domain/enums';
import { z } from 'zod';
import { empty, filePath, method } from './common';

export interface StoreProblem {
  /** What kind of trouble the data file is in; the UI explains each one. */
  kind: StoreProblemKind;
  title: string;
  message: string;
  advice: string;
}

export type AppStatus =
  | {
      state: 'ready';
      dataFile: string;
      schemaVersion: number;
      appVersion: string;
      recoveredFromCrash: boolean;
      /** False for a plain file made before encryption: the app offers to encrypt it. */
      encrypted: boolean;
    }
  | { state: 'problem'; dataFile: string; appVersion: string; problem: StoreProblem };

export const appMethods = {
  getAppStatus: method<AppStatus>()(empty),
  /** Switches to another data file (created if it does not exist, in a folder that does); overrideLock after the user chose Open anyway. */
  openDataFile: method<AppStatus>()(z.strictObject({ path: filePath, overrideLock: z.boolean().optional() })),
  quitApp: method<{ quitting: true }>()(empty),
} as const;
