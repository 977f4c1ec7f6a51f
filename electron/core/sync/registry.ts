// The synced tables: for each, its key, which document of a board it lives in, the root that
// holds its rows there, how its rows are found for one board or one meeting, and what the change
// log calls a change to it. The ONE definition both directions read: the mirror (rows -> docs)
// and the projection (docs -> rows). Columns are the table's own (PRAGMA table_info), less the
// ones kept elsewhere in the document (a discussion is its own root). Tables not listed stay
// local: derived or kept values (action_summaries, search_*, issued_references, change_log),
// this laptop's own records (backups, reminders_sent) and app-wide settings.
import type { ChangeLogEntity } from '../../../shared/domain/enums';
import type { Database } from '../db/driver';
import { DISCUSSION_COLUMN } from '../store/discussionPacked';

export type DocKind = 'board' | 'meeting';

export interface SyncedTable {
  table: string;
  /** The primary key's columns; a row's key in its root is their values as a JSON array. */
  key: readonly string[];
  doc: DocKind;
  /** The top-level Y.Map of the document that holds the rows (key -> Y.Map of columns). */
  root: string;
  /** FROM ... WHERE selecting the table's rows (alias t) of one board (`?` = board id) or one meeting (`?` = meeting id). */
  scope: string;
  /** Columns held elsewhere in the document, never in the row map. */
  apart?: readonly string[];
  /**
   * What the change log names a change to a row (also what the renderer's live queries watch);
   * a projection logs its document's meeting (or board) as well, for rows that name neither.
   */
  logAs: (row: Row) => { entity: ChangeLogEntity; id: string } | null;
  /** Rows shared with other boards: a projection adds and updates them, never deletes them. */
  shared?: boolean;
}

export type Value = string | number | null;
export type Row = Record<string, Value>;

/**
 * What may still change once minutes are agreed (the agreed-minutes triggers allow exactly these):
 * the meeting's status as it goes on to published, and the progress later meetings record on its
 * actions. A meeting's document is read-only once agreed, so these live in the board's document:
 * the meeting's state in a map, the actions' status as an append-only event log.
 */
export const MEETING_STATE_COLUMNS = ['status', 'published_at', 'updated_at'] as const;
export const ACTION_STATUS_COLUMNS = ['status', 'superseded_by', 'closed_at_meeting_id', 'last_update_meeting_id', 'updated_at'] as const;
export const MEETING_STATE_ROOT = 'meeting_state';
export const ACTION_STATUS_ROOT = 'action_status';

const str = (v: Value | undefined): string => String(v ?? '');

