// What one API call changed: gathered while the call runs, from the writes it commits (see
// write.ts) and from the session's file operations, then handed to dispatch for the answer.
// What changes outside any call (another laptop's edits arriving through sync, the sync status)
// goes to the hosts' listeners instead, which push it to the window.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Changed } from '../../../shared/contract';
import type { ChangedEntity, ChangeLogEntity } from '../../../shared/domain/enums';

/** The records a call changed, each once, in the order first changed. */
export class ChangeList {
  private readonly seen = new Set<string>();
  private readonly list: Changed[] = [];

  add(changes: Iterable<Changed>): void {
    for (const change of changes) {
      const key = `${change.entity}\u0000${change.id}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.list.push({ entity: change.entity, id: change.id });
    }
  }

  get size(): number {
    return this.list.length;
  }

  toArray(): Changed[] {
    return [...this.list];
  }
}

// The call in progress is found through the async context rather than through every core
// function's arguments: the browser host answers several calls at once, and a handler that
// copies files or prints resumes after an await, so a shared variable would mix their lists.
const current = new AsyncLocalStorage<ChangeList>();

/** Runs one call, collecting what it changes into `list` (a Promise keeps collecting until it settles). */
export function collectingChanges<T>(list: ChangeList, run: () => T): T {
  return current.run(list, run);
}

const background = new Set<(changes: readonly Changed[]) => void>();

/** Listens for what changes outside any call; returns the function that stops listening. */
export function onBackgroundChanges(listener: (changes: readonly Changed[]) => void): () => void {
  background.add(listener);
  return () => background.delete(listener);
}

function tell(changes: readonly Changed[]): void {
  if (changes.length === 0) return;
  const list = current.getStore();
  if (list) {
    list.add(changes);
    return;
  }
  for (const listener of [...background]) {
    try {
      listener(changes);
    } catch (err) {
      console.error('[changes] a listener failed:', (err as Error).message);
    }
  }
}

/**
 * Runs work that is not part of any call (a socket's event may carry the context of the call
 * that opened it, long answered), so what it changes goes to the background listeners.
 */
export function outsideAnyCall<T>(run: () => T): T {
  return current.exit(run);
}

/**
 * Adds a committed write's changes to the current call's list; outside a call they go to the
 * background listeners (nobody listens in tools and most tests). Only write() calls this:
 * database changes come from its change-log entries.
 */
export function publishCommitted(changes: readonly Changed[]): void {
  tell(changes);
}

/** A shared board's sync status changed (connected, offline, acknowledged): never in the change log. */
export function reportSyncChanged(boardId: string): void {
  tell([{ entity: 'sync', id: boardId }]);
}

/** A file outside the database: a backup taken, or the data file opened or restored (never in the change log). */
export type FileEntity = Exclude<ChangedEntity, ChangeLogEntity | 'sync'>;

/** The session says a file changed (a backup taken, another data file opened or restored). */
export function reportFileChanged(entity: FileEntity, id: string): void {
  current.getStore()?.add([{ entity, id }]);
}
