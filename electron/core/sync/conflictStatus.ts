// The `action_status` conflict: two statuses recorded for one action by laptops that had not seen
// each other's. The latest `at` is what every laptop shows; the other is listed, never lost.
// Found in the board document's status log, so every laptop finds the same ones.
import { formatUkInstant } from '../../../shared/domain/dates';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import type { ActionStatus } from '../../../shared/domain/enums';
import { eventId, statusLog, type StatusEvent } from './actionStatusLog';
import type { BoardReplica } from './replica';

export interface StatusConflictDetail {
  reference: string;
  shown: { status: string; by: string; at: string; event: string };
  other: { status: string; by: string; at: string; event: string };
}

/** Pairs of one action's events recorded after the same predecessor by different replicas (laptops), with different statuses. */
function concurrentStatuses(events: StatusEvent[]): Array<[StatusEvent, StatusEvent]> {
  const byAction = new Map<string, StatusEvent[]>();
  for (const e of events) byAction.set(e.action, [...(byAction.get(e.action) ?? []), e]);
  const pairs: Array<[StatusEvent, StatusEvent]> = [];
  for (const list of byAction.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i] as StatusEvent, list[j] as StatusEvent];
        if (x.client !== y.client && x.after === y.after && x.status !== y.status) pairs.push(x.at <= y.at ? [y, x] : [x, y]);
      }
    }
  }
  return pairs;
}

/** The board's status conflicts, as (action id, detail) pairs to record. */
export function statusConflicts(replica: BoardReplica): Array<{ entityId: string; detail: StatusConflictDetail }> {
  return concurrentStatuses(statusLog(replica.board).toArray()).map(([shown, other]) => ({
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

