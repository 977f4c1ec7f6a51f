// Matters arising: starting the next meeting with the board's recurring agenda and every
// unfinished action from earlier meetings, and recording progress on each there. An action
// is listed exactly while it is unfinished (open, in progress, deferred) before the meeting;
// updates belong to the meeting where they were recorded.
import type {
  ActionRefSummary,
  ActionStatus,
  AgendaItemFields,
  CarryResult,
  DeferredChoice,
  DeferredProposal,
  DeletedMeeting,
  MattersArising,
  MattersArisingEntry,
  MeetingDetail,
  MeetingRef,
  MeetingStatus,
  NextMeetingSuggestion,
  ParsedInputOf,
} from '../../../shared/contract';
import { ACTION_STATUS_LABEL, FINISHED_PHRASE, isFinished } from '../../../shared/domain/actionStatus';
import { isOverdue } from '../../../shared/domain/actionLog';
import { formatUkDate } from '../../../shared/domain/dates';
import { describeNextDateBasis, isMattersArisingTitle, mattersArisingTitle, suggestNextMeetingDate } from '../../../shared/domain/nextMeeting';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { DUE_DATE_SQL, outstandingBefore, settleAction, standingBefore, syncMattersArising, updatesOf } from './actionProgress';
import { dueOf, type DueColumns } from '../store/actions';
import { ownersByAction } from '../store/actionOwners';
import { createMeeting, getMeeting } from '../meetings/meetings';
import { lockFor } from '../minutes/editable';
import { addAgendaItem, getAgendaItemFields } from '../minutes/minutes';

interface MeetingRow {
  id: string;
  board_id: string;
  meeting_date: string;
  status: MeetingStatus;
  previous_meeting_id: string | null;
  start_time: string | null;
  end_time: string | null;
  venue: string | null;
  next_date: string | null;
  next_time: string | null;
  next_venue: string | null;
}

function meetingRow(store: Store, meetingId: string): MeetingRow {
  const row = store.db
    .prepare(
      `SELECT id, board_id, meeting_date, status, previous_meeting_id, start_time, end_time, venue, next_date, next_time, next_venue
       FROM meetings WHERE id = ?`,
    )
    .get(meetingId) as MeetingRow | undefined;
  if (!row) throw notFound('meeting');
  return row;
}

const LIST_LOCKED =
  'These minutes have been circulated, so their matters arising stay as circulated: no action is added to or taken off the list.';

/** Why the list of a meeting's matters arising can no longer change, or null while it is a draft. */
function listLockedReason(status: MeetingStatus): string | null {
  if (status === 'draft') return null;
  return lockFor(status).content ?? LIST_LOCKED;
}

// ---------------------------------------------------------------- carrying

export function carryForward(store: Store, input: ParsedInputOf<'carryForward'>): CarryResult {
  const at = nowInstant();
  return write(store, (w) => {
    const meeting = meetingRow(store, input.meetingId);
    const locked = listLockedReason(meeting.status);
    if (locked) throw conflict(locked);
    const result = syncMattersArising(w, meeting);
    if (result.added || result.removed) {
      w.log({ entity: 'meeting', entityId: meeting.id, action: 'carry_forward', detail: { added: result.added, removed: result.removed } }, at);
    }
    return { meetingId: meeting.id, ...result };
  }).value;
}

// ---------------------------------------------------------------- starting the next meeting

interface BoardRow {
  name: string;
  cadence_days: number | null;
  agenda_template: string;
}

function boardRow(store: Store, boardId: string): BoardRow {
  const board = store.db.prepare('SELECT name, cadence_days, agenda_template FROM boards WHERE id = ? AND archived_at IS NULL').get(boardId) as
    | BoardRow
    | undefined;
  if (!board) throw notFound('board');
  return board;
}

/**
 * The new meeting's agenda: the board's recurring items, with its "Minutes and actions
 * arising" item naming the meeting it follows (first, if the recurring agenda has none).
 */
