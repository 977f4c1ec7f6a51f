// A declaration of interest added on one laptop to a member's attendance row that, unknown to it,
// gave way in the attendance merge elsewhere (the member's attendance was recorded on two laptops
// apart, naturalKeys.ts) and was taken out of the document there. The declaration named a row no
// longer in the document, so every laptop refused the change whole ("FOREIGN KEY constraint
// failed"). Every laptop now holds the declaration on the member's kept row. Three laptops, each
// on its own relay to the server, so the script decides who hears what first. And a declaration
// each laptop made on its own row before they met: the one on the row given way was dropped and
// then taken out of the document everywhere (lost without a word); both now stay, on the kept row.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { allOffline, expectSame, sharedSample, together, unrecordedMember } from '../helpers/syncScripts';

const rowsOf = (core: Core, meetingId: string, memberId: string): string[] =>
  core.store!.db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND member_id = ? ORDER BY id').pluck().all(meetingId, memberId) as string[];

const declarationsOf = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, attendance_id AS attendanceId, interest FROM declarations WHERE meeting_id = ? ORDER BY id').all(meetingId) as Array<{ id: string; attendanceId: string; interest: string }>;

describe('a declaration added to an attendance row another laptop merged away meanwhile', () => {
  it('moves to the member’s kept row on every laptop instead of failing', async () => {
    const t = await threeLaptops();
    const [a, b, c] = t.laptops;
    const memberId = unrecordedMember(a, t);
    for (const n of t.networks) n.cut();
    await until(t.laptops, () => t.laptops.every((l) => !connected(l, t.boardId)), 'all offline');
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    const [rowA] = rowsOf(a, t.draftId, memberId);
    const [rowB] = rowsOf(b, t.draftId, memberId);
    const [kept, given] = [rowA!, rowB!].sort();
    // The laptop whose row gives way (`loser`) and the one whose row is kept (`winner`).
    const [loser, winner] = given === rowA ? [0, 1] : [1, 0];
    const L = t.laptops[loser]!;
    const W = t.laptops[winner]!;
    // The loser's row reaches Chloe; then the loser goes offline and declares an interest on it.
    t.networks[loser]!.restore();
    t.networks[2].restore();
    await until([L, c], () => inStep([L, c], t.boardId) && rowsOf(c, t.draftId, memberId).includes(given!), 'the row to give way at Chloe’s');
    t.networks[loser]!.cut();
    await until([L], () => !connected(L, t.boardId), 'the loser offline');
    const declaration = ok<{ id: string }>(L, 'recordDeclaration', { meetingId: t.draftId, attendanceId: given!, agendaItemId: null, interest: 'Trustee of a local children’s charity', participation: 'took_no_part' });
    // The winner comes back: it and Chloe merge the two rows, taking the loser's out of the document.
    t.networks[winner]!.restore();
    await until([W, c], () => inStep([W, c], t.boardId) && [W, c].every((l) => JSON.stringify(rowsOf(l, t.draftId, memberId)) === JSON.stringify([kept])), 'the rows merged');
    // The loser comes back with its declaration on the row given way.
    t.networks[loser]!.restore();
    const refusals: string[] = [];
    await until(t.laptops, () => {
      for (const l of t.laptops) {
        const e = engineOf(l).boards.get(t.boardId)?.lastError;
        if (e && !refusals.includes(e)) refusals.push(e);
      }
      return inStep(t.laptops, t.boardId) && t.laptops.every((l) => declarationsOf(l, t.draftId).some((d) => d.id === declaration.id && d.attendanceId === kept));
    }, 'the declaration on the kept row everywhere');
    expect(refusals).toEqual([]);
    for (const l of t.laptops) {
      expect(rowsOf(l, t.draftId, memberId)).toEqual([kept]);
      expect(declarationsOf(l, t.draftId).filter((d) => d.id === declaration.id)).toEqual([{ id: declaration.id, attendanceId: kept, interest: 'Trustee of a local children’s charity' }]);
    }
    expectSame(t.laptops, t.boardId);
  }, 180_000);

  it('keeps the declarations both laptops made on their own rows, on the kept row', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = a.store!.db
      .prepare('SELECT id FROM board_members WHERE board_id = ? AND left_on IS NULL AND id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL) ORDER BY id')
      .pluck()
      .get(s.boardId, s.draftId) as string;
    await allOffline(s);
    const made: string[] = [];
    for (const [core, interest] of [[a, 'Governor of a local school'], [b, 'Trustee of a local children’s charity']] as const) {
      ok(core, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
      const [row] = rowsOf(core, s.draftId, memberId);
      made.push(ok<{ id: string }>(core, 'recordDeclaration', { meetingId: s.draftId, attendanceId: row!, agendaItemId: null, interest, participation: 'took_part' }).id);
    }
    await together(s, () => [a, b].every((l) => rowsOf(l, s.draftId, memberId).length === 1 && made.every((id) => declarationsOf(l, s.draftId).some((d) => d.id === id))));
    const [kept] = rowsOf(a, s.draftId, memberId);
    for (const l of [a, b]) expect(declarationsOf(l, s.draftId).filter((d) => made.includes(d.id)).map((d) => d.attendanceId)).toEqual([kept, kept]);
    expectSame([a, b], s.boardId);
  }, 120_000);
});
