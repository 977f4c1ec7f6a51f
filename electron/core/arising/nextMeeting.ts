// Starting the next meeting: its date suggested from the minutes or the board's rhythm, the
// recurring agenda, the minutes-and-actions-arising item, and every unfinished action carried in.
import type { MeetingDetail, MeetingRef, NextMeetingSuggestion, ParsedInputOf } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import { describeNextDateBasis, isMattersArisingTitle, mattersArisingTitle, suggestNextMeetingDate } from '../../../shared/domain/nextMeeting';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { readBoardRow, type BoardRow } from '../store/boards';
import { write } from '../store/write';
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
    w.log({ entity: 'meeting', entityId: created.id, action: 'start_from', detail: { fromMeetingId: from.id, agenda: agenda.titles, carried: carried.added } }, at);
    return created.id;
  }).value;
  return getMeeting(store, { meetingId });
}
