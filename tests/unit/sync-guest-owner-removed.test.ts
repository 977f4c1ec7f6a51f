// A guest made an owner of an action on one laptop while another laptop, not having seen that,
// removed the guest from the meeting's attendance. The owner row names the guest's attendance row,
// which the merged document no longer holds. On one laptop alone, removing a guest who owns
// actions keeps them as owners by the name written (action_owners.attendance_id is ON DELETE SET
// NULL, migration 0009); the merge must end the same on every laptop, with nothing either laptop
// wrote in the same batch refused or lost.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, unrecordedMember } from '../helpers/syncScripts';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';

const guestsOf = (core: Core, meetingId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND is_guest = 1 ORDER BY id').pluck().all(meetingId) as string[];

const ownersOf = (core: Core, actionId: string) =>
  core.store!.db.prepare('SELECT name_text AS name, attendance_id AS attendanceId FROM action_owners WHERE action_id = ? ORDER BY position').all(actionId) as Array<{
    name: string | null;
    attendanceId: string | null;
  }>;

const actionIds = (core: Core, meetingId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM actions WHERE meeting_id = ? ORDER BY id').pluck().all(meetingId) as string[];

const statusOf = (core: Core, meetingId: string, memberId: string): string | undefined =>
  core.store!.db.prepare('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().get(meetingId, memberId) as string | undefined;

describe('a guest made an action’s owner on one laptop while another removed the guest', () => {
  it('on a shared board, removing a guest who owns an action keeps the owner by name, as on a board not shared', async () => {
    // The removal sets the owner's link to NULL (a foreign-key action), under which the sync's
    // record of the actions a write touched failed the whole write on a shared board.
    const s = await sharedSample(['a']);
    const [a] = s.laptops as [Core];
    const itemId = a.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').pluck().get(s.draftId) as string;
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', initials: 'PS' });
    const action = ok<{ id: string }>(a, 'addAction', { itemId, details: 'Send the slides to the board', owners: [{ attendanceId: guest.id }, { name: 'tbc' }], due: '' });
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    expect(ownersOf(a, action.id)).toEqual([
      { name: 'Priya Shah', attendanceId: null },
      { name: 'tbc', attendanceId: null },
    ]);
  }, 120_000);

  it('keeps the owner by the name written and everything else of both laptops’ batches, the same on every laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const itemId = a.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').pluck().get(s.draftId) as string;
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', role: 'Presenter', initials: 'PS', email: 'priya.shah@example.org' });
    const memberId = unrecordedMember(a, s);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && guestsOf(b, s.draftId).includes(guest.id), 'the guest at Ben’s');
    await allOffline(s);
    // Apart: Anna makes the guest the owner of a new action (and of nothing else of hers is lost);
    // Ben removes the guest, and in the same batch records a member present and adds an action of his own.
    const owned = ok<{ id: string }>(a, 'addAction', { itemId, details: 'Send the slides to the board', owners: [{ attendanceId: guest.id }], due: '' });
    ok(b, 'recordAttendance', {
      meetingId: s.draftId,
      changes: [
        { kind: 'guest', guestId: guest.id, remove: true },
        { kind: 'member', memberId, status: 'present' },
      ],
    });
    const bens = ok<{ id: string }>(b, 'addAction', { itemId, details: 'Book the room for March', owners: [{ memberId }], due: '' });
    expect(guestsOf(b, s.draftId)).not.toContain(guest.id);
    await s.server.restart();
    const refusals: string[] = [];
    await until(
      s.laptops,
      () => {
        for (const l of s.laptops) {
          const e = engineOf(l).boards.get(s.boardId)?.lastError;
          if (e && !refusals.includes(e)) refusals.push(e);
        }
        return inStep(s.laptops, s.boardId) && s.laptops.every((l) => actionIds(l, s.draftId).includes(owned.id) && actionIds(l, s.draftId).includes(bens.id));
      },
      'both actions on both laptops',
    );
    expect(refusals).toEqual([]);
    for (const l of s.laptops) {
      // Ben's removal stands; Anna's owner stays, by the name written, as removing a guest here does.
      expect(guestsOf(l, s.draftId)).not.toContain(guest.id);
      expect(ownersOf(l, owned.id)).toEqual([{ name: 'Priya Shah', attendanceId: null }]);
      // The rest of Ben's batch is in.
      expect(statusOf(l, s.draftId, memberId)).toBe('present');
      expect(ownersOf(l, bens.id)).toHaveLength(1);
    }
    expectSame(s.laptops, s.boardId);
    expect(differingDocs(docSnapshots(a, s.boardId), docSnapshots(b, s.boardId))).toEqual([]);
  }, 180_000);

  it('keeps the guest, and the owner naming them, on every laptop when the owning laptop also recorded a declaration of theirs (the note wins, orphanRows.ts)', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const itemId = a.store!.db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL ORDER BY position').pluck().get(s.draftId) as string;
    const guest = ok<{ id: string }>(a, 'addGuest', { meetingId: s.draftId, name: 'Priya Shah', initials: 'PS', email: 'priya.shah@example.org' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && guestsOf(b, s.draftId).includes(guest.id), 'the guest at Ben’s');
    await allOffline(s);
    const owned = ok<{ id: string }>(a, 'addAction', { itemId, details: 'Send the slides to the board', owners: [{ attendanceId: guest.id }], due: '' });
    const declaration = ok<{ id: string }>(a, 'recordDeclaration', { meetingId: s.draftId, attendanceId: guest.id, agendaItemId: null, interest: 'Employed by the bidder', participation: 'left_room' });
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    await s.server.restart();
    const declared = (core: Core) => core.store!.db.prepare('SELECT attendance_id FROM declarations WHERE id = ?').pluck().get(declaration.id) as string | undefined;
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && s.laptops.every((l) => guestsOf(l, s.draftId).includes(guest.id) && declared(l) === guest.id), 'the guest back on both laptops');
    for (const l of s.laptops) {
      expect(engineOf(l).boards.get(s.boardId)?.lastError ?? null).toBeNull();
      expect(ownersOf(l, owned.id)).toEqual([{ name: 'Priya Shah', attendanceId: guest.id }]);
    }
    expectSame(s.laptops, s.boardId);
    expect(differingDocs(docSnapshots(a, s.boardId), docSnapshots(b, s.boardId))).toEqual([]);
  }, 180_000);
});
