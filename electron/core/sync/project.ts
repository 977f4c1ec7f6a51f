// Documents -> rows: brings a shared board's relational tables to the projection of its
// documents, inside the caller's write() (one write per remote update: the change log records
// the remote laptop, the search index and the kept summaries follow, and the renderer's live
// queries hear of every record it changed). Rows are added parents first and removed children
// first; references between documents (an item deferred to another meeting, an action carried
// into a later one) are checked at commit, when every document of the update is in.
import type { WriteHandle } from '../store/write';
import type { ChangeLogEntity } from '../../../shared/domain/enums';
import { sameStatus, statusColumns, statusLog, type StatusEvent } from './actionStatusLog';
import { latestStatusEvents } from './statusIndex';
import { canonicalDiscussion } from '../../../shared/domain/discussionJson';
import { DISCUSSION_COLUMN, readDiscussionJson, writeDiscussionJson } from '../store/discussionPacked';
import { keepsRow, NOTHING_KEPT, type KeptRows } from './restores';
import { parkNumbers, settleKeptItems, settleNumbers } from './provisional';
import { discussionRoot } from './docNames';
import {
  ACTION_STATUS_COLUMNS,
  AGREED_DISCUSSIONS_ROOT,
  MEETING_STATE_COLUMNS,
  MEETING_STATE_ROOT,
  rowColumns,
  rowKey,
  scopedRows,
  tablesOf,
  type Row,
  type SyncedTable,
  type Value,
} from './registry';
import type { BoardReplica } from './replica';
import { readRow, readRowHere, readRows, sameRow, type RowsMap } from './rowMaps';
import * as Y from 'yjs';
import { frozenCopy, frozenDiscussion, frozenTableRows, type FrozenCopy } from './frozenRecord';
import { proposeFrozenDifferences } from './frozenEdit';
import { agreementAhead } from './agreedFirst';
import { orphanFilter } from './orphanRows';
import { NaturalKeyMerge } from './naturalKeys';
import { RosterMerge } from './rosterKeys';
import { ownersOfGuestsHeld, ownersRelinked } from './guestOwners';
import { boardRowHere } from './boardNames';
import { recordBoardNamesTaken } from './conflicts';
import { nowInstant } from '../changelog';

/** What a projection changed, to log once per record. */
class Touched {
  private readonly seen = new Map<string, { entity: ChangeLogEntity; id: string; tables: Set<string> }>();
  /** How many changes were added (a record changed twice counts twice). */
  added = 0;

  add(entity: ChangeLogEntity, id: string, table: string): void {
    this.added += 1;
    const key = `${entity}\u0000${id}`;
    const entry = this.seen.get(key) ?? { entity, id, tables: new Set<string>() };
    entry.tables.add(table);
    this.seen.set(key, entry);
  }

  row(table: SyncedTable, row: Row): void {
    const as = table.logAs(row);
    if (as) this.add(as.entity, as.id, table.table);
  }

  get size(): number {
    return this.seen.size;
  }

  entries(): Projected[] {
    return [...this.seen.values()];
  }
}

/** A record a projection changed, and the tables it changed it in. */
export interface Projected {
  entity: ChangeLogEntity;
  id: string;
  tables: ReadonlySet<string>;
}

/** How a projection's changes enter the change log (the write's actor is who made them). */
export type ProjectionLog = (w: WriteHandle, changed: readonly Projected[]) => void;

/** What the sync server sent: each record logged once as synced from another laptop. */
export const logSynced: ProjectionLog = (w, changed) => {
  for (const e of changed) w.log({ entity: e.entity, entityId: e.id, action: 'synced', detail: { tables: [...e.tables].sort() } });
};

const where = (table: SyncedTable): string => table.key.map((k) => `"${k}" = ?`).join(' AND ');
const keyValues = (table: SyncedTable, row: Row): Value[] => table.key.map((k) => row[k] ?? null);

function insertRow(w: WriteHandle, table: SyncedTable, row: Row): void {
  const columns = Object.keys(row);
  w.db.prepare(`INSERT INTO "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
    ...columns.map((c) => row[c] ?? null),
  );
}

function updateRow(w: WriteHandle, table: SyncedTable, row: Row, columns: readonly string[]): void {
  if (columns.length === 0) return;
  w.db.prepare(`UPDATE "${table.table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE ${where(table)}`).run(
    ...columns.map((c) => row[c] ?? null),
    ...keyValues(table, row),
  );
}

