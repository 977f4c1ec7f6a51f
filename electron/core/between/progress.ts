// Progress reported between meetings: recorded against an action at any time (never inside a
// meeting's minutes), removed when typed in error, and read back with the meeting updates as one
// timeline. The action's status stays the minutes' own: the next meeting records what it agrees,
// with the latest report preselected there.
import type { ActionRefSummary, ActionStatus, ActionTimeline, BetweenUpdate, ParsedInputOf, TimelineEntry } from '../../../shared/contract';
import { londonToday } from '../../../shared/domain/actionLog';
import { FINISHED_PHRASE, isFinished } from '../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { DomainError, notFound } from '../errors';
import { OUTSTANDING_SQL, settleAction } from '../arising/actionProgress';
import { latestReports, readBetweenUpdateRow, readBetweenUpdates } from '../store/betweenUpdates';
import { write, type ReadHandle } from '../store/write';
import { loggedText } from '../store/loggedText';

interface ActionFacts {
  id: string;
  board_id: string;
  reference: string;
  status: ActionStatus;
  agreed_on: string;
  closed_on: string | null;
  last_meeting_update_on: string | null;
}

function actionFacts(store: ReadHandle, actionId: string): ActionFacts {
  const row = store.db
    .prepare(
      `SELECT a.id, a.board_id, a.reference, a.status, om.meeting_date AS agreed_on, cm.meeting_date AS closed_on,
         (SELECT max(m.meeting_date) FROM action_updates u JOIN meetings m ON m.id = u.meeting_id WHERE u.action_id = a.id) AS last_meeting_update_on
       FROM actions a JOIN meetings om ON om.id = a.meeting_id LEFT JOIN meetings cm ON cm.id = a.closed_at_meeting_id
       WHERE a.id = ?`,
    )
    .get(actionId) as ActionFacts | undefined;
  if (!row) throw notFound('action');
  return row;
}

/** Why nothing more can be reported on a finished action, or null. */
function closedReason(a: ActionFacts): string | null {
  if (!isFinished(a.status)) return null;
  const when = a.closed_on ? ` at the meeting of ${formatUkDate(a.closed_on)}` : '';
  return `Action ${a.reference} was ${FINISHED_PHRASE[a.status]}${when}, so no further progress can be recorded on it.`;
}

/** The checks a report must pass before anything is written; each says what to change. */
function checkReport(a: ActionFacts, date: string, today: string): void {
  const closed = closedReason(a);
  if (closed) throw new DomainError('conflict', closed);
  if (date < a.agreed_on) {
    throw new DomainError('invalid_input', `Action ${a.reference} was agreed on ${formatUkDate(a.agreed_on)}: an update cannot be dated before that.`, 'date');
  }
  if (date > today) {
    throw new DomainError('invalid_input', `An update cannot be dated in the future: today is ${formatUkDate(today)}.`, 'date');
  }
  if (a.last_meeting_update_on && date < a.last_meeting_update_on) {
    throw new DomainError(
      'invalid_input',
      `The meeting of ${formatUkDate(a.last_meeting_update_on)} already recorded progress on ${a.reference}: date the update on or after that day.`,
      'date',
    );
  }
}

export function recordActionProgress(store: Store, input: ParsedInputOf<'recordActionProgress'>): ActionTimeline {
  const at = nowInstant();
  write(store, (w) => {
    const action = actionFacts(w, input.actionId);
    checkReport(action, input.date, londonToday());
    const updateId = newId();
    w.db
      .prepare(
        `INSERT INTO between_updates (id, action_id, reported_on, text, status, reported_by, recorded_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(updateId, action.id, input.date, input.text, input.status, input.reportedBy ?? null, at, at);
    // Through the one progress path, so whatever is kept about an action's progress follows.
    settleAction(w, action.id);
    w.log(
      {
        entity: 'action',
        entityId: action.id,
        action: 'progress_between',
        detail: { reference: action.reference, updateId, date: input.date, status: input.status, text: loggedText(input.text), reportedBy: input.reportedBy ?? null },
      },
      at,
    );
  });
  return getActionTimeline(store, { actionId: input.actionId });
}

export function deleteActionProgress(store: Store, input: ParsedInputOf<'deleteActionProgress'>): ActionTimeline {
  const row = readBetweenUpdateRow(store.db, input.updateId);
  if (!row) throw notFound('update');
  write(store, (w) => {
    const action = actionFacts(w, row.action_id);
    const closed = closedReason(action);
    // Once the minutes finished it, its history up to then is what the meeting saw: kept.
    if (closed) throw new DomainError('conflict', closed.replace('no further progress can be recorded on it', 'its updates are kept as they were'));
    w.db.prepare('DELETE FROM between_updates WHERE id = ?').run(row.id);
    settleAction(w, action.id);
    // The change log keeps what was removed, so nothing typed is ever lost.
    w.log({ entity: 'action', entityId: action.id, action: 'progress_between_removed', detail: { reference: action.reference, removed: row } });
  });
  return getActionTimeline(store, { actionId: row.action_id });
}

export function getActionTimeline(store: Store, input: ParsedInputOf<'getActionTimeline'>): ActionTimeline {
  const action = actionFacts(store, input.actionId);
  const summary = (id: string | null): ActionRefSummary | null =>
    id ? ((store.db.prepare('SELECT id, reference, details FROM actions WHERE id = ?').get(id) as ActionRefSummary | undefined) ?? null) : null;
  const meetingEntries: TimelineEntry[] = (
    store.db
      .prepare(
        `SELECT u.meeting_id, m.meeting_date, u.text, u.status, u.superseded_by
         FROM action_updates u JOIN meetings m ON m.id = u.meeting_id WHERE u.action_id = ? ORDER BY m.meeting_date, m.created_at`,
      )
      .all(action.id) as Array<{ meeting_id: string; meeting_date: string; text: string; status: ActionStatus; superseded_by: string | null }>
  ).map((u) => ({ kind: 'meeting', date: u.meeting_date, meetingId: u.meeting_id, text: u.text, status: u.status, supersededBy: summary(u.superseded_by) }));
  const betweenEntries: TimelineEntry[] = readBetweenUpdates(store.db, action.id).map((u) => ({ kind: 'between', ...u }));
  // A stable merge by date: on the same day the meeting's record comes first.
  const entries = [...meetingEntries, ...betweenEntries]
    .map((e, i) => ({ e, i }))
    .sort((x, y) => (x.e.date < y.e.date ? -1 : x.e.date > y.e.date ? 1 : x.i - y.i))
    .map(({ e }) => e);
  return {
    actionId: action.id,
    reference: action.reference,
    agreedOn: action.agreed_on,
    status: action.status,
    closedReason: closedReason(action),
    entries,
    today: londonToday(),
  };
}

export function betweenMeetingReports(store: Store, input: ParsedInputOf<'betweenMeetingReports'>): BetweenUpdate[] {
  const ids = store.db
    .prepare(
      `SELECT DISTINCT a.id FROM between_updates u JOIN actions a ON a.id = u.action_id
       WHERE a.status IN ${OUTSTANDING_SQL} ${input.boardId ? 'AND a.board_id = ?' : ''}`,
    )
    .pluck()
    .all(...(input.boardId ? [input.boardId] : [])) as string[];
  return [...latestReports(store.db, ids).values()];
}
