// A laptop edits its roster while another laptop's board changes wait to be projected (the batch
// is held back until the meetings the board's marks name are fetched, engine.ts flush). The board's
// document took the held changes at once, so the edit's mirror (rows -> document) copied this
// laptop's older roster over them: the other laptop's role change went back, a member it added
// was taken off, on every laptop and without a word. Here the order is driven: the other laptop's
// board update reaches this one while it is cut off (the meeting it marks cannot be fetched), this
// laptop edits another member, then both meet again.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { RosterMember } from '../../shared/contract';
import { boardDocName } from '../../electron/core/sync/docNames';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

const roster = (core: Core, boardId: string): RosterMember[] => ok<RosterMember[]>(core, 'listRoster', { boardId });
const roleOf = (core: Core, s: SharedSample, memberId: string): string | null | undefined => roster(core, s.boardId).find((m) => m.id === memberId)?.role;

/** The member's fields as updateRosterMember takes them, with `role`. */
function withRole(m: RosterMember, role: string) {
  return { memberId: m.id, fullName: m.fullName, initials: m.initials, role, organisation: m.organisation, email: m.email, isMember: m.isMember, joinedOn: m.joinedOn, leftOn: m.leftOn };
}

/** `from`'s board document reaches `to` while `to` is cut off: the batch (its marks naming a meeting `to` lacks) is held back, not projected. */
function boardHeldOn(to: Core, from: Core, s: SharedSample): void {
  const name = boardDocName(s.boardId);
  const engine = engineOf(to);
  const board = engine.boards.get(s.boardId)!;
  const update = Y.encodeStateAsUpdate(engineOf(from).boards.get(s.boardId)!.replica.doc(name));
  // As if it came over the wire: the wire's copy holds it too.
  board.wire!.send(name, update);
  board.queue.push({ name, update });
  engine.flush(board);
  expect(board.queue.length).toBe(1);
}

/** On `core`, a change to the draft's attendance, so its board document marks the meeting with something the other laptop lacks. */
function touchDraft(core: Core, s: SharedSample): void {
  const row = core.store!.db
    .prepare('SELECT member_id, status FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL AND is_chair = 0 AND is_vice_chair = 0 ORDER BY member_id')
    .get(s.draftId) as { member_id: string; status: string };
  ok(core, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: row.member_id, status: row.status === 'apologies' ? 'absent' : 'apologies' }] });
}

describe('a roster edit made while another laptop’s board changes wait to be projected', () => {
  it('keeps the other laptop’s role change to one member, and this laptop’s to another', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const [x, y] = roster(a, s.boardId) as [RosterMember, RosterMember];
    await allOffline(s);
    ok(b, 'updateRosterMember', withRole(x, 'Role set on the other laptop'));
    touchDraft(b, s);
    boardHeldOn(a, b, s);
    ok(a, 'updateRosterMember', withRole(y, 'Role set here'));
    const done = (core: Core) => roleOf(core, s, x.id) === 'Role set on the other laptop' && roleOf(core, s, y.id) === 'Role set here';
    await together(s, () => [a, b].every(done));
    for (const core of [a, b]) {
      expect(roleOf(core, s, x.id)).toBe('Role set on the other laptop');
      expect(roleOf(core, s, y.id)).toBe('Role set here');
    }
    expectSame([a, b], s.boardId);
  }, 120_000);

  it('keeps a member the other laptop added', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const [, y] = roster(a, s.boardId) as [RosterMember, RosterMember];
    await allOffline(s);
    const added = ok<RosterMember>(b, 'addRosterMember', { boardId: s.boardId, fullName: 'Nuala Ferriter', initials: 'NFe', role: 'Co-opted member' });
    touchDraft(b, s);
    boardHeldOn(a, b, s);
    ok(a, 'updateRosterMember', withRole(y, 'Role set here'));
    const done = (core: Core) => roleOf(core, s, added.id) === 'Co-opted member' && roleOf(core, s, y.id) === 'Role set here';
    await together(s, () => [a, b].every(done));
    for (const core of [a, b]) {
      expect(roster(core, s.boardId).find((m) => m.id === added.id)?.fullName).toBe('Nuala Ferriter');
      expect(roleOf(core, s, y.id)).toBe('Role set here');
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
