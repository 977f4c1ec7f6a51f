// The fields people type into a meeting's record, other than its attendance, watched for values
// set apart (fieldsApart.ts): an item's title, presenter, confidentiality and deferral, a
// decision's text, an action's details and due (its four columns one field), and the meeting's
// date, times, venue and next meeting. Not its housekeeping (ids, created/updated), nor what is
// derived or provisional (positions, numbers, references, sequences: renumbered on every laptop,
// so set apart as a matter of course), nor an action's status (its own event log:
// actionStatusLog.ts), nor a discussion (its own root, which merges). What the board's conflict
// log holds for one (kind field_twice), and its words.
import type { Database } from '../db/driver';
import { formatUkDate } from '../../../shared/domain/dates';
import type { ApartTable, FoundApart } from './fieldsApart';
import type { Row } from './registry';
import { one, text, type WordedField } from './fieldWords';

/** The tables of a meeting's record whose fields are watched, by the root that holds them. */
export const RECORD_TABLES = { agenda_items: 'agenda_items', decisions: 'decisions', actions: 'actions', meetings: 'meeting' } as const;
export type RecordTable = keyof typeof RECORD_TABLES;

type RecordField = WordedField;

function dueWords(v: Row): string {
  if (text(v.due_text)) return `“${text(v.due_text)}”`;
  if (text(v.due_date)) return formatUkDate(text(v.due_date));
  return v.due_kind === 'next_meeting' ? 'the next meeting' : 'no due date';
}

function nextWords(v: Row): string {
  const parts = [text(v.next_date) ? formatUkDate(text(v.next_date)) : '', text(v.next_time), text(v.next_venue)].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : 'none';
}

const FIELDS: Record<RecordTable, readonly RecordField[]> = {
  agenda_items: [
    one('title', 'title', 'no title'),
    one('presenter', 'presenter', 'no presenter'),
    { name: 'confidential', columns: ['confidential'], read: (v) => Number(v.confidential ?? 0) === 1, word: 'confidentiality', say: (v) => (Number(v.confidential ?? 0) === 1 ? 'confidential' : 'not confidential') },
    {
      name: 'deferred',
      columns: ['deferred', 'deferred_to_text', 'deferred_to_meeting_id'],
      word: 'deferral',
      say: (v) => (Number(v.deferred ?? 0) === 1 ? `deferred${text(v.deferred_to_text) ? ` to ${text(v.deferred_to_text)}` : ''}` : 'not deferred'),
    },
  ],
  decisions: [one('text', 'text', 'no text')],
  actions: [one('details', 'details', 'no details'), { name: 'due', columns: ['due_kind', 'due_date', 'due_meeting_id', 'due_text'], word: 'due date', say: dueWords }],
  meetings: [
    { name: 'meeting_date', columns: ['meeting_date'], word: 'date', say: (v) => (text(v.meeting_date) ? formatUkDate(text(v.meeting_date)) : 'no date') },
    one('start_time', 'start time', 'no start time'),
    one('end_time', 'end time', 'no end time'),
    one('venue', 'venue', 'no venue'),
    { name: 'next', columns: ['next_date', 'next_time', 'next_venue'], word: 'next meeting', say: nextWords },
  ],
};

const TABLES = Object.keys(RECORD_TABLES) as RecordTable[];

/** The record's roots and fields watched for values set apart. */
export const RECORD_APART: readonly ApartTable[] = TABLES.map((t) => ({ root: RECORD_TABLES[t], single: t === 'meetings', fields: FIELDS[t] }));

/** One field's value as one laptop set it: its columns. */
export interface FieldValue {
  values: Row;
  by: string;
}

/** What the board's conflict log holds for one field of an item, decision, action or meeting set to two values apart. */
export interface FieldTwiceDetail {
  meetingId: string;
  table: RecordTable;
  /** The row's id (the meeting's, for its own fields), and the item it sits under, if any. */
  rowId: string;
  itemId: string | null;
  field: string;
  /** The value the row holds (Yjs kept it), and the one it does not. */
  kept: FieldValue;
  other: FieldValue;
  /** Where the two laptops' values parted, as Yjs items (the kept side's, then the other's): the conflict's identity, however many laptops find it. */
  items: [string, string];
}

/** What the board's conflict log holds for one record field found set apart. */
export function recordFieldDetail(meetingId: string, found: FoundApart): FieldTwiceDetail {
  const table = TABLES.find((t) => RECORD_TABLES[t] === found.root) as RecordTable;
  const rowId = table === 'meetings' ? meetingId : ((JSON.parse(found.key) as string[])[0] as string);
  const item = table === 'agenda_items' ? rowId : found.map.get('agenda_item_id');
  return { meetingId, table, rowId, itemId: typeof item === 'string' ? item : null, field: found.field.name, kept: found.kept, other: found.other, items: found.items };
}

/** A field's value in words (“Budget”, not confidential, 31 March 2026), or null for a field not watched. */
export function valueWords(table: RecordTable, field: string, values: Row): string | null {
  const f = FIELDS[table]?.find((x) => x.name === field);
  return f ? f.say(values) : null;
}

/** What a field is called in words (“title”, “due date”), or null for a field not watched. */
export const fieldWord = (table: RecordTable, field: string): string | null => FIELDS[table]?.find((x) => x.name === field)?.word ?? null;

/** "item 3 “Budget”", "the decision under item 3 “Budget”", "action FIN/26/4" (as this laptop's tables now hold them), or null for the meeting's own. */
function recordWords(db: Database, d: FieldTwiceDetail): string | null {
  const item = (id: string | null): string | null => {
    const row = id ? (db.prepare('SELECT number, title FROM agenda_items WHERE id = ?').get(id) as { number: string; title: string } | undefined) : undefined;
    return row ? `item ${row.number} “${row.title}”` : null;
  };
  if (d.table === 'agenda_items') return item(d.rowId) ?? 'an item since deleted';
  if (d.table === 'decisions') return `a decision under ${item(d.itemId) ?? 'an item since deleted'}`;
  if (d.table === 'actions') {
    const reference = db.prepare('SELECT reference FROM actions WHERE id = ?').pluck().get(d.rowId) as string | undefined;
    return reference ? `action ${reference}` : 'an action since deleted';
  }
  return null;
}

/** The conflict in words: the record and field, the value kept and who set it, the one not kept and who set it. */
export function describeFieldTwice(db: Database, d: FieldTwiceDetail, meeting: string): string {
  const field = FIELDS[d.table]?.find((f) => f.name === d.field);
  if (!field) return `A field of ${meeting} was set to two values on two laptops while they were apart.`;
  const record = recordWords(db, d);
  const what = record ? `The ${field.word} of ${record} at ${meeting}` : `The ${field.word} of ${meeting}`;
  const kept = field.say(d.kept.values);
  const other = field.say(d.other.values);
  return `${what} was set on two laptops while they were apart: ${kept} by ${d.kept.by}, and ${other} by ${d.other.by}. ${kept.charAt(0).toUpperCase()}${kept.slice(1)} is kept; change it to ${other} if that is right.`;
}
