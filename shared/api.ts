// The API contract: every method once, with its zod input schema and its result type.
// Both hosts (Electron IPC and the browser host) validate every call against this
// before it reaches core; the renderer's client and the preload are typed from it.
import { z } from 'zod';
import { isRealIsoDate } from './domain/dates';
import type { AttendanceEntry } from './domain/attendance';
import { initialsProblem, MAX_INITIALS_LENGTH } from './domain/initials';
import { parseQuorumFraction, type QuorumRule, type QuorumState } from './domain/quorum';
import type { RegisterLine } from './domain/register';

export type { AttendanceStatus } from './domain/attendance';
export type { QuorumRule, QuorumState } from './domain/quorum';
export type { RegisterLine } from './domain/register';
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
  kind: 'not_sqlite' | 'foreign' | 'empty' | 'bad_path' | 'newer_version' | 'unwritable' | 'missing_folder' | 'corrupt' | 'locked' | 'other';
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

// ------------------------------------------- board settings, roster, groups, attendance

export type { ItemNumbering };
export type ConfidentialDisplay = 'placeholder' | 'omit';
export type GroupKind = 'all' | 'all_agencies' | 'each_agency' | 'subgroup' | 'other';

export interface BoardSettings {
  boardId: string;
  name: string;
  shortCode: string | null;
  /** date-fns tokens for the meeting date plus {n}, e.g. yyyy-MM-dd/{n}. */
  referenceFormat: string;
  itemNumbering: ItemNumbering;
  quorum: QuorumRule;
  confidentialDisplay: ConfidentialDisplay;
  /** Titles of the items every agenda starts with. */
  agendaTemplate: string[];
  /** Usual days between meetings. */
  cadenceDays: number | null;
  /** Voting members on the roster today: what a fraction quorum is taken of. */
  currentMemberCount: number;
}

export interface RosterMember {
  id: string;
  boardId: string;
  personId: string;
  fullName: string;
  initials: string;
  role: string | null;
  organisation: string | null;
  /** A voting member (counts for quorum); false for officers and regular attendees. */
  isMember: boolean;
  joinedOn: string | null;
  leftOn: string | null;
  /** On the roster today: joined (or no date) and not yet left. */
  current: boolean;
  /** Where the minutes refer to them. Anyone referenced can be marked as left but not deleted. */
  references: { meetings: number; actions: number; groups: number };
}

export interface InitialsSuggestion {
  /** The best free initials for the name ('' when the name has no letters). */
  initials: string;
  /** Up to three free choices, best first. */
  alternatives: string[];
}

export interface BoardGroup {
  id: string;
  boardId: string;
  name: string;
  kind: GroupKind;
  position: number;
  /** Roster members of a sub-group. */
  memberIds: string[];
  /** Actions this group owns: a group that owns any cannot be deleted. */
  actionCount: number;
}

/** One line of a meeting's attendance. Name, initials and role are as recorded for that meeting. */
export interface AttendanceRow extends AttendanceEntry {
  id: string;
  displayName: string;
  initials: string | null;
  role: string | null;
  organisation: string | null;
  isGuest: boolean;
}

/** Someone on the roster who can be marked for a meeting. */
export interface AttendanceCandidate {
  memberId: string;
  fullName: string;
  initials: string;
  role: string | null;
  organisation: string | null;
  isMember: boolean;
  /** On the roster on the meeting's date (others are listed only if already recorded). */
  onRosterAtMeeting: boolean;
}

export interface MeetingAttendance {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  meetingStatus: MeetingStatus;
  /** Why the attendance can no longer be changed, or null when it can. */
  lockedReason: string | null;
  rows: AttendanceRow[];
  roster: AttendanceCandidate[];
  agendaItems: { id: string; number: string; title: string }[];
  quorumRule: QuorumRule;
  /** Voting members on the roster on the meeting's date. */
  membersAtMeeting: number;
  quorum: QuorumState;
}

export interface AttendanceRegister {
  boardId: string;
  boardName: string;
  shortCode: string | null;
  from: string | null;
  to: string | null;
  /** The day the register was worked out: later meetings have not taken place. */
  today: string;
  /** The meetings counted, oldest first. */
  meetings: { id: string; date: string }[];
  lines: RegisterLine[];
}

