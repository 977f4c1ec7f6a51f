// Rows -> documents: brings a shared board's documents in step with its committed rows, changing
// only what differs (so an unchanged row writes nothing, and a discussion changes by its edits).
// Core calls it after each committed write that touched the board; it never writes to the database.
import * as Y from 'yjs';
import type { ReadHandle } from '../store/write';
import { nowInstant } from '../changelog';
import { eventId, sameStatus, statusLog, type StatusEvent } from './actionStatusLog';
import { latestStatusEvents } from './statusIndex';
import type { WriteTouches } from './writeTouches';
import {
  ACTION_STATUS_COLUMNS,
  AGREED_AT_KEY,
  AGREED_DISCUSSIONS_ROOT,
  MEETING_STATE_COLUMNS,
  MEETING_STATE_ROOT,
  MEETINGS_LIST_ROOT,
  rowColumns,
  scopedRows,
  tablesOf,
  type Row,
  type Value,
} from './registry';
import { discussionRoot } from './docNames';
import { meetingDiscussions } from '../store/discussionPacked';
import { markDeletedItems, markRemovedAttendance } from './itemTombstones';
import { mirrorActionRows } from './actionRows';
import type { Affected } from './affected';
import type { BoardReplica, MeetingReplica } from './replica';
import { readRows, setColumns, writeRows, type RowsMap } from './rowMaps';
import { sharedBoardRows } from './boardNames';
import { holdsFrozenCopy, writeFrozenCopy } from './frozenRecord';
import { keepAgreedStates } from './agreedFirst';
import { docOrphans, orphanFilter } from './orphanRows';

/** The origin of a document change core made from its own rows (anything else came from the server). */
export const LOCAL_ORIGIN = 'matters-arising:local';

/** Each document's map of Yjs client id -> the name of the laptop's user, to name who made a remote change. */
export const LAPTOPS_ROOT = 'laptops';

function signLaptop(doc: Y.Doc, actor: string): void {
  const laptops = doc.getMap<string>(LAPTOPS_ROOT);
  const me = String(doc.clientID);
  if (laptops.get(me) !== actor) laptops.set(me, actor);
}

/** Who made an update, by the laptops it names (after it is applied to `doc`). */
export function authorsOf(doc: Y.Doc, update: Uint8Array): string[] {
  const laptops = doc.getMap<string>(LAPTOPS_ROOT);
  const names = new Set<string>();
  for (const struct of Y.decodeUpdate(update).structs) {
    const name = laptops.get(String(struct.id.client));
    if (name) names.add(name);
  }
  return [...names];
}

const AGREED = new Set(['agreed', 'published']);

/** `touched` (a write's, writeTouches.ts): only what it changed is compared; none: everything. */
function mirrorBoardDoc(db: ReadHandle['db'], replica: BoardReplica, actor: string, touched?: WriteTouches): void {
  const { boardId, board } = replica;
  board.transact((tr) => {
    for (const table of tablesOf('board')) {
      if (!touched || touched.tables.has(table.table)) {
        const root = board.getMap(table.root) as RowsMap;
        const rows = scopedRows(db, table, boardId);
        // The board's name held here under a local form (boardNames.ts) stays as the document has it.
        writeRows(root, table.table === 'boards' ? sharedBoardRows(rows, readRows(root, ['name', 'short_code'])) : rows, rowColumns(db, table));
      }
    }
    if (!touched || touched.tables.has('meetings')) {
      const meetings = db.prepare(`SELECT id, meeting_date, ${MEETING_STATE_COLUMNS.join(', ')} FROM meetings WHERE board_id = ?`).all(boardId) as Row[];
      const list = board.getMap<Value>(MEETINGS_LIST_ROOT);
      const ids = new Set(meetings.map((m) => String(m.id)));
      for (const m of meetings) if (list.get(String(m.id)) !== m.meeting_date) list.set(String(m.id), m.meeting_date ?? null);
      for (const id of [...list.keys()]) if (!ids.has(id)) list.delete(id);
      const states = board.getMap(MEETING_STATE_ROOT) as RowsMap;
      writeRows(states, keepAgreedStates(states, new Map(meetings.map((m) => [String(m.id), m]))), MEETING_STATE_COLUMNS);
    }
    recordStatusEvents(db, board, boardId, actor, touched?.actions);
    if (tr.changed.size > 0) signLaptop(board, actor);
  }, LOCAL_ORIGIN);
}

/** Appends an event for every action (of `only`, when given) whose status columns differ from the log's latest. */
function recordStatusEvents(db: ReadHandle['db'], board: Y.Doc, boardId: string, actor: string, only?: ReadonlySet<string>): void {
  if (only?.size === 0) return;
  const log = statusLog(board);
  const latest = latestStatusEvents(log);
  const columns = `id, reference, ${ACTION_STATUS_COLUMNS.join(', ')}`;
  const rows = (
    only
      ? db.prepare(`SELECT ${columns} FROM actions WHERE board_id = ? AND id IN (SELECT value FROM json_each(?))`).all(boardId, JSON.stringify([...only]))
      : db.prepare(`SELECT ${columns} FROM actions WHERE board_id = ?`).all(boardId)
  ) as Row[];
  const now = nowInstant();
  const events: StatusEvent[] = [];
  for (const row of rows) {
    const before = latest.get(String(row.id));
    if (before && sameStatus(before, row)) continue;
    // Recorded after what this laptop has seen, even if its clock is behind the laptop that wrote that.
    const at = before && before.at >= now ? new Date(Date.parse(before.at) + 1).toISOString() : now;
    events.push({
      action: String(row.id),
      ref: String(row.reference),
      status: String(row.status),
      superseded_by: (row.superseded_by as string | null) ?? null,
      closed_at_meeting_id: (row.closed_at_meeting_id as string | null) ?? null,
      last_update_meeting_id: (row.last_update_meeting_id as string | null) ?? null,
      updated_at: String(row.updated_at),
      at,
      by: actor,
      client: board.clientID,
      after: before ? eventId(before) : null,
    });
  }
  if (events.length > 0) log.push(events);
}

