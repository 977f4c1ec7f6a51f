// The state of an action, as boards speak of it: open, in progress ("in train"), done
// ("completed"), deferred, dropped, or superseded by a new action. Done, dropped and
// superseded actions are finished: they are never carried to another meeting.
import { ACTION_STATUSES, FINISHED_STATUSES, OUTSTANDING_STATUSES, type ActionStatus } from './enums';

export { ACTION_STATUSES, FINISHED_STATUSES, OUTSTANDING_STATUSES };

export function isFinished(status: ActionStatus): boolean {
  return (FINISHED_STATUSES as readonly ActionStatus[]).includes(status);
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
