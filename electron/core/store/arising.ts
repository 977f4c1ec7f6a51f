// The tables a meeting's matters arising are recorded in: carried_actions (the earlier actions
// it listed, with their status before it), action_updates (progress recorded at it) and
// dismissed_deferrals (items deferred to it that it set aside).
import type { Database } from '../db/driver';
import type { ActionStatus } from '../../../shared/contract';

export interface CarriedActionRow {
  meeting_id: string;
  action_id: string;
  position: number;
  status_before: ActionStatus;
}

export interface ActionUpdateRow {
  id: string;
  action_id: string;
  meeting_id: string;
  text: string;
  status: ActionStatus;
  superseded_by: string | null;
  recorded_at: string;
  updated_at: string;
}

export interface DismissedDeferralRow {
  meeting_id: string;
  item_id: string;
  dismissed_at: string;
}

export function readCarriedActionRows(db: Database, meetingId: string): CarriedActionRow[] {
  return db.prepare('SELECT * FROM carried_actions WHERE meeting_id = ? ORDER BY position, action_id').all(meetingId) as CarriedActionRow[];
}

export function readActionUpdateRows(db: Database, meetingId: string): ActionUpdateRow[] {
  return db.prepare('SELECT * FROM action_updates WHERE meeting_id = ? ORDER BY id').all(meetingId) as ActionUpdateRow[];
}

export function readDismissedDeferralRows(db: Database, meetingId: string): DismissedDeferralRow[] {
  return db.prepare('SELECT * FROM dismissed_deferrals WHERE meeting_id = ? ORDER BY item_id').all(meetingId) as DismissedDeferralRow[];
}

/** An earlier action as a meeting's matters arising show it: listed (carried) or updated there. */
export interface ArisingActionRow {
  id: string;
  reference: string;
  details: string;
  /** Its status as the meeting began (for an action updated but not listed, its update's). */
  status: ActionStatus;
  /** The order the meeting lists it in; updated but unlisted actions come last. */
  position: number;
  update_text: string | null;
  update_status: ActionStatus | null;
  /** Agreed under a confidential item (or a sub-item of one): 1. */
  confidential: number | null;
}

/** The earlier actions a meeting's matters arising record, in the order they are printed. */
export function readArisingActionRows(db: Database, meetingId: string): ArisingActionRow[] {
  return db
    .prepare(
      `SELECT a.id, a.reference, a.details, c.status_before AS status, c.position,
         (SELECT u.text FROM action_updates u WHERE u.action_id = a.id AND u.meeting_id = c.meeting_id) AS update_text,
         (SELECT u.status FROM action_updates u WHERE u.action_id = a.id AND u.meeting_id = c.meeting_id) AS update_status,
         (SELECT max(coalesce(i.confidential, 0), coalesce(p.confidential, 0)) FROM agenda_items i
            LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.id = a.agenda_item_id) AS confidential
       FROM carried_actions c JOIN actions a ON a.id = c.action_id WHERE c.meeting_id = ?
       UNION ALL
       SELECT a.id, a.reference, a.details, u.status, 1000000, u.text, u.status,
         (SELECT max(coalesce(i.confidential, 0), coalesce(p.confidential, 0)) FROM agenda_items i
            LEFT JOIN agenda_items p ON p.id = i.parent_id WHERE i.id = a.agenda_item_id)
       FROM action_updates u JOIN actions a ON a.id = u.action_id
       WHERE u.meeting_id = ? AND NOT EXISTS (SELECT 1 FROM carried_actions c WHERE c.meeting_id = u.meeting_id AND c.action_id = u.action_id)
       ORDER BY 5, 2`,
    )
    .all(meetingId, meetingId) as ArisingActionRow[];
}
