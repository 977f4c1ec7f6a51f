// The agenda_items table: an item's row, and its fields as the API shows them.
import type { Database } from '../db/driver';
import type { AgendaItemFields } from '../../../shared/contract';
import type { ItemKind } from '../../../shared/domain/enums';
import { discussionTextOf } from './discussionText';

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  number: string;
  title: string;
  presenter: string | null;
  kind: ItemKind;
  discussion_json: string | null;
  /** As read: the discussion's plain text (stored only where the JSON cannot give it; see discussionText.ts). */
  discussion_text: string;
  confidential: number;
  deferred: number;
  deferred_to_text: string | null;
  deferred_to_meeting_id: string | null;
  from_item_id: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns of an item without its discussion, for reads that do not need the text. */
export type AgendaItemFieldsRow = Omit<AgendaItemRow, 'discussion_json' | 'discussion_text' | 'from_item_id' | 'created_at'>;

export const AGENDA_ITEM_FIELDS_SQL = `SELECT id, meeting_id, parent_id, position, number, title, presenter, kind, confidential, deferred,
  deferred_to_text, deferred_to_meeting_id, updated_at FROM agenda_items`;

export function rowToAgendaItemFields(row: AgendaItemFieldsRow): AgendaItemFields {
  return {
    id: row.id,
    parentId: row.parent_id,
    position: row.position,
    number: row.number,
    depth: row.parent_id ? 2 : 1,
    title: row.title,
    presenter: row.presenter,
    kind: row.kind,
    confidential: row.confidential === 1,
    deferred: row.deferred === 1,
    deferredToText: row.deferred_to_text,
    deferredToMeetingId: row.deferred_to_meeting_id,
    updatedAt: row.updated_at,
  };
}

/** A row as stored: its text column is NULL wherever the text is derived from the JSON. */
type StoredAgendaItemRow = Omit<AgendaItemRow, 'discussion_text'> & { discussion_text: string | null };

/** The row with its text as read, derived when first asked for (most reads of a row never ask). */
function withText(row: StoredAgendaItemRow): AgendaItemRow {
  const kept = row.discussion_text;
  let text: string | undefined;
  return Object.defineProperty(row, 'discussion_text', {
    enumerable: true,
    get: () => (text ??= discussionTextOf(row.discussion_json, kept)),
  }) as AgendaItemRow;
}

export function readAgendaItemRows(db: Database, meetingId: string): AgendaItemRow[] {
  return (db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ?').all(meetingId) as StoredAgendaItemRow[]).map(withText);
}

export function readAgendaItemRow(db: Database, itemId: string): AgendaItemRow | undefined {
  const row = db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as StoredAgendaItemRow | undefined;
  return row && withText(row);
}
