// Where an action stands: its status follows the updates recorded at meetings (the latest
// meeting's update decides it), and every draft meeting that lists matters arising lists it
// exactly while it is unfinished. Called inside the caller's transaction after any change to
// an action's updates, so the status and the lists never disagree.
import type { ActionStatus, CarryResult } from '../../../shared/contract';
import { isFinished } from '../../../shared/domain/actionStatus';
import type { ActionUpdateRow } from '../store/arising';
import type { MeetingRow } from '../store/meetings';
import type { ReadHandle, WriteHandle } from '../store/write';
import { OUTSTANDING_SQL } from '../store/outstanding';
import { keptOutstandingBefore, listAtOnce, type ListingCandidate } from '../store/carryListing';

export { DUE_DATE_SQL, OUTSTANDING_SQL } from '../store/outstanding';

/** One of an action's updates, with the date of the meeting it was recorded at. */
type DatedUpdate = Pick<ActionUpdateRow, 'meeting_id' | 'status' | 'superseded_by'> & Pick<MeetingRow, 'meeting_date'>;

interface ActionState {
  id: string;
  board_id: string;
  meeting_id: string;
  status: ActionStatus;
  superseded_by: string | null;
  closed_at_meeting_id: string | null;
  last_update_meeting_id: string | null;
}

/** An action's updates in the order the meetings were held. */
export function updatesOf(store: ReadHandle, actionId: string): DatedUpdate[] {
  return store.db
    .prepare(
      `SELECT u.meeting_id, m.meeting_date, u.status, u.superseded_by
       FROM action_updates u JOIN meetings m ON m.id = u.meeting_id
       WHERE u.action_id = ? ORDER BY m.meeting_date, m.created_at, m.id`,
    )
    .all(actionId) as DatedUpdate[];
}

/** The last update recorded at a meeting held before `date`. */
export function lastUpdateBefore(updates: readonly DatedUpdate[], date: string): DatedUpdate | undefined {
  let last: DatedUpdate | undefined;
  for (const u of updates) if (u.meeting_date < date) last = u;
  return last;
}

/**
 * The status an action had when a meeting on `date` began, and whether it was already
 * finished by then. With no update before that date it is as it was agreed: open (or, for
 * an action that has never had an update at all, whatever it holds now).
 */
export function standingBefore(action: Pick<ActionState, 'status'>, updates: readonly DatedUpdate[], date: string): { status: ActionStatus; finished: boolean } {
  const prior = lastUpdateBefore(updates, date);
  if (prior) return { status: prior.status, finished: isFinished(prior.status) };
  if (updates.length === 0) return { status: action.status, finished: isFinished(action.status) };
  return { status: 'open', finished: false };
}

/**
 * Brings an action's status into line with its updates, then its place in the matters arising
 * of every draft meeting that carries actions. `fallback` is its status when no update is left
 * (the status it had before the meeting whose update was just removed).
 */
export function settleAction(w: WriteHandle, actionId: string, fallback?: ActionStatus): void {
  const action = w.db
    .prepare('SELECT id, board_id, meeting_id, status, superseded_by, closed_at_meeting_id, last_update_meeting_id FROM actions WHERE id = ?')
    .get(actionId) as ActionState | undefined;
  if (!action) return;
  const updates = updatesOf(w, actionId);
  const last = updates[updates.length - 1];
  let next: Pick<ActionState, 'status' | 'superseded_by' | 'closed_at_meeting_id' | 'last_update_meeting_id'>;
  if (last) {
    next = {
      status: last.status,
      superseded_by: last.status === 'superseded' ? last.superseded_by : null,
      closed_at_meeting_id: isFinished(last.status) ? last.meeting_id : null,
      last_update_meeting_id: last.meeting_id,
    };
  } else if (fallback !== undefined) {
    next = { status: fallback, superseded_by: null, closed_at_meeting_id: null, last_update_meeting_id: null };
  } else {
    next = { ...action, last_update_meeting_id: null };
  }
  if (
    next.status !== action.status ||
    next.superseded_by !== action.superseded_by ||
    next.closed_at_meeting_id !== action.closed_at_meeting_id ||
    next.last_update_meeting_id !== action.last_update_meeting_id
  ) {
    // The action's own text is unchanged, so updated_at stays: its status is derived from its updates.
    w.db
      .prepare('UPDATE actions SET status = ?, superseded_by = ?, closed_at_meeting_id = ?, last_update_meeting_id = ? WHERE id = ?')
      .run(next.status, next.superseded_by, next.closed_at_meeting_id, next.last_update_meeting_id, actionId);
  }
  resyncCarries(w, { ...action, ...next }, updates);
}