export interface SampleBoardResult {
  board: BoardSummary;
  /** False when the sample was already loaded and `onlyIfMissing` was asked for. */
  created: boolean;
}

// ---------------------------------------------------------------- minutes: result types

export type { OwnerMatch } from './domain/owners';
export type DueKind = 'none' | 'date' | 'meeting' | 'next_meeting';
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'deferred' | 'dropped' | 'superseded';

/** Someone on the board's roster, as the minutes name them. */
export interface MinutesRosterEntry {
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
  roster: { members: MinutesRosterEntry[]; groups: RosterGroup[] };
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

// ---------------------------------------------------------------- agreeing and publishing: result types

export type PdfVersion = 'public' | 'full';

/** A correction to minutes already agreed: recorded beside them, never a silent edit. */
export interface MinutesCorrection {
  id: string;
  meetingId: string;
  /** The day the correction was made. */
  date: string;
  what: string;
  why: string;
  /** The meeting at which the correction was agreed, if it was agreed at one. */
  agreedAtMeetingId: string | null;
  agreedAtMeetingDate: string | null;
  recordedAt: string;
}

/** Where the minutes of a meeting are in their life: draft, circulated, agreed as accurate, published. */
export interface MinutesRecord {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  status: MeetingStatus;
  circulatedAt: string | null;
  agreement: {
    /** The later meeting at which they were agreed as accurate. */
    atMeetingId: string;
    atMeetingDate: string;
    agreedOn: string;
    amendments: string | null;
    /** SHA-256 of the minutes' content as agreed, hex. */
    contentHash: string;
  } | null;
  publishedAt: string | null;
  corrections: MinutesCorrection[];
  /** Later meetings of the board at which these minutes could be agreed (or a correction agreed). */
  laterMeetings: Array<{ id: string; date: string; status: MeetingStatus }>;
  itemCount: number;
  confidentialItemCount: number;
  /** How the public version shows a confidential item (the board's setting). */
  confidentialDisplay: ConfidentialDisplay;
}

export interface MinutesVerification {
  meetingId: string;
  /** True when the minutes in the data file still hash to what was stored at agreement. */
  matches: boolean;
  storedHash: string;
  currentHash: string;
  checkedAt: string;
}

export interface MinutesPdfExport {
  version: PdfVersion;
  /** A suggested file name, e.g. "SSCB minutes 2014-02-19 (public).pdf". */
  fileName: string;
  bytes: number;
  pages: number;
  /** The PDF itself (base64), when the host hands it to the window to download (browser host). */
  pdfBase64: string | null;
  /** Where the desktop app saved it, when it asked where to save. */
  savedTo: string | null;
  /** True when the save dialog was cancelled: nothing was written. */
  cancelled: boolean;
}

// ------------------------------------------------ matters arising and the action log: result types

export type { ActionLogFilter, ActionLogSort, ActionLogSortKey, OverdueFilter } from './domain/actionLog';

/** A meeting named by its id and date. */
export interface MeetingRef {
  id: string;
  date: string;
}

/** Where an action was agreed: its meeting and agenda item. */
export interface ActionOrigin {
  meetingId: string;
  meetingDate: string;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
}

export interface ActionRefSummary {
  id: string;
  reference: string;
  details: string;
}

/** Progress on an action recorded at one meeting. */
export interface ActionUpdateSummary {
  meetingId: string;
  meetingDate: string;
  text: string;
  status: ActionStatus;
  /** For "superseded": the action that replaced it. */
  supersededBy: ActionRefSummary | null;
}

/** An earlier action listed in a meeting's matters arising. */
export interface MattersArisingEntry {
  actionId: string;
  reference: string;
  details: string;
  owners: OwnerMatch[];
  due: ActionDue;
  /** The date it is due by, when known: a "next meeting" due is the board's next meeting after the one that agreed it. */
  dueDate: string | null;
  /** Due before this meeting, and not finished before it. */
  overdue: boolean;
  origin: ActionOrigin;
  /** The meetings it has been brought to, this one included. */
  timesCarried: number;
  /** Its status as this meeting began: from the last update before it. */
  statusBefore: ActionStatus;
  /** The last update recorded before this meeting. */
  latestUpdate: ActionUpdateSummary | null;
  /** Progress recorded at this meeting, if any. */
  update: { text: string; status: ActionStatus; supersededBy: ActionRefSummary | null } | null;
  /** Its status as this meeting leaves it: the update's, or the one it came with. */
  status: ActionStatus;
}

/** An item deferred at an earlier meeting, proposed for this meeting's agenda. */
export interface DeferredProposal {
  itemId: string;
  meeting: MeetingRef;
  number: string;
  title: string;
  presenter: string | null;
  deferredToText: string | null;
}

export interface MattersArising {
  meetingId: string;
  boardId: string;
  meetingDate: string;
  meetingStatus: MeetingStatus;
  /** The meeting this one was started from. */
  previousMeeting: MeetingRef | null;
  /** True when this meeting lists earlier actions (it was started from another, or they were brought in). */
  carrying: boolean;
  /** For a meeting that does not carry: how many earlier actions are outstanding and could be brought in. */
  notListed: number;
  entries: MattersArisingEntry[];
  proposals: DeferredProposal[];
  /** Actions another can be superseded by: this meeting's own first, then the others listed. */
  replacements: ActionRefSummary[];
  /** Why progress can no longer be recorded here (agreed minutes), or null. */
  lockedReason: string | null;
  /** Why the list itself can no longer change (circulated minutes), or null. */
  listLockedReason: string | null;
}

export interface NextMeetingSuggestion {
  from: MeetingRef & { boardId: string; boardName: string };
  date: string;
  /** "recorded": the next meeting the minutes name; otherwise worked out from the board's meetings. */
  basis: 'recorded' | 'cadence' | 'gap' | 'default';
  /** Why this date is suggested. */
  basisText: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  /** The items the new meeting starts with, its matters arising item included. */
  agenda: string[];
  /** Outstanding actions the new meeting will list as matters arising. */
  outstanding: number;
  /** A meeting already started from this one, if any. */
  alreadyStarted: MeetingRef | null;
}

export interface CarryResult {
  meetingId: string;
  /** Actions newly listed. */
  added: number;
  /** Actions no longer outstanding, taken off the list. */
  removed: number;
  /** Actions now listed. */
  listed: number;
}

export interface DeferredChoice {
  itemId: string;
  accepted: boolean;
  /** The new agenda item, when the deferred item was taken in. */
  item: MinutesItem | null;
  outline: AgendaOutlineEntry[] | null;
}

export interface DeletedMeeting {
  meetingId: string;
  boardId: string;
  date: string;
  /** Earlier actions put back to the status they had before this meeting. */
  restoredActions: number;
}

/** An owner with the key the action log filters by (one person across boards, one group, one name). */
export type ActionLogOwner = OwnerMatch & { key: string };

export interface OutstandingAction {
  id: string;
  boardId: string;
  boardName: string;
  boardShortCode: string | null;
  reference: string;
  details: string;
  owners: ActionLogOwner[];
  due: ActionDue;
  /** The date it is due by, when known; a "next meeting" due is the board's next meeting after the one that agreed it. */
  dueDate: string | null;
  /** Due before today (Europe/London). */
  overdue: boolean;
  status: ActionStatus;
  origin: ActionOrigin;
  /** Meetings it has been brought to as matters arising. */
  timesCarried: number;
  latestUpdate: ActionUpdateSummary | null;
}

export interface ActionLog {
  /** Today in Europe/London: what "overdue" is measured against. */
  today: string;
  actions: OutstandingAction[];
}

/** One action's life: where it came from, every update in order, where it was carried. */
export interface ActionHistory {
  id: string;
  boardId: string;
  boardName: string;
  reference: string;
  details: string;
  owners: OwnerMatch[];
  due: ActionDue;
  dueDate: string | null;
  overdue: boolean;
  status: ActionStatus;
  origin: ActionOrigin & { meetingStatus: MeetingStatus };
  /** The meeting at which it was finished (done, dropped or superseded). */
  closedAt: MeetingRef | null;
  supersededBy: ActionRefSummary | null;
  supersedes: ActionRefSummary[];
  updates: Array<ActionUpdateSummary & { recordedAt: string }>;
  /** Meetings where it was listed as matters arising, oldest first. */
  carriedTo: MeetingRef[];
  today: string;
}

export interface ActionLogPdf {
  filename: string;
  /** The PDF file, base64-encoded. */
  pdfBase64: string;
  /** Actions in it. */
  count: number;
}

// ---------------------------------------------------------------- input pieces

export const LIMITS = {
  boardName: 120,
  shortCode: 12,
  venue: 300,
  personName: 200,
  role: 300,
  organisation: 200,
  initials: MAX_INITIALS_LENGTH,
  groupName: 120,
  agendaTemplateItem: 200,
  agendaTemplateItems: 40,
  forItemsNote: 200,
} as const;

const id = z.uuid({ message: 'This is not a valid record id.' });

export const PUBLICATION_LIMITS = {
  amendments: 5_000,
  correction: 5_000,
} as const;

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

const personName = (what: string) =>
  z
    .string({ message: `Enter ${what}.` })
    .trim()
    .min(1, { message: `Enter ${what}.` })
    .max(LIMITS.personName, { message: `A name can be at most ${LIMITS.personName} characters.` });
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
    .max(max, { message: `${what} can be at most ${max} characters.` })
    .nullable()
    .optional();

const initials = z
  .string({ message: 'Enter the initials the minutes use for this person.' })
  .trim()
  .superRefine((value, ctx) => {
    const problem = initialsProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const rosterFields = {
  fullName: personName('the person’s full name'),
  initials,
  role: optionalText(LIMITS.role, 'A role'),
  organisation: optionalText(LIMITS.organisation, 'An organisation'),
  isMember: z.boolean({ message: 'Say whether they are a member.' }).optional(),
  joinedOn: isoDate.nullable().optional(),
  leftOn: isoDate.nullable().optional(),
};

const leftAfterJoined = <T extends { joinedOn?: string | null; leftOn?: string | null }>(m: T): boolean =>
  !m.joinedOn || !m.leftOn || m.leftOn >= m.joinedOn;
const LEFT_BEFORE_JOINED = { message: 'The date they left cannot be before the date they joined.', path: ['leftOn'] };

const referenceFormat = z.string({ message: 'Enter a reference format.' }).superRefine((fmt, ctx) => {
  const check = checkReferenceFormat(fmt);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});

const groupKind = z.enum(['all', 'all_agencies', 'each_agency', 'subgroup', 'other'], { message: 'Choose what kind of group this is.' });

const forItems = {
  forItemsNote: z
    .string({ message: 'The items must be written as text, e.g. Item 3.' })
    .trim()
    .max(LIMITS.forItemsNote, { message: `The note of items can be at most ${LIMITS.forItemsNote} characters.` })
    .nullable()
    .default(null),
  forItemIds: z.array(id).max(100, { message: 'Choose at most 100 items.' }).default([]),
};

const marks = {
  isChair: z.boolean().default(false),
  isViceChair: z.boolean().default(false),
  isMinuteTaker: z.boolean().default(false),
};

const attendanceChange = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member'),
    memberId: id,
    status: z.enum(['present', 'apologies', 'absent', 'in_attendance'], { message: 'Choose present, apologies, absent or in attendance.' }).nullable(),
    ...marks,
    ...forItems,
  }),
  z.strictObject({
    kind: z.literal('guest'),
    guestId: id,
    remove: z.boolean().default(false),
    ...marks,
    ...forItems,
  }),
]);

