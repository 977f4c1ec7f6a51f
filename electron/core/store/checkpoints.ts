// When the write-ahead log is copied into the data file, and started again. SQLite's default copies
// it inside the commit of whichever write takes the log past 1,000 pages: on a large store a carry
// forward writes ~500 pages, so every other carry also paid for copying ~1,000 pages into the file
// and syncing it. Here that copy happens once the app has been idle after writing (a PASSIVE
// checkpoint, which waits for no reader or writer), and SQLite's own checkpoint stays as the bound,
// raised so that only a long run of writes with no pause between them meets it. Durability is
// unchanged: every commit is already synced in the log (synchronous = FULL); a checkpoint only
// moves pages. A log copied whole is started again on the same timer, so the next write does not
// pay for it.
import type { Database } from '../db/driver';

/**
 * The most pages the log holds before SQLite copies it within a commit: ~100 MB at 4 KB a page,
 * far past what a pause lets build up (a carry forward on the large store writes ~500 pages) and
 * reached only by writes that never pause; copying that much at once takes a second or more, so
 * the bound is for safety, not for use. After a checkpoint the log file is cut back to
 * WAL_KEPT_BYTES when it is next reused, so a burst of writes does not leave 100 MB on disk.
 */
export const WAL_BOUND_PAGES = 25_000;
export const WAL_KEPT_BYTES = 4 * 1024 * 1024;

/** How long after its last write the app counts as idle. */
export const IDLE_CHECKPOINT_MS = 1_500;

const pending = new WeakMap<Database, ReturnType<typeof setTimeout>>();

/** Sets the bound on a newly opened connection (a test may set a smaller one to see it hold). */
export function boundWal(db: Database, pages: number = WAL_BOUND_PAGES): void {
  db.pragma(`wal_autocheckpoint = ${pages}`);
  db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
}

/**
 * Copies what the log holds into the data file, as far as no reader needs it; never inside a write.
 * When everything was copied, the log is started again here rather than in the user's next write.
 */
export function checkpointIdle(db: Database): void {
  pending.delete(db);
  if (!db.open || db.inTransaction) return;
  try {
    const [done] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    if (done && done.busy === 0 && done.log > 0 && done.checkpointed === done.log) startLogAgain(db);
  } catch (err) {
    // A busy or failing checkpoint loses nothing (the pages stay in the log): the next one, or
    // SQLite's own at the bound, copies them.
    console.warn('[store] checkpoint after idle did not run:', (err as Error).message);
  }
}

/** Called after a write commits: the checkpoint waits until no write has come for a while. */
export function checkpointWhenIdle(db: Database): void {
  const before = pending.get(db);
  if (before !== undefined) clearTimeout(before);
  const timer = setTimeout(() => checkpointIdle(db), IDLE_CHECKPOINT_MS);
  // A pending checkpoint never keeps a process (a command-line tool, a test) alive.
  timer.unref?.();
  pending.set(db, timer);
}

/**
 * A log wholly copied into the file is started again from its first frame by the next commit,
 * which then syncs twice: the log's new header (salts that make the old frames invalid) and then
 * its frames. That doubled the sync of the first write after every pause, a carry forward more
 * often than not (measured in tests/bench/PROFILE.md, "Round 9"). So the idle checkpoint starts it
 * itself, off the user's path, with a commit that changes nothing: the schema version written back
 * as it is (one page, the header's). The user's next write appends to the log and syncs once.
 * Nothing is logged or published: no record changed; SQLite's count of changed rows stays too.
 */
function startLogAgain(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.pragma(`user_version = ${version}`);
}
