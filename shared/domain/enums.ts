// Every enumerated value the app stores or sends, each defined once as a const tuple. The
// contract's zod schemas, the TypeScript types and the labels are built from these, and a
// test checks the SQL CHECK constraints of the schema against them.

/**
 * Who an action's owner is: someone on the board's roster, a guest in attendance at the meeting
 * that agreed it (linked to their attendance row), one of the board's groups, or a name as written.
 */
export const OWNER_KINDS = ['member', 'guest', 'group', 'name'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** The state of a meeting's minutes. */
export const MEETING_STATUSES = ['draft', 'circulated', 'agreed', 'published'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The state of an action. */
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'deferred', 'dropped', 'superseded'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Still owed: these come back as matters arising until they are finished. */
export const OUTSTANDING_STATUSES = ['open', 'in_progress', 'deferred'] as const satisfies readonly ActionStatus[];
export type OutstandingStatus = (typeof OUTSTANDING_STATUSES)[number];

/** Finished: never carried to another meeting. */
export const FINISHED_STATUSES = ['done', 'dropped', 'superseded'] as const satisfies readonly ActionStatus[];

/** Someone's attendance at a meeting. */
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent', 'in_attendance'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** What an action's due names: nothing, a date, a meeting, or "the next meeting". */
export const DUE_KINDS = ['none', 'date', 'meeting', 'next_meeting'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** A board's standing groups, as the minutes name them as owners. */
export const GROUP_KINDS = ['all', 'all_agencies', 'each_agency', 'subgroup', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** How the public version of the minutes shows a confidential item. */
export const CONFIDENTIAL_DISPLAYS = ['placeholder', 'omit'] as const;
export type ConfidentialDisplay = (typeof CONFIDENTIAL_DISPLAYS)[number];

/** How agenda items are numbered: 1, 1a, 1b or 1, 1.1, 1.2. */
export const ITEM_NUMBERINGS = ['letters', 'decimal'] as const;
export type ItemNumbering = (typeof ITEM_NUMBERINGS)[number];

/** A board's quorum rule. */
export const QUORUM_KINDS = ['none', 'count', 'fraction'] as const;
export type QuorumKind = (typeof QUORUM_KINDS)[number];

/** An ordinary agenda item, or the "minutes and actions arising" item. */
export const ITEM_KINDS = ['normal', 'matters_arising'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** The public version (confidential items left out) or the full, confidential version. */
export const PDF_VERSIONS = ['public', 'full'] as const;
export type PdfVersion = (typeof PDF_VERSIONS)[number];

/** What kind of trouble a data file is in; the problem screen explains each one. */
export const STORE_PROBLEM_KINDS = [
  'not_sqlite',
  'foreign',
  'empty',
  'bad_path',
  'newer_version',
  'unwritable',
  'missing_folder',
  'corrupt',
  'locked',
  'other',
  'needs_key',
] as const;
export type StoreProblemKind = (typeof STORE_PROBLEM_KINDS)[number];

/** What the change log names as changed: the kind of record each entry is about. */
export const CHANGE_LOG_ENTITIES = ['board', 'meeting', 'agenda_item', 'decision', 'action', 'correction', 'roster_member', 'group', 'settings'] as const;
export type ChangeLogEntity = (typeof CHANGE_LOG_ENTITIES)[number];

/**
 * What a call can say it changed: a record the change log names, or (outside the database,
 * so never in the change log) a backup file, the whole data file (another file opened, a
 * backup restored over it), or a shared board's sync status.
 */
export const CHANGED_ENTITIES = [...CHANGE_LOG_ENTITIES, 'backup', 'data_file', 'sync'] as const;
export type ChangedEntity = (typeof CHANGED_ENTITIES)[number];

/** What progress reported between meetings may say: anything but superseded, which only a meeting agrees. */
export const BETWEEN_UPDATE_STATUSES = ['open', 'in_progress', 'done', 'deferred', 'dropped'] as const satisfies readonly ActionStatus[];
export type BetweenUpdateStatus = (typeof BETWEEN_UPDATE_STATUSES)[number];
/** The data-quality faults an import of legacy minutes reports (nothing in the schema stores them). */
export const IMPORT_WARNING_KINDS = [
  'speaker_not_present',
  'speaker_outside_items',
  'attendance_item_missing',
  'owner_phrase',
  'owners_unseparated',
  'owner_not_on_roster',
  'owner_not_present',
  'details_owner_mismatch',
  'duplicate_reference',
  'initials_clash',
  'list_markup',
  'missing_role',
  'missing_item_number',
  'no_chair',
  'due_not_understood',
  'board_name_differs',
] as const;
export type ImportWarningKind = (typeof IMPORT_WARNING_KINDS)[number];
/**
 * What a full-text search hit is in: an agenda item (title and discussion), a decision, an
 * action (reference, details, owners), progress recorded on an action, or an attendance entry.
 */
export const SEARCH_KINDS = ['item', 'decision', 'action', 'update', 'attendance'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
/** The categories of a member's registered interest (as the model code of conduct names them). */
export const INTEREST_CATEGORIES = ['disclosable_pecuniary', 'other_registrable', 'non_registrable'] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];

/** What someone who declared an interest did for that item: stayed and took part, took no part, left the room. */
export const DECLARATION_PARTICIPATIONS = ['took_part', 'took_no_part', 'left_room'] as const;
export type DeclarationParticipation = (typeof DECLARATION_PARTICIPATIONS)[number];

/** The formats the minutes are exported in; `npm run export` picks one from the file's extension. */
export const MINUTES_FORMATS = ['pdf', 'docx', 'html'] as const;
export type MinutesFormat = (typeof MINUTES_FORMATS)[number];

/** A shared board on this laptop: connecting whenever core runs, or sharing stopped here (sync, issue 19). */
export const SYNC_STATES = ['shared', 'stopped'] as const;
export type SyncState = (typeof SYNC_STATES)[number];
/** Where a stored document update came from: made on this laptop, or sent by the server. */
export const SYNC_UPDATE_ORIGINS = ['local', 'remote'] as const;
export type SyncUpdateOrigin = (typeof SYNC_UPDATE_ORIGINS)[number];
/** The marks a meeting's attendance gives one person each (chair, vice-chair, minutes): a new holder takes the mark from the old. */
export const MEETING_MARKS = ['chair', 'vice_chair', 'minute_taker'] as const;
export type MeetingMark = (typeof MEETING_MARKS)[number];
/**
 * What a merge of laptops' changes could not decide alone, shown to the administrator (chair_twice:
 * any of the MEETING_MARKS given to two people apart; field_twice: a field of an item, decision,
 * action or the meeting set to two values apart, attendance_field_twice the same for attendance).
 */
export const SYNC_CONFLICT_KINDS = [
  'action_status',
  'item_deleted_edited',
  'agreed_edited',
  'attendance_twice',
  'initials_twice',
  'chair_twice',
  'board_name_taken',
  'attendance_removed_edited',
  'attendance_field_twice',
  'field_twice',
] as const;
export type SyncConflictKind = (typeof SYNC_CONFLICT_KINDS)[number];
