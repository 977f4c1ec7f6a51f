// Meetings of a board: when and where they were held, and the state of their minutes.
import type { MeetingDetail, MeetingSummary, ParsedInputOf } from '../../../shared/contract';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { rereferenceMeeting } from '../actions/actions';
import { afterMeetingMoved } from '../arising/actionProgress';
import { formatUkDate } from '../../../shared/domain/dates';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import { readMeetingRow, rowToMeetingDetail, rowToMeetingSummary, type MeetingCounts, type MeetingRow } from '../store/meetings';

/** A meeting started from another stays after it, and before any meeting started from it. */
function assertStillInOrder(store: Store, meetingId: string, date: string): void {
  const previous = store.db
    .prepare('SELECT p.meeting_date FROM meetings m JOIN meetings p ON p.id = m.previous_meeting_id WHERE m.id = ?')
    .pluck()
    .get(meetingId) as string | undefined;
  if (previous && date <= previous) {
    throw new DomainError('invalid_input', `This meeting follows the meeting of ${formatUkDate(previous)}, so it must be dated after it.`, 'date');
  }
  const following = store.db.prepare('SELECT min(meeting_date) FROM meetings WHERE previous_meeting_id = ?').pluck().get(meetingId) as string | null;
  if (following && date >= following) {
    throw new DomainError('invalid_input', `The meeting of ${formatUkDate(following)} was started from this one, so this one must be dated before it.`, 'date');
  }
}

/** A meeting with its counts, as the lists and the header show it. */
type CountedMeeting = MeetingRow & MeetingCounts;

const MEETING_SQL = `
  SELECT m.*,
    (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS item_count,
    (SELECT count(*) FROM actions a WHERE a.meeting_id = m.id) AS action_count
  FROM meetings m`;

/**
 * A meeting at which earlier minutes were agreed keeps the date they were "agreed as accurate
 * on": the refusal, in words, or null when the date may change.
 */
function agreedHereOn(store: Store, meetingId: string, date: string): string | null {
  const agreed = store.db
    .prepare('SELECT meeting_date, agreed_on FROM meetings WHERE agreed_at_meeting_id = ? AND agreed_on IS NOT ? ORDER BY meeting_date LIMIT 1')
    .get(meetingId, date) as { meeting_date: string; agreed_on: string } | undefined;
  if (!agreed) return null;
  return `The minutes of ${formatUkDate(agreed.meeting_date)} were agreed as accurate at this meeting on ${formatUkDate(agreed.agreed_on)}, so its date stays ${formatUkDate(agreed.agreed_on)}: it is part of their record.`;
}

function requireBoard(store: Store, boardId: string): { name: string } {
  const board = store.db.prepare('SELECT name FROM boards WHERE id = ? AND archived_at IS NULL').get(boardId) as
    | { name: string }
    | undefined;
  if (!board) throw notFound('board');
  return board;
}

/** Newest first, as an administrator looks for the latest minutes. */
export function listMeetings(store: Store, input: ParsedInputOf<'listMeetings'>): MeetingSummary[] {
  requireBoard(store, input.boardId);
  const rows = store.db
    .prepare(`${MEETING_SQL} WHERE m.board_id = ? ORDER BY m.meeting_date DESC, m.start_time DESC, m.created_at DESC`)
    .all(input.boardId) as CountedMeeting[];
  return rows.map(rowToMeetingSummary);
}

export function getMeeting(store: Store, input: ParsedInputOf<'getMeeting'>): MeetingDetail {
  const row = store.db.prepare(`${MEETING_SQL} WHERE m.id = ?`).get(input.meetingId) as CountedMeeting | undefined;
  if (!row) throw notFound('meeting');
  return rowToMeetingDetail(row);
}

export function createMeeting(store: Store, input: ParsedInputOf<'createMeeting'>): MeetingDetail {
  const id = newId();
  const at = nowInstant();
  write(store, (w) => {
    const board = requireBoard(store, input.boardId);
    store.db
      .prepare(
        `INSERT INTO meetings (id, board_id, board_name, meeting_date, start_time, end_time, venue, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.boardId, board.name, input.date, input.startTime ?? null, input.endTime ?? null, input.venue || null, at, at);
    w.log({ entity: 'meeting', entityId: id, action: 'create', detail: { boardId: input.boardId, date: input.date } }, at);
  });
  return getMeeting(store, { meetingId: id });
}

/**
 * The header of the minutes: the board's name as printed, date, times, venue and the next
 * meeting, each saved as it is typed. Agreed minutes are the record and refuse changes.
 * Correcting a draft's date moves its action references to the new date (the old ones are
 * never reused).
 */
export function updateMeetingHeader(store: Store, input: ParsedInputOf<'updateMeetingHeader'>): MeetingDetail {
  const at = nowInstant();
  write(store, (w) => {
    const row = readMeetingRow(store.db, input.meetingId);
    if (!row) throw notFound('meeting');
    if (isAgreed(row.status)) {
      throw conflict('These minutes have been agreed as accurate and are now the record, so their header cannot be changed.');
    }
    const pick = <T>(given: T | undefined, before: T): T => (given === undefined ? before : given);
    const next = {
      board_name: pick(input.boardName, row.board_name),
      meeting_date: pick(input.date, row.meeting_date),
      start_time: pick(input.startTime, row.start_time),
      end_time: pick(input.endTime, row.end_time),
      venue: pick(input.venue === undefined ? undefined : input.venue || null, row.venue),
      next_date: pick(input.nextDate, row.next_date),
      next_time: pick(input.nextTime, row.next_time),
      next_venue: pick(input.nextVenue === undefined ? undefined : input.nextVenue || null, row.next_venue),
    };
    if (next.start_time && next.end_time && next.end_time <= next.start_time) {
      const field = input.endTime !== undefined ? 'endTime' : 'startTime';
      throw new DomainError('invalid_input', 'The meeting must end after it starts.', field);
    }
    if (next.next_date && next.next_date <= next.meeting_date) {
      throw new DomainError('invalid_input', 'The next meeting must be after this one.', 'nextDate');
    }
    if (next.meeting_date !== row.meeting_date) {
      const agreed = agreedHereOn(store, row.id, next.meeting_date);
      if (agreed) throw conflict(agreed, 'date');
      assertStillInOrder(store, row.id, next.meeting_date);
    }
    const changes = Object.fromEntries(Object.entries(next).filter(([key, value]) => row[key as keyof typeof next] !== value));
    if (Object.keys(changes).length === 0) return;
    if (next.meeting_date !== row.meeting_date) rereferenceMeeting(w, row.id, next.meeting_date, at);
    store.db
      .prepare(
        `UPDATE meetings SET board_name = @board_name, meeting_date = @meeting_date, start_time = @start_time, end_time = @end_time, venue = @venue,
           next_date = @next_date, next_time = @next_time, next_venue = @next_venue, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...next, at, id: row.id });
    // Matters arising follow the date: what this meeting lists, and where its actions are listed.
    if (next.meeting_date !== row.meeting_date) afterMeetingMoved(w, row.id);
    w.log({ entity: 'meeting', entityId: row.id, action: 'update_header', detail: changes }, at);
  });
  return getMeeting(store, { meetingId: input.meetingId });
}
