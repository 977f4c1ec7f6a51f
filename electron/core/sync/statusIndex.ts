// The kept indexes of the board's status log, brought up to date as the log grows rather than read
// again in full: each action's winning event (actionStatusLog.ts's latestEvents), and the pairs of
// its events recorded apart (concurrentPair: the status conflicts). A write or a projection on a
// shared board looks up the few actions it changed, not a 25-year log of tens of thousands of
// events. Events are only ever added; an event tied with another of its action at the same instant
// (settled by their order in the log, which an event merged in between may change) drops the index
// concerned, which is read again in full when next needed, as does any deletion.
import type * as Y from 'yjs';
import { concurrentPair, latestEvents, type StatusEvent } from './actionStatusLog';

interface Concurrent {
  /** Each action's events, in the order they were indexed. */
  byAction: Map<string, StatusEvent[]>;
  pairs: Array<[StatusEvent, StatusEvent]>;
}

interface Index {
  latest: Map<string, StatusEvent> | null;
  concurrent: Concurrent | null;
}

const indexes = new WeakMap<Y.Array<StatusEvent>, Index>();

/** The rule of latestEvents applied to one new event; false when a tie of instants needs a full read. */
function addLatest(latest: Map<string, StatusEvent>, e: StatusEvent): boolean {
  const current = latest.get(e.action);
  if (current && current.at === e.at) return false;
  if (!current || e.at >= current.at) latest.set(e.action, e);
  return true;
}

/** The pairs one new event makes with its action's events; false when a tie of instants needs a full read. */
function addConcurrent(concurrent: Concurrent, e: StatusEvent): boolean {
  const list = concurrent.byAction.get(e.action) ?? [];
  for (const x of list) {
    const pair = concurrentPair(x, e);
    if (!pair) continue;
    if (x.at === e.at) return false;
    concurrent.pairs.push(pair);
  }
  list.push(e);
  concurrent.byAction.set(e.action, list);
  return true;
}

/** Every pair of one action's events recorded apart, the log read in full (each pair once, the earlier in the log first). */
function readConcurrent(log: Y.Array<StatusEvent>): Concurrent {
  const byAction = new Map<string, StatusEvent[]>();
  for (const e of log.toArray()) {
    const list = byAction.get(e.action);
    if (list) list.push(e);
    else byAction.set(e.action, [e]);
  }
  const pairs: Array<[StatusEvent, StatusEvent]> = [];
  for (const list of byAction.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pair = concurrentPair(list[i] as StatusEvent, list[j] as StatusEvent);
        if (pair) pairs.push(pair);
      }
    }
  }
  return { byAction, pairs };
}

function indexOf(log: Y.Array<StatusEvent>): Index {
  const index = indexes.get(log);
  if (index) return index;
  const made: Index = { latest: null, concurrent: null };
  log.observe((event) => {
    if (event.changes.deleted.size > 0) {
      made.latest = null;
      made.concurrent = null;
      return;
    }
    for (const item of event.changes.added) {
      for (const e of item.content.getContent() as StatusEvent[]) {
        if (made.latest && !addLatest(made.latest, e)) made.latest = null;
        if (made.concurrent && !addConcurrent(made.concurrent, e)) made.concurrent = null;
      }
    }
  });
  indexes.set(log, made);
  return made;
}

/** The winning event of each action (the log read in full only when no index is kept). */
export function latestStatusEvents(log: Y.Array<StatusEvent>): ReadonlyMap<string, StatusEvent> {
  const index = indexOf(log);
  if (!index.latest) index.latest = latestEvents(log);
  return index.latest;
}

/** Every pair of one action's events recorded apart, as [shown, other] (the log read in full only when no index is kept). */
export function concurrentStatusPairs(log: Y.Array<StatusEvent>): ReadonlyArray<[StatusEvent, StatusEvent]> {
  const index = indexOf(log);
  if (!index.concurrent) index.concurrent = readConcurrent(log);
  return index.concurrent.pairs;
}
