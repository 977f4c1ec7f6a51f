// When a shared board's stored updates (sync_updates) are compacted: once the board has been
// quiet for a while (no update stored), or at once after many updates (a long session of typing
// keeps the table bounded). The compaction itself is updateStore's compactUpdates, in one write;
// it merges only acknowledged updates, so what the server has not confirmed is never touched.
// Timers never keep the process alive and are cleared when the board or the file closes.

export interface CompactionPolicy {
  /** Updates stored since the last compaction after which it runs at once (between writes). */
  afterUpdates: number;
  /** Milliseconds without a stored update after which it runs. */
  idleMs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { afterUpdates: 500, idleMs: 30_000 };

interface BoardTimer {
  stored: number;
  timer: NodeJS.Timeout | null;
  immediate: NodeJS.Immediate | null;
}

export class IdleCompaction {
  policy: CompactionPolicy = { ...DEFAULT_COMPACTION };
  private readonly boards = new Map<string, BoardTimer>();

  /** `compact` runs the compaction of one board in its own write (never inside another). */
  constructor(private readonly compact: (boardId: string) => void) {}

  /** An update of the board was stored: the quiet period starts again. */
  stored(boardId: string): void {
    const b = this.quietFrom(boardId);
    b.stored += 1;
    if (b.stored >= this.policy.afterUpdates && !b.immediate) {
      // Not inside the write that stored the update: after it, between writes.
      b.immediate = setImmediate(() => this.run(boardId));
      b.immediate.unref();
    }
  }

  /** The board's quiet period starts (again) now: also when the server acknowledges updates, which makes them mergeable. */
  quietFrom(boardId: string): BoardTimer {
    let b = this.boards.get(boardId);
    if (!b) this.boards.set(boardId, (b = { stored: 0, timer: null, immediate: null }));
    if (b.timer) clearTimeout(b.timer);
    b.timer = setTimeout(() => this.run(boardId), this.policy.idleMs);
    b.timer.unref();
    return b;
  }

  private run(boardId: string): void {
    this.cancel(boardId);
    this.compact(boardId);
  }

  /** The board closed (or stopped sharing): nothing left scheduled for it. */
  cancel(boardId: string): void {
    const b = this.boards.get(boardId);
    if (!b) return;
    if (b.timer) clearTimeout(b.timer);
    if (b.immediate) clearImmediate(b.immediate);
    this.boards.delete(boardId);
  }

  cancelAll(): void {
    for (const id of [...this.boards.keys()]) this.cancel(id);
  }

  /** Boards with a compaction scheduled (a closed file has none). */
  scheduled(): number {
    return this.boards.size;
  }
}
