// A file whose kept action-log values are missing or wrong (changed outside the app, an older copy)
// is rebuilt as it is opened: a backup first, then every summary in one transaction; a rebuild
// that cannot finish leaves the file exactly as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app';
import { openTestFile } from '../helpers/testKey';
import { BACKUP_FOLDER_NAME } from '../../electron/core/db/open';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { ok, sha256, tempDir } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

const REBUILD_BACKUP = 'before-rebuilding-the-action-log';

/** A closed data file with the sample board and a meeting carrying its actions. */
async function sampleFile(): Promise<string> {
  const file = path.join(tempDir(), 'data.sqlite');
  const core = await startCore(file, {}, { openedBriefly: true });
  const seeded = await seedFixtureMinutes(inProcess(core));
  ok(core, 'carryForward', { meetingId: seeded.laterMeetingId });
  expect(summariesDiffer(core.store!.db)).toEqual([]);
  core.close();
  return file;
}

/** Changes the file behind the app's back, as another program (or an older copy of the app) could. */
function tamper(file: string, sql: string): void {
  const db = openTestFile(file);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

const backupsOf = (file: string): string[] => {
  const dir = path.join(path.dirname(file), BACKUP_FOLDER_NAME);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('kept action-log values that are missing or wrong', () => {
  for (const [what, sql] of [
    ['a wrong count of times carried', 'UPDATE action_times_carried SET times_carried = times_carried + 7'],
    ['a missing count of times carried', 'DELETE FROM action_times_carried WHERE action_id = (SELECT min(action_id) FROM action_times_carried)'],
    ['a count of times carried for no action in the log', "INSERT INTO action_times_carried (board_id, action_id, times_carried) SELECT board_id, 'no-such-action', 2 FROM action_summaries LIMIT 1"],
    ['a missing summary', 'DELETE FROM action_summaries WHERE action_id = (SELECT min(action_id) FROM action_summaries)'],
    ['owners named wrongly', `UPDATE action_summaries SET owners_json = '[]'`],
    ['an update written outside the app (its mark left behind)', `UPDATE action_updates SET text = 'Changed elsewhere.'; INSERT INTO action_updates (id, action_id, meeting_id, text, status, recorded_at, updated_at)
      SELECT 'outside', c.action_id, c.meeting_id, 'Done, says another program.', 'in_progress', '2014-04-10T10:00:00Z', '2014-04-10T10:00:00Z' FROM carried_actions c LIMIT 1`],
  ] as const) {
    it(`are rebuilt on open, after a backup: ${what}`, async () => {
      const file = await sampleFile();
      tamper(file, sql);
      const core = await startCore(file, {}, { openedBriefly: true });
      try {
        expect(summariesDiffer(core.store!.db)).toEqual([]);
        expect(core.store!.db.prepare('SELECT count(*) FROM action_summaries_stale').pluck().get()).toBe(0);
        expect(backupsOf(file).filter((n) => n.includes(REBUILD_BACKUP))).toHaveLength(1);
      } finally {
        core.close();
      }
    });
  }

  it('that are right are left alone: no backup, nothing written', async () => {
    const file = await sampleFile();
    const hash = sha256(file);
    const core = await startCore(file, {}, { openedBriefly: true });
    core.close();
    expect(backupsOf(file).filter((n) => n.includes(REBUILD_BACKUP))).toEqual([]);
    // Opening checkpoints nothing new into the file: its summaries were not rewritten.
    expect(sha256(file)).toBe(hash);
  });

  it('leave the file exactly as it was when the rebuild cannot finish', async () => {
    const file = await sampleFile();
    tamper(file, 'UPDATE action_times_carried SET times_carried = 99');
    // Something refuses the rebuild half-way (here a trigger another program left in the file).
    tamper(file, "CREATE TRIGGER refuse_rebuild BEFORE INSERT ON action_summaries BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const hash = sha256(file);
    const core = await startCore(file, {}, { openedBriefly: true });
    core.close();
    expect(core.status.state).not.toBe('ready');
    expect(sha256(file)).toBe(hash);
    const db = openTestFile(file, { readonly: true });
    try {
      expect(db.prepare('SELECT DISTINCT times_carried FROM action_times_carried').pluck().all()).toEqual([99]);
    } finally {
      db.close();
    }
    // The backup taken first is whole: it opens, and its summaries are rebuilt there too.
    const backup = backupsOf(file).find((n) => n.includes(REBUILD_BACKUP));
    expect(backup).toBeDefined();
  });
});
