// A file whose kept action-log positions (store/actionLogPositions.ts) are missing or wrong (changed
// outside the app, an older copy) is rebuilt as it is opened: a backup first, then in one
// transaction; a rebuild that cannot finish leaves the file exactly as it was. A write meeting a
// position it cannot take away counts them all again in its own transaction rather than failing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app';
import { openTestFile } from '../helpers/testKey';
import { BACKUP_FOLDER_NAME } from '../../electron/core/db/open';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { positionsDiffer, TOP } from '../../electron/core/store/actionLogPositions';
import type { ActionLog, ActionLogWindow } from '../../shared/contract';
import { ok, sha256, tempDir } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';

const REBUILD_BACKUP = 'before-rebuilding-the-action-log';

async function sampleFile(): Promise<{ file: string; laterMeetingId: string }> {
  const file = path.join(tempDir(), 'data.sqlite');
  const core = await startCore(file, {}, { openedBriefly: true });
  const seeded = await seedFixtureMinutes(inProcess(core));
  ok(core, 'carryForward', { meetingId: seeded.laterMeetingId });
  expect(positionsDiffer(core.store!.db)).toEqual([]);
  core.close();
  return { file, laterMeetingId: seeded.laterMeetingId };
}

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

describe('kept action-log positions that are missing or wrong', () => {
  for (const [what, sql] of [
    ['every position missing (a file written by an older copy)', 'DELETE FROM action_log_positions'],
    ['a wrong total', `UPDATE action_log_positions SET n = n + 3 WHERE node = ${TOP}`],
    ['a wrong count inside the tree', `UPDATE action_log_positions SET n = n + 1 WHERE node = (SELECT min(node) FROM action_log_positions)`],
    ['a position for a board that has no actions', "INSERT INTO action_log_positions (board_id, status, node, n) VALUES ('no-such-board', 'open', 4, 2)"],
  ] as const) {
    it(`are rebuilt on open, after a backup: ${what}`, async () => {
      const { file } = await sampleFile();
      tamper(file, sql);
      const core = await startCore(file, {}, { openedBriefly: true });
      try {
        expect(positionsDiffer(core.store!.db)).toEqual([]);
        expect(summariesDiffer(core.store!.db)).toEqual([]);
        expect(backupsOf(file).filter((n) => n.includes(REBUILD_BACKUP))).toHaveLength(1);
        const log = ok<ActionLog>(core, 'outstandingActions', {});
        expect(ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset: 0, limit: 500 }).total).toBe(log.actions.length);
      } finally {
        core.close();
      }
    });
  }

  it('leave the file exactly as it was when the rebuild cannot finish', async () => {
    const { file } = await sampleFile();
    tamper(file, 'DELETE FROM action_log_positions');
    tamper(file, "CREATE TRIGGER refuse_rebuild BEFORE INSERT ON action_log_positions BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const hash = sha256(file);
    const core = await startCore(file, {}, { openedBriefly: true });
    core.close();
    expect(core.status.state).not.toBe('ready');
    expect(sha256(file)).toBe(hash);
    const db = openTestFile(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM action_log_positions').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM action_summaries').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    expect(backupsOf(file).find((n) => n.includes(REBUILD_BACKUP))).toBeDefined();
  });

  it('wrong while the app has the file open: the next write that takes away a row counts them all again', async () => {
    const { file, laterMeetingId } = await sampleFile();
    const core = await startCore(file, {}, { openedBriefly: true });
    try {
      const db = core.store!.db;
      db.exec('DELETE FROM action_log_positions');
      const first = ok<ActionLog>(core, 'outstandingActions', {}).actions[0]!;
      ok(core, 'recordActionUpdate', { meetingId: laterMeetingId, actionId: first.id, status: 'done' });
      expect(positionsDiffer(db)).toEqual([]);
      expect(ok<ActionLogWindow>(core, 'actionLogWindow', { filter: {}, offset: 0, limit: 500 }).total).toBe(ok<ActionLog>(core, 'outstandingActions', {}).actions.length);
    } finally {
      core.close();
    }
  });
});
