// The actions table: an action's row, its due as stored and as read, and the action as the API shows it.
import type { Database } from '../db/driver';
import type { ActionDue, ActionStatus, DueKind, MinutesAction, OwnerMatch } from '../../../shared/contract';

/** How an action's due is stored: as typed, and as read. */
export interface DueColumns {
  due_kind: DueKind;
  due_date: string | null;
  due_meeting_id: string | null;
  due_text: string | null;
}

export const dueOf = (r: DueColumns): ActionDue => ({ kind: r.due_kind, date: r.due_date, meetingId: r.due_meeting_id, text: r.due_text });

export interface ActionRow extends DueColumns {
  id: string;
  board_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  seq: number;
  reference: string;
  position: number;
  details: string;
  status: ActionStatus;
  superseded_by: string | null;
  closed_at_meeting_id: string | null;
  last_update_meeting_id: string | null;
  created_at: string;
  updated_at: string;
}

export function rowToAction(r: ActionRow, owners: OwnerMatch[]): MinutesAction {
  return {
    id: r.id,
    itemId: r.agenda_item_id ?? '',
    seq: r.seq,
    reference: r.reference,
    position: r.position,
    details: r.details,
    owners,
    due: dueOf(r),
    status: r.status,
  };
}

export function readActionRow(db: Database, actionId: string): ActionRow | undefined {
  return db.prepare('SELECT * FROM actions WHERE id = ?').get(actionId) as ActionRow | undefined;
}

/** Every action agreed at a meeting, in the order the minutes print them. */
export function readActionRows(db: Database, meetingId: string): ActionRow[] {
  return db.prepare('SELECT * FROM actions WHERE meeting_id = ? ORDER BY position, seq').all(meetingId) as ActionRow[];
}
