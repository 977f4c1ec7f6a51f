// Dismissing a sync conflict: the one writer of sync_conflicts.dismissed_at. It marks the conflict
// seen on this laptop only (each laptop finds and keeps its own list), through the write path, so
// the change log records who dismissed what, and every window showing the board hears of it.
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { nowInstant } from '../changelog';
import { outsideAnyCall, reportSyncChanged } from '../store/changes';
import { write } from '../store/write';

/** Marks one of a board's conflicts seen; one already dismissed (in another window) is left as it is. */
export function dismissSyncConflict(store: Store, input: { boardId: string; id: string }): void {
  if (!store.db.prepare('SELECT 1 FROM boards WHERE id = ?').get(input.boardId)) throw new DomainError('not_found', 'This board is not in this data file.');
  const row = store.db.prepare('SELECT board_id, kind, entity_id, dismissed_at FROM sync_conflicts WHERE id = ?').get(input.id) as
    | { board_id: string; kind: string; entity_id: string; dismissed_at: string | null }
    | undefined;
  // Another board's conflict is refused like an unknown one: a dialog only dismisses what it lists.
  if (!row || row.board_id !== input.boardId) throw new DomainError('not_found', 'This conflict is not listed for this board on this laptop: there is nothing to dismiss.');
  if (row.dismissed_at !== null) return;
  write(store, (w) => {
    const at = nowInstant();
    w.db.prepare('UPDATE sync_conflicts SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL').run(at, input.id);
    w.log({ entity: 'board', entityId: input.boardId, action: 'dismiss_sync_conflict', detail: { conflictId: input.id, kind: row.kind, entityId: row.entity_id } }, at);
  });
  // Other windows and browser tabs list the board's conflicts too: they hear of it as of any sync change.
  outsideAnyCall(() => reportSyncChanged(input.boardId));
}
