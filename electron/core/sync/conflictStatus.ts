// The `action_status` conflict: two statuses recorded for one action by laptops that had not seen
// each other's. The latest `at` is what every laptop shows; the other is listed, never lost.
// Found in the board document's status log, so every laptop finds the same ones.
import { formatUkInstant } from '../../../shared/domain/dates';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import type { ActionStatus } from '../../../shared/domain/enums';
import { eventId, statusLog } from './actionStatusLog';
import { concurrentStatusPairs } from './statusIndex';
import type { BoardReplica } from './replica';

export interface StatusConflictDetail {
  reference: string;
  shown: { status: string; by: string; at: string; event: string };
  other: { status: string; by: string; at: string; event: string };
}

/** The board's status conflicts, as (action id, detail) pairs to record (from the kept index: the log is not read again in full). */
export function statusConflicts(replica: BoardReplica): Array<{ entityId: string; detail: StatusConflictDetail }> {
  return concurrentStatusPairs(statusLog(replica.board)).map(([shown, other]) => ({
    entityId: shown.action,
    detail: {
      reference: shown.ref,
      shown: { status: shown.status, by: shown.by, at: shown.at, event: eventId(shown) },
      other: { status: other.status, by: other.by, at: other.at, event: eventId(other) },
    },
  }));
}

const word = (s: string): string => (ACTION_STATUS_LABEL[s as ActionStatus] ?? s).toLowerCase();

export function describeStatusConflict(d: StatusConflictDetail): string {
  return `Two statuses were recorded for action ${d.reference} while the laptops were apart: “${word(d.shown.status)}” (${d.shown.by}, ${formatUkInstant(d.shown.at)}) is shown, being the later; “${word(d.other.status)}” (${d.other.by}, ${formatUkInstant(d.other.at)}) was also recorded.`;
}