/** The agreed discussions' exact texts, written with the agreement (see AGREED_DISCUSSIONS_ROOT). */
function keepAgreedDiscussions(db: ReadHandle['db'], doc: Y.Doc, meetingId: string): void {
  const kept = doc.getMap<string>(AGREED_DISCUSSIONS_ROOT);
  for (const r of meetingDiscussions(db, meetingId)) if (kept.get(r.id) !== r.json) kept.set(r.id, r.json);
}

function mirrorMeetingDoc(db: ReadHandle['db'], meeting: MeetingReplica, meetingId: string, actor: string): void {
  const { doc } = meeting;
  // Agreed minutes with their frozen copy: the document is the record as agreed; nothing of the rows goes in again.
  if (holdsFrozenCopy(doc)) return;
  // Minutes agreed before the board was shared reach the others already agreed, so no laptop ever
  // edited them as a draft: only an agreement made while the document is out there needs the copy.
  const shared = doc.getMap('meeting').size > 0;
  // Rows another laptop added to an item deleted here before the item was brought back stay in the document (orphanRows.ts).
  const tableItems = new Set(db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
  const tableAttendance = new Set(db.prepare('SELECT id FROM attendance WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
  const orphans = orphanFilter(doc, tableItems, tableAttendance);
  doc.transact((tr) => {
    markDeletedItems(db, meeting, meetingId, actor, orphans.held);
    markRemovedAttendance(db, meeting, meetingId, actor);
    for (const table of tablesOf('meeting')) {
      const columns = rowColumns(db, table);
      const rows = scopedRows(db, table, meetingId);
      for (const [key, row] of docOrphans(doc, table, orphans, columns)) if (!rows.has(key)) rows.set(key, row);
      if (table.table === 'meetings') {
        const map = doc.getMap<Value>(table.root);
        const row = [...rows.values()][0];
        if (!row) {
          map.clear();
          continue;
        }
        setColumns(map, row, columns);
        const status = db.prepare('SELECT status, updated_at FROM meetings WHERE id = ?').get(meetingId) as { status: string; updated_at: string };
        if (AGREED.has(status.status) && !map.get(AGREED_AT_KEY)) {
          keepAgreedDiscussions(db, doc, meetingId);
          if (shared) writeFrozenCopy(db, doc, meetingId);
          map.set(AGREED_AT_KEY, status.updated_at);
        }
      } else writeRows(doc.getMap(table.root) as RowsMap, rows, columns);
    }
    // Signed only with a change: a frozen (agreed) document is never written for nothing.
    if (tr.changed.size > 0) signLaptop(doc, actor);
  }, LOCAL_ORIGIN);
  // A discussion changes through its bound editor, by its edits (see reconcile.ts).
  const packed = new Map(meetingDiscussions(db, meetingId).map((r) => [r.id, r.json]));
  const items = (db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck().all(meetingId) as string[]).map((id) => ({ id, discussion_json: packed.get(id) ?? null }));
  for (const item of items) {
    if (item.discussion_json === null && doc.share.get(discussionRoot(item.id)) === undefined) continue;
    const bound = meeting.discussion(item.id);
    if (bound.holds(item.discussion_json)) continue;
    bound.save(item.discussion_json === null ? null : JSON.parse(item.discussion_json));
    doc.transact(() => signLaptop(doc, actor), LOCAL_ORIGIN);
  }
}

/**
 * Brings the board's documents in step with its rows: the board document, and the documents of
 * `meetings` (every meeting of the board when not given; see affected.ts for a write's).
 * `actor` signs the status events; `touched`: what a write changed (writeTouches.ts), the rest of
 * the board's document left uncompared.
 */
export function mirrorBoard(store: ReadHandle, replica: BoardReplica, actor: string, meetings?: Iterable<string> | Affected, touched?: WriteTouches): void {
  const { db } = store;
  mirrorBoardDoc(db, replica, actor, touched);
  const affected: Affected =
    meetings === undefined
      ? { whole: new Set(db.prepare('SELECT id FROM meetings WHERE board_id = ?').pluck().all(replica.boardId) as string[]), actionRows: new Map() }
      : 'whole' in meetings
        ? meetings
        : { whole: new Set(meetings), actionRows: new Map() };
  for (const id of affected.whole) {
    // A meeting deleted here empties its document (its rows go on every laptop); its discussions' roots stay, unused.
    mirrorMeetingDoc(db, replica.meeting(id), id, actor);
  }
  for (const [id, actions] of affected.actionRows) {
    const { doc } = replica.meeting(id);
    if (holdsFrozenCopy(doc)) continue;
    doc.transact((tr) => {
      mirrorActionRows(db, doc, id, actions);
      if (tr.changed.size > 0) signLaptop(doc, actor);
    }, LOCAL_ORIGIN);
  }
}

/** Brings one meeting's document in step with its rows (sharing a board builds it a meeting at a time). */
export function mirrorMeeting(store: ReadHandle, replica: BoardReplica, actor: string, meetingId: string): void {
  mirrorMeetingDoc(store.db, replica.meeting(meetingId), meetingId, actor);
}

/** Brings the board's own document in step with its rows, every table and action compared. */
export function mirrorBoardOnly(store: ReadHandle, replica: BoardReplica, actor: string): void {
  mirrorBoardDoc(store.db, replica, actor);
}
