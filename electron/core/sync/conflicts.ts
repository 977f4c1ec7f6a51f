// Conflicts a merge cannot decide alone, recorded for the administrator (sync_conflicts, the one
// writer and reader): two statuses recorded for one action by laptops that had not seen each
// other's. The latest `at` is what every laptop shows; the other is listed, never lost.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/driver';
import type { SyncConflict } from '../../../shared/contract';
import { eventId, statusLog, type StatusEvent } from './actionStatusLog';
import type { BoardReplica } from './replica';

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

/** Records the board's conflicts not yet recorded (inside the projection's write). */
export function recordConflicts(db: Database, replica: BoardReplica, at: string): void {
  const insert = db.prepare(
    "INSERT OR IGNORE INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, 'action_status', ?, ?, ?)",
  );
  for (const [shown, other] of concurrentStatuses(statusLog(replica.board).toArray())) {
    const detail = {
      reference: shown.ref,
      shown: { status: shown.status, by: shown.by, at: shown.at, event: eventId(shown) },
      other: { status: other.status, by: other.by, at: other.at, event: eventId(other) },
    };
    insert.run(randomUUID(), replica.boardId, shown.action, JSON.stringify(detail), at);
  }
}

const STATUS_WORDS: Record<string, string> = {
  open: 'open',
  in_progress: 'in progress',
  done: 'done',
  deferred: 'deferred',
  dropped: 'dropped',
  superseded: 'superseded',
};

/** The board's conflicts not dismissed, newest first, each in words. */
export function listConflicts(db: Database, boardId: string): SyncConflict[] {
  const rows = db
    .prepare('SELECT id, kind, entity_id, detail, found_at FROM sync_conflicts WHERE board_id = ? AND dismissed_at IS NULL ORDER BY found_at DESC, id')
    .all(boardId) as Array<{ id: string; kind: SyncConflict['kind']; entity_id: string; detail: string; found_at: string }>;
  return rows.map((r) => {
    const d = JSON.parse(r.detail) as { reference: string; shown: { status: string; by: string; at: string }; other: { status: string; by: string; at: string } };
    const word = (s: string) => STATUS_WORDS[s] ?? s;
    return {
      id: r.id,
      kind: r.kind,
      entityId: r.entity_id,
      description: `Two statuses were recorded for action ${d.reference} while the laptops were apart: “${word(d.shown.status)}” (${d.shown.by}, ${d.shown.at}) is shown, being the later; “${word(d.other.status)}” (${d.other.by}, ${d.other.at}) was also recorded.`,
      foundAt: r.found_at,
    };
  });
}
