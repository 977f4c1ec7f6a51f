// When the write-ahead log is copied into the data file (store/checkpoints.ts): not inside the
// commit of a write, but once writes pause; SQLite's own checkpoint stays as a bound.
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardSummary } from '../../shared/contract';
import { IDLE_CHECKPOINT_MS, WAL_BOUND_PAGES, WAL_KEPT_BYTES } from '../../electron/core/store/checkpoints';
import { ok, tempCore } from '../helpers/temp';

/** Frames in the log, and how many of them are already in the data file. */
const walState = (db: NonNullable<Awaited<ReturnType<typeof tempCore>>['store']>['db']): { log: number; checkpointed: number } => {
  // NOOP reports the log's frames and how many are in the file without copying any.
  const [row] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
  return row!;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('checkpoints off the write path', () => {
  it('opens with the raised bound and a limit on what the log file keeps', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_BOUND_PAGES);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_KEPT_BYTES);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL: durability is unchanged
  });

  it('copies the log into the file once writes pause, and not before', async () => {
    const core = await tempCore();
    const db = core.store!.db;
    vi.useFakeTimers();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Checkpoint Board' });
    for (let i = 0; i < 5; i++) ok(core, 'createMeeting', { boardId: board.id, date: `2026-0${i + 1}-10` });
    const written = walState(db);
    expect(written.log).toBeGreaterThan(0);
    expect(written.checkpointed).toBeLessThan(written.log);
    // Each write puts the checkpoint off again: just short of a pause after the last, nothing copied.
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS - 1);
    expect(walState(db).checkpointed).toBe(written.checkpointed);
    vi.advanceTimersByTime(1);
    // All of it copied, and the log started again by a one-page commit that changes nothing
    // (store/checkpoints.ts; tests/unit/wal-durability.test.ts): that page is all the log holds.
    expect(walState(db)).toMatchObject({ log: 1, checkpointed: 0 });
    // What was written is all there, read back through the same connection and the file alike.
    expect(db.prepare('SELECT count(*) FROM meetings WHERE board_id = ?').pluck().get(board.id)).toBe(5);
  });

  it('a pending checkpoint after the store is closed does nothing and fails nothing', async () => {
    const core = await tempCore();
    const file = core.store!.db.name;
    vi.useFakeTimers();
    ok<BoardSummary>(core, 'createBoard', { name: 'Closed Board' });
    core.close();
    expect(() => vi.advanceTimersByTime(IDLE_CHECKPOINT_MS)).not.toThrow();
    expect(fs.existsSync(file)).toBe(true);
  });
});
