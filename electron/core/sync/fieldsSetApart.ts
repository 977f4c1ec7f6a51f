// Every field watched for values set apart (fieldsApart.ts), table by table: the attendance's
// (attendanceFields.ts, kind attendance_field_twice), the rest of the meeting's record
// (recordFields.ts, kind field_twice) and the board document's roster, groups and settings
// (boardFields.ts, kind field_twice). The engine snapshots them before a batch (restores.ts); after
// it, what was found goes into the board's conflict log, read by every laptop (the laptop whose
// value won, too), and it is one conflict whichever laptops found it: named by the row, the field
// and the two items where the values parted.
import type * as Y from 'yjs';
import { attendanceFieldDetail, ATTENDANCE_APART } from './attendanceFields';
import { BOARD_APART, boardFieldDetail } from './boardFields';
import { conflictLog, type LoggedConflict } from './conflicts';
import { findApart, snapshotApart, type ApartSnapshot, type ApartTable } from './fieldsApart';
import { holdsFrozenCopy } from './frozenRecord';
import { LOCAL_ORIGIN } from './mirror';
import { RECORD_APART, recordFieldDetail } from './recordFields';
import type { BoardReplica } from './replica';

/** A meeting document's roots whose fields are watched. */
export const MEETING_APART: readonly ApartTable[] = [ATTENDANCE_APART, ...RECORD_APART];

/** A field found set apart, as the conflict log holds it. */
export type FieldSetApart = Extract<LoggedConflict, { kind: 'attendance_field_twice' | 'field_twice' }>;

/** Before a batch: each watched field's value in one meeting's document (or the board's), and the item holding it. */
export type FieldSnapshot = ApartSnapshot;

export const snapshotFields = (doc: Y.Doc): FieldSnapshot => snapshotApart(doc, MEETING_APART);

export const snapshotBoardFields = (board: Y.Doc): FieldSnapshot => snapshotApart(board, BOARD_APART);

/** After the batch, before it is projected: each field whose value here was replaced by one written without seeing it, with a different value (the board's, when its document was snapshotted). */
export function fieldsSetApart(replica: BoardReplica, snapshot: ReadonlyMap<string, FieldSnapshot>, board: FieldSnapshot | null): FieldSetApart[] {
  const found: FieldSetApart[] = [];
  for (const { entity, detail } of board ? findApart(replica.board, BOARD_APART, board).map((f) => boardFieldDetail(replica.board, replica.boardId, f)) : []) {
    found.push({ kind: 'field_twice', entity, detail });
  }
  for (const [meetingId, fields] of snapshot) {
    const { doc } = replica.meeting(meetingId);
    // A meeting deleted whole takes its rows with it; agreed minutes are never changed by sync.
    if (doc.getMap('meeting').size === 0 || holdsFrozenCopy(doc)) continue;
    for (const f of findApart(doc, MEETING_APART, fields)) {
      if (f.root === ATTENDANCE_APART.root) {
        const detail = attendanceFieldDetail(meetingId, f);
        found.push({ kind: 'attendance_field_twice', entity: detail.attendanceId, detail });
      } else {
        const detail = recordFieldDetail(meetingId, f);
        found.push({ kind: 'field_twice', entity: detail.rowId, detail });
      }
    }
  }
  return found;
}

/** One field set apart, whichever laptop found it. */
export const fieldIdentity = (c: { kind: string; entity: string; detail: { field: string; items: [string, string] } }): string => JSON.stringify([c.kind, c.entity, c.detail.field, c.detail.items]);

/** Inside the projection's write: each field set apart into the board's conflict log, once (a laptop that finds one already logged adds nothing). */
export function logFieldsSetApart(replica: BoardReplica, found: readonly FieldSetApart[]): void {
  const log = conflictLog(replica.board);
  const logged = new Set(log.toArray().flatMap((c) => (c.kind === 'attendance_field_twice' || c.kind === 'field_twice' ? [fieldIdentity(c)] : [])));
  const fresh = found.filter((c) => !logged.has(fieldIdentity(c)) && logged.add(fieldIdentity(c)));
  if (fresh.length > 0) replica.board.transact(() => log.push(fresh), LOCAL_ORIGIN);
}
