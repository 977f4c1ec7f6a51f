// What else must happen inside a write's own transaction, registered per open file by a feature
// that keeps something in step with the rows (sync mirrors a shared board's committed rows into
// its documents and stores their updates): committed together with the rows, or not at all.
import type { Database } from '../db/driver';
import type { Changed } from '../../../shared/contract';

export type WriteHook = (db: Database, changes: readonly Changed[], actor: string) => void;

const hooks = new WeakMap<Database, WriteHook>();

/** Sets (or with null, clears) the one hook of an open file. */
export function setWriteHook(db: Database, hook: WriteHook | null): void {
  if (hook) hooks.set(db, hook);
  else hooks.delete(db);
}

/** Called by write() for its outermost write, inside the transaction, after everything it logged. */
export function runWriteHook(db: Database, changes: readonly Changed[], actor: string): void {
  if (changes.length > 0) hooks.get(db)?.(db, changes, actor);
}
