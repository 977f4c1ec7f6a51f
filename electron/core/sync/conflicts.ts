// Conflicts a merge cannot decide alone, recorded for the administrator (sync_conflicts, the one
// writer and reader). Every laptop finds the same ones in the board's document: two statuses for
// one action in its status log (conflictStatus.ts); the others in the board's conflict log, where
// the laptop that resolved them (itemRestore.ts, attendanceRestore.ts, agreedEdit.ts) appended what
// it did, or the laptop that found them (fieldsSetApart.ts: a value it held replaced), since only
// that laptop saw both sides (the board document is never frozen, unlike agreed minutes').
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import type { SyncConflict } from '../../../shared/contract';
import { MEETING_MARKS, type SyncConflictKind } from '../../../shared/domain/enums';
import { formatUkDate, formatUkInstant } from '../../../shared/domain/dates';
import { describeVersions } from './itemVersions';
import { describeAttendanceVersions, fieldWords, PRESENCE, type AttendanceFields, type AttendanceVersion } from './attendanceVersions';
import { describeStatusConflict, statusConflicts, type StatusConflictDetail } from './conflictStatus';
import type { BoardReplica } from './replica';
import type { MarkTwiceDetail } from './meetingChairs';
import { MEETING_MARK_WORD } from '../../../shared/domain/meetingMarks';
import type { BoardNameTaken } from './boardNames';
import { describeFieldTwice, type FieldTwiceDetail } from './recordFields';
import { describeBoardField, isBoardField, type BoardFieldDetail } from './boardFields';
import { mergedRestores, recordRestoreConflict, type ItemConflictDetail, type RestoreDetail, type RestoreKind } from './itemConflicts';

export type { ItemConflictDetail } from './itemConflicts';

/** What the board's conflict log holds for two people given the same initials apart. */
export interface InitialsTwiceDetail {
  /** The member shown under other initials, and its name. */
  memberId: string;
  name: string;
  initials: string;
  shownAs: string;
  /** The member who keeps the initials. */
  keptBy: { memberId: string; name: string };
}

/** What the board's conflict log holds for one member's attendance recorded twice. */
export interface AttendanceTwiceDetail {
  meetingId: string;
  memberId: string;
  name: string;
  kept: { status: string; by: string };
  other: { status: string; by: string };
}

/** What the board's conflict log holds for a member's attendance row removed on one laptop and brought back by a change on another. */
export interface AttendanceRemovedDetail extends RestoreDetail {
  meetingId: string;
  attendanceId: string;
  memberId: string | null;
  name: string;
  /** The row's status and marks as each restoring laptop brought it back (absent in conflicts logged before they were). */
  versions?: AttendanceVersion[];
}

/** One field of an attendance row (its status, or a mark) as one laptop set it. */
export interface AttendanceFieldValue {
  value: AttendanceFields[keyof AttendanceFields];
  by: string;
}

/** What the board's conflict log holds for one field of an attendance row set to two values apart (attendanceFields.ts, fieldsApart.ts). */
export interface AttendanceFieldDetail {
  meetingId: string;
  attendanceId: string;
  memberId: string | null;
  name: string;
  field: keyof AttendanceFields;
  /** The value the row holds (Yjs kept it), and the one it does not. */
  kept: AttendanceFieldValue;
  other: AttendanceFieldValue;
  /** Where the two laptops' values parted, as Yjs items (the kept side's, then the other's): the conflict's identity, however many laptops find it. */
  items: [string, string];
}

/** The board document's append-only log of conflicts a laptop resolved (kind, entity, detail). */
export const CONFLICT_LOG_ROOT = 'conflicts';

export interface AgreedEditDetail {
  meetingDate: string;
  item: string | null;
  number: string | null;
  title: string | null;
  change: string;
  by: string[];
  at: string;
  correction: string;
  /** The minutes were agreed on the editing laptop too, and the other agreement reached the server first (agreedTwice.ts). */
  agreedToo?: boolean;
}

export type LoggedConflict =
  | { kind: 'item_deleted_edited'; entity: string; detail: ItemConflictDetail }
  | { kind: 'agreed_edited'; entity: string; detail: AgreedEditDetail }
  | { kind: 'attendance_twice'; entity: string; detail: AttendanceTwiceDetail }
  | { kind: 'initials_twice'; entity: string; detail: InitialsTwiceDetail }
  | { kind: 'chair_twice'; entity: string; detail: MarkTwiceDetail }
  | { kind: 'attendance_removed_edited'; entity: string; detail: AttendanceRemovedDetail }
  | { kind: 'attendance_field_twice'; entity: string; detail: AttendanceFieldDetail }
  | { kind: 'field_twice'; entity: string; detail: FieldTwiceDetail | BoardFieldDetail };

export const conflictLog = (board: Y.Doc): Y.Array<LoggedConflict> => board.getArray<LoggedConflict>(CONFLICT_LOG_ROOT);

