// The dispatch table: API method name -> core function. Both hosts call `dispatch`,
// which validates the payload against the contract before any core code runs.
import { SqliteError } from 'better-sqlite3';
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type ApiError,
  type ApiResponse,
  type MethodName,
  type ParsedInputOf,
  type ResultOf,
} from '../../shared/api';
import { createBoard, listBoards, renameBoard } from './boards';
import { addGuest, attendanceRegister, getAttendance, recordAttendance } from './attendance';
import { deleteGroup, getBoardSettings, listGroups, saveGroup, updateBoardSettings } from './boardSettings';
import { addRosterMember, deleteRosterMember, listRoster, markMemberLeft, suggestInitialsFor, updateRosterMember } from './roster';
import { loadSampleBoard } from './sample';
import { createMeeting, getMeeting, listMeetings, updateMeetingHeader } from './meetings';
import {
  addAgendaItem,
  addDecision,
  deleteAgendaItem,
  deleteDecision,
  getMinutes,
  moveAgendaItem,
  saveDiscussion,
  setMinutesStyle,
  updateAgendaItem,
  updateDecision,
} from './minutes';
import { addAction, deleteAction, updateAction } from './actions';
import { agreeMinutes, circulateMinutes, getMinutesRecord, publishMinutes, recordCorrection, verifyMinutes } from './lifecycle';
import { exportMinutesPdf } from './publication';
import {
  carryForward,
  deleteMeeting,
  getMattersArising,
  markAllInProgress,
  recordActionUpdate,
  resolveDeferredItem,
  startNextMeeting,
  suggestNextMeeting,
} from './mattersArising';
import { exportActionLogPdf, getActionHistory, outstandingActions } from './actionLog';
import type { Store } from './db/open';
import { DomainError } from './errors';
import { setBackupFolder } from './backups';
import { backUpNow, quit, restoreBackup, sessionBackups, switchDataFile, type Session } from './session';

export type CoreContext = Session;

type Handler<K extends MethodName> = (ctx: CoreContext, input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
export type Handlers = { readonly [K in MethodName]: Handler<K> };

function requireStore(ctx: CoreContext): Store {
  if (ctx.store) return ctx.store;
  const reason = ctx.status.state === 'problem' ? ctx.status.problem.message : 'The data file is not open.';
  throw new DomainError('store_unavailable', reason);
}

/** Adapts a core function (store, input) into a handler that first needs an open store. */
const onStore =
  <K extends MethodName>(fn: (store: Store, input: ParsedInputOf<K>) => ResultOf<K>): Handler<K> =>
  (ctx, input) =>
    fn(requireStore(ctx), input);

export const handlers: Handlers = {
  getAppStatus: (ctx) => ctx.status,
  openDataFile: (ctx, input) => switchDataFile(ctx, input.path, input.overrideLock),
  quitApp: (ctx) => quit(ctx),

  listBackups: (ctx) => sessionBackups(ctx),
  backUpNow: (ctx) => backUpNow(ctx),
  restoreBackup: (ctx, input) => restoreBackup(ctx, input.name),
  setBackupFolder: onStore((store, input) => setBackupFolder(store, input.folder)),
  listBoards: onStore((store) => listBoards(store)),
  createBoard: onStore(createBoard),
  renameBoard: onStore(renameBoard),
  listMeetings: onStore(listMeetings),
  createMeeting: onStore(createMeeting),
  getMeeting: onStore(getMeeting),
  getBoardSettings: onStore(getBoardSettings),
  updateBoardSettings: onStore(updateBoardSettings),
  listRoster: onStore(listRoster),
  addRosterMember: onStore(addRosterMember),
  updateRosterMember: onStore(updateRosterMember),
  markMemberLeft: onStore(markMemberLeft),
  deleteRosterMember: onStore(deleteRosterMember),
  suggestInitials: onStore(suggestInitialsFor),
  listGroups: onStore(listGroups),
  saveGroup: onStore(saveGroup),
  deleteGroup: onStore(deleteGroup),
  getAttendance: onStore(getAttendance),
  recordAttendance: onStore(recordAttendance),
  addGuest: onStore(addGuest),
  attendanceRegister: onStore(attendanceRegister),
  loadSampleBoard: onStore(loadSampleBoard),
  getMinutes: onStore(getMinutes),
  updateMeetingHeader: onStore(updateMeetingHeader),
  addAgendaItem: onStore(addAgendaItem),
  updateAgendaItem: onStore(updateAgendaItem),
  saveDiscussion: onStore(saveDiscussion),
  moveAgendaItem: onStore(moveAgendaItem),
  deleteAgendaItem: onStore(deleteAgendaItem),
  addDecision: onStore(addDecision),
  updateDecision: onStore(updateDecision),
  deleteDecision: onStore(deleteDecision),
  addAction: onStore(addAction),
  updateAction: onStore(updateAction),
  deleteAction: onStore(deleteAction),
  setMinutesStyle: onStore(setMinutesStyle),
  getMinutesRecord: onStore(getMinutesRecord),
  circulateMinutes: onStore(circulateMinutes),
  agreeMinutes: onStore(agreeMinutes),
  publishMinutes: onStore(publishMinutes),
  verifyMinutes: onStore(verifyMinutes),
  recordCorrection: onStore(recordCorrection),
  exportMinutesPdf: (ctx, input) => exportMinutesPdf(requireStore(ctx), input, ctx.hooks),
  suggestNextMeeting: onStore(suggestNextMeeting),
  startNextMeeting: onStore(startNextMeeting),
  carryForward: onStore(carryForward),
  getMattersArising: onStore(getMattersArising),
  recordActionUpdate: onStore(recordActionUpdate),
  markAllInProgress: onStore(markAllInProgress),
  resolveDeferredItem: onStore(resolveDeferredItem),
  deleteMeeting: onStore(deleteMeeting),
  outstandingActions: onStore(outstandingActions),
  getActionHistory: onStore(getActionHistory),
  exportActionLogPdf: (ctx, input) => exportActionLogPdf(requireStore(ctx), input, ctx.hooks.printPdf),
};

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

/** Methods whose handlers copy files and answer with a Promise. */
export const ASYNC_METHODS: ReadonlySet<MethodName> = new Set<MethodName>(['openDataFile', 'backUpNow', 'restoreBackup', 'exportMinutesPdf', 'exportActionLogPdf']);

/**
 * Validates and runs one call. Never throws: every failure becomes {ok: false, error}.
 * Synchronous for synchronous handlers; a Promise for the few that copy files.
 */
export function dispatch(ctx: CoreContext, method: unknown, payload: unknown): ApiResponse<unknown> | Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no API method called ${JSON.stringify(String(method)).slice(0, 80)}.` } };
  }
  const parsed = contract[method].input.safeParse(payload);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = handler(ctx, parsed.data as never);
    if (value instanceof Promise) {
      return value.then(
        (resolved): ApiResponse<unknown> => ({ ok: true, value: resolved }),
        (err: unknown): ApiResponse<unknown> => ({ ok: false, error: toApiError(err) }),
      );
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
