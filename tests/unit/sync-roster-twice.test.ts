// The same new member added to the roster on two laptops apart, or two different people given the
// same initials: each laptop made its own roster row, and the board's one-set-of-initials rule
// refused the second ("UNIQUE constraint failed: board_members.board_id, board_members.initials").
// The same person (same full name and initials) becomes one member, the lower id, with the other's
// attendance moved to it; two different people both stay, the later (higher id) under distinct
// initials, and every laptop lists the conflict (rosterKeys.ts).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

interface Member {
  id: string;
  initials: string;
  full_name: string;
}

const membersOf = (core: Core, s: SharedSample, names: string[]): Member[] =>
  core.store!.db
    .prepare(`SELECT m.id, m.initials, p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.board_id = ? AND p.full_name IN (${names.map(() => '?').join(', ')}) ORDER BY m.id`)
    .all(s.boardId, ...names) as Member[];

const attendanceOf = (core: Core, meetingId: string, memberIds: string[]) =>
  core.store!.db
    .prepare(`SELECT id, member_id, status FROM attendance WHERE meeting_id = ? AND member_id IN (${memberIds.map(() => '?').join(', ')}) ORDER BY id`)
    .all(meetingId, ...memberIds) as Array<{ id: string; member_id: string; status: string }>;

/** Every refusal a laptop showed while waiting for `ready`. */
function refusalsWhile(s: SharedSample, ready: () => boolean): { refusals: string[]; ready: () => boolean } {
  const refusals: string[] = [];
  return {
    refusals,
    ready: () => {
      for (const core of s.laptops) {
        const error = engineOf(core).boards.get(s.boardId)?.lastError;
        if (error && !refusals.includes(error)) refusals.push(error);
      }
      return ready();
    },
  };
}

describe('roster members added on two laptops apart', () => {
  it('makes the same person added on both laptops one member, the lower id, with the attendance recorded for each on it', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    await allOffline(s);
    const onA = ok<{ id: string }>(a, 'addRosterMember', { boardId: s.boardId, fullName: 'Harriet Quill', initials: 'HQ' });
    const onB = ok<{ id: string }>(b, 'addRosterMember', { boardId: s.boardId, fullName: 'Harriet Quill', initials: 'HQ' });
    expect(onA.id).not.toBe(onB.id);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: onA.id, status: 'present' }] });
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: onB.id, status: 'present' }] });
    const kept = [onA.id, onB.id].sort()[0]!;
    const watched = refusalsWhile(s, () =>
      [a, b].every((core) => membersOf(core, s, ['Harriet Quill']).length === 1 && attendanceOf(core, s.draftId, [onA.id, onB.id]).length === 1),
    );
    await together(s, watched.ready);
    expect(watched.refusals).toEqual([]);
    for (const core of [a, b]) {
      expect(membersOf(core, s, ['Harriet Quill'])).toEqual([{ id: kept, initials: 'HQ', full_name: 'Harriet Quill' }]);
      expect(attendanceOf(core, s.draftId, [onA.id, onB.id]).map((r) => [r.member_id, r.status])).toEqual([[kept, 'present']]);
      expect(conflictsOf(core, s.boardId).filter((c) => c.kind === 'initials_twice')).toEqual([]);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);

  it('keeps two different people given the same initials, the later under distinct initials, and lists the conflict on every laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    await allOffline(s);
    const onA = ok<{ id: string }>(a, 'addRosterMember', { boardId: s.boardId, fullName: 'Harriet Quill', initials: 'HQ' });
    const onB = ok<{ id: string }>(b, 'addRosterMember', { boardId: s.boardId, fullName: 'Hugo Quarry', initials: 'hq' });
    const [first, later] = [onA.id, onB.id].sort() as [string, string];
    const names = ['Harriet Quill', 'Hugo Quarry'];
    const watched = refusalsWhile(s, () =>
      [a, b].every((core) => membersOf(core, s, names).length === 2 && conflictsOf(core, s.boardId).some((c) => c.kind === 'initials_twice')),
    );
    await together(s, watched.ready);
    expect(watched.refusals).toEqual([]);
    const laterName = later === onA.id ? 'Harriet Quill' : 'Hugo Quarry';
    const firstName = later === onA.id ? 'Hugo Quarry' : 'Harriet Quill';
    // The later member keeps the letters as typed, numbered.
    const shownAs = `${later === onA.id ? 'HQ' : 'hq'}2`;
    for (const core of [a, b]) {
      const members = membersOf(core, s, names);
      expect(members.map((m) => m.id)).toEqual([first, later]);
      expect(members[0]!.initials.toUpperCase()).toBe('HQ');
      expect(members[1]!.initials).toBe(shownAs);
      const conflicts = conflictsOf(core, s.boardId).filter((c) => c.kind === 'initials_twice');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.entityId).toBe(later);
      expect(conflicts[0]!.description).toContain(firstName);
      expect(conflicts[0]!.description).toContain(`${laterName} is shown as ${shownAs}`);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
