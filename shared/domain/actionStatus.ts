// The state of an action, as boards speak of it: open, in progress ("in train"), done
// ("completed"), deferred, dropped, or superseded by a new action. Done, dropped and
// superseded actions are finished: they are never carried to another meeting.
import type { ActionStatus } from '../api';

export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'done', 'deferred', 'dropped', 'superseded'];

/** Still owed: these come back as matters arising until they are finished. */
export const OUTSTANDING_STATUSES: readonly ActionStatus[] = ['open', 'in_progress', 'deferred'];

export const FINISHED_STATUSES: readonly ActionStatus[] = ['done', 'dropped', 'superseded'];

export function isFinished(status: ActionStatus): boolean {
  return status === 'done' || status === 'dropped' || status === 'superseded';
}

export const ACTION_STATUS_LABEL: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  deferred: 'Deferred',
  dropped: 'Dropped',
  superseded: 'Superseded',
};

/** How a finished action is described in a sentence: "marked done", "dropped", "superseded". */
export const FINISHED_PHRASE: Record<ActionStatus, string> = {
  open: 'left open',
  in_progress: 'marked in progress',
  done: 'marked done',
  deferred: 'deferred',
  dropped: 'dropped',
  superseded: 'superseded by another action',
};
