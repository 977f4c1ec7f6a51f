// The API contract: every method once, with its zod input schema and its result type.
// Each feature declares its methods in its own slice (./<feature>.ts); this file merges
// them and refuses a name declared twice. Both hosts (Electron IPC and the browser host)
// validate every call against the merged contract before it reaches core; the renderer's
// client and the preload are typed from it.
import type { z } from 'zod';
import type { ApiResponse, MethodDef } from './common';
import { actionLogMethods } from './actionLog';
import { actionLogWindowMethods } from './actionLogWindow';
import { actionsMethods } from './actions';
import { appMethods } from './app';
import { arisingMethods } from './arising';
import { attendanceMethods } from './attendance';
import { guestsMethods } from './guests';
import { betweenMethods } from './between';
import { remindersMethods } from './reminders';
import { briefingMethods } from './briefing';
import { backupsMethods } from './backups';
import { boardsMethods } from './boards';
import { encryptionMethods } from './encryption';
import { lifecycleMethods } from './lifecycle';
import { importsMethods } from './imports';
import { meetingsMethods } from './meetings';
import { minutesMethods } from './minutes';
import { publicationMethods } from './publication';
import { interestsMethods } from './interests';
import { documentsMethods } from './documents';
import { rosterMethods } from './roster';
import { searchMethods } from './search';
import { rosterPasteMethods } from './rosterPaste';
import { vocabularyMethods } from './vocabulary';
import { settingsMethods } from './settings';
import { minutesViewMethods } from './minutesView';
import { syncMethods } from './sync';
import { syncChoicesMethods } from './syncChoices';
import { replicaMethods } from './replica';

export * from './common';
export * from './app';
export * from './backups';
export * from './boards';
export * from './meetings';
export * from './settings';
export * from './roster';
export * from './rosterPaste';
export * from './vocabulary';
export * from './attendance';
export * from './guests';
export * from './minutes';
export * from './actions';
export * from './lifecycle';
export * from './publication';
export * from './arising';
export * from './actionLog';
export * from './actionLogWindow';
export * from './between';
export * from './reminders';
export * from './briefing';
export * from './imports';
export * from './search';
export * from './interests';
export * from './documents';
export * from './encryption';
export * from './minutesView';
export * from './sync';
export * from './syncChoices';
export * from './replica';
export type { AttendanceStatus } from '../domain/enums';
export type { QuorumRule, QuorumState } from '../domain/quorum';
export type { RegisterLine } from '../domain/register';

type Slice = Readonly<Record<string, MethodDef<z.ZodType, unknown>>>;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/** Merges the features' slices into one contract; a method name declared twice is a programming error. */
export function mergeSlices<const S extends readonly Slice[]>(...slices: S): UnionToIntersection<S[number]> {
  const merged: Record<string, MethodDef<z.ZodType, unknown>> = {};
  for (const slice of slices) {
    for (const [name, def] of Object.entries(slice)) {
      if (Object.hasOwn(merged, name)) throw new Error(`The API method ${name} is declared in two contract slices.`);
      merged[name] = def;
    }
  }
  return Object.freeze(merged) as UnionToIntersection<S[number]>;
}

export const contract = mergeSlices(
  appMethods,
  backupsMethods,
  boardsMethods,
  meetingsMethods,
  settingsMethods,
  rosterMethods,
  attendanceMethods,
  guestsMethods,
  minutesMethods,
  actionsMethods,
  lifecycleMethods,
  publicationMethods,
  arisingMethods,
  actionLogMethods,
  actionLogWindowMethods,
  betweenMethods,
  remindersMethods,
  briefingMethods,
  importsMethods,
  searchMethods,
  interestsMethods,
  documentsMethods,
  rosterPasteMethods,
  vocabularyMethods,
  encryptionMethods,
  minutesViewMethods,
  syncMethods,
  syncChoicesMethods,
  replicaMethods,
);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
/** What a caller passes (before the schema's trimming and defaults). */
export type InputOf<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a core handler receives (after validation). */
export type ParsedInputOf<K extends MethodName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends MethodName> = Contract[K] extends MethodDef<z.ZodType, infer R> ? R : never;

export type ApiClient = {
  [K in MethodName]: (input: InputOf<K>) => Promise<ApiResponse<ResultOf<K>>>;
};

export const methodNames = Object.freeze(Object.keys(contract) as MethodName[]);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** The header carrying the browser host's per-run token. */
export const BROWSER_TOKEN_HEADER = 'x-matters-arising-token';

/** The IPC channel of a method, shared by preload (invoke) and main (handle). */
export const ipcChannel = (name: MethodName): string => `api:${name}`;
