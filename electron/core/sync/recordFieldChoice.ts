// "Use … instead" for one field of an item (title, presenter, confidentiality), a decision (its
// text) or an action (details, due) set to two values apart (recordFields.ts): the value not kept,
// offered where the minutes can still be edited and the field does not already hold it, as the
// ordinary edit of that field (updateAgendaItem, updateDecision, updateAction), which the dialog
// makes as any edit is made, so it syncs to every laptop and, made having seen the value kept, is
// no new conflict. An item's deferral and the meeting's own details have no such single edit here:
// their entries offer Dismiss only, and say what to change.
import type { UseFieldChoice } from '../../../shared/contract';
import type { MeetingStatus } from '../../../shared/domain/enums';
import type { Store } from '../db/open';
import { lockFor } from '../minutes/editable';
import type { Row } from './registry';
import { valueWords, type FieldTwiceDetail, type RecordTable } from './recordFields';

/** Each field the choice can set: the row's table and field, the columns compared, and the edit's input from the other value. */
const EDITS: ReadonlyArray<{ table: RecordTable; field: string; columns: readonly string[]; edit: (rowId: string, v: Row) => Omit<UseFieldChoice, 'words'> }> = [
  { table: 'agenda_items', field: 'title', columns: ['title'], edit: (itemId, v) => ({ method: 'updateAgendaItem', input: { itemId, title: String(v.title ?? '') } }) },
  { table: 'agenda_items', field: 'presenter', columns: ['presenter'], edit: (itemId, v) => ({ method: 'updateAgendaItem', input: { itemId, presenter: v.presenter === null ? null : String(v.presenter ?? '') } }) },
  { table: 'agenda_items', field: 'confidential', columns: ['confidential'], edit: (itemId, v) => ({ method: 'updateAgendaItem', input: { itemId, confidential: Number(v.confidential ?? 0) === 1 } }) },
  { table: 'decisions', field: 'text', columns: ['text'], edit: (decisionId, v) => ({ method: 'updateDecision', input: { decisionId, text: String(v.text ?? '') } }) },
  { table: 'actions', field: 'details', columns: ['details'], edit: (actionId, v) => ({ method: 'updateAction', input: { actionId, details: String(v.details ?? '') } }) },
  // A due is set as typed, and read again as the edit reads it: the words typed are its one value here.
  { table: 'actions', field: 'due', columns: ['due_text'], edit: (actionId, v) => ({ method: 'updateAction', input: { actionId, due: String(v.due_text ?? '') } }) },
];

/** Where each table's row sits: its meeting, for whether the minutes can still be edited. */
const MEETING_OF: Partial<Record<RecordTable, string>> = {
  agenda_items: 'SELECT t.meeting_id FROM agenda_items t WHERE t.id = ?',
  decisions: 'SELECT i.meeting_id FROM decisions t JOIN agenda_items i ON i.id = t.agenda_item_id WHERE t.id = ?',
  actions: 'SELECT t.meeting_id FROM actions t WHERE t.id = ?',
};

function detailOf(store: Store, boardId: string, conflictId: string): FieldTwiceDetail | null {
  const json = store.db.prepare("SELECT detail FROM sync_conflicts WHERE id = ? AND board_id = ? AND kind = 'field_twice'").pluck().get(conflictId, boardId) as string | undefined;
  if (!json) return null;
  const d = JSON.parse(json) as Partial<FieldTwiceDetail>;
  return typeof d.rowId === 'string' && typeof d.table === 'string' && typeof d.field === 'string' && d.other?.values ? (d as FieldTwiceDetail) : null;
}

/** What the conflict offers: the value not kept, as the ordinary edit sets it, where it can succeed and changes something. */
export function useFieldFor(store: Store, boardId: string, conflictId: string): UseFieldChoice | undefined {
  const d = detailOf(store, boardId, conflictId);
  const edit = d ? EDITS.find((e) => e.table === d.table && e.field === d.field) : undefined;
  const where = d ? MEETING_OF[d.table] : undefined;
  if (!d || !edit || !where) return undefined;
  const meetingId = store.db.prepare(where).pluck().get(d.rowId) as string | undefined;
  const meeting = meetingId ? (store.db.prepare('SELECT status FROM meetings WHERE id = ? AND board_id = ?').get(meetingId, boardId) as { status: MeetingStatus } | undefined) : undefined;
  if (!meeting || lockFor(meeting.status).content) return undefined;
  const columns = edit.columns.map((c) => `"${c}"`).join(', ');
  const here = store.db.prepare(`SELECT ${columns} FROM ${d.table} WHERE id = ?`).get(d.rowId) as Row | undefined;
  if (!here || edit.columns.every((c) => (here[c] ?? null) === (d.other.values[c] ?? null))) return undefined;
  const words = valueWords(d.table, d.field, d.other.values) ?? '';
  return { words: words.startsWith('“') ? words : `‘${words}’`, ...edit.edit(d.rowId, d.other.values) } as UseFieldChoice;
}
