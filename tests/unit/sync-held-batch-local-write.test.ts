// A laptop writes while an update from another laptop waits to be projected (the batch is held
// back until every meeting the board's marks name has been fetched, engine.ts flush): the other
// laptop's change was already in the meeting's document, so the write's mirror copied this
// laptop's older rows over it, and the projection then found nothing of it. Two chairs named
// apart ended with one chair and no conflict listed; any other column (an attendance, a title)
// went back to this laptop's value on every laptop. (Found looking into sync-chair-twice's flake,
// which had another cause: it sometimes picked the meeting's current chair.) Here the order is
// driven: the other laptop's update reaches this one while its meeting documents are not synced
// (cut off), this laptop writes, then both meet again.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { ListedSyncConflict } from '../../shared/contract';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

const chairs = (core: Core, meetingId: string): string[] =>
  core.store!.db.prepare('SELECT member_id FROM attendance WHERE meeting_id = ? AND is_chair = 1').pluck().all(meetingId) as string[];

const statusOf = (core: Core, meetingId: string, memberId: string): unknown =>
  core.store!.db.prepare('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().get(meetingId, memberId);

/** Members of the draft's attendance with no mark, by id. */
const unmarked = (core: Core, s: SharedSample): Array<{ member_id: string; status: string }> =>
  core.store!.db
    .prepare('SELECT member_id, status FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL AND is_chair = 0 AND is_vice_chair = 0 ORDER BY member_id')
    .all(s.draftId) as Array<{ member_id: string; status: string }>;

/** `from`'s draft document reaches `to`, whose meeting documents are not synced (it is cut off): the batch is held back, not projected. */
function heldOn(to: Core, from: Core, s: SharedSample): void {
  const name = meetingDocName(s.boardId, s.draftId);
  const engine = engineOf(to);
  const board = engine.boards.get(s.boardId)!;
  const update = Y.encodeStateAsUpdate(engineOf(from).boards.get(s.boardId)!.replica.doc(name));
  // As if it came over the wire: the wire's copy holds it too, so this laptop's later changes
  // built on it (a chair mark taken off) can go out from there.
  board.wire!.send(name, update);
  board.queue.push({ name, update });
  engine.flush(board);
  expect(board.queue.length).toBe(1);
}

describe('a write made while another laptop’s update waits to be projected', () => {
  it('keeps the other laptop’s chair: one chair on both, and the other choice listed', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const [onA, onB] = unmarked(a, s).map((r) => r.member_id) as [string, string];
    await allOffline(s);
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: onB, status: 'present', isChair: true }] });
    heldOn(a, b, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: onA, status: 'present', isChair: true }] });
    const listed = (core: Core) => conflictsOf(core, s.boardId).filter((c) => c.kind === 'chair_twice') as ListedSyncConflict[];
    await together(s, () => [a, b].every((core) => chairs(core, s.draftId).length === 1 && listed(core).length === 1));
    expect(chairs(a, s.draftId)).toEqual(chairs(b, s.draftId));
    const kept = chairs(a, s.draftId)[0]!;
    expect([onA, onB]).toContain(kept);
    const other = kept === onA ? onB : onA;
    for (const core of [a, b]) expect(listed(core)[0]!.keepChair?.meetingId).toBe(s.draftId);
    const otherName = a.store!.db.prepare('SELECT p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ?').pluck().get(other);
    expect(listed(b)[0]!.keepChair?.name).toBe(otherName);
    expectSame([a, b], s.boardId);
  }, 120_000);

  it('keeps the other laptop’s change to another row (an attendance), and this laptop’s own', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const [m, n] = unmarked(a, s) as [{ member_id: string; status: string }, { member_id: string; status: string }];
    const flip = (status: string) => (status === 'apologies' ? 'absent' : 'apologies');
    await allOffline(s);
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: m.member_id, status: flip(m.status) }] });
    heldOn(a, b, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: n.member_id, status: flip(n.status) }] });
    await together(s, () => [a, b].every((core) => statusOf(core, s.draftId, m.member_id) === flip(m.status) && statusOf(core, s.draftId, n.member_id) === flip(n.status)));
    for (const core of [a, b]) {
      expect(statusOf(core, s.draftId, m.member_id)).toBe(flip(m.status));
      expect(statusOf(core, s.draftId, n.member_id)).toBe(flip(n.status));
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
