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

/**
 * Told where each write begins and how the outermost ends, for what may only leave core once the
 * write has committed (sync's updates to the server and the windows; see sync/writeOutbox.ts).
 * `begin` returns a mark; a rolled-back write (or savepoint) hands its own mark back.
 */
export interface WriteEnd {
  begin(): number;
  committed(): void;
  rolledBack(mark: number): void;
}

const ends = new WeakMap<Database, WriteEnd>();

/** Sets (or with null, clears) what is told of an open file's writes ending. */
export function setWriteEnd(db: Database, end: WriteEnd | null): void {
  if (end) ends.set(db, end);
  else ends.delete(db);
}

/** Called by write() as each write (outermost or nested) begins. */
export function writeBegins(db: Database): number | undefined {
  return ends.get(db)?.begin();
}

/** Called by write() once the outermost write has committed. */
export function writeCommitted(db: Database): void {
  ends.get(db)?.committed();
}

/** Called by write() once a write (or its savepoint) has rolled back. */
export function writeRolledBack(db: Database, mark: number | undefined): void {
  if (mark !== undefined) ends.get(db)?.rolledBack(mark);
}