/** Records the board's conflicts not yet recorded (inside the projection's write). */
export function recordConflicts(db: Database, replica: BoardReplica, at: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of statusConflicts(replica)) insert.run(randomUUID(), replica.boardId, 'action_status', c.entityId, JSON.stringify(c.detail), at);
  const logged = conflictLog(replica.board).toArray();
  const restoreKinds: readonly RestoreKind[] = ['item_deleted_edited', 'attendance_removed_edited'];
  const fieldKinds: readonly string[] = ['attendance_field_twice', 'field_twice'];
  const own: readonly string[] = [...restoreKinds, ...fieldKinds];
  for (const c of logged) if (!own.includes(c.kind)) insert.run(randomUUID(), replica.boardId, c.kind, c.entity, JSON.stringify(c.detail), at);
  // One field set apart is one conflict, whichever laptops found it (with the values each saw last): the first recorded here stays.
  const listed = db.prepare("SELECT 1 FROM sync_conflicts WHERE board_id = ? AND kind = ? AND entity_id = ? AND json_extract(detail, '$.field') = ? AND json_extract(detail, '$.items') = ?");
  for (const c of logged) {
    if ((c.kind !== 'attendance_field_twice' && c.kind !== 'field_twice') || listed.get(replica.boardId, c.kind, c.entity, c.detail.field, JSON.stringify(c.detail.items))) continue;
    insert.run(randomUUID(), replica.boardId, c.kind, c.entity, JSON.stringify(c.detail), at);
  }
  // An item (or attendance row) brought back on two laptops is one conflict (itemConflicts.ts).
  for (const kind of restoreKinds) {
    const restores = logged.flatMap((c) => (c.kind === kind ? [{ entity: c.entity, detail: c.detail as RestoreDetail }] : []));
    for (const c of mergedRestores(restores)) recordRestoreConflict(db, replica.boardId, kind, c, randomUUID(), at);
  }
}

/** A shared board held here under a local form (boardNames.ts): this laptop's own entry, listed while the board is shown so. */
export function recordBoardNamesTaken(db: Database, boardId: string, taken: readonly BoardNameTaken[], at: string): void {
  const insert = db.prepare("INSERT OR IGNORE INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, 'board_name_taken', ?, ?, ?)");
  // One entry per local form: the board holding the name since renamed is still the same conflict (its name is read when listed).
  const listed = db.prepare(
    "SELECT 1 FROM sync_conflicts WHERE board_id = ? AND kind = 'board_name_taken' AND json_extract(detail, '$.field') = ? AND json_extract(detail, '$.value') = ? AND json_extract(detail, '$.shownAs') = ? AND json_extract(detail, '$.takenBy.boardId') = ?",
  );
  for (const t of taken) if (!listed.get(boardId, t.field, t.value, t.shownAs, t.takenBy.boardId)) insert.run(randomUUID(), boardId, boardId, JSON.stringify(t), at);
}

/** Whether a board_name_taken entry still holds: the board is shown under the local form it names. */
function stillTaken(db: Database, boardId: string, d: BoardNameTaken): boolean {
  const row = db.prepare('SELECT name, short_code FROM boards WHERE id = ?').get(boardId) as { name: string; short_code: string | null } | undefined;
  return row !== undefined && (d.field === 'name' ? row.name : row.short_code) === d.shownAs;
}

function describeBoardNameTaken(db: Database, d: BoardNameTaken): string {
  const what = d.field === 'name' ? 'name' : 'short code';
  const holder = (db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(d.takenBy.boardId) as string | undefined) ?? d.takenBy.name;
  return `This shared board’s ${what} on the other laptops is “${d.value}”, which the board “${holder}” in this data file already has, so this laptop shows it as “${d.shownAs}”. The other laptops still show “${d.value}”. Rename one of the two boards and this laptop shows the shared ${what} again.`;
}

