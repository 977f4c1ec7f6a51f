// A member's attendance row removed on one laptop while another, apart, changes the row itself
// (from apologies to present, and minute-taker): the change wins, as an edited item does against
// its deletion. The row comes back on every laptop with the changed values, the conflict is listed
// on every laptop naming who removed it and who changed it, and removing it again from the list
// stands. A removal made having seen the change stands, with nothing listed.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, unrecordedMember } from '../helpers/syncScripts';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';

interface AttendanceHere {
  id: string;
  status: string;
  is_minute_taker: number;
  display_name: string;
}

const rowOf = (core: Core, meetingId: string, memberId: string): AttendanceHere | undefined =>
  core.store!.db.prepare('SELECT id, status, is_minute_taker, display_name FROM attendance WHERE meeting_id = ? AND member_id = ?').get(meetingId, memberId) as AttendanceHere | undefined;

const removedEdited = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_removed_edited');

function expectSameDocs(laptops: readonly Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  for (const other of rest) expect(differingDocs(docSnapshots(first!, boardId), docSnapshots(other, boardId))).toEqual([]);
}

describe('an attendance row removed on one laptop and changed on another', () => {
  it('brings the row back with the change on every laptop, lists it, and a removal from the list stands', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = unrecordedMember(a, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });
    const row = rowOf(a, s.draftId, memberId)!;
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && rowOf(b, s.draftId, memberId)?.id === row.id, 'the row at Ben’s');

    await allOffline(s);
    // Apart: Anna takes the member off the attendance; Ben, not knowing, records them present and taking the minutes.
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    expect(rowOf(a, s.draftId, memberId)).toBeUndefined();
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: true }] });

    await together(s, () => rowOf(a, s.draftId, memberId) !== undefined && removedEdited(a, s.boardId).length > 0 && removedEdited(b, s.boardId).length > 0);
    for (const core of [a, b]) {
      expect(rowOf(core, s.draftId, memberId)).toEqual({ ...row, status: 'present', is_minute_taker: 1 });
      const listed = removedEdited(core, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.entityId).toBe(row.id);
      expect(listed[0]!.description).toContain(`${row.display_name}’s attendance at the meeting of`);
      expect(listed[0]!.description).toContain(`was removed by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`while ${b.store!.actor} changed it`);
      expect(listed[0]!.description).toContain(`${row.display_name} is back in the attendance (present, minute-taker)`);
    }
    expectSame([a, b], s.boardId);
    expectSameDocs([a, b], s.boardId);

    // Anna removes it again from the list, having seen the change: it stays removed everywhere, and nothing new is listed.
    const [entry] = ok<Array<{ id: string; removeAttendance?: { name: string } }>>(a, 'syncConflicts', { boardId: s.boardId }).filter((c) => c.removeAttendance);
    expect(entry?.removeAttendance?.name).toBe(row.display_name);
    const left = ok<Array<{ kind: string }>>(a, 'removeSyncConflictAttendance', { boardId: s.boardId, id: entry!.id });
    expect(left.filter((c) => c.kind === 'attendance_removed_edited')).toEqual([]);
    expect(rowOf(a, s.draftId, memberId)).toBeUndefined();
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && rowOf(b, s.draftId, memberId) === undefined, 'the row gone at Ben’s');
    expect(removedEdited(b, s.boardId)).toHaveLength(1);
    expectSame([a, b], s.boardId);
    expectSameDocs([a, b], s.boardId);
  }, 180_000);

  it('lets a removal stand when the removing laptop had seen the change', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = unrecordedMember(a, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && rowOf(b, s.draftId, memberId) !== undefined, 'the row at Ben’s');
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: true }] });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && rowOf(a, s.draftId, memberId)?.status === 'present', 'the change at Anna’s');
    await allOffline(s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    await together(s, () => [a, b].every((l) => rowOf(l, s.draftId, memberId) === undefined));
    for (const core of [a, b]) expect(conflictsOf(core, s.boardId)).toEqual([]);
    expectSame([a, b], s.boardId);
    expectSameDocs([a, b], s.boardId);
  }, 180_000);
});
