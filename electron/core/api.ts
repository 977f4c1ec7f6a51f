// The dispatch table: API method name -> core function. Both hosts call `dispatch`,
// which validates the payload against the contract before any core code runs, and answers
// with what the call changed as well as its result.
import { SqliteError } from './db/driver';
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type ApiError,
  type ApiResponse,
  type MethodName,
} from '../../shared/contract';
import { DomainError } from './errors';
import type { CoreContext, Handler } from './handler';
import { ChangeList, collectingChanges } from './store/changes';
import { appHandlers, backupsHandlers } from './app/handlers';
import { boardsHandlers } from './boards/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { settingsHandlers } from './settings/handlers';
import { rosterHandlers } from './roster/handlers';
import { attendanceHandlers } from './attendance/handlers';
import { guestsHandlers } from './guests/handlers';
import { minutesHandlers } from './minutes/handlers';
import { actionsHandlers } from './actions/handlers';
import { lifecycleHandlers } from './lifecycle/handlers';
import { publicationHandlers } from './publication/handlers';
import { arisingHandlers } from './arising/handlers';
import { actionLogHandlers } from './actionLog/handlers';
import { actionLogWindowHandlers } from './actionLog/windowHandlers';
import { betweenHandlers } from './between/handlers';
import { remindersHandlers } from './reminders/handlers';
import { briefingHandlers } from './briefing/handlers';
import { importsHandlers } from './import/handlers';
import { searchHandlers } from './search/handlers';
import { interestsHandlers } from './interests/handlers';
import { documentsHandlers } from './documents/handlers';
import { rosterPasteHandlers } from './rosterPaste/handlers';
import { vocabularyHandlers } from './vocabulary/handlers';
import { encryptionHandlers } from './crypt/handlers';
import { minutesViewHandlers } from './minutesView/handlers';
import { syncHandlers } from './sync/handlers';
import { syncChoicesHandlers } from './sync/choiceHandlers';
import { replicaHandlers } from './replica/handlers';

export type { CoreContext };
export type Handlers = { readonly [K in MethodName]: Handler<K> };

/** Merges the features' handlers into one table; a method handled twice is a programming error. */
export function mergeHandlers(...features: ReadonlyArray<Readonly<Record<string, unknown>>>): Readonly<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [name, handler] of Object.entries(feature)) {
      if (Object.hasOwn(merged, name)) throw new Error(`The API method ${name} has two handlers.`);
      merged[name] = handler;
    }
  }
  return Object.freeze(merged);
}

const features = [
  appHandlers,
  backupsHandlers,
  boardsHandlers,
  meetingsHandlers,
  settingsHandlers,
  rosterHandlers,
  attendanceHandlers,
  guestsHandlers,
  minutesHandlers,
  actionsHandlers,
  lifecycleHandlers,
  publicationHandlers,
  arisingHandlers,
  actionLogHandlers,
  actionLogWindowHandlers,
  betweenHandlers,
  remindersHandlers,
  briefingHandlers,
  importsHandlers,
  searchHandlers,
  interestsHandlers,
  documentsHandlers,
  rosterPasteHandlers,
  vocabularyHandlers,
  encryptionHandlers,
  minutesViewHandlers,
  syncHandlers,
  syncChoicesHandlers,
  replicaHandlers,
] as const;

type Merged = (typeof features)[number];
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/** Every contract method has exactly one handler (the type checks it is complete; mergeHandlers that none is doubled). */
export const handlers: Handlers = mergeHandlers(...features) as UnionToIntersection<Merged> satisfies Handlers;

function describeIssues(error: z.ZodError): ApiError {
  const first = error.issues[0];
  const field = first?.path.map(String).join('.') || undefined;
  return { code: 'invalid_input', message: first?.message ?? 'The request was not valid.', ...(field ? { field } : {}) };
}

function toApiError(err: unknown): ApiError {
  if (err instanceof DomainError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
  if (err instanceof SqliteError) {
    if (err.code === 'SQLITE_FULL') {
      return { code: 'storage_error', message: 'The disk is full, so this change could not be saved. Free some space and try again; nothing already saved was lost.' };
    }
    // A trigger's refusal (agreed minutes are frozen, the change log is append-only) says why in words.
    if (err.code === 'SQLITE_CONSTRAINT_TRIGGER') return { code: 'conflict', message: err.message };
    if (err.code.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'conflict', message: 'That change conflicts with data already saved, so it was not made.' };
    }
    if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') {
      return { code: 'storage_error', message: 'The data file is busy (another program is using it). Try again in a moment.' };
    }
    if (err.code === 'SQLITE_READONLY' || err.code.startsWith('SQLITE_IOERR')) {
      return { code: 'storage_error', message: `The data file could not be written (${err.code}). Nothing was changed.` };
    }
  }
  console.error('[core] unexpected error', err);
  return { code: 'internal', message: 'Something went wrong inside Matters Arising; the change was not made.' };
}

/** The response, with what the call changed when it changed anything (a read changes nothing). */
function answer(response: ApiResponse<unknown>, changes: ChangeList): ApiResponse<unknown> {
  return changes.size > 0 ? { ...response, changes: changes.toArray() } : response;
}

/**
 * Validates and runs one call. Never throws: every failure becomes {ok: false, error}.
 * Every handler is called the same way: the answer is a Promise when the handler's result is one
 * (those that copy files or print), else the plain response. The handler's writes report what
 * they changed to this call (store/changes.ts), so handlers keep their own result types.
 */
export function dispatch(ctx: CoreContext, method: unknown, payload: unknown): ApiResponse<unknown> | Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}.` } };
  }
  const parsed = contract[method].input.safeParse(payload);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  const changes = new ChangeList();
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = collectingChanges(changes, () => handler(ctx, parsed.data as never));
    if (value instanceof Promise) {
      return value.then(
        (resolved): ApiResponse<unknown> => answer({ ok: true, value: resolved }, changes),
        (err: unknown): ApiResponse<unknown> => answer({ ok: false, error: toApiError(err) }, changes),
      );
    }
    return answer({ ok: true, value }, changes);
  } catch (err) {
    // A failed call normally changed nothing; should an earlier write of it have committed, say so.
    return answer({ ok: false, error: toApiError(err) }, changes);
  }
}
