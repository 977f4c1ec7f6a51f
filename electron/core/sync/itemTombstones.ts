// The tombstone a laptop leaves in a meeting's document when it deletes an item: who deleted it,
// when, and how much of the item it had seen (per Yjs client, the last clock of the item's row,
// discussion, decisions, actions with their owners and progress, attendance and declaration notes,
// and sub-items with all of theirs). Written by the mirror, read by itemRestore.ts to
// tell a deletion made having seen every edit from one made while another laptop was editing.
// A member's attendance row removed is tombstoned the same way (its row and the notes on it), read
// by attendanceRestore.ts: a change made to the row apart from the removal brings it back.
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { nowInstant } from '../changelog';
import { discussionRoot, GIVEN_WAY_ROOT } from './docNames';
import type { MeetingReplica } from './replica';

/** In a meeting document: item id -> the tombstone of its deletion. */
export const DELETED_ITEMS_ROOT = 'deleted_items';

/** Per Yjs client (as text), the last clock of what a laptop held of an item. */
export type Clock = Record<string, number>;

/** Who removed a row, when, and how much of it they had seen. */
export interface Removal {
  by: string;
  at: string;
  seen: Clock;
}

export interface Tombstone extends Removal {
  number: string;
  title: string;
}

/** In a meeting document: attendance row id -> the tombstone of its removal. */
export const REMOVED_ATTENDANCE_ROOT = 'removed_attendance';

export interface AttendanceTombstone extends Removal {
  memberId: string | null;
  name: string;
  /** The notes on the row the removing laptop held (root and key, noteKey): one deleted apart is a change it had not seen (attendanceRestore.ts). */
  notes?: string[];
  /** A guest's action owners the removal left by the name written (owner id -> that name): they name the row again if it comes back (guestOwners.ts). */
  unlinked?: Record<string, string>;
}


export const rowKey = (id: string): string => JSON.stringify([id]);

function visitItem(item: Y.Item, clock: Map<number, number>): void {
  const last = item.id.clock + item.length - 1;
  if ((clock.get(item.id.client) ?? -1) < last) clock.set(item.id.client, last);
  if (item.content instanceof Y.ContentType) visitType(item.content.type, clock);
}

function visitType<T>(type: Y.AbstractType<T>, clock: Map<number, number>, skip?: ReadonlySet<string>): void {
  // A map key's earlier values hang off its latest to the left; a sequence's items run right.
  for (const [key, latest] of type._map) if (!skip?.has(key)) for (let i: Y.Item | null = latest; i; i = i.left) visitItem(i, clock);
  for (let i = type._start; i; i = i.right) visitItem(i, clock);
}

/**
 * The columns that say where a row sits among its siblings, not what it says. Adding or removing a
 * row renumbers the rows after it (an item's number and place, an attendance row's place in the
 * printed order), and that is no change of theirs: a laptop that removed one of them apart had not
 * missed an edit, and the removal stands.
 */
const PLACE_COLUMNS: ReadonlySet<string> = new Set(['number', 'position', 'updated_at']);

/** A row taken off (an item deleted, an attendance row removed): its map, and every value set in it except where it sits. */
function visitRow(row: Y.Item, clock: Map<number, number>): void {
  const last = row.id.clock + row.length - 1;
  if ((clock.get(row.id.client) ?? -1) < last) clock.set(row.id.client, last);
  if (row.content instanceof Y.ContentType) visitType(row.content.type, clock, PLACE_COLUMNS);
}

/** Rows of a meeting root (row key -> its row's Yjs item) whose column `column` is one of `ids`. */
function childRows(doc: Y.Doc, root: string, column: string, ids: ReadonlySet<string>): Array<[string, Y.Item]> {
  const out: Array<[string, Y.Item]> = [];
  for (const [key, item] of doc.getMap(root)._map) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const value = (item.content.type as Y.Map<unknown>).get(column);
    if (typeof value === 'string' && ids.has(value)) out.push([key, item]);
  }
  return out;
}

/**
 * How much of an item a document holds: its row, its discussion, its decisions, actions (their
 * owners and progress), attendance and declaration notes, and its sub-items with all of theirs:
 * anything added to an item is an edit of it.
 */
export function itemClock(doc: Y.Doc, itemId: string, clock = new Map<number, number>(), seen = new Set<string>()): Map<number, number> {
  if (seen.has(itemId)) return clock;
  seen.add(itemId);
  const row = doc.getMap('agenda_items')._map.get(rowKey(itemId));
  if (row) visitRow(row, clock);
  const discussion = doc.share.get(discussionRoot(itemId));
  if (discussion) visitType(discussion, clock);
  const item = new Set([itemId]);
  for (const [, i] of childRows(doc, 'decisions', 'agenda_item_id', item)) visitItem(i, clock);
  const actions = childRows(doc, 'actions', 'agenda_item_id', item);
  for (const [, i] of actions) visitItem(i, clock);
  const actionIds = new Set(actions.map(([key]) => (JSON.parse(key) as string[])[0] as string));
  for (const [, i] of childRows(doc, 'action_owners', 'action_id', actionIds)) visitItem(i, clock);
  for (const [, i] of childRows(doc, 'action_updates', 'action_id', actionIds)) visitItem(i, clock);
  for (const root of ['attendance_items', 'declarations']) for (const [, i] of childRows(doc, root, 'agenda_item_id', item)) visitItem(i, clock);
  for (const [key] of childRows(doc, 'agenda_items', 'parent_id', item)) itemClock(doc, (JSON.parse(key) as string[])[0] as string, clock, seen);
  return clock;
}

