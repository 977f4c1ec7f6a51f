// The rows a batch from the server deleted here that changes this laptop holds bring back: agenda
// items (itemRestore.ts) and members' attendance rows (attendanceRestore.ts), decided the same way
// (the deleting laptop's tombstone against how much of the row this laptop held before the batch,
// itemTombstones.ts). The engine snapshots before applying a batch, and the projection keeps what
// is brought back in the tables; the mirror then writes it back into the documents. The same
// snapshot tells which fields (of attendance rows, items, decisions, actions, the meeting, and the
// board document's roster, groups and settings) the batch set to another value without having seen
// this laptop's (fieldsSetApart.ts), logged with the restores.
import type { Database } from '../db/driver';
import type { WriteHandle } from '../store/write';
import { attendanceToRestore, logAttendanceRestores, snapshotAttendance, type AttendanceRestore, type AttendanceSnapshot } from './attendanceRestore';
import { fieldsSetApart, logFieldsSetApart, snapshotBoardFields, snapshotFields, type FieldSetApart, type FieldSnapshot } from './fieldsSetApart';
import { parseDocName } from './docNames';
import { lostFromRecord, proposeLostValues, type LostValue } from './lostFromRecord';
import { itemsToRestore, keptItems, logItemRestores, snapshotItems, type Clocks, type Restore } from './itemRestore';
import type { Row, SyncedTable } from './registry';
import type { BoardReplica } from './replica';

/** Per meeting document of a batch: how much of each of its items and attendance rows this laptop held before it, and each watched field's value. */
interface MeetingSnapshot {
  items: Clocks;
  attendance: AttendanceSnapshot;
  fields: FieldSnapshot;
}

/** Before a batch: its meeting documents' snapshots, and the board document's watched fields when the batch names it. */
export interface RowSnapshot {
  meetings: Map<string, MeetingSnapshot>;
  board: FieldSnapshot | null;
}

export interface Restores {
  items: Restore[];
  attendance: AttendanceRestore[];
  /** Fields set to two values apart: nothing to keep, only to log. */
  fields: FieldSetApart[];
  /** Values of agreed minutes' fields set apart from the agreement and lost from the record: proposed corrections. */
  lost: LostValue[];
}

/** What the projection keeps although the documents no longer hold it: items (with their rows), and attendance rows (with their notes). */
export interface KeptRows {
  items: ReadonlySet<string>;
  attendance: ReadonlySet<string>;
}

export const NOTHING_KEPT: KeptRows = { items: new Set(), attendance: new Set() };

/** Before a batch is applied: the snapshot of the documents it names that this laptop holds (the board's: its watched fields only). */
export function snapshotRows(replica: BoardReplica, docNames: readonly string[]): RowSnapshot {
  const snapshot: RowSnapshot = { meetings: new Map(), board: null };
  for (const name of new Set(docNames)) {
    const address = parseDocName(name);
    if (address.kind !== 'meeting') {
      snapshot.board ??= snapshotBoardFields(replica.board);
      continue;
    }
    if (snapshot.meetings.has(address.meetingId) || !replica.meetingIds().includes(address.meetingId)) continue;
    const { doc } = replica.meeting(address.meetingId);
    snapshot.meetings.set(address.meetingId, { items: snapshotItems(doc), attendance: snapshotAttendance(doc), fields: snapshotFields(doc) });
  }
  return snapshot;
}

/**
 * The snapshot of a batch with one held back before it (engine.ts flush), as its projection reads
 * it: how much of each row this laptop held when the held batch first arrived, but each watched
 * field's value as it is now (`now`: the snapshot just taken, the held batch being part of this
 * one and not yet in the documents), since a write made here meanwhile holds this laptop's value.
 */
export function withHeld(now: RowSnapshot, held: RowSnapshot | undefined): RowSnapshot {
  for (const [meetingId, h] of held?.meetings ?? []) {
    const fresh = now.meetings.get(meetingId);
    now.meetings.set(meetingId, fresh ? { ...h, fields: fresh.fields } : h);
  }
  return now;
}

const part = <K extends keyof MeetingSnapshot>(snapshot: RowSnapshot, kind: K): Map<string, MeetingSnapshot[K]> => new Map([...snapshot.meetings].map(([id, s]) => [id, s[kind]]));

/**
 * After the batch, before it is projected: what it deleted that this laptop brings back (or, for an
 * attendance row, lists beside another laptop's), and the fields set apart. A meeting whose edits
 * here the server refused (`refused`) has them proposed whole by agreedEdit.ts, a lost value with them.
 */
export function rowsToRestore(db: Database, replica: BoardReplica, snapshot: RowSnapshot, refused: readonly string[]): Restores {
  return {
    items: itemsToRestore(replica, part(snapshot, 'items')),
    attendance: attendanceToRestore(db, replica, part(snapshot, 'attendance')),
    fields: fieldsSetApart(replica, part(snapshot, 'fields'), snapshot.board),
    lost: lostFromRecord(db, replica, part(snapshot, 'fields')).filter((l) => !refused.includes(l.meetingId)),
  };
}

export const restoresAny = (r: Restores): boolean => r.items.length > 0 || r.attendance.length > 0 || r.fields.length > 0 || r.lost.length > 0;

/** The rows to keep in the tables for the restores. */
export function keptRows(db: Database, restores: Restores): KeptRows {
  return { items: keptItems(db, restores.items), attendance: new Set(restores.attendance.filter((r) => r.keep).map((r) => r.attendanceId)) };
}

/** Inside the projection's write, after it: each restore into the board's conflict log, and each value lost from agreed minutes a proposed correction. */
export function logRestores(w: WriteHandle, replica: BoardReplica, restores: Restores): void {
  if (restores.items.length > 0) logItemRestores(w.db, replica, restores.items);
  if (restores.attendance.length > 0) logAttendanceRestores(w.db, replica, restores.attendance);
  if (restores.fields.length > 0) logFieldsSetApart(replica, restores.fields);
  if (restores.lost.length > 0) proposeLostValues(w, replica, restores.lost);
}


/** Whether a row the document no longer holds stays in the tables, as part of a kept item or attendance row. */
export function keepsRow(db: Database, table: SyncedTable, row: Row, kept: KeptRows): boolean {
  if (kept.items.size === 0 && kept.attendance.size === 0) return false;
  const item = (): boolean => kept.items.has(String(row.agenda_item_id));
  const attendance = (): boolean => kept.attendance.has(String(row.attendance_id));
  switch (table.table) {
    case 'agenda_items':
      return kept.items.has(String(row.id));
    case 'attendance':
      return kept.attendance.has(String(row.id));
    case 'guest_contacts':
      return attendance();
    case 'attendance_items':
    case 'declarations':
      return item() || attendance();
    case 'decisions':
    case 'actions':
      return item();
    case 'action_owners':
    case 'action_updates':
      return kept.items.size > 0 && kept.items.has(String(db.prepare('SELECT agenda_item_id FROM actions WHERE id = ?').pluck().get(row.action_id) ?? ''));
    default:
      return false;
  }
}