/**
 * The action in the matters arising of each later draft meeting that carries actions: listed
 * while it was unfinished before that meeting, with the status it came with; taken off once it
 * was finished earlier (unless that meeting already recorded progress on it). Circulated and
 * agreed minutes are the record and keep their list as it is.
 */
function resyncCarries(w: WriteHandle, action: ActionState, updates: readonly DatedUpdate[]): void {
  const rows = w.db
    .prepare(
      `SELECT m.id, m.meeting_date, m.status, c.action_id IS NOT NULL AS listed, c.status_before
       FROM meetings m
       JOIN meetings om ON om.id = @origin
       LEFT JOIN carried_actions c ON c.meeting_id = m.id AND c.action_id = @action
       WHERE m.board_id = @board AND m.meeting_date > om.meeting_date
         AND (c.action_id IS NOT NULL
           OR (m.status = 'draft' AND (m.previous_meeting_id IS NOT NULL OR EXISTS (SELECT 1 FROM carried_actions x WHERE x.meeting_id = m.id))))`,
    )
    .all({ origin: action.meeting_id, action: action.id, board: action.board_id }) as Array<{
    id: string;
    meeting_date: string;
    status: string;
    listed: number;
    status_before: ActionStatus | null;
  }>;
  for (const m of rows) {
    const before = standingBefore(action, updates, m.meeting_date);
    const updatedHere = updates.some((u) => u.meeting_id === m.id);
    if (m.listed) {
      if (before.finished) {
        if (m.status === 'draft' && !updatedHere) {
          w.db.prepare('DELETE FROM carried_actions WHERE meeting_id = ? AND action_id = ?').run(m.id, action.id);
        }
      } else if (m.status_before !== before.status) {
        w.db.prepare('UPDATE carried_actions SET status_before = ? WHERE meeting_id = ? AND action_id = ?').run(before.status, m.id, action.id);
      }
    } else if (!before.finished && m.status === 'draft') {
      listAction(w, m.id, action.id, before.status);
    }
  }
}

/** Adds an action to the end of a meeting's matters arising. */
export function listAction(w: WriteHandle, meetingId: string, actionId: string, statusBefore: ActionStatus): void {
  const position = w.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM carried_actions WHERE meeting_id = ?').pluck().get(meetingId) as number;
  w.db
    .prepare('INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, ?, ?)')
    .run(meetingId, actionId, position, statusBefore);
}


// ---------------------------------------------------------------- a meeting's list

/**
 * Every action a meeting of the board held on `date` lists, with the status it comes with:
 * agreed at an earlier meeting and not finished before `date`, in the order listed. Found through
 * the board's unfinished actions (kept in the action log, store/carryListing.ts), plus those
 * finished at this meeting or a later one.
 */
export function outstandingBefore(store: ReadHandle, boardId: string, date: string): Map<string, ActionStatus> {
  const unfinished =
    keptOutstandingBefore(store.db, boardId, date) ??
    (store.db
      .prepare(
        `SELECT a.id, a.status, om.meeting_date AS origin_date, a.seq
         FROM actions a JOIN meetings om ON om.id = a.meeting_id
         WHERE a.board_id = ? AND a.status IN ${OUTSTANDING_SQL} AND om.meeting_date < ?`,
      )
      .all(boardId, date) as ListingCandidate[]).sort(byListingOrder);
  const finishedLater = store.db
    .prepare(
      `SELECT a.id, a.status, om.meeting_date AS origin_date, a.seq
       FROM meetings cm
       JOIN actions a ON a.closed_at_meeting_id = cm.id
       JOIN meetings om ON om.id = a.meeting_id
       WHERE cm.board_id = ? AND cm.meeting_date >= ? AND om.meeting_date < ?`,
    )
    .all(boardId, date, date) as ListingCandidate[];
  // Updates at this meeting or later do not count: the status it comes with is the one before.
  const updatedLater = new Set(
    store.db
      .prepare(
        `SELECT DISTINCT u.action_id FROM meetings m JOIN action_updates u ON u.meeting_id = m.id
         WHERE m.board_id = ? AND m.meeting_date >= ?`,
      )
      .pluck()
      .all(boardId, date) as string[],
  );
  // Usually none finished later (a new meeting is the board's latest): the list is in order already.
  const all = finishedLater.length === 0 ? unfinished : [...unfinished, ...finishedLater].sort(byListingOrder);
  const out = new Map<string, ActionStatus>();
  for (const c of all) {
    if (!updatedLater.has(c.id)) {
      out.set(c.id, c.status);
      continue;
    }
    const before = standingBefore(c, updatesOf(store, c.id), date);
    if (!before.finished) out.set(c.id, before.status);
  }
  return out;
}

