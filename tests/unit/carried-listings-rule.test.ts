// The rule the foreign key from carried_actions to actions kept until migration 14 (store/listings.ts):
// a meeting's matters arising list only actions of its own board. Checked when a write commits, as
// the deferred key was: a write that breaks it changes nothing and says why; rows that arrive in
// any order within one write (as sync projects them) are accepted once they agree; an action's
// listings, found through its board's meetings, are taken off with it.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, CarryResult, MeetingDetail } from '../../shared/contract';
import { write } from '../../electron/core/store/write';
import { meetingsListing } from '../../electron/core/store/listings';
import { openTestFile } from '../helpers/testKey';
import { dump, ok, okAsync, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes } from '../helpers/fixture-minutes';
import { startCore } from '../../electron/core/app';

async function carried() {
  const core = await tempCore();
  const seeded = await seedFixtureMinutes(inProcess(core));
  const result = ok<CarryResult>(core, 'carryForward', { meetingId: seeded.laterMeetingId });
  expect(result.listed).toBeGreaterThan(0);
  const db = core.store!.db;
  const actionId = db.prepare('SELECT action_id FROM carried_actions WHERE meeting_id = ? ORDER BY position LIMIT 1').pluck().get(seeded.laterMeetingId) as string;
  return { core, db, seeded, actionId };
}

const LISTING = "INSERT INTO carried_actions (meeting_id, action_id, position, status_before) VALUES (?, ?, 99, 'open')";

describe('matters arising list only actions of their own board', () => {
  it('refuses, at commit and changing nothing, a listing of an action that does not exist or belongs to another board', async () => {
    const { core, db, seeded, actionId } = await carried();
    try {
      const other = ok<BoardSummary>(core, 'createBoard', { name: 'Audit Committee' });
      const elsewhere = ok<MeetingDetail>(core, 'createMeeting', { boardId: other.id, date: '2014-05-01' });
      const before = dump(core);
      expect(() => write(core.store!, (w) => w.db.prepare(LISTING).run(seeded.laterMeetingId, '00000000-0000-4000-8000-0000000000ff'))).toThrow(
        /would list action 00000000-0000-4000-8000-0000000000ff, which is not an action of that meeting's board/,
      );
      expect(() => write(core.store!, (w) => w.db.prepare(LISTING).run(elsewhere.id, actionId))).toThrow(/not an action of that meeting's board/);
      expect(dump(core)).toBe(before);
      expect(db.prepare('SELECT count(*) FROM carried_actions_unchecked').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('refuses to delete an action that meetings still list, and moving a listing meeting to another board', async () => {
    const { core, seeded, actionId } = await carried();
    try {
      const other = ok<BoardSummary>(core, 'createBoard', { name: 'Audit Committee' });
      const before = dump(core);
      expect(() => write(core.store!, (w) => w.db.prepare('DELETE FROM actions WHERE id = ?').run(actionId))).toThrow(/not an action of that meeting's board/);
      expect(() => write(core.store!, (w) => w.db.prepare('UPDATE meetings SET board_id = ? WHERE id = ?').run(other.id, seeded.laterMeetingId))).toThrow(
        /not an action of that meeting's board/,
      );
      expect(dump(core)).toBe(before);
    } finally {
      core.close();
    }
  });

  it('accepts rows written in any order within one write once they agree (as sync projects them)', async () => {
    const { core, db, seeded } = await carried();
    try {
      const row = db.prepare('SELECT * FROM actions WHERE meeting_id = ? ORDER BY seq LIMIT 1').get(seeded.meetingId) as Record<string, unknown>;
      const newId = '00000000-0000-4000-8000-0000000000aa';
      write(core.store!, (w) => {
        w.db.prepare(LISTING).run(seeded.laterMeetingId, newId);
        const columns = Object.keys(row).filter((c) => c !== 'id' && c !== 'reference' && c !== 'seq');
        w.db
          .prepare(`INSERT INTO actions (id, reference, seq, ${columns.join(', ')}) SELECT ?, reference || '-copy', seq + 1000, ${columns.join(', ')} FROM actions WHERE id = ?`)
          .run(newId, row.id);
      });
      expect(meetingsListing(db, newId, seeded.boardId)).toEqual([seeded.laterMeetingId]);
      expect(db.prepare('SELECT count(*) FROM carried_actions_unchecked').pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });

  it('takes a deleted draft action, or a deleted meeting\'s actions, off the later drafts that list them', async () => {
    const { core, db, seeded, actionId } = await carried();
    try {
      expect(meetingsListing(db, actionId, seeded.boardId)).toEqual([seeded.laterMeetingId]);
      // Its meeting is still a draft: deleting the action takes it off the later draft's list too.
      await okAsync(core, 'deleteAction', { actionId });
      expect(meetingsListing(db, actionId, seeded.boardId)).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM carried_actions WHERE action_id = ?').pluck().get(actionId)).toBe(0);
      // And deleting the earlier meeting takes all its actions off.
      const left = db.prepare('SELECT count(*) FROM carried_actions WHERE meeting_id = ?').pluck().get(seeded.laterMeetingId) as number;
      expect(left).toBeGreaterThan(0);
      await okAsync(core, 'deleteMeeting', { meetingId: seeded.meetingId });
      expect(db.prepare('SELECT count(*) FROM carried_actions WHERE meeting_id = ?').pluck().get(seeded.laterMeetingId)).toBe(0);
    } finally {
      core.close();
    }
  });

  it('on open, forgets notes a program writing without the app left behind', async () => {
    const { core, seeded, actionId } = await carried();
    const file = core.store!.file;
    core.close();
    const raw = openTestFile(file);
    raw.prepare("INSERT INTO carried_actions_unchecked (meeting_id, action_id) VALUES (?, ?)").run(seeded.laterMeetingId, actionId);
    raw.close();
    const again = await startCore(file, {}, { openedBriefly: true });
    try {
      expect(again.store!.db.prepare('SELECT count(*) FROM carried_actions_unchecked').pluck().get()).toBe(0);
    } finally {
      again.close();
    }
  });
});
