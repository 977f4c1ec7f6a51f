// A field set on one laptop while another, apart, set it too and agreed the minutes. The agreement's
// frozen copy holds its own value (the record: frozenRecord.ts), and Yjs, keeping one value of a
// map key, may keep the record's value in the live rows as well: the other value is then in no
// document, no table and no correction, and the difference frozenEdit.ts looks for (live rows
// against the copy) never shows. The laptop that held the other value finds it when the batch
// replaces it, with the one detector of values set apart (fieldsApart.ts), and where it differs
// from the record it becomes a proposed correction for the next meeting, as any edit the agreement
// had not seen does. Every laptop that finds it makes the same row (its id from where the two
// values parted, its words from the record and the document alone), synced with the board.
import type { Database } from '../db/driver';
import type { WriteHandle } from '../store/write';
import { formatUkDate } from '../../../shared/domain/dates';
import type { MeetingMark } from '../../../shared/domain/enums';
import { MEETING_MARK_WORD } from '../../../shared/domain/meetingMarks';
import { conflictLog, type AgreedEditDetail } from './conflicts';
import { findApart, type FoundApart } from './fieldsApart';
import { MEETING_APART, type FieldSnapshot } from './fieldsSetApart';
import { derivedId } from './frozenEdit';
import { frozenCopy, frozenTableRows, type FrozenCopy } from './frozenRecord';
import { LOCAL_ORIGIN } from './mirror';
import { fieldWord, RECORD_TABLES, valueWords, type RecordTable } from './recordFields';
import { AGREED_AT_KEY, tablesOf, type Row, type SyncedTable } from './registry';
import type { BoardReplica } from './replica';

/** A value set apart from agreed minutes, lost from them: the words of its correction, and its identity. */
export interface LostValue {
  meetingId: string;
  id: string;
  item: { id: string; number: string; title: string } | null;
  change: string;
  by: string;
}

const same = (a: Row, b: Row, columns: readonly string[]): boolean => columns.every((c) => (a[c] ?? null) === (b[c] ?? null));

/** The item a row sits under, as agreed. */
function agreedItem(db: Database, copy: FrozenCopy, itemId: unknown): LostValue['item'] {
  if (typeof itemId !== 'string') return null;
  const row = frozenTableRows(db, copy, tablesOf('meeting').find((t) => t.table === 'agenda_items') as SyncedTable).get(JSON.stringify([itemId]));
  return row ? { id: itemId, number: String(row.number ?? ''), title: String(row.title ?? '') } : null;
}

/** What the value not kept would have made of the record, in words. */
function changeWords(table: SyncedTable, found: FoundApart, agreed: Row): string {
  const values = found.other.values;
  if (table.table === 'attendance') {
    const name = String(agreed.display_name ?? found.map.get('display_name') ?? 'a member');
    const [column] = found.field.columns;
    return found.field.name === 'status'
      ? `${name}’s attendance was recorded as ${String(values.status)}`
      : `${name} was ${Number(values[column!] ?? 0) === 1 ? '' : 'no longer '}marked as ${MEETING_MARK_WORD[found.field.name as MeetingMark] ?? found.field.name}`;
  }
  const recordTable = table.table as RecordTable;
  const word = fieldWord(recordTable, found.field.name) ?? found.field.name;
  const value = valueWords(recordTable, found.field.name, values) ?? 'another value';
  const what = table.table === 'decisions' ? `a decision’s ${word}` : table.table === 'actions' ? `action ${String(agreed.reference ?? '')}’s ${word}` : `the ${word}`;
  return `${what} was changed to ${value}`;
}

/**
 * After a batch, before it is projected: the values of agreed minutes' fields this laptop held that
 * the batch replaced with values written without seeing them, where the record holds another value.
 */
export function lostFromRecord(db: Database, replica: BoardReplica, snapshot: ReadonlyMap<string, FieldSnapshot>): LostValue[] {
  const lost: LostValue[] = [];
  for (const [meetingId, fields] of snapshot) {
    const { doc } = replica.meeting(meetingId);
    const copy = frozenCopy(doc);
    if (!copy || doc.getMap('meeting').size === 0) continue;
    for (const found of findApart(doc, MEETING_APART, fields)) {
      const table = tablesOf('meeting').find((t) => t.root === found.root);
      if (!table || !(table.table in RECORD_TABLES || table.table === 'attendance')) continue;
      const rows = frozenTableRows(db, copy, table);
      const agreed = table.table === 'meetings' ? [...rows.values()][0] : rows.get(found.key);
      // A row the record does not hold (added apart) is an edit frozenEdit.ts sees in the live rows.
      if (!agreed || same(found.other.values, agreed, found.field.columns)) continue;
      const itemId = table.table === 'agenda_items' ? agreed.id : table.table === 'decisions' || table.table === 'actions' ? agreed.agenda_item_id : null;
      lost.push({
        meetingId,
        id: derivedId(`lost-value\u0000${meetingId}\u0000${JSON.stringify([found.root, found.key, found.field.name, found.items])}`),
        item: agreedItem(db, copy, itemId),
        change: changeWords(table, found, agreed),
        by: found.other.by,
      });
    }
  }
  return lost;
}

/** Inside the projection's write, after it: each lost value a proposed correction (once, whichever laptop found it) and an agreed_edited conflict. */
export function proposeLostValues(w: WriteHandle, replica: BoardReplica, lost: readonly LostValue[]): void {
  const log = conflictLog(replica.board);
  const logged = new Set(log.toArray().flatMap((c) => (c.kind === 'agreed_edited' ? [c.detail.correction] : [])));
  const fresh: Array<{ kind: 'agreed_edited'; entity: string; detail: AgreedEditDetail }> = [];
  for (const v of lost) {
    const m = w.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').get(v.meetingId) as { meeting_date: string } | undefined;
    if (!m) continue;
    const agreedAt = String(replica.meeting(v.meetingId).doc.getMap('meeting').get(AGREED_AT_KEY) ?? '');
    // Found only where the frozen copy is, which is written with the agreement: its time dates the correction.
    if (!agreedAt) continue;
    const words = v.item ? `item ${v.item.number} “${v.item.title}”: ${v.change}` : v.change;
    const what = `Proposed from an edit to the minutes made on ${v.by}’s laptop while they were being agreed on another: ${words}.`.slice(0, 5_000);
    const why = `The minutes of ${formatUkDate(m.meeting_date)} were agreed as accurate on another laptop before it had heard of this edit; the edit was not merged into the record and is put to the next meeting as a correction.`;
    const inserted = w.db
      .prepare('INSERT OR IGNORE INTO corrections (id, meeting_id, agreed_at_meeting_id, correction_date, what, why, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)')
      .run(v.id, v.meetingId, agreedAt.slice(0, 10), what, why, agreedAt);
    if (inserted.changes > 0) w.log({ entity: 'correction', entityId: v.id, action: 'create', detail: { meetingId: v.meetingId, what, why, agreedAtMeetingId: null, proposedFromSync: true } });
    if (logged.has(v.id)) continue;
    logged.add(v.id);
    const detail: AgreedEditDetail = { meetingDate: formatUkDate(m.meeting_date), item: v.item?.id ?? null, number: v.item?.number ?? null, title: v.item?.title ?? null, change: words, by: [v.by], at: agreedAt, correction: v.id };
    fresh.push({ kind: 'agreed_edited', entity: v.meetingId, detail });
  }
  if (fresh.length > 0) replica.board.transact(() => log.push(fresh), LOCAL_ORIGIN);
}
