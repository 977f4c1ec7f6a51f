// What the write-ahead log's handling (store/checkpoints.ts) must keep whatever it moves: a write
// acknowledged is in the files when the call returns (a process killed then loses nothing), the
// idle checkpoint copies everything into the data file and starts the log again without a change,
// the log stays within its bound through a run of writes that never pauses, and closing leaves
// everything in the data file alone.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardSummary } from '../../shared/contract';
import { boundWal, checkpointIdle, IDLE_CHECKPOINT_MS } from '../../electron/core/store/checkpoints';
import type { Database } from '../../electron/core/db/driver';
import { onBackgroundChanges } from '../../electron/core/store/changes';
import { dump, ok, tempCore, tempDir } from '../helpers/temp';
import { openTestFile } from '../helpers/testKey';

afterEach(() => {
  vi.useRealTimers();
});

/** Frames in the log, and how many of them are already in the data file (NOOP copies none). */
const walState = (db: Database): { log: number; checkpointed: number } => {
  const [row] = db.pragma('wal_checkpoint(NOOP)') as Array<{ log: number; checkpointed: number }>;
  return { log: row!.log, checkpointed: row!.checkpointed };
};

/**
 * The files as a process killed at this moment leaves them: the data file and its log, copied
 * while the app still has them open (what the app wrote is in them, or it was never acknowledged).
 * The shared-memory index is not copied: it is rebuilt from the log, as after a crash.
 */
function filesLeftByACrash(file: string): string {
  const copy = path.join(tempDir(), 'crashed.sqlite');
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}

/** The meetings a data file holds, read by a connection of its own (a crashed file's log recovered). */
function meetingsIn(file: string, withLog = true): string[] {
  if (!withLog) fs.rmSync(`${file}-wal`, { force: true });
  const db = openTestFile(file, { fileMustExist: true });
  try {
    return db.prepare('SELECT meeting_date FROM meetings ORDER BY meeting_date').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('the write-ahead log keeps every acknowledged write', () => {
  it('a process killed right after a write, before any checkpoint, loses nothing it acknowledged', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const file = core.store!.file;
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Crash Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-03-10' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-04-14' });
    expect(walState(core.store!.db).checkpointed).toBe(0);
    expect(meetingsIn(filesLeftByACrash(file))).toEqual(['2026-03-10', '2026-04-14']);
  });

  it('killed after the idle checkpoint, or after a write that followed it, it still loses nothing', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const db = core.store!.db;
    const file = core.store!.file;
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Pause Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-03-10' });
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS);
    expect(meetingsIn(filesLeftByACrash(file))).toEqual(['2026-03-10']);
    // Everything written is in the data file itself after the pause: even a copy of it alone has it.
    expect(meetingsIn(filesLeftByACrash(file), false)).toEqual(['2026-03-10']);
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-04-14' });
    expect(walState(db).checkpointed).toBeLessThan(walState(db).log);
    expect(meetingsIn(filesLeftByACrash(file))).toEqual(['2026-03-10', '2026-04-14']);
    // Every commit is still synced before the call returns: the setting the durability rests on.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('the idle checkpoint starts the log again with a commit that changes nothing, and the next write appends to it', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const db = core.store!.db;
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Restart Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-03-10' });
    const before = dump(core);
    const version = db.pragma('user_version', { simple: true });
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get();
    const published: unknown[] = [];
    const stop = onBackgroundChanges((changes) => published.push(changes));
    try {
      checkpointIdle(db);
    } finally {
      stop();
    }
    // Started again: the log holds only the one page of the commit that started it, not yet copied.
    expect(walState(db)).toEqual({ log: 1, checkpointed: 0 });
    expect(dump(core)).toBe(before);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    expect(published).toEqual([]);
    // The next write is added after it (the log is not started again inside the user's write).
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-04-14' });
    const after = walState(db);
    expect(after.log).toBeGreaterThan(1);
    expect(after.checkpointed).toBe(0);
    // A second pause copies both and starts the log again.
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS);
    expect(walState(db)).toEqual({ log: 1, checkpointed: 0 });
    expect(meetingsIn(filesLeftByACrash(core.store!.file), false)).toEqual(['2026-03-10', '2026-04-14']);
  });

  it('a checkpoint that cannot copy everything (a reader holds the log) does not start it again', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const db = core.store!.db;
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Reader Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-03-10' });
    const reader = openTestFile(core.store!.file, { fileMustExist: true });
    try {
      // A read transaction on another connection, begun before the next write: it holds that write's frames back.
      reader.exec('BEGIN');
      reader.prepare('SELECT count(*) FROM meetings').get();
      ok(core, 'createMeeting', { boardId: board.id, date: '2026-04-14' });
      const written = walState(db);
      checkpointIdle(db);
      const after = walState(db);
      expect(after.log).toBe(written.log);
      expect(after.checkpointed).toBeLessThan(after.log);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    expect(meetingsIn(filesLeftByACrash(core.store!.file))).toEqual(['2026-03-10', '2026-04-14']);
  });
});

describe('the log is bounded', () => {
  it('a run of writes that never pauses keeps the log within the bound', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const db = core.store!.db;
    // The app's bound is 25,000 pages; a small one shows the same rule in a test's few writes.
    const bound = 40;
    boundWal(db, bound);
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Burst Board' });
    let restarted = 0;
    let mostInOneWrite = 0;
    const logs: number[] = [];
    for (let i = 0; i < 60; i++) {
      const frames = walState(db).log;
      ok(core, 'createMeeting', { boardId: board.id, date: `2027-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')}` });
      const now = walState(db).log;
      if (now < frames) restarted++;
      mostInOneWrite = Math.max(mostInOneWrite, now < frames ? now : now - frames);
      logs.push(now);
    }
    // The write that takes the log past the bound copies it into the file; the next one starts it
    // again: the log never holds more than the bound and one write.
    expect(restarted).toBeGreaterThan(0);
    expect(Math.max(...logs)).toBeLessThanOrEqual(bound + mostInOneWrite);
    expect(db.prepare('SELECT count(*) FROM meetings').pluck().get()).toBe(60);
  });

  it('closing copies the log into the data file: the file alone holds every write', async () => {
    vi.useFakeTimers();
    const core = await tempCore();
    const file = core.store!.file;
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Close Board' });
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-03-10' });
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS);
    ok(core, 'createMeeting', { boardId: board.id, date: '2026-04-14' });
    core.close();
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
    expect(meetingsIn(file, false)).toEqual(['2026-03-10', '2026-04-14']);
  });
});
