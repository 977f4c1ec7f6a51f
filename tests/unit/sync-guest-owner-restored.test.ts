// A guest's attendance row removed on one laptop and changed on another, apart, comes back on every
// laptop and is listed (sync-attendance-removed-edited.test.ts). The removal left the guest's action
// owners by the name written (ON DELETE SET NULL, as on one laptop); when the row comes back, those
// owners name the guest again, on every laptop, unless an owner was changed since the removal.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together } from '../helpers/syncScripts';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';

const guestsOf = (core: Core, meetingId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND is_guest = 1 ORDER BY id').pluck().all(meetingId) as string[];

const ownersOf = (core: Core, actionId: string) =>
  core.store!.db.prepare('SELECT name_text AS name, attendance_id AS attendanceId FROM action_owners WHERE action_id = ? ORDER BY position').all(actionId) as Array<{
    name: string | null;
    attendanceId: string | null;
  }>;

const removedEdited = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_removed_edited');

const firstItem = (core: Core, meetingId: string): string =>
  core.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').pluck().get(meetingId) as string;

function expectSameEverywhere(laptops: readonly Core[], boardId: string): void {
  expectSame(laptops, boardId);
  const [first, ...rest] = laptops;
  for (const other of rest) expect(differingDocs(docSnapshots(first!, boardId), docSnapshots(other, boardId))).toEqual([]);
}

function expectNoRefusal(laptops: readonly Core[], boardId: string): void {
  for (const l of laptops) expect(engineOf(l).boards.get(boardId)?.lastError ?? null).toBeNull();
}

describe('a guest brought back after a removal elsewhere', () => {
  it('names the guest again as the owner of the actions the removal had left by name, on every laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', initials: 'PS' });
    const owned = ok<{ id: string }>(a, 'addAction', { itemId: firstItem(a, s.draftId), details: 'Send the slides to the board', owners: [{ attendanceId: guest.id }], due: '' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && ownersOf(b, owned.id)[0]?.attendanceId === guest.id, 'the owner at Ben’s');
    await allOffline(s);
    // Apart: Ben takes the guest off the attendance (the owner stays by name there); Anna gives the guest other initials.
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    expect(ownersOf(b, owned.id)).toEqual([{ name: 'Priya Shah', attendanceId: null }]);
    ok(a, 'updateGuest', { attendanceId: guest.id, initials: 'PSh' });

    await together(s, () => s.laptops.every((l) => guestsOf(l, s.draftId).includes(guest.id) && removedEdited(l, s.boardId).length > 0 && ownersOf(l, owned.id)[0]?.attendanceId === guest.id));
    expectNoRefusal(s.laptops, s.boardId);
    for (const l of s.laptops) {
      expect(ownersOf(l, owned.id)).toEqual([{ name: 'Priya Shah', attendanceId: guest.id }]);
      expect(removedEdited(l, s.boardId).map((c) => c.entityId)).toEqual([guest.id]);
    }
    expectSameEverywhere(s.laptops, s.boardId);
  }, 180_000);

  it('leaves an owner changed since the removal as it is', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', initials: 'PS' });
    const owned = ok<{ id: string }>(a, 'addAction', { itemId: firstItem(a, s.draftId), details: 'Send the slides to the board', owners: [{ attendanceId: guest.id }], due: '' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && ownersOf(b, owned.id)[0]?.attendanceId === guest.id, 'the owner at Ben’s');
    await allOffline(s);
    // Ben removes the guest, then gives the action to a name written instead.
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    ok(b, 'updateAction', { actionId: owned.id, owners: [{ name: 'The clerk' }] });
    ok(a, 'updateGuest', { attendanceId: guest.id, initials: 'PSh' });

    await together(s, () => s.laptops.every((l) => guestsOf(l, s.draftId).includes(guest.id) && removedEdited(l, s.boardId).length > 0));
    expectNoRefusal(s.laptops, s.boardId);
    for (const l of s.laptops) expect(ownersOf(l, owned.id)).toEqual([{ name: 'The clerk', attendanceId: null }]);
    expectSameEverywhere(s.laptops, s.boardId);
  }, 180_000);
});
