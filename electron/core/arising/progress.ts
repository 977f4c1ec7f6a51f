// Recording progress on the actions a meeting lists: an update and a status each (superseded
// names its replacement), and "all actions were either completed or in train".
import type { ActionRefSummary, ActionStatus, MattersArising, MattersArisingEntry, ParsedInputOf } from '../../../shared/contract';
import { ACTION_STATUS_LABEL, FINISHED_PHRASE, isFinished } from '../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { settleAction, standingBefore, updatesOf } from './actionProgress';
import { editableMeeting } from './meetingRow';
import type { ActionUpdateRow } from '../store/arising';
import type { MeetingRow } from '../store/meetings';
import { entries, getMattersArising } from './list';
import { sinceLastMeeting } from '../store/betweenUpdates';
import { loggedText } from '../store/loggedText';

// ---------------------------------------------------------------- recording progress

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

/** An action's update at this meeting, as far as writing the next one needs it. */
type ExistingUpdate = Pick<ActionUpdateRow, 'text' | 'status' | 'superseded_by' | 'recorded_at'>;

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
    .get(action.id, meeting.id) as ExistingUpdate | undefined;
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

/** The status a first update here starts from: the latest reported since the last meeting, as the list shows it preselected. */
function preselectedStatus(store: ReadHandle, meeting: MeetingRow, actionId: string): ActionStatus | undefined {
  if (store.db.prepare('SELECT 1 FROM action_updates WHERE action_id = ? AND meeting_id = ?').get(actionId, meeting.id)) return undefined;
  return sinceLastMeeting(store.db, meeting, [actionId]).get(actionId)?.at(-1)?.status;
}

export function recordActionUpdate(store: Store, input: ParsedInputOf<'recordActionUpdate'>): MattersArisingEntry {
  const at = nowInstant();
  const meeting = write(store, (w) => {
    const m = editableMeeting(store, input.meetingId);
    const action = listedAction(store, m, input.actionId);
    const written = writeUpdate(w, m, action, { text: input.text, status: input.status ?? preselectedStatus(w, m, action.id), supersededBy: input.supersededBy }, at);
    w.log({ entity: 'action', entityId: action.id, action: 'progress', detail: { reference: action.reference, meetingId: m.id, ...written, text: loggedText(written.text) } }, at);
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
