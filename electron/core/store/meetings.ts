// The meetings table: its row, and a meeting as the API shows it (summary and header).
import type { Database } from '../db/driver';
import type { MeetingDetail, MeetingStatus, MeetingSummary } from '../../../shared/contract';

export interface MeetingRow {
  id: string;
  board_id: string;
  board_name: string;
  meeting_date: string;
  start_time: string | null;
  end_time: string | null;
  venue: string | null;
  status: MeetingStatus;
  cancelled: number;
  next_date: string | null;
  next_time: string | null;
  next_venue: string | null;
  previous_meeting_id: string | null;
  action_seq_issued: number;
  circulated_at: string | null;
  agreed_at_meeting_id: string | null;
  agreed_on: string | null;
  agreement_amendments: string | null;
  content_hash: string | null;
  /** Which shape of content the stored hash was taken over (see lifecycle/contentHash.ts). */
  content_version: number | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** How many items and actions the minutes have, shown beside the meeting in lists. */
export interface MeetingCounts {
  item_count: number;
  action_count: number;
}

export function rowToMeetingSummary(row: MeetingRow & MeetingCounts): MeetingSummary {
  return {
    id: row.id,
    boardId: row.board_id,
    boardName: row.board_name,
    date: row.meeting_date,
    startTime: row.start_time,
    endTime: row.end_time,
    venue: row.venue,
    status: row.status,
    itemCount: row.item_count,
    actionCount: row.action_count,
  };
}

export function rowToMeetingDetail(row: MeetingRow & MeetingCounts): MeetingDetail {
  return {
    ...rowToMeetingSummary(row),
    nextMeeting: { date: row.next_date, time: row.next_time, venue: row.next_venue },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function readMeetingRow(db: Database, meetingId: string): MeetingRow | undefined {
  return db.prepare('SELECT * FROM meetings WHERE id = ?').get(meetingId) as MeetingRow | undefined;
}

/** The board's meetings after this one, for "deferred to": context for the minutes, not part of them. */
export function readLaterMeetings(db: Database, meeting: { id: string; boardId: string; date: string }): Array<{ id: string; date: string }> {
  return (
    db
      .prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? AND meeting_date > ? AND id <> ? ORDER BY meeting_date, created_at')
      .all(meeting.boardId, meeting.date, meeting.id) as Array<{ id: string; meeting_date: string }>
  ).map((m) => ({ id: m.id, date: m.meeting_date }));
}
