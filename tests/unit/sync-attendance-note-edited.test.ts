// An edit of a note already on an attendance row (a guest's address, the items a member attended)
// made on one laptop while another removed the row: a change the removal had not seen, so the row
// comes back on every laptop with the edit and is listed (as in sync-attendance-removed-edited.test.ts).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, unrecordedMember } from '../helpers/syncScripts';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';

const guestsOf = (core: Core, meetingId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND is_guest = 1 ORDER BY id').pluck().all(meetingId) as string[];

const removedEdited = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_removed_edited');

function expectSameEverywhere(laptops: readonly Core[], boardId: string): void {
  expectSame(laptops, boardId);
  const [first, ...rest] = laptops;
  for (const other of rest) expect(differingDocs(docSnapshots(first!, boardId), docSnapshots(other, boardId))).toEqual([]);
}

function expectNoRefusal(laptops: readonly Core[], boardId: string): void {
  for (const l of laptops) expect(engineOf(l).boards.get(boardId)?.lastError ?? null).toBeNull();
}

describe('an edit of a note already on an attendance row another laptop removed', () => {
  it('brings a guest back whose address was changed, and lists it', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', initials: 'PS', email: 'priya@example.org' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && guestsOf(b, s.draftId).includes(guest.id), 'the guest at Ben’s');
    await allOffline(s);
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    ok(a, 'updateGuest', { attendanceId: guest.id, email: 'priya.shah@example.org' });

    const email = (core: Core) => core.store!.db.prepare('SELECT email FROM guest_contacts WHERE attendance_id = ?').pluck().get(guest.id) as string | undefined;
    await together(s, () => s.laptops.every((l) => guestsOf(l, s.draftId).includes(guest.id) && removedEdited(l, s.boardId).length > 0));
    expectNoRefusal(s.laptops, s.boardId);
    for (const l of s.laptops) {
      expect(email(l)).toBe('priya.shah@example.org');
      const listed = removedEdited(l, s.boardId);
      expect(listed.map((c) => c.entityId)).toEqual([guest.id]);
      expect(listed[0]!.description).toContain(`while ${a.store!.actor} changed it`);
    }
    expectSameEverywhere(s.laptops, s.boardId);
  }, 180_000);

  it('brings a member back whose items attended were changed (one taken off), and lists it', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = unrecordedMember(a, s);
    const items = a.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').pluck().all(s.draftId) as string[];
    const forItems = (ids: string[]) => ({ meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'in_attendance', forItemIds: ids }] });
    ok(a, 'recordAttendance', forItems(items.slice(0, 2)));
    const rowId = a.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().get(s.draftId, memberId) as string;
    const attended = (core: Core) => core.store!.db.prepare('SELECT agenda_item_id FROM attendance_items WHERE attendance_id = ? ORDER BY agenda_item_id').pluck().all(rowId) as string[];
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && attended(b).length === 2, 'the items attended at Ben’s');
    await allOffline(s);
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    ok(a, 'recordAttendance', forItems(items.slice(0, 1)));

    await together(s, () => s.laptops.every((l) => removedEdited(l, s.boardId).length > 0 && attended(l).length === 1));
    expectNoRefusal(s.laptops, s.boardId);
    for (const l of s.laptops) {
      expect(attended(l)).toEqual(items.slice(0, 1));
      expect(removedEdited(l, s.boardId).map((c) => c.entityId)).toEqual([rowId]);
    }
    expectSameEverywhere(s.laptops, s.boardId);
  }, 180_000);
});