/** Text of the minutes that may be empty while typing (not nullable: empty is ''). */
const minutesText = (max: number, what: string) =>
  z
    .string({ message: `${what} must be text.` })
    .trim()
    .max(max, { message: `${what} can be at most ${max.toLocaleString('en-GB')} characters.` });

const itemTitle = minutesText(MINUTES_LIMITS.itemTitle, 'An item title').refine((t) => !/[\r\n]/.test(t), {
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

const headerTimes = (h: { startTime?: string | null; endTime?: string | null }) =>
  !h.startTime || !h.endTime || h.endTime > h.startTime;

// ------------------------------------------------ matters arising and the action log: input pieces

export const ARISING_LIMITS = {
  updateText: 5_000,
  filterText: 200,
} as const;

const actionStatus = z.enum(['open', 'in_progress', 'done', 'deferred', 'dropped', 'superseded'], {
  message: 'Choose open, in progress, done, deferred, dropped or superseded.',
});

const actionLogFilter = z
  .strictObject({
    boardId: id.nullable().optional(),
    /** An owner's key from the log (a person, a group, or a name as written). */
    owner: z.string({ message: 'Choose an owner from the list.' }).min(1).max(400, { message: 'Choose an owner from the list.' }).nullable().optional(),
    status: z.enum(['open', 'in_progress', 'deferred'], { message: 'Choose open, in progress or deferred.' }).nullable().optional(),
    overdue: z.enum(['any', 'overdue', 'not_overdue'], { message: 'Choose overdue or not overdue.' }).optional(),
    dueFrom: isoDate.nullable().optional(),
    dueTo: isoDate.nullable().optional(),
    originMeetingId: id.nullable().optional(),
    text: z
      .string({ message: 'The text to look for must be text.' })
      .max(ARISING_LIMITS.filterText, { message: `Look for at most ${ARISING_LIMITS.filterText} characters.` })
      .optional(),
  })
  .refine((f) => !f.dueFrom || !f.dueTo || f.dueFrom <= f.dueTo, { message: 'The start of the due range must be on or before its end.', path: ['dueTo'] });

const actionLogSort = z.strictObject({
  by: z.enum(['due', 'reference', 'owner', 'status', 'carried', 'board', 'raised'], { message: 'Choose what to sort by.' }),
  descending: z.boolean({ message: 'Say whether to sort in descending order.' }),
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
  /** Switches to another data file (created if it does not exist, in a folder that does); overrideLock after the user chose Open anyway. */
  openDataFile: method<AppStatus>()(z.strictObject({ path: filePath, overrideLock: z.boolean().optional() })),
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

  getBoardSettings: method<BoardSettings>()(z.strictObject({ boardId: id })),
  updateBoardSettings: method<BoardSettings>()(
    z
      .strictObject({
        boardId: id,
        name: boardName,
        shortCode: shortCode.nullable().optional(),
        referenceFormat,
        itemNumbering: z.enum(['letters', 'decimal'], { message: 'Choose how agenda items are numbered.' }),
        quorumKind: z.enum(['none', 'count', 'fraction'], { message: 'Choose a quorum rule.' }),
        quorumCount: z
          .number({ message: 'Enter the number of members needed for a quorum.' })
          .int({ message: 'A quorum is a whole number of members.' })
          .min(1, { message: 'A quorum needs at least one member.' })
          .max(1000, { message: 'A quorum can be at most 1000 members.' })
          .nullable()
          .optional(),
        quorumFraction: z.string().trim().max(20, { message: 'Write the fraction like 1/3.' }).nullable().optional(),
        confidentialDisplay: z.enum(['placeholder', 'omit'], { message: 'Choose how confidential items show in the public minutes.' }),
        agendaTemplate: z
          .array(
            z
              .string()
              .trim()
              .min(1, { message: 'An agenda item in the template cannot be blank.' })
              .max(LIMITS.agendaTemplateItem, { message: `An agenda item title can be at most ${LIMITS.agendaTemplateItem} characters.` }),
          )
          .max(LIMITS.agendaTemplateItems, { message: `The recurring agenda can have at most ${LIMITS.agendaTemplateItems} items.` }),
        cadenceDays: z
          .number({ message: 'Enter the usual number of days between meetings.' })
          .int({ message: 'Enter a whole number of days.' })
          .min(1, { message: 'Meetings are at least a day apart.' })
          .max(732, { message: 'Enter at most 732 days (two years).' })
          .nullable()
          .optional(),
      })
      .superRefine((s, ctx) => {
        if (s.quorumKind === 'count' && (s.quorumCount === null || s.quorumCount === undefined)) {
          ctx.addIssue({ code: 'custom', message: 'Enter the number of members needed for a quorum.', path: ['quorumCount'] });
        }
        if (s.quorumKind === 'fraction') {
          const parsed = parseQuorumFraction(s.quorumFraction ?? '');
          if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem, path: ['quorumFraction'] });
        }
      }),
  ),

  listRoster: method<RosterMember[]>()(z.strictObject({ boardId: id })),
  addRosterMember: method<RosterMember>()(z.strictObject({ boardId: id, ...rosterFields }).refine(leftAfterJoined, LEFT_BEFORE_JOINED)),
  updateRosterMember: method<RosterMember>()(z.strictObject({ memberId: id, ...rosterFields }).refine(leftAfterJoined, LEFT_BEFORE_JOINED)),
  markMemberLeft: method<RosterMember>()(z.strictObject({ memberId: id, leftOn: isoDate })),
  deleteRosterMember: method<{ deleted: true }>()(z.strictObject({ memberId: id })),
  suggestInitials: method<InitialsSuggestion>()(
    z.strictObject({
      boardId: id,
      fullName: z.string({ message: 'Enter a name.' }).max(LIMITS.personName, { message: `A name can be at most ${LIMITS.personName} characters.` }),
      exceptMemberId: id.optional(),
    }),
  ),

  listGroups: method<BoardGroup[]>()(z.strictObject({ boardId: id })),
  saveGroup: method<BoardGroup>()(
    z.strictObject({
      boardId: id,
      groupId: id.optional(),
      name: z
        .string({ message: 'Enter the group’s name.' })
        .trim()
        .min(1, { message: 'Enter the group’s name.' })
        .max(LIMITS.groupName, { message: `A group name can be at most ${LIMITS.groupName} characters.` }),
      kind: groupKind,
      memberIds: z.array(id).max(1000).optional(),
    }),
  ),
  deleteGroup: method<{ deleted: true }>()(z.strictObject({ groupId: id })),

  getAttendance: method<MeetingAttendance>()(z.strictObject({ meetingId: id })),
  recordAttendance: method<MeetingAttendance>()(
    z.strictObject({
      meetingId: id,
      changes: z.array(attendanceChange).min(1, { message: 'There is nothing to record.' }).max(2000),
    }),
  ),
  addGuest: method<AttendanceRow>()(
    z.strictObject({
      meetingId: id,
      name: personName('the guest’s name'),
      role: optionalText(LIMITS.role, 'A role'),
      organisation: optionalText(LIMITS.organisation, 'An organisation'),
      ...forItems,
    }),
  ),
  attendanceRegister: method<AttendanceRegister>()(
    z
      .strictObject({ boardId: id, from: isoDate.nullable().optional(), to: isoDate.nullable().optional() })
      .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'The start of the period must be on or before its end.', path: ['to'] }),
  ),

  loadSampleBoard: method<SampleBoardResult>()(z.strictObject({ onlyIfMissing: z.boolean().optional() })),
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
      presenter: minutesText(MINUTES_LIMITS.presenter, 'A presenter').nullable().optional(),
      confidential: z.boolean({ message: 'Confidential is yes or no.' }).optional(),
      deferred: z.boolean({ message: 'Deferred is yes or no.' }).optional(),
      deferredToText: minutesText(MINUTES_LIMITS.deferredTo, 'Where the item was deferred to').nullable().optional(),
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
      text: minutesText(MINUTES_LIMITS.decision, 'A decision').optional(),
      afterDecisionId: id.nullable().optional(),
    }),
  ),
  updateDecision: method<MinutesDecision>()(
    z.strictObject({ decisionId: id, text: minutesText(MINUTES_LIMITS.decision, 'A decision') }),
  ),
  deleteDecision: method<{ decisionId: string }>()(z.strictObject({ decisionId: id })),

  addAction: method<MinutesAction>()(
    z.strictObject({
      itemId: id,
      details: minutesText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
      owners: owners.optional(),
      due: z.string({ message: 'The due date must be text.' }).max(MINUTES_LIMITS.due, { message: `A due can be at most ${MINUTES_LIMITS.due} characters.` }).optional(),
    }),
  ),
  updateAction: method<MinutesAction>()(
    z.strictObject({
      actionId: id,
      details: minutesText(MINUTES_LIMITS.actionDetails, 'An action’s details').optional(),
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

  getMinutesRecord: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Draft -> circulated: item numbers and action references are frozen from here on. */
  circulateMinutes: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Circulated -> agreed as accurate at a later meeting of the board, with any amendments. */
  agreeMinutes: method<MinutesRecord>()(
    z.strictObject({
      meetingId: id,
      atMeetingId: z.uuid({ message: 'Choose the meeting at which the minutes were agreed.' }),
      amendments: z
        .string({ message: 'The amendments must be text.' })
        .trim()
        .max(PUBLICATION_LIMITS.amendments, { message: `The amendments can be at most ${PUBLICATION_LIMITS.amendments.toLocaleString('en-GB')} characters.` })
        .nullable()
        .optional(),
    }),
  ),
  /** Agreed -> published (on the board's website). */
  publishMinutes: method<MinutesRecord>()(z.strictObject({ meetingId: id })),
  /** Checks that agreed minutes still match the content hash stored when they were agreed. */
  verifyMinutes: method<MinutesVerification>()(z.strictObject({ meetingId: id })),
  recordCorrection: method<MinutesRecord>()(
    z.strictObject({
      meetingId: id,
      date: isoDate,
      what: z
        .string({ message: 'Say what was corrected.' })
        .trim()
        .min(1, { message: 'Say what was corrected.' })
        .max(PUBLICATION_LIMITS.correction, { message: `What was corrected can be at most ${PUBLICATION_LIMITS.correction.toLocaleString('en-GB')} characters.` }),
      why: z
        .string({ message: 'Say why it was corrected.' })
        .trim()
        .min(1, { message: 'Say why it was corrected.' })
        .max(PUBLICATION_LIMITS.correction, { message: `Why it was corrected can be at most ${PUBLICATION_LIMITS.correction.toLocaleString('en-GB')} characters.` }),
      agreedAtMeetingId: id.nullable().optional(),
    }),
  ),
  /** The minutes as a PDF: saved where the user chooses (desktop app) or handed back to download. */
  exportMinutesPdf: method<MinutesPdfExport>()(
    z.strictObject({
      meetingId: id,
      version: z.enum(['public', 'full'], { message: 'Choose the public version or the full (confidential) version.' }),
    }),
  ),
  suggestNextMeeting: method<NextMeetingSuggestion>()(z.strictObject({ fromMeetingId: id })),
  /** Creates the meeting after `fromMeetingId` with the recurring agenda and its matters arising. */
  startNextMeeting: method<MeetingDetail>()(
    meetingFields
      .omit({ boardId: true })
      .extend({ fromMeetingId: id })
      .refine((m) => !m.startTime || !m.endTime || m.endTime > m.startTime, { message: 'The meeting must end after it starts.', path: ['endTime'] }),
  ),
  /** Lists every outstanding earlier action in the meeting's matters arising; running it again adds nothing twice. */
  carryForward: method<CarryResult>()(z.strictObject({ meetingId: id })),
  getMattersArising: method<MattersArising>()(z.strictObject({ meetingId: id })),
  recordActionUpdate: method<MattersArisingEntry>()(
    z.strictObject({
      meetingId: id,
      actionId: id,
      text: minutesText(ARISING_LIMITS.updateText, 'An update').optional(),
      status: actionStatus.optional(),
      /** With "superseded": the action that replaces it. */
      supersededBy: id.nullable().optional(),
    }),
  ),
  /** "All actions were either completed or in train": every listed action still open becomes in progress. */
  markAllInProgress: method<MattersArising>()(z.strictObject({ meetingId: id })),
  resolveDeferredItem: method<DeferredChoice>()(
    z.strictObject({ meetingId: id, itemId: id, accept: z.boolean({ message: 'Say whether to take the item into this meeting.' }) }),
  ),
  deleteMeeting: method<DeletedMeeting>()(z.strictObject({ meetingId: id })),
  outstandingActions: method<ActionLog>()(z.strictObject({ boardId: id.optional() })),
  getActionHistory: method<ActionHistory>()(z.strictObject({ actionId: id })),
  exportActionLogPdf: method<ActionLogPdf>()(z.strictObject({ filter: actionLogFilter, sort: actionLogSort.optional() })),
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
