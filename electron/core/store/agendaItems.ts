// The agenda_items table: an item's row, and its fields as the API shows them.
import type { Database } from '../db/driver';
import type { AgendaItemFields } from '../../../shared/contract';
import type { ItemKind } from '../../../shared/domain/enums';
import { discussionTextOf } from './discussionText';
import { unpackDiscussion } from './discussionPacked';
import { lazyProperty } from './lazyProperty';

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  number: string;
  title: string;
  presenter: string | null;
  kind: ItemKind;
  /** The discussion's JSON, packed (discussionPacked.ts): read it as `discussion_json` of an AgendaItemReadRow. */
  discussion_deflated: Buffer | null;
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

/** An item as its readers get it: the discussion's JSON text as the editor saved it, in place of its stored form. */
export type AgendaItemReadRow = Omit<AgendaItemRow, 'discussion_deflated'> & { discussion_json: string | null };

/** The columns of an item without its discussion, for reads that do not need the text. */
export type AgendaItemFieldsRow = Omit<AgendaItemRow, 'discussion_deflated' | 'discussion_text' | 'from_item_id' | 'created_at'>;

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

/**
 * The row as read: its JSON unpacked and its text derived when first asked for (most reads of a
 * row never ask for the text; the editor's reads of a meeting ask for every JSON).
 */
function withText(stored: StoredAgendaItemRow): AgendaItemReadRow {
  const { discussion_deflated: packed, discussion_text: kept, ...rest } = stored;
  // A file before migration 0020 (the migrations' tests) has the JSON as text, read as it is.
  const row: Omit<AgendaItemReadRow, 'discussion_text'> =
    'discussion_json' in rest ? (rest as Omit<AgendaItemReadRow, 'discussion_text'>) : lazyProperty(rest, 'discussion_json', () => unpackDiscussion(packed));
  return lazyProperty(row, 'discussion_text', () => discussionTextOf(row.discussion_json, kept));
}

export function readAgendaItemRows(db: Database, meetingId: string): AgendaItemReadRow[] {
  return (db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ?').all(meetingId) as StoredAgendaItemRow[]).map(withText);
}

export function readAgendaItemRow(db: Database, itemId: string): AgendaItemReadRow | undefined {
  const row = db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as StoredAgendaItemRow | undefined;
  return row && withText(row);
}
