// Each action's winning status event (actionStatusLog.ts's latestEvents), kept up to date as the
// log grows rather than read again in full: a write on a shared board looks up the few actions it
// changed, not a 25-year log of tens of thousands of events. Events are only ever added; an
// event tied with another of its action at the same instant (settled by their order in the log)
// drops the index, which is read again in full when next needed.
import type * as Y from 'yjs';
import { latestEvents, type StatusEvent } from './actionStatusLog';

interface Index {
  latest: Map<string, StatusEvent> | null;
}

const indexes = new WeakMap<Y.Array<StatusEvent>, Index>();

function indexOf(log: Y.Array<StatusEvent>): Index {
  const index = indexes.get(log);
  if (index) return index;
  const made: Index = { latest: null };
  log.observe((event) => {
    const latest = made.latest;
    if (!latest) return;
    if (event.changes.deleted.size > 0) {
      made.latest = null;
      return;
    }
    // The rule of latestEvents applied to each new event; a tie of instants (which the log's own
    // order settles, and an event merged in between may change) is settled by a full read.
    for (const item of event.changes.added) {
      for (const e of item.content.getContent() as StatusEvent[]) {
        const current = latest.get(e.action);
        if (current && current.at === e.at) {
          made.latest = null;
          return;
        }
        if (!current || e.at >= current.at) latest.set(e.action, e);
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