const names = (list: string[]): string => (list.length <= 1 ? (list[0] ?? 'another laptop') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

function describe(db: Database, kind: SyncConflictKind, detail: unknown): string {
  if (kind === 'action_status') return describeStatusConflict(detail as StatusConflictDetail);
  if (kind === 'item_deleted_edited') {
    const d = detail as ItemConflictDetail;
    const text = `Item ${d.number} “${d.title}” was deleted by ${d.deletedBy} (${formatUkInstant(d.deletedAt)}) while ${names(d.editedBy)} edited it on a laptop that had not yet heard of the deletion. The edit is kept: the item is back, with its discussion, decisions and actions. Delete it again if it should go.`;
    const meetingDate = (id: string): string | null => {
      const date = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(id) as string | undefined;
      return date ? formatUkDate(date) : null;
    };
    const versions = describeVersions(db, d.item, d.versions, meetingDate);
    return versions ? `${text} ${versions}` : text;
  }
  if (kind === 'attendance_twice') return describeAttendanceTwice(db, detail as AttendanceTwiceDetail);
  if (kind === 'attendance_removed_edited') return describeAttendanceRemoved(db, detail as AttendanceRemovedDetail);
  if (kind === 'chair_twice') return describeMarkTwice(db, detail as MarkTwiceDetail);
  if (kind === 'attendance_field_twice') return describeAttendanceField(db, detail as AttendanceFieldDetail);
  if (kind === 'field_twice') {
    const d = detail as FieldTwiceDetail | BoardFieldDetail;
    return isBoardField(d) ? describeBoardField(db, d) : describeFieldTwice(db, d, meetingWords(db, d.meetingId));
  }
  if (kind === 'board_name_taken') return describeBoardNameTaken(db, detail as BoardNameTaken);
  if (kind === 'initials_twice') {
    const d = detail as InitialsTwiceDetail;
    return `${d.keptBy.name} and ${d.name} were both given the initials ${d.initials} on two laptops while they were apart. ${d.keptBy.name} keeps them; ${d.name} is shown as ${d.shownAs}. Choose other initials for ${d.name} on the roster if ${d.shownAs} will not do.`;
  }
  const d = detail as AgreedEditDetail;
  if (d.agreedToo) {
    return `The minutes of ${d.meetingDate} were agreed on two laptops while they were apart (${names(d.by)}, ${formatUkInstant(d.at)}, and another): the agreement that reached the sync server first is the record, unchanged; where ${names(d.by)}’s agreed minutes differed (${d.change}), that is kept as a proposed correction for the next meeting.`;
  }
  return `The minutes of ${d.meetingDate} were agreed on one laptop while ${names(d.by)} edited them on another (${formatUkInstant(d.at)}): ${d.change}. The agreed minutes are unchanged; the edit is kept as a proposed correction for the next meeting.`;
}

/** "the meeting of 3 March 2026", or "a meeting" once it is gone. */
function meetingWords(db: Database, meetingId: string): string {
  const date = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(meetingId) as string | undefined;
  return date ? `the meeting of ${formatUkDate(date)}` : 'a meeting';
}

function describeAttendanceTwice(db: Database, d: AttendanceTwiceDetail): string {
  const meeting = meetingWords(db, d.meetingId);
  const said = (s: { status: string; by: string }): string => `${PRESENCE[s.status] ?? s.status} by ${s.by}`;
  return `${d.name}’s attendance at ${meeting} was recorded on two laptops while they were apart: ${said(d.kept)}, and ${said(d.other)}. ‘${PRESENCE[d.kept.status] ?? d.kept.status}’ is kept; correct the attendance if the other is right.`;
}

function describeAttendanceRemoved(db: Database, d: AttendanceRemovedDetail): string {
  const meeting = meetingWords(db, d.meetingId);
  const row = db.prepare('SELECT status, is_chair, is_vice_chair, is_minute_taker FROM attendance WHERE id = ?').get(d.attendanceId) as Record<string, string | number> | undefined;
  // As the row now stands here: the change that brought it back, or anything recorded since.
  const now = row ? ` (${[PRESENCE[String(row.status)] ?? String(row.status), ...MEETING_MARKS.filter((m) => row[`is_${m}`] === 1).map((m) => MEETING_MARK_WORD[m])].join(', ')})` : '';
  const text = `${d.name}’s attendance at ${meeting} was removed by ${d.deletedBy} (${formatUkInstant(d.deletedAt)}) while ${names(d.editedBy)} changed it on a laptop that had not yet heard of the removal.`;
  const versions = describeAttendanceVersions(db, d.attendanceId, d.versions);
  return `${text} The change is kept: ${d.name} is back in the attendance${now}.${versions ? ` ${versions}` : ''} Remove them from the attendance again if they should not be there.`;
}

function describeAttendanceField(db: Database, d: AttendanceFieldDetail): string {
  const words = (v: AttendanceFieldValue): string => fieldWords({ [d.field]: v.value }).join(', ');
  return `${d.name}’s attendance at ${meetingWords(db, d.meetingId)} was changed on two laptops while they were apart: ${words(d.kept)} by ${d.kept.by}, and ${words(d.other)} by ${d.other.by}. ‘${words(d.kept)}’ is kept; record ‘${words(d.other)}’ instead if that is right.`;
}

function describeMarkTwice(db: Database, d: MarkTwiceDetail): string {
  const meeting = meetingWords(db, d.meetingId);
  const role = MEETING_MARK_WORD[d.role] ?? d.role;
  return `Two laptops named a different ${role} for ${meeting} while they were apart: ${d.kept.name} (by ${d.kept.by}) and ${d.other.name} (by ${d.other.by}). A meeting has one ${role}: ${d.kept.name} is kept. Make ${d.other.name} the ${role} instead if that is right.`;
}

/** The board's conflicts not dismissed, newest first, each in words. */
export function listConflicts(db: Database, boardId: string): SyncConflict[] {
  const rows = db
    .prepare('SELECT id, kind, entity_id, detail, found_at FROM sync_conflicts WHERE board_id = ? AND dismissed_at IS NULL ORDER BY found_at DESC, id')
    .all(boardId) as Array<{ id: string; kind: SyncConflictKind; entity_id: string; detail: string; found_at: string }>;
  return rows
    .filter((r) => r.kind !== 'board_name_taken' || stillTaken(db, boardId, JSON.parse(r.detail) as BoardNameTaken))
    .map((r) => ({ id: r.id, kind: r.kind, entityId: r.entity_id, description: describe(db, r.kind, JSON.parse(r.detail)), foundAt: r.found_at }));
}
