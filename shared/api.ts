// The API contract: every method once, with its zod input schema and its result type.
// Both hosts (Electron IPC and the browser host) validate every call against this
// before it reaches core; the renderer's client and the preload are typed from it.
import { z } from 'zod';
import { isRealIsoDate } from './domain/dates';

/** Every error a call can return. `field` names the input that was wrong, when one was. */
export type ApiErrorCode =
  | 'invalid_input'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'store_unavailable'
  | 'storage_error'
  | 'unauthorised'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  field?: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ---------------------------------------------------------------- result types

export type MeetingStatus = 'draft' | 'circulated' | 'agreed' | 'published';

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

export interface BoardSummary {
  id: string;
  name: string;
  shortCode: string | null;
  meetingCount: number;
  /** ISO date of the most recent meeting on or before today, if any. */
  lastMeetingDate: string | null;
  /** ISO date of the earliest meeting after today, if any. */
  nextMeetingDate: string | null;
  createdAt: string;
}

export interface MeetingSummary {
  id: string;
  boardId: string;
  /** The board's name as it was when the meeting was held. */
  boardName: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: MeetingStatus;
  itemCount: number;
  actionCount: number;
}

export interface MeetingDetail extends MeetingSummary {
  nextMeeting: { date: string | null; time: string | null; venue: string | null };
  createdAt: string;
  updatedAt: string;
}

export interface BackupInfo {
  /** File name inside the backup folder; the handle for restoring it. */
  name: string;
  takenAt: string;
  sizeBytes: number;
  /** Meetings in the backup, or null when it cannot be read. */
  meetingCount: number | null;
  /** daily, manual, before-restore, before-upgrade-from-vN... */
  reason: string;
}

export interface BackupList {
  folder: string;
  backups: BackupInfo[];
}

// ---------------------------------------------------------------- input pieces

export const LIMITS = {
  boardName: 120,
  shortCode: 12,
  venue: 300,
} as const;

const id = z.uuid({ message: 'This is not a valid record id.' });

export const isoDate = z
  .string({ message: 'Enter a date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Dates are written as YYYY-MM-DD.' })
  .refine(isRealIsoDate, { message: 'That date does not exist.' });

export const clockTime = z
  .string({ message: 'Enter a time.' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Times are written as HH:MM, for example 10:30.' });

export const boardName = z
  .string({ message: 'Enter a board name.' })
  .trim()
  .min(1, { message: 'Enter a board name.' })
  .max(LIMITS.boardName, { message: `A board name can be at most ${LIMITS.boardName} characters.` });

const shortCode = z
  .string()
  .trim()
  .max(LIMITS.shortCode, { message: `A short code can be at most ${LIMITS.shortCode} characters.` })
  .regex(/^[A-Za-z0-9-]*$/, { message: 'A short code may use only letters, digits and hyphens.' });

const venue = z
  .string()
  .trim()
  .max(LIMITS.venue, { message: `A venue can be at most ${LIMITS.venue} characters.` });

const meetingFields = z.strictObject({
  boardId: id,
  date: isoDate,
  startTime: clockTime.nullable().optional(),
  endTime: clockTime.nullable().optional(),
  venue: venue.nullable().optional(),
});

// ---------------------------------------------------------------- the contract

/** A method: its input schema, and (as a type only) its result. */
export interface MethodDef<I extends z.ZodType, R> {
  readonly input: I;
  /** Never set: carries the result type. */
  readonly result?: R;
}

const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, R> => ({ input });

const empty = z.strictObject({});

const filePath = z
  .string({ message: 'Enter the path of a file.' })
  .trim()
  .min(1, { message: 'Enter the path of a file.' })
  .max(4096, { message: 'That path is too long.' })
  .refine((p) => !p.includes('\0'), { message: 'That path is not valid.' });

export const contract = {
  getAppStatus: method<AppStatus>()(empty),
  /** Switches to another data file, creating it if it does not exist. */
  openDataFile: method<AppStatus>()(z.strictObject({ path: filePath })),
  quitApp: method<{ quitting: true }>()(empty),

  listBackups: method<BackupList>()(empty),
  backUpNow: method<BackupInfo>()(empty),
  restoreBackup: method<AppStatus>()(
    z.strictObject({ name: z.string().min(1, { message: 'Choose a backup.' }).max(255, { message: 'Choose one of the listed backups.' }) }),
  ),
  setBackupFolder: method<BackupList>()(z.strictObject({ folder: filePath.nullable() })),

  listBoards: method<BoardSummary[]>()(empty),
  createBoard: method<BoardSummary>()(
    z.strictObject({ name: boardName, shortCode: shortCode.nullable().optional() }),
  ),
  renameBoard: method<BoardSummary>()(z.strictObject({ boardId: id, name: boardName })),

  listMeetings: method<MeetingSummary[]>()(z.strictObject({ boardId: id })),
  createMeeting: method<MeetingDetail>()(
    meetingFields.refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, {
      message: 'The meeting must end after it starts.',
      path: ['endTime'],
    }),
  ),
  getMeeting: method<MeetingDetail>()(z.strictObject({ meetingId: id })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
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