/** Inside the mirror's transaction, before the rows are written: a tombstone for each item this write deleted. */
export function markDeletedItems(db: Database, meeting: MeetingReplica, meetingId: string, actor: string, held: ReadonlySet<string>): void {
  const { doc } = meeting;
  // A meeting deleted as a whole takes its items with it: nothing to bring back there.
  if (db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId) === undefined) return;
  const here = new Set(db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
  const tombstones = doc.getMap<Tombstone>(DELETED_ITEMS_ROOT);
  for (const [key, row] of doc.getMap<Y.Map<unknown>>('agenda_items').entries()) {
    const id = (JSON.parse(key) as string[])[0] as string;
    // An item whose parent is already gone here was never deleted here: it waits for its parent to come back (orphanRows.ts).
    if (here.has(id) || !held.has(id) || !(row instanceof Y.Map)) continue;
    const seen = Object.fromEntries([...itemClock(doc, id)].map(([client, last]) => [String(client), last]));
    tombstones.set(id, { by: actor, at: nowInstant(), number: String(row.get('number') ?? ''), title: String(row.get('title') ?? ''), seen });
  }
}

/** The notes on an attendance row, each a row of its own root naming it (attendance_id). */
const ATTENDANCE_NOTE_ROOTS = ['declarations', 'attendance_items', 'guest_contacts'] as const;

/** A note's place in a meeting document: its root and its row key. */
export const noteKey = (root: string, key: string): string => `${root}\u0000${key}`;

/** The notes on an attendance row a document holds (noteKey). */
export function attendanceNotes(doc: Y.Doc, attendanceId: string): string[] {
  return ATTENDANCE_NOTE_ROOTS.flatMap((root) => childRows(doc, root, 'attendance_id', new Set([attendanceId])).map(([key]) => noteKey(root, key)));
}

/** The notes of every attendance row a document knows of as deleted (noteKey): a deletion leaves no clock, so it is told by its key. */
export function deletedNotes(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  for (const root of ATTENDANCE_NOTE_ROOTS) for (const [key, item] of doc.getMap(root)._map) if (item.deleted) out.add(noteKey(root, key));
  return out;
}

/** How much of an attendance row a document holds: the row (its status and marks) and the notes on it. */
export function attendanceClock(doc: Y.Doc, attendanceId: string): Map<number, number> {
  const clock = new Map<number, number>();
  const row = doc.getMap('attendance')._map.get(rowKey(attendanceId));
  if (row && !row.deleted) visitRow(row, clock);
  const ids = new Set([attendanceId]);
  for (const root of ATTENDANCE_NOTE_ROOTS) for (const [, i] of childRows(doc, root, 'attendance_id', ids)) visitItem(i, clock);
  return clock;
}

/**
 * Inside the mirror's transaction, before the rows are written: a tombstone for each attendance row
 * this write removed. A row given way to another of the same member's (naturalKeys.ts) is not removed:
 * its notes went to the row kept.
 */
export function markRemovedAttendance(db: Database, meeting: MeetingReplica, meetingId: string, actor: string): void {
  const { doc } = meeting;
  if (db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId) === undefined) return;
  const here = new Set(db.prepare('SELECT id FROM attendance WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
  const givenWay = doc.getMap(GIVEN_WAY_ROOT);
  const tombstones = doc.getMap<AttendanceTombstone>(REMOVED_ATTENDANCE_ROOT);
  for (const [key, row] of doc.getMap<Y.Map<unknown>>('attendance').entries()) {
    const id = (JSON.parse(key) as string[])[0] as string;
    if (here.has(id) || givenWay.has(id) || !(row instanceof Y.Map)) continue;
    const seen = Object.fromEntries([...attendanceClock(doc, id)].map(([client, last]) => [String(client), last]));
    const memberId = (row.get('member_id') as string | null | undefined) ?? null;
    const unlinked = unlinkedOwners(db, doc, id);
    const notes = attendanceNotes(doc, id);
    tombstones.set(id, { by: actor, at: nowInstant(), memberId, name: String(row.get('display_name') ?? ''), seen, notes, ...(unlinked ? { unlinked } : {}) });
  }
}

/** The owners the document links to a guest's row that the removal's write left by the name written (ON DELETE SET NULL), or undefined. */
function unlinkedOwners(db: Database, doc: Y.Doc, attendanceId: string): Record<string, string> | undefined {
  const read = db.prepare('SELECT name_text FROM action_owners WHERE id = ? AND attendance_id IS NULL AND name_text IS NOT NULL').pluck();
  const out: Record<string, string> = {};
  for (const [key] of childRows(doc, 'action_owners', 'attendance_id', new Set([attendanceId]))) {
    const ownerId = (JSON.parse(key) as string[])[0] as string;
    const name = read.get(ownerId) as string | undefined;
    if (name !== undefined) out[ownerId] = name;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
