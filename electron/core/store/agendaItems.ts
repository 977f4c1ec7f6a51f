// The agenda_items table: an item's row, and its fields as the API shows them.
import type { Database } from '../db/driver';
import type { AgendaItemFields } from '../../../shared/contract';
import type { ItemKind } from '../../../shared/domain/enums';

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

export function readAgendaItemRows(db: Database, meetingId: string): AgendaItemRow[] {
  return db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ?').all(meetingId) as AgendaItemRow[];
}

export function readAgendaItemRow(db: Database, itemId: string): AgendaItemRow | undefined {
  return db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as AgendaItemRow | undefined;
}
