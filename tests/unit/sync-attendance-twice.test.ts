// A member's attendance at one meeting recorded on two laptops apart: each laptop made its own
// row, and every laptop ends with one row for the member, the same one. Recorded differently
// (present on one laptop, apologies on the other), it is a conflict every laptop lists, naming
// who recorded each. Both once failed the projection ("UNIQUE constraint failed: attendance.
// meeting_id, attendance.member_id"); found by the sync property test (seed 480168323).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, unrecordedMember, type SharedSample } from '../helpers/syncScripts';

const attendanceOf = (core: Core, meetingId: string, memberId: string) =>
  core.store!.db.prepare('SELECT id, status FROM attendance WHERE meeting_id = ? AND member_id = ?').all(meetingId, memberId) as Array<{ id: string; status: string }>;

/** Runs `ready` on every engine event, remembering any refusal a laptop showed meanwhile. */
function refusalsWhile(s: SharedSample, ready: () => boolean): { refusals: string[]; ready: () => boolean } {
  const refusals: string[] = [];
  const watch = (): void => {
    for (const core of s.laptops) {
      const error = engineOf(core).boards.get(s.boardId)?.lastError;
      if (error && !refusals.includes(error)) refusals.push(error);
    }
  };
  return {
    refusals,
    ready: () => {
      watch();
      return ready();
    },
  };
}

async function recordedApart(statuses: [string, string]) {
  const s = await sharedSample();
  const [a, b] = s.laptops as [Core, Core];
  const memberId = unrecordedMember(a, s);
  await allOffline(s);
  ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: statuses[0] }] });
  ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: statuses[1] }] });
  const [rowA] = attendanceOf(a, s.draftId, memberId);
  const [rowB] = attendanceOf(b, s.draftId, memberId);
  expect(rowA!.id).not.toBe(rowB!.id);
  const watched = refusalsWhile(s, () => [a, b].every((core) => attendanceOf(core, s.draftId, memberId).length === 1 && attendanceOf(core, s.draftId, memberId)[0]!.id === [rowA!.id, rowB!.id].sort()[0]));
  await together(s, watched.ready);
  return { s, a, b, memberId, kept: [rowA!, rowB!].sort((x, y) => x.id.localeCompare(y.id))[0]!, refusals: watched.refusals };
}

describe('attendance recorded for one member on two laptops apart', () => {
  it('keeps one row for the member, the same on every laptop, with no conflict when both said the same', async () => {
    const { s, a, b, memberId, kept, refusals } = await recordedApart(['present', 'present']);
    expect(refusals).toEqual([]);
    for (const core of [a, b]) {
      expect(attendanceOf(core, s.draftId, memberId)).toEqual([kept]);
      expect(conflictsOf(core, s.boardId)).toEqual([]);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);

  it('lists a conflict on every laptop naming both records when they differ, and keeps one of them', async () => {
    const { s, a, b, memberId, kept, refusals } = await recordedApart(['present', 'apologies']);
    expect(refusals).toEqual([]);
    await together(s, () => [a, b].every((core) => conflictsOf(core, s.boardId).some((c) => c.kind === 'attendance_twice')));
    const name = a.store!.db.prepare('SELECT p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ?').pluck().get(memberId) as string;
    for (const core of [a, b]) {
      expect(attendanceOf(core, s.draftId, memberId)).toEqual([kept]);
      const conflicts = conflictsOf(core, s.boardId).filter((c) => c.kind === 'attendance_twice');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.entityId).toBe(s.draftId);
      expect(conflicts[0]!.description).toContain(`${name}’s attendance at the meeting of`);
      expect(conflicts[0]!.description).toContain('present by');
      expect(conflicts[0]!.description).toContain('apologies sent by');
      expect(conflicts[0]!.description).toContain(`‘${kept.status === 'present' ? 'present' : 'apologies sent'}’ is kept`);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