function agendaFor(board: BoardRow, previousDate: string): { titles: string[]; mattersArising: number } {
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

function startedFrom(store: Store, meetingId: string): MeetingRef | null {
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

// ---------------------------------------------------------------- reading the list

interface EntryRow extends DueColumns {
  id: string;
  reference: string;
  details: string;
  status_before: ActionStatus;
  origin_meeting_id: string;
  origin_date: string;
  item_id: string | null;
  item_number: string | null;
  item_title: string | null;
  effective_due: string | null;
  times_carried: number;
  u_text: string | null;
  u_status: ActionStatus | null;
  u_superseded_by: string | null;
  u_sb_reference: string | null;
  u_sb_details: string | null;
  latest: string | null;
}

const ENTRIES_SQL = `
  SELECT a.id, a.reference, a.details, a.due_kind, a.due_date, a.due_meeting_id, a.due_text, c.status_before,
    om.id AS origin_meeting_id, om.meeting_date AS origin_date, i.id AS item_id, i.number AS item_number, i.title AS item_title,
    (${DUE_DATE_SQL}) AS effective_due,
    (SELECT count(*) FROM carried_actions c2 JOIN meetings m2 ON m2.id = c2.meeting_id
      WHERE c2.action_id = a.id AND m2.meeting_date <= @date) AS times_carried,
    u.text AS u_text, u.status AS u_status, u.superseded_by AS u_superseded_by, sa.reference AS u_sb_reference, sa.details AS u_sb_details,
    -- The latest update before this meeting: usually the action's latest of all, read by key.
    CASE WHEN a.last_update_meeting_id IS NULL THEN NULL
      WHEN lum.meeting_date < @date THEN json_object('meetingId', lum.id, 'meetingDate', lum.meeting_date, 'text', lu.text, 'status', lu.status,
        'sbId', ls.id, 'sbReference', ls.reference, 'sbDetails', ls.details)
      ELSE (SELECT json_object('meetingId', um.id, 'meetingDate', um.meeting_date, 'text', pu.text, 'status', pu.status,
          'sbId', ps.id, 'sbReference', ps.reference, 'sbDetails', ps.details)
        FROM action_updates pu JOIN meetings um ON um.id = pu.meeting_id LEFT JOIN actions ps ON ps.id = pu.superseded_by
        WHERE pu.action_id = a.id AND um.meeting_date < @date
        ORDER BY um.meeting_date DESC, um.created_at DESC LIMIT 1) END AS latest
  FROM carried_actions c
  JOIN actions a ON a.id = c.action_id
  JOIN meetings om ON om.id = a.meeting_id
  LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
  LEFT JOIN agenda_items p ON p.id = i.parent_id
  LEFT JOIN action_updates u ON u.action_id = a.id AND u.meeting_id = c.meeting_id
  LEFT JOIN actions sa ON sa.id = u.superseded_by
  LEFT JOIN action_updates lu ON lu.action_id = a.id AND lu.meeting_id = a.last_update_meeting_id
  LEFT JOIN meetings lum ON lum.id = a.last_update_meeting_id
  LEFT JOIN actions ls ON ls.id = lu.superseded_by
  WHERE c.meeting_id = @meetingId`;

// In the order the earlier minutes printed them: by meeting, then item, then action.
const ENTRIES_ORDER = `ORDER BY om.meeting_date, om.created_at, coalesce(p.position, i.position),
  CASE WHEN p.id IS NULL THEN -1 ELSE i.position END, a.position, a.seq`;

interface LatestJson {
  meetingId: string;
  meetingDate: string;
  text: string;
  status: ActionStatus;
  sbId: string | null;
  sbReference: string | null;
  sbDetails: string | null;
}

function entries(store: Store, meeting: MeetingRow, actionId?: string): MattersArisingEntry[] {
  const rows = store.db
    .prepare(`${ENTRIES_SQL}${actionId ? ' AND a.id = @actionId' : ''} ${ENTRIES_ORDER}`)
    .all({ meetingId: meeting.id, date: meeting.meeting_date, ...(actionId ? { actionId } : {}) }) as EntryRow[];
  const owners = ownersByAction(
    store.db,
    rows.map((r) => r.id),
  );
  return rows.map((r): MattersArisingEntry => {
    const latest = r.latest ? (JSON.parse(r.latest) as LatestJson) : null;
    const status = r.u_status ?? r.status_before;
    const supersededBy: ActionRefSummary | null =
      r.u_superseded_by && r.u_sb_reference ? { id: r.u_superseded_by, reference: r.u_sb_reference, details: r.u_sb_details ?? '' } : null;
    return {
      actionId: r.id,
      reference: r.reference,
      details: r.details,
      owners: owners.get(r.id) ?? [],
      due: dueOf(r),
      dueDate: r.effective_due,
      overdue: isOverdue(r.effective_due, meeting.meeting_date),
      origin: { meetingId: r.origin_meeting_id, meetingDate: r.origin_date, itemId: r.item_id, itemNumber: r.item_number, itemTitle: r.item_title },
      timesCarried: r.times_carried,
      statusBefore: r.status_before,
      latestUpdate: latest
        ? {
            meetingId: latest.meetingId,
            meetingDate: latest.meetingDate,
            text: latest.text,
            status: latest.status,
            supersededBy: latest.sbId && latest.sbReference ? { id: latest.sbId, reference: latest.sbReference, details: latest.sbDetails ?? '' } : null,
          }
        : null,
      update: r.u_status ? { text: r.u_text ?? '', status: r.u_status, supersededBy } : null,
      status,
    };
  });
}

function proposals(store: Store, meeting: MeetingRow): DeferredProposal[] {
  if (meeting.status !== 'draft') return [];
  const rows = store.db
    .prepare(
      `SELECT i.id, i.number, i.title, i.presenter, i.deferred_to_text, m.id AS meeting_id, m.meeting_date, i.position
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.meeting_id = @previous AND i.deferred = 1 AND (i.deferred_to_meeting_id IS NULL OR i.deferred_to_meeting_id = @meeting)
       UNION
       SELECT i.id, i.number, i.title, i.presenter, i.deferred_to_text, m.id AS meeting_id, m.meeting_date, i.position
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.deferred_to_meeting_id = @meeting AND i.deferred = 1`,
    )
    .all({ previous: meeting.previous_meeting_id, meeting: meeting.id }) as Array<{
    id: string;
    number: string;
    title: string;
    presenter: string | null;
    deferred_to_text: string | null;
    meeting_id: string;
    meeting_date: string;
    position: number;
  }>;
  const taken = new Set(store.db.prepare('SELECT from_item_id FROM agenda_items WHERE meeting_id = ? AND from_item_id IS NOT NULL').pluck().all(meeting.id) as string[]);
  const dismissed = new Set(store.db.prepare('SELECT item_id FROM dismissed_deferrals WHERE meeting_id = ?').pluck().all(meeting.id) as string[]);
  return rows
    // Deferring is only ever to a later meeting of the same board; one since moved earlier is not offered.
    .filter((r) => r.meeting_date < meeting.meeting_date && !taken.has(r.id) && !dismissed.has(r.id))
    .sort((a, b) => (a.meeting_date < b.meeting_date ? -1 : a.meeting_date > b.meeting_date ? 1 : a.number.localeCompare(b.number, 'en-GB', { numeric: true })))
    .map((r) => ({
      itemId: r.id,
      meeting: { id: r.meeting_id, date: r.meeting_date },
      number: r.number,
      title: r.title,
      presenter: r.presenter,
      deferredToText: r.deferred_to_text,
    }));
}

export function getMattersArising(store: Store, input: ParsedInputOf<'getMattersArising'>): MattersArising {
  const meeting = meetingRow(store, input.meetingId);
  const list = entries(store, meeting);
  const carrying = meeting.previous_meeting_id !== null || list.length > 0;
  const previous = meeting.previous_meeting_id
    ? (store.db.prepare('SELECT id, meeting_date AS date FROM meetings WHERE id = ?').get(meeting.previous_meeting_id) as MeetingRef | undefined)
    : undefined;
  const own = store.db
    .prepare('SELECT id, reference, details FROM actions WHERE meeting_id = ? ORDER BY seq')
    .all(meeting.id) as ActionRefSummary[];
  return {
    meetingId: meeting.id,
    boardId: meeting.board_id,
    meetingDate: meeting.meeting_date,
    meetingStatus: meeting.status,
    previousMeeting: previous ?? null,
    carrying,
    notListed: carrying ? 0 : outstandingBefore(store, meeting.board_id, meeting.meeting_date).size,
    entries: list,
    proposals: proposals(store, meeting),
    replacements: [...own, ...list.map((e) => ({ id: e.actionId, reference: e.reference, details: e.details }))],
    lockedReason: lockFor(meeting.status).content,
    listLockedReason: listLockedReason(meeting.status),
  };
}

// ---------------------------------------------------------------- recording progress

function editableMeeting(store: Store, meetingId: string): MeetingRow {
  const meeting = meetingRow(store, meetingId);
  const locked = lockFor(meeting.status).content;
  if (locked) throw conflict(locked);
  return meeting;
}

interface ListedAction {
  id: string;
  board_id: string;
  meeting_id: string;
  reference: string;
  status: ActionStatus;
  status_before: ActionStatus | null;
}

type Listed = ListedAction & { status_before: ActionStatus };

/**
 * The action as this meeting lists it. An action finished at an earlier meeting says so first:
 * that is the reason nothing more can be recorded on it, wherever it is asked.
 */
function listedAction(store: Store, meeting: MeetingRow, actionId: string): Listed {
  const action = store.db
    .prepare(
      `SELECT a.id, a.board_id, a.meeting_id, a.reference, a.status, c.status_before
       FROM actions a LEFT JOIN carried_actions c ON c.action_id = a.id AND c.meeting_id = ?
       WHERE a.id = ?`,
    )
    .get(meeting.id, actionId) as ListedAction | undefined;
  if (!action) throw notFound('action');
  const origin = store.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(action.meeting_id) as string;
  if (action.board_id === meeting.board_id && origin < meeting.meeting_date) {
    const updates = updatesOf(store, action.id);
    const before = standingBefore(action, updates, meeting.meeting_date);
    if (before.finished) {
      const prior = updates.filter((u) => u.meeting_date < meeting.meeting_date).pop();
      const when = prior ? ` at the meeting of ${formatUkDate(prior.meeting_date)}` : '';
      throw conflict(`Action ${action.reference} was ${FINISHED_PHRASE[before.status]}${when}, so no further progress can be recorded on it.`);
    }
  }
  if (action.status_before === null) {
    if (action.meeting_id === meeting.id) {
      throw conflict(`Action ${action.reference} was agreed at this meeting: progress on it is recorded at the meetings after it.`);
    }
    throw conflict(`Action ${action.reference} is not among this meeting’s matters arising, so progress on it cannot be recorded here.`);
  }
  return action as Listed;
}

/** Whether `candidate` may replace `actionId`: another action of the same board that is not, in turn, replaced by it. */
function checkReplacement(store: ReadHandle, action: ListedAction, candidate: string): ActionRefSummary {
  if (candidate === action.id) {
    throw new DomainError('invalid_input', `An action cannot be superseded by itself. Choose the action that replaces ${action.reference}.`, 'supersededBy');
  }
  const target = store.db.prepare('SELECT id, board_id, reference, details, superseded_by FROM actions WHERE id = ?').get(candidate) as
    | (ActionRefSummary & { board_id: string; superseded_by: string | null })
    | undefined;
  if (!target || target.board_id !== action.board_id) {
    throw new DomainError('invalid_input', 'An action can only be superseded by another action of the same board.', 'supersededBy');
  }
  const seen = new Set<string>();
  for (let next: string | null = target.superseded_by; next !== null && !seen.has(next); ) {
    if (next === action.id) {
      throw new DomainError('invalid_input', `Action ${target.reference} is itself superseded by ${action.reference}, so it cannot replace it.`, 'supersededBy');
    }
    seen.add(next);
    next = store.db.prepare('SELECT superseded_by FROM actions WHERE id = ?').pluck().get(next) as string | null;
  }
  return { id: target.id, reference: target.reference, details: target.details };
}

interface UpdateRow {
  text: string;
  status: ActionStatus;
  superseded_by: string | null;
  recorded_at: string;
}

/** Writes one action's update at one meeting (or removes it when it says nothing), then settles the action. */
function writeUpdate(
  w: WriteHandle,
  meeting: MeetingRow,
  action: Listed,
  change: { text?: string; status?: ActionStatus; supersededBy?: string | null },
  at: string,
): { text: string; status: ActionStatus; supersededBy: string | null } {
  const updates = updatesOf(w, action.id);
  const existing = w.db
    .prepare('SELECT text, status, superseded_by, recorded_at FROM action_updates WHERE action_id = ? AND meeting_id = ?')
    .get(action.id, meeting.id) as UpdateRow | undefined;
  const text = change.text ?? existing?.text ?? '';
  const status = change.status ?? existing?.status ?? action.status_before;
  let supersededBy: string | null = null;
  if (status === 'superseded') {
    const candidate = change.supersededBy !== undefined ? change.supersededBy : (existing?.superseded_by ?? null);
    if (!candidate) throw new DomainError('invalid_input', `Choose the action that replaces ${action.reference}.`, 'supersededBy');
    supersededBy = checkReplacement(w, action, candidate).id;
  }
  if (isFinished(status)) {
    const later = updates.find((u) => u.meeting_date > meeting.meeting_date);
    if (later) {
      throw conflict(
        `Action ${action.reference} already has progress recorded at the meeting of ${formatUkDate(later.meeting_date)}, so it is finished there rather than here.`,
        'status',
      );
    }
  }
  if (text === '' && status === action.status_before) {
    // Saying nothing new is no update at all: the action comes out of this meeting as it went in.
    w.db.prepare('DELETE FROM action_updates WHERE action_id = ? AND meeting_id = ?').run(action.id, meeting.id);
  } else if (existing) {
    w.db
      .prepare('UPDATE action_updates SET text = ?, status = ?, superseded_by = ?, updated_at = ? WHERE action_id = ? AND meeting_id = ?')
      .run(text, status, supersededBy, at, action.id, meeting.id);
  } else {
    w.db
      .prepare(
        `INSERT INTO action_updates (id, action_id, meeting_id, text, status, superseded_by, recorded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(newId(), action.id, meeting.id, text, status, supersededBy, at, at);
  }
  settleAction(w, action.id, action.status_before);
  return { text, status, supersededBy };
}

export function recordActionUpdate(store: Store, input: ParsedInputOf<'recordActionUpdate'>): MattersArisingEntry {
  const at = nowInstant();
  const meeting = write(store, (w) => {
    const m = editableMeeting(store, input.meetingId);
    const action = listedAction(store, m, input.actionId);
    const written = writeUpdate(w, m, action, { text: input.text, status: input.status, supersededBy: input.supersededBy }, at);
    w.log({ entity: 'action', entityId: action.id, action: 'progress', detail: { reference: action.reference, meetingId: m.id, ...written } }, at);
    return m;
  }).value;
  const [entry] = entries(store, meeting, input.actionId);
  if (!entry) throw notFound('action');
  return entry;
}

export function markAllInProgress(store: Store, input: ParsedInputOf<'markAllInProgress'>): MattersArising {
  const at = nowInstant();
  write(store, (w) => {
    const meeting = editableMeeting(store, input.meetingId);
    const open = store.db
      .prepare(
        `SELECT c.action_id FROM carried_actions c
         LEFT JOIN action_updates u ON u.action_id = c.action_id AND u.meeting_id = c.meeting_id
         WHERE c.meeting_id = ? AND coalesce(u.status, c.status_before) = 'open'`,
      )
      .pluck()
      .all(meeting.id) as string[];
    const marked: string[] = [];
    for (const actionId of open) {
      let action: Listed;
      try {
        action = listedAction(store, meeting, actionId);
      } catch (err) {
        // Finished at an earlier meeting since these minutes were circulated: nothing to mark.
        if (err instanceof DomainError && err.code === 'conflict') continue;
        throw err;
      }
      writeUpdate(w, meeting, action, { status: 'in_progress' }, at);
      marked.push(action.reference);
    }
    if (marked.length > 0) {
      w.log({ entity: 'meeting', entityId: meeting.id, action: 'all_in_progress', detail: { actions: marked, status: ACTION_STATUS_LABEL.in_progress } }, at);
    }
  });
  return getMattersArising(store, { meetingId: input.meetingId });
}

// ---------------------------------------------------------------- deferred items

export function resolveDeferredItem(store: Store, input: ParsedInputOf<'resolveDeferredItem'>): DeferredChoice {
  const at = nowInstant();
  return write(store, (w): DeferredChoice => {
    const meeting = meetingRow(store, input.meetingId);
    const locked = lockFor(meeting.status).structure;
    if (locked) throw conflict(locked);
    const proposal = proposals(store, meeting).find((p) => p.itemId === input.itemId);
    if (!proposal) throw conflict('That item is no longer proposed for this meeting: it was already taken in or dismissed.');
    if (!input.accept) {
      store.db.prepare('INSERT INTO dismissed_deferrals (meeting_id, item_id, dismissed_at) VALUES (?, ?, ?)').run(meeting.id, proposal.itemId, at);
      w.log({ entity: 'meeting', entityId: meeting.id, action: 'dismiss_deferred', detail: { itemId: proposal.itemId, title: proposal.title } }, at);
      return { itemId: proposal.itemId, accepted: false, item: null, outline: null };
    }
    const added = addAgendaItem(store, { meetingId: meeting.id, title: proposal.title.slice(0, 300) });
    store.db
      .prepare('UPDATE agenda_items SET from_item_id = ?, presenter = ? WHERE id = ?')
      .run(proposal.itemId, proposal.presenter, added.item.id);
    w.log(
      { entity: 'agenda_item', entityId: added.item.id, action: 'take_deferred', detail: { fromItemId: proposal.itemId, fromMeetingId: proposal.meeting.id, title: proposal.title } },
      at,
    );
    const fields: AgendaItemFields = getAgendaItemFields(store, added.item.id);
    return {
      itemId: proposal.itemId,
      accepted: true,
      item: { ...fields, discussionJson: null, discussionText: '', decisions: [], actions: [] },
      outline: added.outline,
    };
  }).value;
}

// ---------------------------------------------------------------- deleting a draft meeting

/**
 * Deletes a draft meeting with everything recorded in it. The earlier actions it listed go
 * back to the status they had before it (carried_actions.status_before, or the update of an
 * earlier meeting) and its updates go; its own actions' references stay issued, never reused.
 */
export function deleteMeeting(store: Store, input: ParsedInputOf<'deleteMeeting'>): DeletedMeeting {
  const at = nowInstant();
  return write(store, (w): DeletedMeeting => {
    const meeting = meetingRow(store, input.meetingId);
    if (meeting.status !== 'draft') {
      throw conflict('Only draft minutes can be deleted. These minutes have been circulated, so they are part of the record.');
    }
    const later = startedFrom(store, meeting.id);
    if (later) {
      throw conflict(`The meeting of ${formatUkDate(later.date)} was started from this one, so this one cannot be deleted. Delete that meeting first.`);
    }
    const agreedHere = store.db
      .prepare('SELECT 1 FROM meetings WHERE agreed_at_meeting_id = ? UNION ALL SELECT 1 FROM corrections WHERE meeting_id = ? OR agreed_at_meeting_id = ? LIMIT 1')
      .get(meeting.id, meeting.id, meeting.id);
    if (agreedHere) throw conflict('Minutes were agreed or corrected at this meeting, so it cannot be deleted.');
    const own = store.db.prepare('SELECT id, reference FROM actions WHERE meeting_id = ? ORDER BY seq').all(meeting.id) as Array<{ id: string; reference: string }>;
    const followed = own.find(
      (a) =>
        store.db
          .prepare(
            `SELECT 1 FROM action_updates WHERE action_id = @a AND meeting_id <> @m
             UNION ALL SELECT 1 FROM actions WHERE superseded_by = @a AND last_update_meeting_id IS NOT @m
             UNION ALL SELECT 1 FROM carried_actions c JOIN meetings m ON m.id = c.meeting_id WHERE c.action_id = @a AND m.status <> 'draft'
             LIMIT 1`,
          )
          .get({ a: a.id, m: meeting.id }) !== undefined,
    );
    if (followed) {
      throw conflict(`Action ${followed.reference} of this meeting is already followed up at a later meeting, so the meeting cannot be deleted.`);
    }
    const takenForward = store.db
      .prepare('SELECT 1 FROM agenda_items t JOIN agenda_items i ON i.id = t.from_item_id WHERE i.meeting_id = ? AND t.meeting_id <> ? LIMIT 1')
      .get(meeting.id, meeting.id);
    if (takenForward) throw conflict('An item of this meeting was taken forward to a later meeting, so this meeting cannot be deleted.');

    // First take the meeting out of matters arising, so settling cannot list anything in it again.
    const carried = store.db.prepare('SELECT action_id, status_before FROM carried_actions WHERE meeting_id = ?').all(meeting.id) as Array<{
      action_id: string;
      status_before: ActionStatus;
    }>;
    const updated = new Set(store.db.prepare('SELECT action_id FROM action_updates WHERE meeting_id = ?').pluck().all(meeting.id) as string[]);
    store.db.prepare('DELETE FROM action_updates WHERE meeting_id = ?').run(meeting.id);
    store.db.prepare('DELETE FROM carried_actions WHERE meeting_id = ?').run(meeting.id);
    store.db.prepare('UPDATE meetings SET previous_meeting_id = NULL WHERE id = ?').run(meeting.id);
    for (const c of carried) settleAction(w, c.action_id, c.status_before);

    // Then everything recorded in it. Later items deferred to it, and dues naming it, keep their words.
    store.db.prepare('UPDATE agenda_items SET deferred_to_meeting_id = NULL WHERE deferred_to_meeting_id = ?').run(meeting.id);
    store.db.prepare("UPDATE actions SET due_meeting_id = NULL WHERE due_meeting_id = ? AND meeting_id <> ?").run(meeting.id, meeting.id);
    store.db.prepare('DELETE FROM carried_actions WHERE action_id IN (SELECT id FROM actions WHERE meeting_id = ?)').run(meeting.id);
    store.db.prepare('DELETE FROM actions WHERE meeting_id = ?').run(meeting.id);
    store.db.prepare('DELETE FROM meetings WHERE id = ?').run(meeting.id);
    w.log(
      {
        entity: 'meeting',
        entityId: meeting.id,
        action: 'delete',
        detail: { boardId: meeting.board_id, date: meeting.meeting_date, actions: own.map((a) => a.reference), restored: [...updated] },
      },
      at,
    );
    return { meetingId: meeting.id, boardId: meeting.board_id, date: meeting.meeting_date, restoredActions: updated.size };
  }).value;
}
