// Giving a data file's free space back to the disk. Pages that deletions and migrations free stay in
// the file, to be used again by later writes; a file of minutes seldom frees much, but an upgrade
// can free half of it at once (format 23 moved the search index into its own file: ~400 MB of the
// bench's large store), which the minutes of years to come would not fill again. So when free pages
// are a large share of the file, a compact copy of it is written while it is open, on a worker
// thread (VACUUM INTO, as backups are: db/compactCopy.ts), then checked and flushed there too.
// When the file is closed, the copy takes its place if nothing has been written since it began:
// renamed over the data file, the lock still held. Written meanwhile, the copy is thrown away and
// made again once the app has been idle for a while. The app's thread never waits for it, and the
// data file is only ever replaced whole, by a sound copy of exactly what it holds.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './driver';
import type { StoreKey } from '../crypt/cipher';
import { compactCopyInBackground } from './compactCopy';
import { quickCheckInBackground } from './integrity';
import { flushFile, flushFolder } from './flush';
import { totalChanges } from './totalChanges';
import { makePrivate, PRIVATE_FILE } from './private';

/** Free space worth giving back: at least this much, and at least FREE_SHARE of the file. */
export const FREE_BYTES = 32 * 1024 * 1024;
export const FREE_SHARE = 0.25;
/** How long after the last write the app is idle enough to make the copy again. */
export const COMPACT_IDLE_MS = 30_000;

/** The compact copy's name while it is written and waits (removed whenever it is not used). */
export const compactCopyFile = (dataFile: string): string => `${dataFile}-compact`;

export interface FileSpace {
  /** The file's size in pages, in bytes. */
  bytes: number;
  /** Of which free pages. */
  free: number;
}

export function fileSpace(db: Database): FileSpace {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  return { bytes: (db.pragma('page_count', { simple: true }) as number) * pageSize, free: (db.pragma('freelist_count', { simple: true }) as number) * pageSize };
}

export function worthGivingBack({ bytes, free }: FileSpace, thresholds: { bytes: number; share: number } = { bytes: FREE_BYTES, share: FREE_SHARE }): boolean {
  return free >= thresholds.bytes && free >= bytes * thresholds.share;
}

interface Copy {
  /** The connection's count of changes when the copy began (it reads what was committed then). */
  changes: number;
  complete: boolean;
  /** Not to be used (a write came, or the file closed): removed once the worker is done with it. */
  dropped: boolean;
}

/** The compaction of one open data file. */
export class FreeSpaceReturn {
  private copy: Copy | null = null;
  /** The copy being written, until the worker is done (one at a time: they share a name). */
  private running: Promise<void> | null = null;
  /** Asked to begin while a copy was being written: looked at again once it is done. */
  private again = false;
  private idle: ReturnType<typeof setTimeout> | null = null;
  /** A copy failed (a full disk, say): not tried again while this file is open. */
  private failed = false;
  private closed = false;
  /** Tests set smaller ones, to give back a small file's space. */
  thresholds = { bytes: FREE_BYTES, share: FREE_SHARE };

  constructor(
    private readonly db: Database,
    private readonly file: string,
    private readonly key: StoreKey | null,
  ) {
    // A copy left by an app that stopped before closing the file is never used: it may be stale.
    removeCopy(compactCopyFile(file));
  }

  /** Makes the copy now when the file has free space worth giving back and no current copy is waiting. */
  begin(): void {
    if (this.closed || this.failed || !this.db.open || this.db.inTransaction) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.current() || !worthGivingBack(fileSpace(this.db), this.thresholds)) return;
    this.drop();
    const target = compactCopyFile(this.file);
    const copy: Copy = { changes: totalChanges(this.db), complete: false, dropped: false };
    this.copy = copy;
    this.running = (async () => {
      try {
        // SQLite would create the copy world-readable: it writes into this owner-only file instead.
        fs.writeFileSync(target, '', { mode: PRIVATE_FILE });
        makePrivate(target);
        await compactCopyInBackground(this.file, target, this.key);
        // Checked as a file opened later would be: a copy that is not sound never replaces the file.
        const verdict = await quickCheckInBackground(target, this.key);
        if (verdict !== 'ok') throw new Error(`the copy did not pass its check (${verdict})`);
        // Flushed now, off the app's thread, so that closing flushes next to nothing.
        const handle = await fs.promises.open(target, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        copy.complete = true;
      } catch (err) {
        console.warn(`[store] the data file's free space could not be given back this time: ${(err as Error).message}`);
        this.failed = true;
      }
      if (copy.dropped || !copy.complete) removeCopy(target);
    })().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.begin();
      }
    });
  }

  /** Called after each write: the copy is made again once no write has come for COMPACT_IDLE_MS. */
  wrote(): void {
    if (this.closed || this.failed) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.idle = null;
      this.begin();
    }, COMPACT_IDLE_MS);
    // A pending compaction never keeps a process (a command-line tool, a test) alive.
    this.idle.unref?.();
  }

  /** Resolves when no copy is being written: true when a complete, current copy waits for the close. */
  async settled(): Promise<boolean> {
    while (this.running) await this.running;
    return this.current();
  }

  /** A complete copy of exactly what the file holds now. */
  current(): boolean {
    const copy = this.copy;
    return copy !== null && copy.complete && !copy.dropped && this.db.open && copy.changes === totalChanges(this.db);
  }

  /**
   * Called as the file is closed, before its connection is: whether the copy is to take its place
   * (`takePlace`, once the connection has closed). Any other copy is dropped.
   */
  closing(): boolean {
    this.closed = true;
    if (this.idle) clearTimeout(this.idle);
    const use = this.current();
    if (!use) this.drop();
    return use;
  }

  /**
   * With the connection closed and the lock still held: the copy is flushed and renamed over the
   * data file. Not done (the copy removed, the file left as it is) if SQLite left a write-ahead
   * log behind (it would then hold pages that belong to the old file) or anything fails.
   */
  takePlace(): boolean {
    const target = compactCopyFile(this.file);
    this.copy = null;
    try {
      if (fs.existsSync(`${this.file}-wal`) && fs.statSync(`${this.file}-wal`).size > 0) throw new Error('the write-ahead log was not emptied on closing');
      flushFile(target);
      fs.rmSync(`${this.file}-wal`, { force: true });
      fs.rmSync(`${this.file}-shm`, { force: true });
      fs.renameSync(target, this.file);
      flushFolder(path.dirname(this.file));
      return true;
    } catch (err) {
      console.warn(`[store] the data file's free space was not given back: ${(err as Error).message}`);
      removeCopy(target);
      return false;
    }
  }

  private drop(): void {
    const copy = this.copy;
    if (!copy) return;
    copy.dropped = true;
    this.copy = null;
    // Removed now if the worker is done with it; else once it is.
    if (!this.running) removeCopy(compactCopyFile(this.file));
  }
}

/** The copy removed; something else in its place (not a file) is left alone, and said. */
function removeCopy(target: string): void {
  try {
    fs.rmSync(target, { force: true });
  } catch (err) {
    console.warn(`[store] ${target} could not be removed: ${(err as Error).message}`);
  }
}