/** Parents before children (the order a projection inserts in; it deletes in reverse). */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  // ---- the board document: settings, roster, groups, interests, what happens between meetings
  { table: 'boards', key: ['id'], doc: 'board', root: 'boards', scope: 'boards t WHERE t.id = ?', logAs: (r) => ({ entity: 'board', id: str(r.id) }) },
  {
    table: 'settings',
    key: ['key'],
    doc: 'board',
    root: 'settings',
    // The board's own settings are keyed "<setting>:<board id>"; the others are this laptop's.
    scope: "settings t WHERE t.key = 'remind_days_before:' || ?",
    logAs: (r) => ({ entity: 'settings', id: str(r.key) }),
  },
  {
    table: 'people',
    key: ['id'],
    doc: 'board',
    root: 'people',
    scope: 'people t WHERE t.id IN (SELECT person_id FROM board_members WHERE board_id = ?)',
    logAs: (r) => ({ entity: 'roster_member', id: str(r.id) }),
    shared: true,
  },
  { table: 'board_members', key: ['id'], doc: 'board', root: 'board_members', scope: 'board_members t WHERE t.board_id = ?', logAs: (r) => ({ entity: 'roster_member', id: str(r.id) }) },
  { table: 'board_groups', key: ['id'], doc: 'board', root: 'board_groups', scope: 'board_groups t WHERE t.board_id = ?', logAs: (r) => ({ entity: 'group', id: str(r.id) }) },
  {
    table: 'group_members',
    key: ['group_id', 'member_id'],
    doc: 'board',
    root: 'group_members',
    scope: 'group_members t JOIN board_groups g ON g.id = t.group_id WHERE g.board_id = ?',
    logAs: (r) => ({ entity: 'group', id: str(r.group_id) }),
  },
  { table: 'interests', key: ['id'], doc: 'board', root: 'interests', scope: 'interests t WHERE t.board_id = ?', logAs: (r) => ({ entity: 'roster_member', id: str(r.member_id) }) },
  {
    table: 'between_updates',
    key: ['id'],
    doc: 'board',
    root: 'between_updates',
    scope: 'between_updates t JOIN actions a ON a.id = t.action_id WHERE a.board_id = ?',
    logAs: (r) => ({ entity: 'action', id: str(r.action_id) }),
  },
  {
    table: 'corrections',
    key: ['id'],
    doc: 'board',
    root: 'corrections',
    scope: 'corrections t JOIN meetings m ON m.id = t.meeting_id WHERE m.board_id = ?',
    logAs: (r) => ({ entity: 'correction', id: str(r.id) }),
  },
  // ---- a meeting's document: the meeting, who attended, its items, decisions, actions, owners
  {
    table: 'meetings',
    key: ['id'],
    doc: 'meeting',
    root: 'meeting',
    scope: 'meetings t WHERE t.id = ?',
    apart: MEETING_STATE_COLUMNS,
    logAs: (r) => ({ entity: 'meeting', id: str(r.id) }),
  },
  { table: 'attendance', key: ['id'], doc: 'meeting', root: 'attendance', scope: 'attendance t WHERE t.meeting_id = ?', logAs: (r) => ({ entity: 'meeting', id: str(r.meeting_id) }) },
  {
    table: 'guest_contacts',
    key: ['attendance_id'],
    doc: 'meeting',
    root: 'guest_contacts',
    scope: 'guest_contacts t JOIN attendance a ON a.id = t.attendance_id WHERE a.meeting_id = ?',
    logAs: () => null,
  },
  {
    table: 'agenda_items',
    key: ['id'],
    doc: 'meeting',
    root: 'agenda_items',
    scope: 'agenda_items t WHERE t.meeting_id = ?',
    apart: [DISCUSSION_COLUMN],
    logAs: (r) => ({ entity: 'agenda_item', id: str(r.id) }),
  },
  {
    table: 'attendance_items',
    key: ['attendance_id', 'agenda_item_id'],
    doc: 'meeting',
    root: 'attendance_items',
    scope: 'attendance_items t JOIN attendance a ON a.id = t.attendance_id WHERE a.meeting_id = ?',
    logAs: (r) => ({ entity: 'agenda_item', id: str(r.agenda_item_id) }),
  },
  {
    table: 'decisions',
    key: ['id'],
    doc: 'meeting',
    root: 'decisions',
    scope: 'decisions t JOIN agenda_items i ON i.id = t.agenda_item_id WHERE i.meeting_id = ?',
    logAs: (r) => ({ entity: 'decision', id: str(r.id) }),
  },
  {
    table: 'actions',
    key: ['id'],
    doc: 'meeting',
    root: 'actions',
    scope: 'actions t WHERE t.meeting_id = ?',
    apart: ACTION_STATUS_COLUMNS,
    logAs: (r) => ({ entity: 'action', id: str(r.id) }),
  },
  {
    table: 'action_owners',
    key: ['id'],
    doc: 'meeting',
    root: 'action_owners',
    scope: 'action_owners t JOIN actions a ON a.id = t.action_id WHERE a.meeting_id = ?',
    logAs: (r) => ({ entity: 'action', id: str(r.action_id) }),
  },
  {
    table: 'carried_actions',
    key: ['meeting_id', 'action_id'],
    doc: 'meeting',
    root: 'carried_actions',
    scope: 'carried_actions t WHERE t.meeting_id = ?',
    logAs: (r) => ({ entity: 'action', id: str(r.action_id) }),
  },
  {
    table: 'action_updates',
    key: ['id'],
    doc: 'meeting',
    root: 'action_updates',
    scope: 'action_updates t WHERE t.meeting_id = ?',
    logAs: (r) => ({ entity: 'action', id: str(r.action_id) }),
  },
  {
    table: 'declarations',
    key: ['id'],
    doc: 'meeting',
    root: 'declarations',
    scope: 'declarations t WHERE t.meeting_id = ?',
    logAs: (r) => ({ entity: 'meeting', id: str(r.meeting_id) }),
  },
  {
    table: 'dismissed_deferrals',
    key: ['meeting_id', 'item_id'],
    doc: 'meeting',
    root: 'dismissed_deferrals',
    scope: 'dismissed_deferrals t WHERE t.meeting_id = ?',
    logAs: (r) => ({ entity: 'meeting', id: str(r.meeting_id) }),
  },
];

export const tablesOf = (doc: DocKind): readonly SyncedTable[] => SYNCED_TABLES.filter((t) => t.doc === doc);

/** The board document's list of its meetings: meeting id -> meeting date. */
export const MEETINGS_LIST_ROOT = 'meetings';
/** In a meeting document's `meeting` map: set (ISO instant) once the minutes are agreed; the server freezes the doc. */
export const AGREED_AT_KEY = 'agreedAt';

/**
 * In a meeting document, once agreed: each discussion's JSON exactly as the agreed content hash
 * was taken over it (item id -> text). The discussion itself stays in its root; a laptop whose
 * editor writes the same content with its keys in another order uses this text, so the minutes
 * verify against their hash on every laptop.
 */
export const AGREED_DISCUSSIONS_ROOT = 'agreed_discussions';

const columnCache = new WeakMap<Database, Map<string, string[]>>();

/** The columns of a synced table held in its row map (the table's own, less those kept apart). */
export function rowColumns(db: Database, table: SyncedTable): string[] {
  let cache = columnCache.get(db);
  if (!cache) columnCache.set(db, (cache = new Map()));
  let columns = cache.get(table.table);
  if (!columns) {
    const all = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table.table) as string[]);
    columns = all.filter((c) => !(table.apart ?? []).includes(c));
    cache.set(table.table, columns);
  }
  return columns;
}

export const rowKey = (table: SyncedTable, row: Row): string => JSON.stringify(table.key.map((k) => row[k] ?? null));

/** The rows of a table in one scope (a board id or a meeting id), by key. */
export function scopedRows(db: Database, table: SyncedTable, scopeId: string): Map<string, Row> {
  const columns = rowColumns(db, table).map((c) => `t."${c}"`);
  const rows = db.prepare(`SELECT ${columns.join(', ')} FROM ${table.scope}`).all(scopeId) as Row[];
  return new Map(rows.map((r) => [rowKey(table, r), r]));
}
