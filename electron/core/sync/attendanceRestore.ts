// A member's attendance row removed on one laptop while another, apart, changed it (its status,
// its marks: chair, vice-chair, minute-taker) or made a note on it (a declaration, items
// attended, a guest's contact): the change wins, as an edited item does against its deletion
// (itemRestore.ts). Yjs alone would drop a change of the row's own columns without a trace (they
// are set inside the row's map, which the removal deletes), so the laptop removing a row leaves a
// tombstone saying how much of it and its notes it had seen (itemTombstones.ts). A laptop holding
// changes the removal had not seen keeps the row in its tables; its mirror writes it back, so the
// row returns on every laptop with the change, and the board's conflict log says who removed it
// and who changed it, listed so the administrator can remove it again knowingly. A removal made
// having seen every change stands, with nothing listed. A note taken off the row (an item attended)
// leaves no clock, so the tombstone also names the notes the removing laptop held: one already
// deleted here is a change it had not seen. (A note made on a removed row also keeps
// the row through the orphan filter, orphanRows.ts, on the laptops holding it; this is what lists it.)
import type { Database } from '../db/driver';
import { readAttendanceFields, type AttendanceFields } from './attendanceVersions';
import { conflictLog, type AttendanceRemovedDetail } from './conflicts';
import { GIVEN_WAY_ROOT } from './docNames';
import { holdsFrozenCopy } from './frozenRecord';
import { editorsUnseen, type Clocks } from './itemRestore';
import { attendanceClock, deletedNotes, REMOVED_ATTENDANCE_ROOT, rowKey, type AttendanceTombstone } from './itemTombstones';
import { LAPTOPS_ROOT, LOCAL_ORIGIN } from './mirror';
import type { BoardReplica } from './replica';
import type * as Y from 'yjs';

export interface AttendanceRestore {
  meetingId: string;
  attendanceId: string;
  deletedBy: string;
  deletedAt: string;
  editedBy: string[];
  /** Whether this laptop keeps the row: false when another laptop brought it back first, with its own version (the change here is listed, not kept). */
  keep: boolean;
  /** The row's status and marks as this laptop held them, before the batch was projected. */
  fields: AttendanceFields | undefined;
}

/** What a meeting's document held of its attendance before a batch: each row's clock (with its notes), and the notes it knew deleted. */
export interface AttendanceSnapshot {
  rows: Clocks;
  deletedNotes: ReadonlySet<string>;
  /** Each row's map in the document (its Yjs item), to tell it from a map another laptop set when bringing the row back. */
  items: ReadonlyMap<string, string>;
}

const itemOf = (root: Y.Map<unknown>, id: string): string | undefined => {
  const item = root._map.get(rowKey(id));
  return item && !item.deleted ? `${item.id.client}:${item.id.clock}` : undefined;
};

/** Whether the removal had seen the row's map (`item`, as itemOf names it): the map it removed, not one set since to bring the row back. */
const removedMap = (item: string | undefined, tombstone: AttendanceTombstone): boolean => {
  const [client, clock] = (item ?? '').split(':');
  return client !== undefined && clock !== undefined && Number(clock) <= (tombstone.seen[client] ?? -1);
};

/** Before a batch is applied: how much of each attendance row (and its notes) a meeting's document holds here. */
export function snapshotAttendance(doc: Y.Doc): AttendanceSnapshot {
  const rows: Clocks = new Map();
  const items = new Map<string, string>();
  const root = doc.getMap('attendance');
  for (const key of root.keys()) {
    const id = (JSON.parse(key) as string[])[0] as string;
    rows.set(id, attendanceClock(doc, id));
    items.set(id, itemOf(root, id) ?? '');
  }
  return { rows, deletedNotes: deletedNotes(doc), items };
}

/** This laptop's user, as the meeting's document names it. */
const thisLaptop = (doc: Y.Doc): string | undefined => doc.getMap<string>(LAPTOPS_ROOT).get(String(doc.clientID));

