// The one write path of core: every write is one SQLite transaction, records its change-log
// entries through its handle, and reports what it changed (entity, id) from those same entries,
// so the change log and what the renderer is told can never disagree. A core function that
// writes opens write(store, (w) => ...); a helper that writes inside a caller's write takes the
// WriteHandle; a reader takes a ReadHandle (the open store is one).
import type { Database } from '../db/driver';
import type { Changed } from '../../../shared/contract';
import type { ChangeLogEntity } from '../../../shared/domain/enums';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { ChangeList, publishCommitted } from './changes';
import { refreshStaleSummaries } from './actionSummary';
import { indexChanges } from './searchIndex';
import { runWriteHook, writeBegins, writeCommitted, writeRolledBack } from './writeHooks';
import { checkpointWhenIdle } from './checkpoints';
import { checkListings } from './listings';

/** One change-log entry: what was changed, how, and the details worth keeping for the audit. */
export interface Change {
  entity: ChangeLogEntity;
  entityId: string;
  action: string;
  detail?: Record<string, unknown>;
}

/** What a reader is given: the connection, to read from. An open store is one; so is a write handle. */
export interface ReadHandle {
  readonly db: Database;
}

declare const writable: unique symbol;

/**
 * What a writer is given, and only write() makes one: the connection inside the write's
 * transaction, and the change log. A reader holds no WriteHandle, so it cannot call a writer.
 */
export interface WriteHandle extends ReadHandle {
  readonly [writable]: true;
  /** Who the change log records as making this write. */
  readonly actor: string;
  /** Records one change-log entry; the write reports it among what it changed. */
  log(change: Change, at?: string): void;
}

export interface Written<T> {
  value: T;
  /** What the write changed, each record once, in the order first logged. */
  changes: Changed[];
}

/** The entries logged so far by the outermost write open on a connection (nested writes join it). */
const open = new WeakMap<Database, Changed[]>();

/**
 * Runs `fn` as one write: a transaction (a savepoint inside another write, which it joins),
 * synchronous throughout. If it throws, nothing it wrote or logged remains, and it reports no
 * change; once the outermost write commits, its changes go to the API call that made it.
 */
export function write<T>(store: Pick<Store, 'db' | 'actor'>, fn: (w: WriteHandle) => T, actor: string = store.actor): Written<T> {
  const { db } = store;
  const outer = open.get(db);
  const logged = outer ?? [];
  const start = logged.length;
  let live = true;
  const handle = {
    db,
    actor,
    log(change: Change, at: string = nowInstant()): void {
      if (!live || !db.inTransaction) throw new Error('A write handle can only be used inside its own write.');
      db.prepare('INSERT INTO change_log (at, actor, entity, entity_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
        at,
        actor,
        change.entity,
        change.entityId,
        change.action,
        JSON.stringify(change.detail ?? {}),
      );
      logged.push({ entity: change.entity, id: change.entityId });
    },
  } as WriteHandle;
  if (!outer) open.set(db, logged);
  const mark = writeBegins(db);
  let value: T;
  try {
    value = db.transaction(() => {
      const result = fn(handle);
      // A shared board's documents follow its rows in the same transaction (electron/core/sync).
      // First: what the hook writes in turn (a shared board taking back a name this write freed)
      // is kept and indexed below with the rest.
      if (!outer) runWriteHook(db, logged, actor);
      // The kept values of what this write touched, in its own transaction: readers never see them lag.
      if (!outer) refreshStaleSummaries(db);
      // The outermost write brings the search index in step with everything it (and the writes
      // it joined) logged, in its own transaction: committed together or not at all.
      if (!outer) indexChanges(db, logged);
      // Every listing it wrote names an action of its meeting's board (the rule of migration 14).
      if (!outer) checkListings(db);
      return result;
    })();
  } catch (err) {
    // The transaction (or the savepoint) was rolled back, and its change-log entries with it.
    logged.length = start;
    // What it changed in a shared board's documents is undone and never sent (sync/writeOutbox.ts).
    writeRolledBack(db, mark);
    throw err;
  } finally {
    live = false;
    if (!outer) open.delete(db);
  }
  // Committed: what it changed in a shared board's documents goes to the server and the windows.
  if (!outer) writeCommitted(db);
  const list = new ChangeList();
  list.add(logged.slice(start));
  const changes = list.toArray();
  if (!outer) publishCommitted(changes);
  // The log is copied into the file once writes pause, not in some later write's commit.
  if (!outer) checkpointWhenIdle(db);
  return { value, changes };
}