/** Adds and updates a table's rows of one scope to the document's; returns the rows the document lacks. */
function upsert(
  w: WriteHandle,
  table: SyncedTable,
  wanted: Map<string, Row>,
  scopeId: string,
  touched: Touched,
  extras: (row: Row) => Row = () => ({}),
  naturalKeys?: Pick<NaturalKeyMerge, 'makeWay'>,
): Map<string, Row> {
  const columns = rowColumns(w.db, table);
  const have = scopedRows(w.db, table, scopeId);
  parkNumbers(w, table, wanted, have);
  naturalKeys?.makeWay(w.db, table, wanted, have, (row) => touched.row(table, row));
  for (const [key, row] of wanted) {
    const current = have.get(key) ?? (table.shared ? existingShared(w, table, row, columns) : undefined);
    if (!current) {
      insertRow(w, table, { ...row, ...extras(row) });
      touched.row(table, row);
    } else {
      // A column whose value is on its way (rowMaps.ts, awaited) keeps the value here until it arrives.
      const changed = columns.filter((c) => c in row && (current[c] ?? null) !== (row[c] ?? null));
      if (changed.length > 0) {
        updateRow(w, table, row, changed);
        touched.row(table, row);
      }
    }
    have.delete(key);
  }
  return have;
}

/** A shared row (a person on several boards) already in this file under another board. */
function existingShared(w: WriteHandle, table: SyncedTable, row: Row, columns: readonly string[]): Row | undefined {
  return w.db.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table.table}" WHERE ${where(table)}`).get(...keyValues(table, row)) as Row | undefined;
}

function remove(w: WriteHandle, table: SyncedTable, gone: Map<string, Row>, touched: Touched): void {
  for (const row of gone.values()) {
    // A person stays while any board's roster still names them.
    if (table.shared && w.db.prepare('SELECT 1 FROM board_members WHERE person_id = ?').get(row.id) !== undefined) continue;
    w.db.prepare(`DELETE FROM "${table.table}" WHERE ${where(table)}`).run(...keyValues(table, row));
    touched.row(table, row);
  }
}

/** The rows the document holds for a table (a meeting's own row sits directly in its root). */
function docRows(doc: Y.Doc, table: SyncedTable, columns: readonly string[]): Map<string, Row> {
  if (table.table !== 'meetings') return readRows(doc.getMap(table.root) as RowsMap, columns, true);
  const map = doc.getMap<Value>(table.root);
  if (map.size === 0) return new Map();
  const row = readRowHere(map, columns);
  return new Map([[rowKey(table, row), row]]);
}

