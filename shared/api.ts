// The API contract: every method once, with its zod input schema and its result type.
// Both hosts (Electron IPC and the browser host) validate every call against this
// before it reaches core; the renderer's client and the preload are typed from it.
import { z } from 'zod';
import { isRealIsoDate } from './domain/dates';
import { DUE_TEXT_MAX } from './domain/due';
import type { ItemNumbering } from './domain/numbering';
import { OWNER_NAME_MAX, OWNERS_MAX, type OwnerMatch } from './domain/owners';
import { checkReferenceFormat } from './domain/references';

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
  | { state: 'ready'; dataFile: string; schemaVersion: number; appVersion: string }
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

// ---------------------------------------------------------------- minutes: result types

export type { ItemNumbering } from './domain/numbering';
export type { OwnerMatch } from './domain/owners';
export type DueKind = 'none' | 'date' | 'meeting' | 'next_meeting';
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'deferred' | 'dropped' | 'superseded';

/** Someone on the board's roster, as the minutes name them. */
export interface RosterMember {
  id: string;
  initials: string;
  fullName: string;
  role: string | null;
  /** On the roster on the meeting's date (not yet left, already joined). */
  current: boolean;
}

export interface RosterGroup {
  id: string;
  name: string;
  kind: 'all' | 'all_agencies' | 'each_agency' | 'subgroup' | 'other';
}

export interface ActionDue {
  kind: DueKind;
  /** The date it is due by, when known: the date typed, or the date of the meeting named. */
  date: string | null;
  /** The meeting it is due at, when one was named and exists. */
  meetingId: string | null;
  /** What was typed, kept as written. */
  text: string | null;
}

export interface MinutesAction {
  id: string;
  itemId: string;
  /** Its number in this meeting, shown in the minutes' Reference column. */
  seq: number;
  /** Unique in the board and never reused: how it is named anywhere else. */
  reference: string;
  position: number;
  details: string;
  owners: OwnerMatch[];
  due: ActionDue;
  status: ActionStatus;
}

export interface MinutesDecision {
  id: string;
  itemId: string;
  position: number;
  text: string;
}

/** Where an item sits: its parent, its place among its siblings, and its printed number. */
export interface AgendaOutlineEntry {
  id: string;
  parentId: string | null;
  position: number;
  number: string;
  /** 1 for an item, 2 for a sub-item. */
  depth: number;
}

export interface AgendaItemFields extends AgendaOutlineEntry {
  title: string;
  presenter: string | null;
  kind: 'normal' | 'matters_arising';
  confidential: boolean;
  deferred: boolean;
  deferredToText: string | null;
  deferredToMeetingId: string | null;
  updatedAt: string;
}

export interface MinutesItem extends AgendaItemFields {
  /** Lexical's serialized editor state, or null if no discussion was typed yet. */
  discussionJson: string | null;
  discussionText: string;
  decisions: MinutesDecision[];
  actions: MinutesAction[];
}

/** Why parts of the minutes cannot be changed (null when they can). */
export interface MinutesLock {
  structure: string | null;
  content: string | null;
}

/** Everything the minutes editor needs to open a meeting, in one call. */
export interface Minutes {
  meeting: MeetingDetail;
  numbering: ItemNumbering;
  referenceFormat: string;
  /** In reading order: each item followed by its sub-items. */
  items: MinutesItem[];
  roster: { members: RosterMember[]; groups: RosterGroup[] };
  /** The board's meetings after this one, for "deferred to". */
  laterMeetings: Array<{ id: string; date: string }>;
  locked: MinutesLock;
}

/** The agenda after a structural change: the item concerned and every item's new place. */
export interface AgendaChange {
  itemId: string;
  outline: AgendaOutlineEntry[];
}

