// A declaration of interest made on one laptop on a member's attendance row that another laptop,
// not having seen the declaration, removed outright meanwhile (the member taken off the meeting's
// attendance). The declaration named a row no longer in the document, so the laptop that removed
// the row refused the change whole ("FOREIGN KEY constraint failed") and the laptop that made it
// lost it to the removal's cascade. As with an item deleted on one laptop and edited on another
// (itemRestore.ts, orphanRows.ts), the edit wins: the laptop holding the declaration keeps the
// attendance row, which comes back on every laptop with the declaration on it. Each laptop meets
// the other order: the removal arrives after the declaration at one, before it at the other; with
// three laptops on their own relays, the script decides the order: the declaration reaches the
// laptop that removed the row first (it waits there, refused nothing), then the removal reaches the
// laptops holding the declaration, which bring the row back. The row brought back is listed on
// every laptop as an attendance row removed on one laptop and changed on another, once.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, unrecordedMember } from '../helpers/syncScripts';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { LAPTOPS_ROOT } from '../../electron/core/sync/mirror';

const rowsOf = (core: Core, meetingId: string, memberId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND member_id = ? ORDER BY id').pluck().all(meetingId, memberId) as string[];

/** On every laptop, the name each laptop's Yjs client in the meeting's document is signed with: the user of the laptop it belongs to. */
const expectSignedByOwnUser = (owners: readonly Core[], laptops: readonly Core[], boardId: string, meetingId: string): void => {
  for (const owner of owners) {
    const client = String(engineOf(owner).boards.get(boardId)!.replica.meeting(meetingId).doc.clientID);
    for (const l of laptops) expect(engineOf(l).boards.get(boardId)!.replica.meeting(meetingId).doc.getMap<string>(LAPTOPS_ROOT).get(client)).toBe(owner.store!.actor);
  }
};

const removedEdited = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_removed_edited');

const declarationsOf = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, attendance_id AS attendanceId, interest FROM declarations WHERE meeting_id = ? ORDER BY id').all(meetingId) as Array<{ id: string; attendanceId: string; interest: string }>;

describe('a declaration made on an attendance row another laptop removed meanwhile', () => {
  it('brings the row back with the declaration on every laptop instead of failing', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = unrecordedMember(a, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    const [row] = rowsOf(a, s.draftId, memberId);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && rowsOf(b, s.draftId, memberId).includes(row!), 'the row at Ben’s');
    await allOffline(s);
    // Apart: Anna takes the member off the attendance; Ben records the member's declaration on the row.
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    expect(rowsOf(a, s.draftId, memberId)).toEqual([]);
    const declaration = ok<{ id: string }>(b, 'recordDeclaration', { meetingId: s.draftId, attendanceId: row!, agendaItemId: null, interest: 'Trustee of a local children’s charity', participation: 'took_no_part' });
    await s.server.restart();
    const refusals: string[] = [];
    await until(s.laptops, () => {
      for (const l of s.laptops) {
        const e = engineOf(l).boards.get(s.boardId)?.lastError;
        if (e && !refusals.includes(e)) refusals.push(e);
      }
      return inStep(s.laptops, s.boardId) && s.laptops.every((l) => declarationsOf(l, s.draftId).some((d) => d.id === declaration.id) && removedEdited(l, s.boardId).length > 0);
    }, 'the declaration on both laptops, and the row listed');
    expect(refusals).toEqual([]);
    for (const l of s.laptops) {
      expect(rowsOf(l, s.draftId, memberId)).toEqual([row]);
      expect(declarationsOf(l, s.draftId).filter((d) => d.id === declaration.id)).toEqual([{ id: declaration.id, attendanceId: row, interest: 'Trustee of a local children’s charity' }]);
      const listed = removedEdited(l, s.boardId);
      expect(listed.map((c) => c.entityId)).toEqual([row]);
      expect(listed[0]!.description).toContain(`was removed by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`while ${b.store!.actor} changed it`);
    }
    expectSame(s.laptops, s.boardId);
    // Ben's laptop brought the row back in the write projecting Anna's removal: its document still names Ben as its own user.
    expectSignedByOwnUser(s.laptops, s.laptops, s.boardId, s.draftId);
  }, 180_000);

  it('holds the declaration waiting where the row was removed until a laptop holding it brings the row back', async () => {
    const t = await threeLaptops();
    const [a, b, c] = t.laptops;
    const memberId = a.store!.db
      .prepare('SELECT id FROM board_members WHERE board_id = ? AND left_on IS NULL AND id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL) ORDER BY id')
      .pluck()
      .get(t.boardId, t.draftId) as string;
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    const [row] = rowsOf(a, t.draftId, memberId);
    await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every((l) => rowsOf(l, t.draftId, memberId).includes(row!)), 'the row everywhere');
    for (const n of t.networks) n.cut();
    await until(t.laptops, () => t.laptops.every((l) => !connected(l, t.boardId)), 'all offline');
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    const declaration = ok<{ id: string }>(b, 'recordDeclaration', { meetingId: t.draftId, attendanceId: row!, agendaItemId: null, interest: 'Director of a building contractor', participation: 'left_room' });
    // The declaration reaches the server (and Chloe) while Ann is away; then Brian and Chloe go offline.
    t.networks[1].restore();
    t.networks[2].restore();
    await until([b, c], () => inStep([b, c], t.boardId) && declarationsOf(c, t.draftId).some((d) => d.id === declaration.id), 'the declaration at Chloe’s');
    t.networks[1].cut();
    t.networks[2].cut();
    await until([b, c], () => !connected(b, t.boardId) && !connected(c, t.boardId), 'Brian and Chloe offline');
    // Ann hears of the declaration after removing its row: it waits in her document, and nothing is refused.
    t.networks[0].restore();
    const docHolds = () => engineOf(a).boards.get(t.boardId)!.replica.meeting(t.draftId).doc.getMap('declarations').size > 0 &&
      [...engineOf(a).boards.get(t.boardId)!.replica.meeting(t.draftId).doc.getMap('declarations').keys()].some((k) => k.includes(declaration.id));
    await until([a], () => inStep([a], t.boardId) && docHolds(), 'the declaration in Ann’s document');
    expect(engineOf(a).boards.get(t.boardId)?.lastError ?? null).toBeNull();
    expect(rowsOf(a, t.draftId, memberId)).toEqual([]);
    expect(declarationsOf(a, t.draftId).filter((d) => d.id === declaration.id)).toEqual([]);
    // Brian and Chloe hear of the removal after the declaration: they keep the row, and it comes back to Ann with it.
    t.networks[1].restore();
    t.networks[2].restore();
    const refusals: string[] = [];
    await until(t.laptops, () => {
      for (const l of t.laptops) {
        const e = engineOf(l).boards.get(t.boardId)?.lastError;
        if (e && !refusals.includes(e)) refusals.push(e);
      }
      return inStep(t.laptops, t.boardId) && t.laptops.every((l) => declarationsOf(l, t.draftId).some((d) => d.id === declaration.id) && removedEdited(l, t.boardId).length > 0);
    }, 'the row and its declaration back everywhere, and listed');
    expect(refusals).toEqual([]);
    for (const l of t.laptops) {
      expect(rowsOf(l, t.draftId, memberId)).toEqual([row]);
      expect(declarationsOf(l, t.draftId).filter((d) => d.id === declaration.id)).toEqual([{ id: declaration.id, attendanceId: row, interest: 'Director of a building contractor' }]);
      // Brian and Chloe each brought it back: one conflict, naming Brian, who made the declaration.
      const listed = removedEdited(l, t.boardId);
      expect(listed.map((c) => c.entityId)).toEqual([row]);
      expect(listed[0]!.description).toContain(`while ${b.store!.actor} changed it`);
    }
    expectSame(t.laptops, t.boardId);
    // Chloe signs only if her laptop wrote to the document; Ann and Brian did.
    expectSignedByOwnUser([a, b], t.laptops, t.boardId, t.draftId);
  }, 180_000);
});
