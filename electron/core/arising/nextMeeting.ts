// Starting the next meeting: its date suggested from the minutes or the board's rhythm, the
// recurring agenda, the minutes-and-actions-arising item, and every unfinished action carried in.
import type { MeetingDetail, MeetingRef, NextMeetingSuggestion, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import { describeNextDateBasis, isMattersArisingTitle, mattersArisingTitle, suggestNextMeetingDate } from '../../../shared/domain/nextMeeting';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { readBoardRow, type BoardRow } from '../store/boards';
import { write, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { outstandingBefore, syncMattersArising } from './actionProgress';
import { createMeeting, getMeeting } from '../meetings/meetings';
import { addAgendaItem } from '../minutes/minutes';
import { meetingRow } from './meetingRow';

// ---------------------------------------------------------------- starting the next meeting

/** The board the next meeting is of, as the suggestion and the new agenda need it. */
type NextMeetingBoard = Pick<BoardRow, 'name' | 'cadence_days' | 'agenda_template'>;

function boardRow(store: Store, boardId: string): NextMeetingBoard {
  const board = readBoardRow(store, boardId);
  if (!board) throw notFound('board');
  return board;
}

/**
 * The new meeting's agenda: the board's recurring items, with its "Minutes and actions
 * arising" item naming the meeting it follows (first, if the recurring agenda has none).
 */
function agendaFor(board: Pick<BoardRow, 'agenda_template'>, previousDate: string): { titles: string[]; mattersArising: number } {
  let template: string[] = [];
  try {
    const parsed: unknown = JSON.parse(board.agenda_template);
    if (Array.isArray(parsed)) template = parsed.filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  } catch {
    template = [];
  }
  const title = mattersArisingTitle(previousDate);
  const at = template.findIndex(isMattersArisingTitle);
  if (at >= 0) return { titles: template.map((t, i) => (i === at ? title : t)), mattersArising: at };
  return { titles: [title, ...template], mattersArising: 0 };
}

export function startedFrom(store: Store, meetingId: string): MeetingRef | null {
  const row = store.db
    .prepare('SELECT id, meeting_date AS date FROM meetings WHERE previous_meeting_id = ? ORDER BY meeting_date LIMIT 1')
    .get(meetingId) as MeetingRef | undefined;
  return row ?? null;
}

const addMinutes = (hhmm: string, minutes: number): string | null => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  if (total >= 24 * 60) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};
const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export function suggestNextMeeting(store: Store, input: ParsedInputOf<'suggestNextMeeting'>): NextMeetingSuggestion {
  const from = meetingRow(store, input.fromMeetingId);
  const board = boardRow(store, from.board_id);
  let date: string;
  let basis: NextMeetingSuggestion['basis'];
  let basisText: string;
  if (from.next_date && from.next_date > from.meeting_date) {
    date = from.next_date;
    basis = 'recorded';
    basisText = `The date these minutes give for the next meeting.`;
  } else {
    const dates = store.db.prepare('SELECT meeting_date FROM meetings WHERE board_id = ? AND cancelled = 0 AND meeting_date <= ?').pluck().all(from.board_id, from.meeting_date) as string[];
    const suggestion = suggestNextMeetingDate(from.meeting_date, board.cadence_days, dates);
    date = suggestion.date;
    basis = suggestion.basis;
    basisText = describeNextDateBasis(suggestion);
  }
  // The time recorded for the next meeting, keeping this meeting's length; else this meeting's times.
  let startTime = from.start_time;
  let endTime = from.end_time;
  if (from.next_time) {
    startTime = from.next_time;
    endTime = from.start_time && from.end_time ? addMinutes(from.next_time, minutesOf(from.end_time) - minutesOf(from.start_time)) : null;
  }
  return {
    from: { id: from.id, date: from.meeting_date, boardId: from.board_id, boardName: board.name },
    date,
    basis,
    basisText,
    startTime,
    endTime,
    venue: from.next_venue ?? from.venue,
    agenda: agendaFor(board, from.meeting_date).titles,
    outstanding: outstandingBefore(store, from.board_id, date).size,
    alreadyStarted: startedFrom(store, from.id),
  };
}

type NextFields = { date: string; time: string | null; venue: string | null };

/**
 * The minutes a new meeting follows say when it is, once it is set up: unless they already name a
 * next meeting, or are agreed (and so fixed as they were). Returns what was recorded, if anything.
 */
function recordNextMeeting(w: WriteHandle, fromId: string, next: NextFields, at: string): NextFields | null {
  // updated_at is left as it was: nothing was typed, and deleting the new meeting puts it all back exactly.
  const recorded = w.db
    .prepare(
      `UPDATE meetings SET next_date = ?, next_time = ?, next_venue = ?
       WHERE id = ? AND next_date IS NULL AND status IN ('draft', 'circulated')`,
    )
    .run(next.date, next.time, next.venue, fromId);
  if (recorded.changes === 0) return null;
  w.log({ entity: 'meeting', entityId: fromId, action: 'update', detail: { nextDate: next.date, nextTime: next.time, nextVenue: next.venue } }, at);
  return next;
}

/**
 * A started meeting deleted: the "Next meeting" its start recorded on the minutes it followed goes
 * too, if those minutes still say just that and can still change. What the user typed stays.
 */
export function forgetRecordedNextMeeting(w: WriteHandle, meetingId: string, fromId: string | null, at: string): void {
  if (!fromId) return;
  const detail = w.db
    .prepare("SELECT detail FROM change_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'start_from' ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get(meetingId) as string | undefined;
  const next = detail ? ((JSON.parse(detail) as { recordedNext?: NextFields | null }).recordedNext ?? null) : null;
  if (!next) return;
  const cleared = w.db
    .prepare(
      `UPDATE meetings SET next_date = NULL, next_time = NULL, next_venue = NULL
       WHERE id = ? AND next_date IS ? AND next_time IS ? AND next_venue IS ? AND status IN ('draft', 'circulated')`,
    )
    .run(fromId, next.date, next.time, next.venue);
  if (cleared.changes > 0) w.log({ entity: 'meeting', entityId: fromId, action: 'update', detail: { nextDate: null, nextTime: null, nextVenue: null } }, at);
}

export function startNextMeeting(store: Store, input: ParsedInputOf<'startNextMeeting'>): MeetingDetail {
  const at = nowInstant();
  const meetingId = write(store, (w) => {
    const from = meetingRow(store, input.fromMeetingId);
    const board = boardRow(store, from.board_id);
    if (input.date <= from.meeting_date) {
      throw new DomainError('invalid_input', `The next meeting must be after the meeting it follows (${formatUkDate(from.meeting_date)}).`, 'date');
    }
    const already = startedFrom(store, from.id);
    if (already) {
      throw conflict(`The meeting of ${formatUkDate(already.date)} has already been started from this one. Open it from the board’s meetings.`);
    }
    const clash = store.db.prepare('SELECT 1 FROM meetings WHERE board_id = ? AND meeting_date = ?').get(from.board_id, input.date);
    if (clash) throw conflict(`There is already a meeting of this board on ${formatUkDate(input.date)}.`, 'date');

    const created = createMeeting(store, {
      boardId: from.board_id,
      date: input.date,
      startTime: input.startTime ?? null,
      endTime: input.endTime ?? null,
      venue: input.venue ?? null,
    });
    store.db.prepare('UPDATE meetings SET previous_meeting_id = ? WHERE id = ?').run(from.id, created.id);
    const agenda = agendaFor(board, from.meeting_date);
    agenda.titles.forEach((title, i) => {
      const { item } = addAgendaItem(store, { meetingId: created.id, title });
      if (i === agenda.mattersArising) store.db.prepare("UPDATE agenda_items SET kind = 'matters_arising' WHERE id = ?").run(item.id);
    });
    const carried = syncMattersArising(w, meetingRow(store, created.id));
    const recordedNext = recordNextMeeting(w, from.id, { date: input.date, time: input.startTime ?? null, venue: input.venue ?? null }, at);
    w.log({ entity: 'meeting', entityId: created.id, action: 'start_from', detail: { fromMeetingId: from.id, agenda: agenda.titles, carried: carried.added, recordedNext } }, at);
    return created.id;
  }).value;
  return getMeeting(store, { meetingId });
}