export interface MinutesStyle {
  boardId: string;
  numbering: ItemNumbering;
  referenceFormat: string;
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

// ---------------------------------------------------------------- minutes: input pieces

export const MINUTES_LIMITS = {
  itemTitle: 300,
  presenter: 120,
  deferredTo: 200,
  decision: 5_000,
  actionDetails: 5_000,
  /** Characters of discussion per item: a long item runs to 20,000; this is ten times that. */
  discussionText: 200_000,
  discussionJson: 4_000_000,
  due: DUE_TEXT_MAX,
  ownerName: OWNER_NAME_MAX,
  owners: OWNERS_MAX,
} as const;

const optionalText = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text.` })
    .trim()
    .max(max, { message: `${what} can be at most ${max.toLocaleString('en-GB')} characters.` });

const itemTitle = optionalText(MINUTES_LIMITS.itemTitle, 'An item title').refine((t) => !/[\r\n]/.test(t), {
  message: 'An item title must be on one line.',
});

const ownerRef = z.union(
  [
    z.strictObject({ memberId: id }),
    z.strictObject({ groupId: id }),
    z.strictObject({
      name: z
        .string({ message: 'An owner must be a name.' })
        .trim()
        .min(1, { message: 'An owner’s name cannot be blank.' })
        .max(MINUTES_LIMITS.ownerName, { message: `An owner’s name can be at most ${MINUTES_LIMITS.ownerName} characters.` }),
    }),
  ],
  { message: 'An owner is someone on the roster, a group, or a name.' },
);

const owners = z.array(ownerRef).max(MINUTES_LIMITS.owners, { message: `An action can have at most ${MINUTES_LIMITS.owners} owners.` });

const referenceFormat = z.string({ message: 'Enter a reference format.' }).superRefine((fmt, ctx) => {
  const check = checkReferenceFormat(fmt);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

const headerTimes = (h: { startTime?: string | null; endTime?: string | null }) =>
  !h.startTime || !h.endTime || h.endTime > h.startTime;

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

export const contract = {
  getAppStatus: method<AppStatus>()(empty),

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

  getMinutes: method<Minutes>()(z.strictObject({ meetingId: id })),
  updateMeetingHeader: method<MeetingDetail>()(
    z
      .strictObject({
        meetingId: id,
        /** The board's name as printed on these minutes. */
        boardName: boardName.optional(),
        date: isoDate.optional(),
        startTime: clockTime.nullable().optional(),
        endTime: clockTime.nullable().optional(),
        venue: venue.nullable().optional(),
        nextDate: isoDate.nullable().optional(),
        nextTime: clockTime.nullable().optional(),
        nextVenue: venue.nullable().optional(),
      })
      .refine(headerTimes, { message: 'The meeting must end after it starts.', path: ['endTime'] }),
  ),
  addAgendaItem: method<{ item: MinutesItem; outline: AgendaOutlineEntry[] }>()(
    z.strictObject({
      meetingId: id,
      /** The new item goes straight after this one (or after the item this one is part of). */
      afterItemId: id.nullable().optional(),
      /** Set for a sub-item: the item it belongs to. */
      parentId: id.nullable().optional(),
      title: itemTitle.optional(),
    }),
  ),
  updateAgendaItem: method<AgendaItemFields>()(
    z.strictObject({
      itemId: id,
      title: itemTitle.optional(),
      presenter: optionalText(MINUTES_LIMITS.presenter, 'A presenter').nullable().optional(),
      confidential: z.boolean({ message: 'Confidential is yes or no.' }).optional(),
      deferred: z.boolean({ message: 'Deferred is yes or no.' }).optional(),
      deferredToText: optionalText(MINUTES_LIMITS.deferredTo, 'Where the item was deferred to').nullable().optional(),
      deferredToMeetingId: id.nullable().optional(),
    }),
  ),
  saveDiscussion: method<{ itemId: string; updatedAt: string }>()(
    z.strictObject({
      itemId: id,
      json: z
        .string({ message: 'The discussion must be sent as the editor’s JSON.' })
        .max(MINUTES_LIMITS.discussionJson, { message: 'This discussion is too long to save. Move some of it into another item or a paper.' }),
      text: z
        .string({ message: 'The discussion must come with its plain text.' })
        .max(MINUTES_LIMITS.discussionText, {
          message: `This discussion is too long to save (at most ${MINUTES_LIMITS.discussionText.toLocaleString('en-GB')} characters). Move some of it into another item or a paper.`,
        }),
    }),
  ),
  moveAgendaItem: method<AgendaChange>()(
    z.strictObject({
      itemId: id,
      parentId: id.nullable(),
      position: z.number({ message: 'A position is a number.' }).int().min(0, { message: 'A position cannot be negative.' }).max(10_000),
    }),
  ),
  deleteAgendaItem: method<AgendaChange>()(z.strictObject({ itemId: id })),

  addDecision: method<MinutesDecision>()(
    z.strictObject({
      itemId: id,
      text: optionalText(MINUTES_LIMITS.decision, 'A decision').optional(),
      afterDecisionId: id.nullable().optional(),
    }),
  ),
  updateDecision: method<MinutesDecision>()(
    z.strictObject({ decisionId: id, text: optionalText(MINUTES_LIMITS.decision, 'A decision') }),
  ),
  deleteDecision: method<{ decisionId: string }>()(z.strictObject({ decisionId: id })),

  addAction: method<MinutesAction>()(
    z.strictObject({
      itemId: id,
      details: optionalText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
      owners: owners.optional(),
      due: z.string({ message: 'The due date must be text.' }).max(MINUTES_LIMITS.due, { message: `A due can be at most ${MINUTES_LIMITS.due} characters.` }).optional(),
    }),
  ),
  updateAction: method<MinutesAction>()(
    z.strictObject({
      actionId: id,
      details: optionalText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
      owners: owners.optional(),
      due: z.string({ message: 'The due date must be text.' }).max(MINUTES_LIMITS.due, { message: `A due can be at most ${MINUTES_LIMITS.due} characters.` }).optional(),
    }),
  ),
  deleteAction: method<{ actionId: string; reference: string }>()(z.strictObject({ actionId: id })),

  setMinutesStyle: method<MinutesStyle>()(
    z.strictObject({
      boardId: id,
      numbering: z.enum(['letters', 'decimal'], { message: 'Numbering is 1, 1a, 1b or 1, 1.1, 1.2.' }).optional(),
      referenceFormat: referenceFormat.optional(),
    }),
  ),
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