/**
 * Who changed a row apart from its removal: the laptops whose additions it had not seen (clocks), and
 * this laptop when a note the removing laptop still held was already deleted here (taking one item off
 * the items attended is a change too, though a deletion leaves no clock to compare).
 */
function changedApart(doc: Y.Doc, clock: ReadonlyMap<number, number>, tombstone: AttendanceTombstone, deleted: ReadonlySet<string>): string[] {
  const editors = editorsUnseen(doc, clock, tombstone);
  if (!(tombstone.notes ?? []).some((n) => deleted.has(n))) return editors;
  return [...new Set([...editors, thisLaptop(doc) ?? 'another laptop'])].sort();
}

/**
 * After the batch (before it is projected): the attendance rows it removed that hold changes here the
 * removing laptop had not seen. A row another laptop already brought back with its own change (a new
 * map in the document, replacing the one changed here) stays as that laptop brought it, the same on
 * every laptop, and this laptop's version is listed with it (attendanceVersions.ts).
 */
export function attendanceToRestore(db: Database, replica: BoardReplica, snapshot: ReadonlyMap<string, AttendanceSnapshot>): AttendanceRestore[] {
  const restores: AttendanceRestore[] = [];
  for (const [meetingId, { rows, deletedNotes: deleted, items }] of snapshot) {
    const { doc } = replica.meeting(meetingId);
    // A meeting deleted whole takes its attendance with it; agreed minutes are never changed by sync.
    if (doc.getMap('meeting').size === 0 || holdsFrozenCopy(doc)) continue;
    const root = doc.getMap('attendance');
    const tombstones = doc.getMap<AttendanceTombstone>(REMOVED_ATTENDANCE_ROOT);
    const givenWay = doc.getMap(GIVEN_WAY_ROOT);
    for (const [attendanceId, clock] of rows) {
      const tombstone = tombstones.get(attendanceId);
      const now = itemOf(root, attendanceId);
      // Gone, or set anew by another laptop bringing it back over the map the removal took and this laptop changed.
      const replaced = now !== undefined && now !== items.get(attendanceId) && !!tombstone && removedMap(items.get(attendanceId), tombstone);
      if ((now !== undefined && !replaced) || givenWay.has(attendanceId) || !tombstone) continue;
      const editedBy = changedApart(doc, clock, tombstone, deleted);
      const fields = readAttendanceFields(db, attendanceId);
      if (editedBy.length > 0) restores.push({ meetingId, attendanceId, deletedBy: tombstone.by, deletedAt: tombstone.at, editedBy, keep: now === undefined, fields });
    }
  }
  return restores;
}

/** Inside the projection's write: each row brought back (it is in the tables here) into the board's conflict log, read by every laptop. */
export function logAttendanceRestores(db: Database, replica: BoardReplica, restores: readonly AttendanceRestore[]): void {
  const read = db.prepare('SELECT member_id, display_name FROM attendance WHERE id = ?');
  const entries = restores.flatMap((r) => {
    const row = read.get(r.attendanceId) as { member_id: string | null; display_name: string } | undefined;
    const fields = r.fields ?? readAttendanceFields(db, r.attendanceId);
    if (!row || !fields) return [];
    // The row as brought back here: another laptop may bring back another version, and Yjs keeps one (attendanceVersions.ts).
    const { doc } = replica.meeting(r.meetingId);
    const versions = [{ by: thisLaptop(doc) ?? r.editedBy.join(', '), fields }];
    const detail: AttendanceRemovedDetail = { meetingId: r.meetingId, attendanceId: r.attendanceId, memberId: row.member_id, name: row.display_name, deletedBy: r.deletedBy, deletedAt: r.deletedAt, editedBy: r.editedBy, versions };
    return [{ kind: 'attendance_removed_edited' as const, entity: r.attendanceId, detail }];
  });
  if (entries.length > 0) replica.board.transact(() => conflictLog(replica.board).push(entries), LOCAL_ORIGIN);
}
