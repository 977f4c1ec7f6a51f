// The status conflicts kept as the board's status log grows (statusIndex.ts) are exactly those a full
// read of the log finds, whatever order the events arrive in: concurrent statuses merged from two
// laptops, a succession on one, and two statuses recorded apart at the same instant (settled by the
// log's order, so read again in full).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { statusLog, type StatusEvent } from '../../electron/core/sync/actionStatusLog';
import { concurrentStatusPairs } from '../../electron/core/sync/statusIndex';

const event = (doc: Y.Doc, action: string, status: string, at: string, after: string | null): StatusEvent => ({
  action,
  ref: action.toUpperCase(),
  status,
  superseded_by: null,
  closed_at_meeting_id: null,
  last_update_meeting_id: null,
  updated_at: at,
  at,
  by: `laptop ${doc.clientID}`,
  client: doc.clientID,
  after,
});

const exchange = (from: Y.Doc, to: Y.Doc): void => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

/** The pairs a laptop that never kept an index finds, reading the log of a copy of `doc` in full. */
function readAfresh(doc: Y.Doc): Array<[StatusEvent, StatusEvent]> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return [...concurrentStatusPairs(statusLog(copy))];
}

const sorted = (pairs: ReadonlyArray<[StatusEvent, StatusEvent]>): string[] => pairs.map(([s, o]) => `${s.action} ${s.status}@${s.at}/${o.status}@${o.at}`).sort();

describe('the status conflicts kept with the status log', () => {
  it('are those a full read finds, as events arrive from two laptops, ties included', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.clientID = 1;
    b.clientID = 2;
    // Kept from the start on laptop a (an empty log read once).
    expect(concurrentStatusPairs(statusLog(a))).toEqual([]);
    statusLog(a).push([event(a, 'x', 'open', '2026-01-01T00:00:00.000Z', null), event(a, 'y', 'open', '2026-01-01T00:00:00.000Z', null)]);
    exchange(a, b);
    const afterX = '2026-01-01T00:00:00.000Z|1';
    // Apart: x closed on a and superseded on b (a conflict); y progressed on a alone, twice (a succession).
    statusLog(a).push([event(a, 'x', 'closed', '2026-02-01T00:00:00.000Z', afterX)]);
    statusLog(b).push([event(b, 'x', 'superseded', '2026-02-02T00:00:00.000Z', afterX)]);
    statusLog(a).push([event(a, 'y', 'in_progress', '2026-02-01T00:00:00.000Z', afterX), event(a, 'y', 'closed', '2026-02-03T00:00:00.000Z', '2026-02-01T00:00:00.000Z|1')]);
    exchange(b, a);
    expect(sorted(concurrentStatusPairs(statusLog(a)))).toEqual(['x superseded@2026-02-02T00:00:00.000Z/closed@2026-02-01T00:00:00.000Z']);
    expect(sorted(concurrentStatusPairs(statusLog(a)))).toEqual(sorted(readAfresh(a)));

    // Two statuses recorded apart at the same instant: which is shown is the log's order, as a full read gives it.
    const y = '2026-02-03T00:00:00.000Z|1';
    exchange(a, b);
    statusLog(a).push([event(a, 'y', 'open', '2026-03-01T00:00:00.000Z', y)]);
    statusLog(b).push([event(b, 'y', 'superseded', '2026-03-01T00:00:00.000Z', y)]);
    exchange(b, a);
    exchange(a, b);
    expect(concurrentStatusPairs(statusLog(a))).toHaveLength(2);
    expect(sorted(concurrentStatusPairs(statusLog(a)))).toEqual(sorted(readAfresh(a)));
    expect(sorted(concurrentStatusPairs(statusLog(b)))).toEqual(sorted(readAfresh(a)));
  });
});