/** Brings one meeting's rows to its document; the meeting's state and its actions' status come from the board's. */
function projectMeeting(w: WriteHandle, replica: BoardReplica, meetingId: string, touched: Touched, kept: KeptRows, roster: RosterMerge): void {
  const { doc } = replica.meeting(meetingId);
  const before = touched.added;
  // Agreed minutes are projected from their frozen copy: the live rows may hold an edit the record never took.
  const frozen = frozenCopy(doc);
  // Each action's latest status from the kept index (statusIndex.ts), never the whole log read again per meeting.
  const latest = latestStatusEvents(statusLog(replica.board));
  const gone: Array<[SyncedTable, Map<string, Row>]> = [];
  const keptItems = new Map<string, Row>();
  // Rows of an item this document no longer holds wait in the document for it to come back (orphanRows.ts).
  // A note's attendance row removed elsewhere: kept when this laptop holds it, else the note waits (orphanRows.ts).
  const orphans = orphanFilter(doc, kept.items, new Set(w.db.prepare('SELECT id FROM attendance WHERE meeting_id = ?').pluck().all(meetingId) as string[]));
  // One attendance row per member and one progress row per action, however many laptops recorded them apart (naturalKeys.ts).
  const attendance = new NaturalKeyMerge(doc, new Set([...kept.attendance, ...orphans.attendanceKept]));
  // The attendance rows this projection keeps (read before the owners that may name them: guestOwners.ts).
  const attendanceHeld = new Set<string>();
  for (const table of tablesOf('meeting')) {
    // Rows naming a member added twice apart name the one kept (rosterKeys.ts), agreed minutes' too: the member given way goes.
    // A guest's owners name the guest's row while it is held here, and again when it comes back (guestOwners.ts).
    const rows = frozen
      ? roster.rows(table, frozenTableRows(w.db, frozen, table))
      : ownersOfGuestsHeld(table, ownersRelinked(table, attendance.rows(table, roster.rows(table, orphans.without(table, docRows(doc, table, rowColumns(w.db, table))))), doc, attendanceHeld), attendanceHeld);
    const wanted = frozen ? rows : settleNumbers(w, replica, meetingId, table, rows);
    const extras = (row: Row): Row => {
      // Held as a draft until the meeting's state is applied below: agreed minutes take no new rows.
      if (table.table === 'meetings') return { status: 'draft', published_at: null, updated_at: row.created_at ?? null };
      if (table.table === 'actions') {
        const event = latest.get(String(row.id));
        return event
          ? statusColumns(event)
          : { status: 'open', superseded_by: null, closed_at_meeting_id: null, last_update_meeting_id: null, updated_at: row.created_at ?? null };
      }
      if (table.table === 'agenda_items') return { [DISCUSSION_COLUMN]: null };
      return {};
    };
    const lacking = upsert(w, table, wanted, meetingId, touched, extras, attendance);
    // An item or attendance row deleted elsewhere but edited here stays, whole (restores.ts); so does an attendance row with a note made here.
    for (const [key, row] of lacking) {
      if (!keepsRow(w.db, table, row, kept) && !(table.table === 'attendance' && !frozen && orphans.attendanceKept.has(String(row.id)))) continue;
      lacking.delete(key);
      if (table.table === 'agenda_items') keptItems.set(String(row.id), row);
    }
    if (table.table === 'attendance') for (const [key, row] of scopedRows(w.db, table, meetingId)) if (!lacking.has(key)) attendanceHeld.add(String(row.id));
    gone.push([table, lacking]);
    if (table.table === 'actions') {
      const boardId = replica.boardId;
      const issue = w.db.prepare('INSERT OR IGNORE INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, ?, ?, ?)');
      for (const row of wanted.values()) issue.run(boardId, row.reference, row.id, row.created_at);
    }
    if (table.table === 'agenda_items') {
      const itemIds = [...wanted.values()].map((r) => String(r.id));
      if (frozen) projectFrozenDiscussions(w, frozen, itemIds, touched);
      else projectDiscussions(w, replica, meetingId, itemIds, touched);
    }
  }
  for (const [table, rows] of gone.reverse()) remove(w, table, rows, touched);
  for (const id of settleKeptItems(w, replica, meetingId, keptItems)) touched.add('agenda_item', id, 'agenda_items');
  attendance.log(replica);
  // The meeting is named among what changed (its open minutes read again) only when something of it
  // did: a document that changed nothing in the tables logs nothing as synced.
  if (touched.added > before) touched.add('meeting', meetingId, 'meetings');
}

function projectDiscussions(w: WriteHandle, replica: BoardReplica, meetingId: string, itemIds: string[], touched: Touched): void {
  const meeting = replica.meeting(meetingId);
  const agreed = meeting.doc.getMap<string>(AGREED_DISCUSSIONS_ROOT);
  for (const itemId of itemIds) {
    const json = meeting.doc.share.has(discussionRoot(itemId)) ? meeting.discussion(itemId).json() : null;
    const stored = readDiscussionJson(w.db, itemId);
    const wanted = canonicalDiscussion(json);
    const asAgreed = agreed.get(itemId);
    // The same content is left as it is, unless agreed minutes hold it in another key order.
    if (canonicalDiscussion(stored) === wanted && (asAgreed === undefined || stored === asAgreed || canonicalDiscussion(asAgreed) !== wanted)) continue;
    const text = json === null ? null : asAgreed !== undefined && canonicalDiscussion(asAgreed) === wanted ? asAgreed : JSON.stringify(json);
    writeDiscussionJson(w.db, itemId, text);
    touched.add('agenda_item', itemId, 'agenda_items');
  }
}

