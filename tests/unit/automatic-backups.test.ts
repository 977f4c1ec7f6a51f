// Backups that happen: a snapshot after the first change of a day that has none (so the first
// day of minutes is backed up too), another every few hours of a long session, taken in the
// background; reads never start one. The clock is the session's, moved by the test.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupList, BoardSummary } from '../../shared/contract';
import { startCore, type Core } from '../../electron/core/app';
import { backupDue, SESSION_BACKUP_EVERY_MS } from '../../electron/core/backups';
import { ok, tempDir } from '../helpers/temp';
import { openTestFile } from '../helpers/testKey';

const cores: Core[] = [];

async function coreWithClock(file = path.join(tempDir(), 'minutes.sqlite')): Promise<{ core: Core; clock: { now: Date } }> {
  const clock = { now: new Date(2026, 1, 19, 9, 0, 0) };
  const core = await startCore(file, {}, { now: () => clock.now });
  cores.push(core);
  return { core, clock };
}

const backups = (core: Core): BackupList['backups'] => ok<BackupList>(core, 'listBackups', {}).backups;

function boardsIn(folder: string, name: string): string[] {
  const db = openTestFile(path.join(folder, name), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT name FROM boards ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('automatic backups', () => {
  it('back up the first change of a day that has none, in the background, with that change in it', async () => {
    const { core } = await coreWithClock();
    try {
      // A new, empty file: nothing to keep yet.
      await core.backupsSettled();
      expect(backups(core)).toEqual([]);
      ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
      // The change has been answered; the backup is still on its way (never in the way of typing).
      const { folder } = ok<BackupList>(core, 'listBackups', {});
      expect(fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite')) : []).toEqual([]);
      await core.backupsSettled();
      const [daily, ...others] = backups(core);
      expect(others).toEqual([]);
      expect(daily).toMatchObject({ reason: 'daily' });
      expect(boardsIn(folder, daily!.name)).toEqual(['Executive Board']);
    } finally {
      core.close();
    }
  });

  it('take no more that day until the session has run for a few hours, then another', async () => {
    const { core, clock } = await coreWithClock();
    try {
      const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
      await core.backupsSettled();
      expect(backups(core)).toHaveLength(1);

      clock.now = new Date(clock.now.getTime() + SESSION_BACKUP_EVERY_MS - 60_000);
      ok(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
      await core.backupsSettled();
      expect(backups(core)).toHaveLength(1);

      clock.now = new Date(clock.now.getTime() + 60_000);
      // Reading starts nothing, however long it has been.
      ok(core, 'listBoards', {});
      ok(core, 'listMeetings', { boardId: board.id });
      await core.backupsSettled();
      expect(backups(core)).toHaveLength(1);

      ok(core, 'renameBoard', { boardId: board.id, name: 'Executive Board (renamed)' });
      await core.backupsSettled();
      const list = backups(core);
      expect(list.map((b) => b.reason)).toEqual(['session', 'daily']);
      expect(list[0]!.meetingCount).toBe(1);
    } finally {
      core.close();
    }
  });

  it('start each new day with a backup at its first change, and at start when the file has data', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const first = await coreWithClock(file);
    ok(first.core, 'createBoard', { name: 'Executive Board' });
    await first.core.backupsSettled();
    first.clock.now = new Date(2026, 1, 20, 8, 30);
    ok(first.core, 'createBoard', { name: 'Main Board' });
    await first.core.backupsSettled();
    expect(backups(first.core).map((b) => b.reason)).toEqual(['daily', 'daily']);
    first.core.close();

    // Opened again two days later: the day's backup is taken at start, before any change.
    const clock = { now: new Date(2026, 1, 22, 10, 0) };
    const again = await startCore(file, {}, { now: () => clock.now });
    try {
      await again.backupsSettled();
      expect(backups(again)).toHaveLength(3);
      ok(again, 'createBoard', { name: 'Partnership Group' });
      await again.backupsSettled();
      expect(backups(again)).toHaveLength(3);
    } finally {
      again.close();
    }
  });

  it('are not taken by tools that open a file briefly', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      ok(core, 'createBoard', { name: 'Executive Board' });
      await core.backupsSettled();
      expect(backups(core)).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('go by the calendar day and the session length', () => {
    const morning = new Date(2026, 1, 19, 9, 0).getTime();
    expect(backupDue(undefined, new Date(2026, 1, 19, 9, 0))).toBe('daily');
    expect(backupDue(morning, new Date(2026, 1, 19, 11, 59))).toBeNull();
    expect(backupDue(morning, new Date(morning + SESSION_BACKUP_EVERY_MS))).toBe('session');
    expect(backupDue(new Date(2026, 1, 18, 23, 50).getTime(), new Date(2026, 1, 19, 0, 5))).toBe('daily');
  });
});
