// The between_updates table: progress reported on an action between meetings. Its row, the
// update as the API shows it, and the reads every screen shares: an action's updates, what a
// meeting shows "since the last meeting", and each action's latest report (one definition).
import type { Database } from '../db/driver';
import type { BetweenUpdate } from '../../../shared/contract';
import type { BetweenUpdateStatus } from '../../../shared/domain/enums';

export interface BetweenUpdateRow {
  id: string;
  action_id: string;
  reported_on: string;
  text: string;
  status: BetweenUpdateStatus;
  reported_by: string | null;
  recorded_at: string;
  updated_at: string;
}

export const rowToBetweenUpdate = (r: BetweenUpdateRow): BetweenUpdate => ({
  id: r.id,
  actionId: r.action_id,
  date: r.reported_on,
  text: r.text,
  status: r.status,
  reportedBy: r.reported_by,
  recordedAt: r.recorded_at,
});

// Reported the same day: in the order typed.
const ORDER = 'ORDER BY reported_on, recorded_at, id';

/** One action's between-meeting updates, oldest first. */
export function readBetweenUpdates(db: Database, actionId: string): BetweenUpdate[] {
  return (db.prepare(`SELECT * FROM between_updates WHERE action_id = ? ${ORDER}`).all(actionId) as BetweenUpdateRow[]).map(rowToBetweenUpdate);
}

export function readBetweenUpdateRow(db: Database, id: string): BetweenUpdateRow | undefined {
  return db.prepare('SELECT * FROM between_updates WHERE id = ?').get(id) as BetweenUpdateRow | undefined;
}

/**
 * What a meeting of the board held on `date` shows "since the last meeting", by action: the
 * updates reported on or after the board's last meeting before it, and before its own day.
 */
export function sinceLastMeeting(db: Database, meeting: { board_id: string; meeting_date: string }, actionIds: readonly string[]): Map<string, BetweenUpdate[]> {
  const out = new Map<string, BetweenUpdate[]>();
  if (actionIds.length === 0) return out;
  const previous = db
    .prepare('SELECT max(meeting_date) FROM meetings WHERE board_id = ? AND cancelled = 0 AND meeting_date < ?')
    .pluck()
    .get(meeting.board_id, meeting.meeting_date) as string | null;
  const rows = db
    .prepare(
      `SELECT u.* FROM between_updates u JOIN json_each(?) j ON j.value = u.action_id
       WHERE u.reported_on >= ? AND u.reported_on < ? ${ORDER}`,
    )
    .all(JSON.stringify(actionIds), previous ?? '0000-00-00', meeting.meeting_date) as BetweenUpdateRow[];
  for (const r of rows) {
    const list = out.get(r.action_id) ?? [];
    list.push(rowToBetweenUpdate(r));
    out.set(r.action_id, list);
  }
  return out;
}

/**
 * The latest report on each action that came after the last progress its minutes recorded: the
 * one definition of "latest reported between meetings" (the log, the reminders and the briefing
 * all read it here). A report older than the last meeting update is history, not news.
 */
export function latestReports(db: Database, actionIds: readonly string[]): Map<string, BetweenUpdate> {
  const out = new Map<string, BetweenUpdate>();
  if (actionIds.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT u.* FROM between_updates u JOIN json_each(?) j ON j.value = u.action_id
       JOIN actions a ON a.id = u.action_id
       LEFT JOIN meetings lum ON lum.id = a.last_update_meeting_id
       WHERE lum.id IS NULL OR u.reported_on >= lum.meeting_date
       ${ORDER}`,
    )
    .all(JSON.stringify(actionIds)) as BetweenUpdateRow[];
  for (const r of rows) out.set(r.action_id, rowToBetweenUpdate(r));
  return out;
}
