// One field of a member's attendance row (its status, or a mark: chair, vice-chair, minute-taker)
// set to different values on two laptops while apart. The row's columns are keys of one Y.Map, so
// changes of different fields merge; for one key Yjs keeps the value of the higher client id, and
// nothing would say that Brian recorded "apologies" while Ann recorded "present". Yjs 13 writes a
// key's new value as an item whose `origin` is the value its writer had seen there (YMap set:
// typeMapSet; a deleted value keeps its item and origin, only its content goes), so each value's
// history can be followed back: where the value that won and the value it replaced part, neither
// writer saw the other's. The laptop whose value was replaced finds it when the batch arrives
// (a third laptop too, if it held one side first); the value it held is read from the snapshot
// taken before the batch, as it may be collected once replaced. What it found goes into the
// board's conflict log, read by every laptop (the laptop whose value won, too), and it is one
// conflict whichever laptops found it: named by the two items where the values parted. A change
// made having seen the other value follows it in that history, and is no conflict.
import * as Y from 'yjs';
import { MEETING_MARKS } from '../../../shared/domain/enums';
import type { AttendanceFields } from './attendanceVersions';
import { conflictLog, type AttendanceFieldDetail } from './conflicts';
import { holdsFrozenCopy } from './frozenRecord';
import { MARK_COLUMNS } from './meetingChairs';
import { LAPTOPS_ROOT, LOCAL_ORIGIN } from './mirror';
import type { BoardReplica } from './replica';

type Field = keyof AttendanceFields;

const FIELDS: readonly Field[] = ['status', ...MEETING_MARKS];

const columnOf = (field: Field): string => (field === 'status' ? 'status' : MARK_COLUMNS[field]);

const valueOf = (field: Field, value: unknown): AttendanceFields[Field] => (field === 'status' ? String(value) : Number(value ?? 0) === 1);

const named = (id: Y.ID): string => `${id.client}:${id.clock}`;

/** Before a batch: each attendance row's map (its item) and, per field, the item holding its value and the value. */
export type FieldSnapshot = Map<string, { row: string; fields: Map<Field, { item: Y.ID; value: AttendanceFields[Field] }> }>;

export function snapshotFields(doc: Y.Doc): FieldSnapshot {
  const snapshot: FieldSnapshot = new Map();
  const root = doc.getMap('attendance');
  for (const [key, rowItem] of root._map) {
    const map = root.get(key);
    if (rowItem.deleted || !(map instanceof Y.Map)) continue;
    const fields = new Map<Field, { item: Y.ID; value: AttendanceFields[Field] }>();
    for (const field of FIELDS) {
      const item = map._map.get(columnOf(field));
      if (item && !item.deleted) fields.set(field, { item: Y.createID(item.id.client, item.id.clock), value: valueOf(field, item.content.getContent()[0]) });
    }
    snapshot.set(key, { row: named(rowItem.id), fields });
  }
  return snapshot;
}

/** The value a key's value at `id` was written over (null: the first), or undefined where the history is no longer known. */
function originOf(doc: Y.Doc, id: Y.ID): Y.ID | null | undefined {
  let struct: unknown;
  try {
    struct = Y.getItem(doc.store, id);
  } catch {
    return undefined;
  }
  if (!(struct instanceof Y.Item)) return undefined;
  // Consecutive values of one writer, deleted since, may be merged into one item: each one's origin is the one before.
  return id.clock > struct.id.clock ? Y.createID(id.client, id.clock - 1) : struct.origin;
}

/**
 * Where the histories of the value now held (`now`) and the value held before the batch (`was`)
 * part: the first item of each side after the value both had seen, as [now's side, was's side];
 * null when `now` was written having seen `was` (or the history is not known).
 */
function parting(doc: Y.Doc, was: Y.ID, now: Y.ID): [Y.ID, Y.ID] | null {
  // The history of `was`: each value, and the value it was written over.
  const history: Array<{ id: Y.ID; origin: Y.ID | null }> = [];
  for (let id: Y.ID | null = was; id !== null; ) {
    const origin = originOf(doc, id);
    if (origin === undefined) break;
    history.push({ id, origin });
    id = origin;
  }
  const onHistory = new Set(history.map((h) => named(h.id)));
  const same = (x: Y.ID | null, y: Y.ID | null): boolean => (x === null || y === null ? x === y : named(x) === named(y));
  for (let kept = now; ; ) {
    const origin = originOf(doc, kept);
    if (origin === undefined) return null;
    if (origin !== null && !onHistory.has(named(origin))) {
      kept = origin;
      continue;
    }
    // `origin` is the last value both sides had seen (null: none). Written over `was` itself: a change made having seen it.
    if (same(origin, was)) return null;
    const other = history.find((h) => same(h.origin, origin));
    return other ? [kept, other.id] : null;
  }
}

/** After the batch, before it is projected: each field whose value here was replaced by one written without seeing it, with a different value. */
export function fieldsSetApart(replica: BoardReplica, snapshot: ReadonlyMap<string, FieldSnapshot>): AttendanceFieldDetail[] {
  const found: AttendanceFieldDetail[] = [];
  for (const [meetingId, rows] of snapshot) {
    const { doc } = replica.meeting(meetingId);
    // A meeting deleted whole takes its attendance with it; agreed minutes are never changed by sync.
    if (doc.getMap('meeting').size === 0 || holdsFrozenCopy(doc)) continue;
    const root = doc.getMap('attendance');
    const laptops = doc.getMap<string>(LAPTOPS_ROOT);
    const by = (id: Y.ID): string => laptops.get(String(id.client)) ?? 'another laptop';
    for (const [key, before] of rows) {
      // A row removed, or set anew (brought back, attendanceRestore.ts), is not this conflict.
      const rowItem = root._map.get(key);
      const map = root.get(key);
      if (!rowItem || rowItem.deleted || named(rowItem.id) !== before.row || !(map instanceof Y.Map)) continue;
      for (const [field, was] of before.fields) {
        const now = map._map.get(columnOf(field));
        if (!now || now.deleted || named(now.id) === named(was.item)) continue;
        const value = valueOf(field, now.content.getContent()[0]);
        const parted = value === was.value ? null : parting(doc, was.item, now.id);
        if (!parted) continue;
        const memberId = map.get('member_id');
        found.push({
          meetingId,
          attendanceId: (JSON.parse(key) as string[])[0] as string,
          memberId: typeof memberId === 'string' ? memberId : null,
          name: String(map.get('display_name') ?? ''),
          field,
          kept: { value, by: by(now.id) },
          other: { value: was.value, by: by(was.item) },
          items: [named(parted[0]), named(parted[1])],
        });
      }
    }
  }
  return found;
}

/** Inside the projection's write: each field set apart into the board's conflict log, once (a laptop that finds one already logged adds nothing). */
export function logFieldsSetApart(replica: BoardReplica, found: readonly AttendanceFieldDetail[]): void {
  const log = conflictLog(replica.board);
  const identity = (d: AttendanceFieldDetail): string => JSON.stringify([d.attendanceId, d.field, d.items]);
  const logged = new Set(log.toArray().flatMap((c) => (c.kind === 'attendance_field_twice' ? [identity(c.detail)] : [])));
  const fresh = found.filter((d) => !logged.has(identity(d)) && logged.add(identity(d)));
  if (fresh.length > 0) replica.board.transact(() => log.push(fresh.map((detail) => ({ kind: 'attendance_field_twice' as const, entity: detail.attendanceId, detail }))), LOCAL_ORIGIN);
}
