// The decisions table: a decision's row, and the decision as the API shows it.
import type { Database } from '../db/driver';
import type { MinutesDecision } from '../../../shared/contract';

export interface DecisionRow {
  id: string;
  agenda_item_id: string;
  position: number;
  text: string;
  /** Set on the decision that records the agreement of a meeting's minutes: that meeting. */
  agrees_minutes_of: string | null;
  created_at: string;
  updated_at: string;
}

export const rowToDecision = (r: DecisionRow): MinutesDecision => ({
  id: r.id,
  itemId: r.agenda_item_id,
  position: r.position,
  text: r.text,
  agreesMinutesOf: r.agrees_minutes_of,
});

export function readDecisionRow(db: Database, decisionId: string): DecisionRow | undefined {
  return db.prepare('SELECT * FROM decisions WHERE id = ?').get(decisionId) as DecisionRow | undefined;
}

/** A meeting's decisions in the order each item prints them. */
export function readDecisionRows(db: Database, meetingId: string): DecisionRow[] {
  return db
    .prepare('SELECT d.* FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = ? ORDER BY d.position, d.created_at')
    .all(meetingId) as DecisionRow[];
}