/** Agreed discussions from the frozen copy: exactly the text the content hash was taken over. */
function projectFrozenDiscussions(w: WriteHandle, frozen: FrozenCopy, itemIds: string[], touched: Touched): void {
  for (const itemId of itemIds) {
    const text = frozenDiscussion(frozen, itemId);
    if (readDiscussionJson(w.db, itemId) === text) continue;
    writeDiscussionJson(w.db, itemId, text);
    touched.add('agenda_item', itemId, 'agenda_items');
  }
}

/**
 * The meetings' state (status as far as published) and the actions' latest status, from the board
 * document: every meeting's and action's when the board's document is projected (its states and
 * status log may have changed anywhere), else only those of the meetings projected (`only`).
 */
function projectStates(w: WriteHandle, replica: BoardReplica, touched: Touched, only: readonly string[] | null): void {
  const root = replica.board.getMap(MEETING_STATE_ROOT) as RowsMap;
  const states: Iterable<[string, Row]> = only
    ? only.flatMap((id): Array<[string, Row]> => {
        const map = root.get(id);
        return map instanceof Y.Map ? [[id, readRow(map, MEETING_STATE_COLUMNS)]] : [];
      })
    : readRows(root, MEETING_STATE_COLUMNS);
  const readMeeting = w.db.prepare(`SELECT ${MEETING_STATE_COLUMNS.join(', ')} FROM meetings WHERE id = ? AND board_id = ?`);
  const meetings = tablesOf('meeting')[0] as SyncedTable;
  for (const [id, state] of states) {
    const current = readMeeting.get(id, replica.boardId) as Row | undefined;
    if (!current || sameRow(current, state, MEETING_STATE_COLUMNS)) continue;
    if (agreementAhead(replica, id, current, state)) continue;
    updateRow(w, meetings, { ...state, id }, MEETING_STATE_COLUMNS.filter((c) => (current[c] ?? null) !== (state[c] ?? null)));
    touched.add('meeting', id, 'meetings');
  }
  const readAction = w.db.prepare(`SELECT ${ACTION_STATUS_COLUMNS.join(', ')} FROM actions WHERE id = ? AND board_id = ?`);
  const actions = tablesOf('meeting').find((t) => t.table === 'actions') as SyncedTable;
  const latest = latestStatusEvents(statusLog(replica.board));
  const actionIds = only ? only.flatMap((id) => w.db.prepare('SELECT id FROM actions WHERE meeting_id = ?').pluck().all(id) as string[]) : [...latest.keys()];
  for (const id of actionIds) {
    const event: StatusEvent | undefined = latest.get(id);
    const current = event ? (readAction.get(id, replica.boardId) as Row | undefined) : undefined;
    if (!event || !current || sameStatus(event, current)) continue;
    updateRow(w, actions, { ...statusColumns(event), id }, ACTION_STATUS_COLUMNS.filter((c) => (current[c] ?? null) !== (event[c] ?? null)));
    touched.add('action', id, 'actions');
  }
}

function projectBoardDoc(w: WriteHandle, replica: BoardReplica, touched: Touched, roster: RosterMerge): void {
  const gone: Array<[SyncedTable, Map<string, Row>]> = [];
  for (const table of tablesOf('board')) {
    const rows = roster.rows(table, docRows(replica.board, table, rowColumns(w.db, table)));
    gone.push([table, upsert(w, table, table.table === 'boards' ? boardRowsHere(w, replica, rows) : rows, replica.boardId, touched, undefined, roster)]);
  }
  for (const [table, rows] of gone.reverse()) remove(w, table, rows, touched);
}

/** A name or short code another board here already has: held here under a local form, and listed (boardNames.ts). */
function boardRowsHere(w: WriteHandle, replica: BoardReplica, rows: Map<string, Row>): Map<string, Row> {
  const here = [...rows].map(([key, row]) => [key, boardRowHere(w.db, row)] as const);
  recordBoardNamesTaken(w.db, replica.boardId, here.flatMap(([, h]) => h.taken), nowInstant());
  return new Map(here.map(([key, h]) => [key, h.row]));
}