/** LISTING_ORDER_SQL in JavaScript, for the actions read from their own tables. */
function byListingOrder(a: ListingCandidate, b: ListingCandidate): number {
  if (a.origin_date !== b.origin_date) return a.origin_date < b.origin_date ? -1 : 1;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Makes a meeting's list exactly the actions it should carry. Progress recorded here is never dropped. */
export function syncMattersArising(w: WriteHandle, meeting: { id: string; board_id: string; meeting_date: string }): Omit<CarryResult, 'meetingId'> {
  const target = outstandingBefore(w, meeting.board_id, meeting.meeting_date);
  const rows = w.db.prepare('SELECT action_id, status_before, position FROM carried_actions WHERE meeting_id = ?').all(meeting.id) as Array<{
    action_id: string;
    status_before: ActionStatus;
    position: number;
  }>;
  const existing = new Map(rows.map((r) => [r.action_id, r.status_before]));
  const updatedHere = new Set(w.db.prepare('SELECT action_id FROM action_updates WHERE meeting_id = ?').pluck().all(meeting.id) as string[]);
  const taken = new Set<string>();
  for (const [actionId, before] of existing) {
    const should = target.get(actionId);
    if (should === undefined) {
      if (updatedHere.has(actionId)) continue;
      w.db.prepare('DELETE FROM carried_actions WHERE meeting_id = ? AND action_id = ?').run(meeting.id, actionId);
      taken.add(actionId);
    } else if (should !== before) {
      w.db.prepare('UPDATE carried_actions SET status_before = ? WHERE meeting_id = ? AND action_id = ?').run(should, meeting.id, actionId);
    }
  }
  // New listings go after those it keeps.
  const position = rows.reduce((max, r) => (taken.has(r.action_id) ? max : Math.max(max, r.position)), -1) + 1;
  const adding: Array<[string, ActionStatus]> = [];
  for (const [actionId, status] of target) if (!existing.has(actionId)) adding.push([actionId, status]);
  // One statement for the lot (a new meeting lists every outstanding action of the board, ~340 on a
  // large store), in the order listed, its per-row checks and counts done once (store/carryListing.ts).
  listAtOnce(w, meeting, position, adding);
  const added = adding.length;
  const removed = taken.size;
  const listed = existing.size - removed + added;
  return { added, removed, listed };
}

/**
 * After a meeting's date changes, the lists that depend on it follow: its own matters arising
 * (while a draft), and where its actions and the actions it records progress on stand elsewhere.
 */
export function afterMeetingMoved(w: WriteHandle, meetingId: string): void {
  const meeting = w.db.prepare('SELECT id, board_id, meeting_date, status, previous_meeting_id FROM meetings WHERE id = ?').get(meetingId) as
    | { id: string; board_id: string; meeting_date: string; status: string; previous_meeting_id: string | null }
    | undefined;
  if (!meeting) return;
  const carrying = meeting.previous_meeting_id !== null || w.db.prepare('SELECT 1 FROM carried_actions WHERE meeting_id = ? LIMIT 1').get(meeting.id);
  if (meeting.status === 'draft' && carrying) syncMattersArising(w, meeting);
  const touched = w.db
    .prepare('SELECT id FROM actions WHERE meeting_id = ? UNION SELECT action_id FROM carried_actions WHERE meeting_id = ?')
    .pluck()
    .all(meeting.id, meeting.id) as string[];
  for (const actionId of touched) settleAction(w, actionId);
}
