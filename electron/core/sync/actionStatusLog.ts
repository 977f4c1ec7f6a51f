// The actions' status as an append-only event log in the board's document. Two laptops setting
// one Y.Map key offline would be decided by client id, not by time; a log keeps every status
// anyone recorded, the latest `at` wins (the audit trail besides), and two events recorded on
// different laptops without either seeing the other are a conflict shown to the administrator.
import type * as Y from 'yjs';
import { ACTION_STATUS_COLUMNS, ACTION_STATUS_ROOT, type Row } from './registry';

export interface StatusEvent {
  /** The action's id. */
  action: string;
  /** Its reference when recorded (for reading the log; references stay provisional while a draft). */
  ref: string;
  status: string;
  superseded_by: string | null;
  closed_at_meeting_id: string | null;
  last_update_meeting_id: string | null;
  updated_at: string;
  /** ISO instant the status was recorded. */
  at: string;
  /** The laptop (its user's name) that recorded it. */
  by: string;
  /** The recording replica's Yjs client id: tells two laptops apart even when their users share a name. */
  client: number;
  /** The latest event of this action the recording laptop had seen (null: none), to tell a conflict from a succession. */
  after: string | null;
}

export const statusLog = (doc: Y.Doc): Y.Array<StatusEvent> => doc.getArray<StatusEvent>(ACTION_STATUS_ROOT);

/** An event's identity in the log: an action's events are told apart by when and by whom. */
export const eventId = (e: StatusEvent): string => `${e.at}|${e.client}`;

/** Each action's winning event: the latest `at`; among equal instants, the one later in the log (the same order on every laptop). */
export function latestEvents(log: Y.Array<StatusEvent>): Map<string, StatusEvent> {
  const latest = new Map<string, StatusEvent>();
  for (const e of log.toArray()) {
    const current = latest.get(e.action);
    if (!current || e.at >= current.at) latest.set(e.action, e);
  }
  return latest;
}

/**
 * Whether two events of one action conflict: recorded by different replicas (laptops) after the
 * same predecessor, with different statuses. As [shown, other]: the later `at` is shown; between
 * equal instants the one later in the log (`y`, when `x` comes first).
 */
export function concurrentPair(x: StatusEvent, y: StatusEvent): [StatusEvent, StatusEvent] | null {
  if (x.client === y.client || x.after !== y.after || x.status === y.status) return null;
  return x.at <= y.at ? [y, x] : [x, y];
}

/** The status columns an event sets. */
export function statusColumns(e: StatusEvent): Row {
  return Object.fromEntries(ACTION_STATUS_COLUMNS.map((c) => [c, e[c]]));
}

export const sameStatus = (e: StatusEvent, row: Row): boolean => ACTION_STATUS_COLUMNS.every((c) => (e[c] ?? null) === (row[c] ?? null));
