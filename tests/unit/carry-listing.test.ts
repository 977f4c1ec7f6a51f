// Carrying forward in one statement (store/carryListing.ts, migration 15): what the per-row
// triggers refused it refuses once, changing nothing; it leaves no name, mark or note behind; and a
// name left in the file by a program writing without the app makes the open rebuild the kept values
// after a backup, in one transaction that, interrupted, leaves the file as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CarryResult, MeetingDetail } from '../../shared/contract';
import { startCore } from '../../electron/core/app';
import { BACKUP_FOLDER_NAME } from '../../electron/core/db/open';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { listAtOnce } from '../../electron/core/store/carryListing';
import { write } from '../../electron/core/store/write';
import { openTestFile } from '../helpers/testKey';
import { dump, ok, sha256, tempCore, tempDir } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

const REBUILD_BACKUP = 'before-rebuilding-the-action-log';

const backupsOf = (file: string): string[] => {
  const dir = path.join(path.dirname(file), BACKUP_FOLDER_NAME);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.includes(REBUILD_BACKUP)) : [];
};

function tamper(file: string, sql: string): void {
  const db = openTestFile(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** A closed file: the sample board, April carrying its actions, and a June draft listing none yet. */
async function sampleFile(): Promise<{ file: string; june: string }> {
  const file = path.join(tempDir(), 'data.sqlite');
  const core = await startCore(file, {}, { openedBriefly: true });
  const seeded = await seedFixtureMinutes(inProcess(core));
  ok(core, 'carryForward', { meetingId: seeded.laterMeetingId });
  const june = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-06-12' }).id;
  core.close();
  return { file, june };
}

describe('carrying forward in one statement', () => {
  it('lists the outstanding actions with their counts kept, leaving no name, mark or note behind', async () => {
    const core = await tempCore();
    try {
      const seeded = await seedFixtureMinutes(inProcess(core));
      const db = core.store!.db;
      const counts = (): Map<string, number> => new Map(db.prepare('SELECT action_id, times_carried FROM action_times_carried').raw().all() as Array<[string, number]>);
      const before = counts();
      const result = ok<CarryResult>(core, 'carryForward', { meetingId: seeded.laterMeetingId });
      expect(result.added).toBeGreaterThan(0);
      const listed = db.prepare('SELECT action_id FROM carried_actions WHERE meeting_id = ? ORDER BY position').pluck().all(seeded.laterMeetingId) as string[];
      expect(listed).toHaveLength(result.listed);
      // Each listed action's count went up by one, and no other count moved.
      const after = counts();
      for (const [action, count] of after) expect(count, action).toBe((before.get(action) ?? 0) + (listed.includes(action) ? 1 : 0));
      expect(summariesDiffer(db)).toEqual([]);
      expect(
        db
          .prepare(
            `SELECT (SELECT count(*) FROM carried_actions_listing) + (SELECT count(*) FROM carried_actions_unchecked)
               + (SELECT count(*) FROM action_summaries_recount) + (SELECT count(*) FROM action_summaries_stale)`,
          )
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      core.close();
    }
  });

  it('refuses to list at agreed minutes, with the message the trigger gives, changing nothing', async () => {
    const core = await tempCore();
    try {
      const seeded = await seedFixtureMinutes(inProcess(core));
      const db = core.store!.db;
      const actionId = db.prepare('SELECT id FROM actions WHERE meeting_id = ? LIMIT 1').pluck().get(seeded.meetingId) as string;
      write(core.store!, (w) => w.db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(seeded.laterMeetingId));
      const before = dump(core);
      expect(() =>
        write(core.store!, (w) => listAtOnce(w, { id: seeded.laterMeetingId, board_id: seeded.boardId }, 0, [[actionId, 'open']])),
      ).toThrow('These minutes have been agreed as accurate, so their matters arising cannot be changed.');
      expect(dump(core)).toBe(before);
      expect(db.prepare('SELECT count(*) FROM carried_actions_listing').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('a name left behind is taken out on open, with the kept values rebuilt after a backup', async () => {
    const { file, june } = await sampleFile();
    // Another program names June, then lists an action there: the count's mark is skipped.
    tamper(
      file,
      `INSERT INTO carried_actions_listing (meeting_id) VALUES ('${june}');
       INSERT INTO carried_actions (meeting_id, action_id, position, status_before)
         SELECT '${june}', action_id, 0, 'open' FROM action_summaries ORDER BY action_id LIMIT 1;`,
    );
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      const db = core.store!.db;
      expect(db.prepare('SELECT count(*) FROM carried_actions_listing').pluck().get()).toBe(0);
      expect(summariesDiffer(db)).toEqual([]);
      expect(backupsOf(file)).toHaveLength(1);
    } finally {
      core.close();
    }
  });

  it('a name alone (the values still right) is taken out too, after a backup', async () => {
    const { file, june } = await sampleFile();
    tamper(file, `INSERT INTO carried_actions_listing (meeting_id) VALUES ('${june}')`);
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(core.store!.db.prepare('SELECT count(*) FROM carried_actions_listing').pluck().get()).toBe(0);
      expect(backupsOf(file)).toHaveLength(1);
      // June lists through the triggers again: carrying into it marks and counts as any write.
      const result = ok<CarryResult>(core, 'carryForward', { meetingId: june });
      expect(result.listed).toBeGreaterThan(0);
      expect(summariesDiffer(core.store!.db)).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('a rebuild that cannot finish leaves the file, and the name, as they were', async () => {
    const { file, june } = await sampleFile();
    tamper(file, `INSERT INTO carried_actions_listing (meeting_id) VALUES ('${june}')`);
    tamper(file, "CREATE TRIGGER refuse_rebuild BEFORE INSERT ON action_summaries BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const hash = sha256(file);
    const core = await startCore(file, {}, { openedBriefly: true });
    core.close();
    expect(core.status.state).not.toBe('ready');
    expect(sha256(file)).toBe(hash);
    const db = openTestFile(file, { readonly: true });
    try {
      expect(db.prepare('SELECT meeting_id FROM carried_actions_listing').pluck().all()).toEqual([june]);
    } finally {
      db.close();
    }
  });
});