/** The board's own row when only its meetings are projected: a local form goes as soon as the shared name is free here again. */
function settleBoardRow(w: WriteHandle, replica: BoardReplica, touched: Touched): void {
  const table = tablesOf('board').find((t) => t.table === 'boards') as SyncedTable;
  const rows = docRows(replica.board, table, rowColumns(w.db, table));
  if (rows.size === 0) return;
  upsert(w, table, boardRowsHere(w, replica, rows), replica.boardId, touched);
}

/**
 * The board's own row where a write here freed the name or short code it is held under (another
 * board renamed, or given another short code): projected again from its document inside that
 * write (the write hook, mirrorWrite.ts), so the row shows the shared ones at once and the write's
 * changes name the board. Nothing is written while the row is as its document makes it here.
 */
export function settleFreedBoardRow(w: WriteHandle, replica: BoardReplica): number {
  const table = tablesOf('board').find((t) => t.table === 'boards') as SyncedTable;
  const [row] = docRows(replica.board, table, rowColumns(w.db, table)).values();
  const here = w.db.prepare('SELECT name, short_code FROM boards WHERE id = ?').get(replica.boardId) as Row | undefined;
  if (!row || !here) return 0;
  const wanted = boardRowHere(w.db, row).row;
  if (wanted.name === here.name && wanted.short_code === here.short_code) return 0;
  const touched = new Touched();
  settleBoardRow(w, replica, touched);
  logSynced(w, touched.entries());
  return touched.size;
}

/**
 * Projects the named documents of a board (the meetings' first, then the board's, which carries
 * their state) into the tables, logging each changed record through `log` (as `synced` unless
 * told otherwise: a window's typing is this laptop's own edit). Returns how many records changed.
 */
export function projectDocs(
  w: WriteHandle,
  replica: BoardReplica,
  meetingIds: Iterable<string>,
  board: boolean,
  kept: KeptRows = NOTHING_KEPT,
  log: ProjectionLog = logSynced,
): number {
  const { touched, ids } = projectRows(w, replica, meetingIds, board, kept);
  // After the board's corrections: the one an edit of agreed minutes becomes is not in its document until this write is mirrored.
  proposeFrozenDifferences(w, replica, ids);
  log(w, touched.entries());
  return touched.size;
}

/**
 * The rows of minutes agreed here too rewritten to the record the server holds (agreedEdit.ts),
 * inside the projection of a batch whose board-document updates are in the document but not yet
 * in the tables. No correction is proposed here: one put in the tables now is not in the board's
 * document yet, so that batch's projection of the board would take it for one removed elsewhere
 * and delete it (refused: a correction is never deleted), and the laptop could never take the
 * batch. The batch's own projection proposes it, after the board's corrections.
 */
export function projectAgreedRecord(w: WriteHandle, replica: BoardReplica, meetingId: string): number {
  const { touched } = projectRows(w, replica, [meetingId], false, NOTHING_KEPT);
  logSynced(w, touched.entries());
  return touched.size;
}

/** The tables brought to the named documents; what changed, and the meetings projected (for their corrections). */
function projectRows(w: WriteHandle, replica: BoardReplica, meetingIds: Iterable<string>, board: boolean, kept: KeptRows): { touched: Touched; ids: string[] } {
  // Rows of one update may name each other across documents: checked when the write commits.
  w.db.pragma('defer_foreign_keys = ON');
  const touched = new Touched();
  // One member per person and per initials, and one group per name, however many laptops added them apart (rosterKeys.ts).
  const roster = new RosterMerge(replica.board);
  const ids = [...meetingIds];
  // A member the board's document gives way to is taken out with it: every meeting naming them here is projected too.
  const shared = new Set(replica.meetingIds());
  const naming = board ? roster.meetingsNaming(w.db, replica.boardId).filter((id) => shared.has(id) && !ids.includes(id)) : [];
  for (const id of [...ids, ...naming]) projectMeeting(w, replica, id, touched, kept, roster);
  // The meetings' state before the board's tables: a correction is only ever made to agreed minutes.
  projectStates(w, replica, touched, board ? null : ids);
  if (board) {
    projectBoardDoc(w, replica, touched, roster);
    roster.log(replica);
  } else settleBoardRow(w, replica, touched);
  return { touched, ids };
}
