// One field of a member's attendance row (the status, or a mark) set to different values on two
// laptops while apart: Yjs keeps one value (the higher client id's) and nothing said so, so the
// administrator never learnt that Brian recorded "absent" while Ann recorded "apologies". Now every
// laptop lists it once, naming both values and who set each, and offers to record the other value
// instead (an attendance change like any other, which syncs). Three laptops on their own relays, so
// the script decides who hears what first: Chloe hears Brian's value before Ann's, so whichever
// value Yjs keeps, a laptop that held the other finds the conflict, and it is still one entry.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { ListedSyncConflict } from '../../shared/contract';
import { ok } from '../helpers/temp';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together as meetAgain, unrecordedMember } from '../helpers/syncScripts';
import { connected, threeLaptops, type ThreeLaptops } from '../helpers/syncThreeLaptops';

interface RowHere {
  id: string;
  status: string;
  is_minute_taker: number;
}

const rowOf = (core: Core, meetingId: string, memberId: string): RowHere | undefined =>
  core.store!.db.prepare('SELECT id, status, is_minute_taker FROM attendance WHERE meeting_id = ? AND member_id = ?').get(meetingId, memberId) as RowHere | undefined;

const fieldConflicts = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_field_twice') as ListedSyncConflict[];

const nameOf = (core: Core, memberId: string): string =>
  core.store!.db.prepare('SELECT p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ?').pluck().get(memberId) as string;

const errors = (t: ThreeLaptops): string[] => t.laptops.flatMap((l) => engineOf(l).boards.get(t.boardId)?.lastError ?? []);

/** Three laptops with a member recorded present (no marks) at the draft everywhere, then all apart. */
async function apart(): Promise<{ t: ThreeLaptops; memberId: string; name: string }> {
  const t = await threeLaptops();
  const [a] = t.laptops;
  const memberId = unrecordedMember(a, t);
  ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
  await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every((l) => rowOf(l, t.draftId, memberId)?.status === 'present'), 'the member present everywhere');
  expect(rowOf(a, t.draftId, memberId)?.is_minute_taker).toBe(0);
  for (const n of t.networks) n.cut();
  await until(t.laptops, () => t.laptops.every((l) => !connected(l, t.boardId)), 'all offline');
  return { t, memberId, name: nameOf(a, memberId) };
}

/** Brian and Chloe meet first (Chloe takes Brian's change), then Ann joins them: until every laptop lists a conflict. */
async function together(t: ThreeLaptops, listed: (core: Core) => boolean): Promise<void> {
  const [, b, c] = t.laptops;
  t.networks[1].restore();
  t.networks[2].restore();
  await until([b, c], () => inStep([b, c], t.boardId), 'Brian and Chloe in step');
  t.networks[0].restore();
  await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every(listed), 'every laptop listing the conflict');
}

describe('one field of an attendance row set to two values on two laptops apart', () => {
  it('lists one conflict on every laptop with both values and who set each, and the other value can be recorded instead', async () => {
    const { t, memberId, name } = await apart();
    const [a, b, c] = t.laptops;
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'absent' }] });
    await together(t, (l) => fieldConflicts(l, t.boardId).length > 0);
    expect(errors(t)).toEqual([]);
    const kept = rowOf(a, t.draftId, memberId)!.status;
    expect(['apologies', 'absent']).toContain(kept);
    const other = kept === 'apologies' ? 'absent' : 'apologies';
    const words = { apologies: `apologies sent by ${a.store!.actor}`, absent: `absent by ${b.store!.actor}` };
    for (const l of t.laptops) {
      expect(rowOf(l, t.draftId, memberId)!.status).toBe(kept);
      const listed = fieldConflicts(l, t.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toContain(name);
      expect(listed[0]!.description).toContain(words.apologies);
      expect(listed[0]!.description).toContain(words.absent);
      expect(listed[0]!.description).toContain(`‘${kept === 'apologies' ? 'apologies sent' : 'absent'}’ is kept`);
      expect(listed[0]!.keepAttendanceField).toEqual({ meetingId: t.draftId, name, field: 'status', value: other });
      expect(listed[0]!.link).toEqual({ kind: 'item', meetingId: t.draftId, itemId: null });
    }
    expectSame(t.laptops, t.boardId);

    // Chloe records the other value from the list: it syncs to every laptop, and is no new conflict.
    const [entry] = fieldConflicts(c, t.boardId);
    const left = ok<ListedSyncConflict[]>(c, 'keepSyncConflictAttendanceField', { boardId: t.boardId, id: entry!.id });
    expect(left.some((x) => x.id === entry!.id)).toBe(false);
    expect(rowOf(c, t.draftId, memberId)!.status).toBe(other);
    await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every((l) => rowOf(l, t.draftId, memberId)!.status === other), 'the other value everywhere');
    expect(fieldConflicts(c, t.boardId)).toEqual([]);
    for (const l of [a, b]) {
      const listed = fieldConflicts(l, t.boardId);
      expect(listed).toHaveLength(1);
      // Already recorded: nothing left to choose there (Dismiss remains).
      expect(listed[0]!.keepAttendanceField).toBeUndefined();
    }
    expect(errors(t)).toEqual([]);
    expectSame(t.laptops, t.boardId);
  }, 240_000);

  it('lists the minute-taker mark set on one laptop and set then taken off on the other, and it can be recorded instead', async () => {
    const { t, memberId, name } = await apart();
    const [a, b, c] = t.laptops;
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: true }] });
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: true }] });
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: false }] });
    await together(t, (l) => fieldConflicts(l, t.boardId).length > 0);
    expect(errors(t)).toEqual([]);
    const kept = rowOf(a, t.draftId, memberId)!.is_minute_taker;
    for (const l of t.laptops) {
      expect(rowOf(l, t.draftId, memberId)).toMatchObject({ status: 'present', is_minute_taker: kept });
      const listed = fieldConflicts(l, t.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toContain(`minute-taker by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`not minute-taker by ${b.store!.actor}`);
      expect(listed[0]!.keepAttendanceField).toEqual({ meetingId: t.draftId, name, field: 'minute_taker', value: kept === 0 });
    }
    expectSame(t.laptops, t.boardId);
    const [entry] = fieldConflicts(a, t.boardId);
    ok(a, 'keepSyncConflictAttendanceField', { boardId: t.boardId, id: entry!.id });
    await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every((l) => rowOf(l, t.draftId, memberId)!.is_minute_taker === 1 - kept), 'the other mark everywhere');
    expect(fieldConflicts(a, t.boardId)).toEqual([]);
    for (const l of [b, c]) expect(fieldConflicts(l, t.boardId).map((x) => x.keepAttendanceField)).toEqual([undefined]);
    expectSame(t.laptops, t.boardId);
  }, 240_000);

  it('lists nothing for a change made having seen the other laptop’s, even where both arrive together', async () => {
    const { t, memberId } = await apart();
    const [a, b, c] = t.laptops;
    // Ann and Brian are together; Chloe is away and hears of both changes at once.
    t.networks[0].restore();
    t.networks[1].restore();
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });
    await until([a, b], () => inStep([a, b], t.boardId) && rowOf(b, t.draftId, memberId)!.status === 'apologies', 'apologies at Brian’s');
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'absent' }] });
    await until([a, b], () => inStep([a, b], t.boardId) && rowOf(a, t.draftId, memberId)!.status === 'absent', 'absent at Ann’s');
    expect(rowOf(c, t.draftId, memberId)!.status).toBe('present');
    t.networks[2].restore();
    await until(t.laptops, () => inStep(t.laptops, t.boardId) && t.laptops.every((l) => rowOf(l, t.draftId, memberId)!.status === 'absent'), 'absent everywhere');
    for (const l of t.laptops) expect(fieldConflicts(l, t.boardId)).toEqual([]);
    expect(errors(t)).toEqual([]);
    expectSame(t.laptops, t.boardId);
  }, 240_000);

  it('keeps changes of different fields made apart, both, with nothing listed', async () => {
    const { t, memberId } = await apart();
    const [a, b] = t.laptops;
    ok(a, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'present', isMinuteTaker: true }] });
    ok(b, 'recordAttendance', { meetingId: t.draftId, changes: [{ kind: 'member', memberId, status: 'in_attendance' }] });
    const merged = (l: Core): boolean => rowOf(l, t.draftId, memberId)?.status === 'in_attendance' && rowOf(l, t.draftId, memberId)?.is_minute_taker === 1;
    await together(t, merged);
    for (const l of t.laptops) expect(fieldConflicts(l, t.boardId)).toEqual([]);
    expect(errors(t)).toEqual([]);
    expectSame(t.laptops, t.boardId);
  }, 240_000);

  it('lists it when this laptop set its value while the other laptop’s batch waited to be projected', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const memberId = unrecordedMember(a, s);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    await meetAgain(s, () => rowOf(b, s.draftId, memberId)?.status === 'present');
    await allOffline(s);
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'absent' }] });
    // Brian's draft document reaches Ann while her meeting documents are not synced: held back, not projected (engine.ts flush).
    const name = meetingDocName(s.boardId, s.draftId);
    const board = engineOf(a).boards.get(s.boardId)!;
    const update = Y.encodeStateAsUpdate(engineOf(b).boards.get(s.boardId)!.replica.doc(name));
    board.wire!.send(name, update);
    board.queue.push({ name, update });
    engineOf(a).flush(board);
    expect(board.queue.length).toBe(1);
    // Ann records apologies meanwhile: her value, not the one held when the batch arrived, is the one Brian's may replace.
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });
    await meetAgain(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length === 1));
    const kept = rowOf(a, s.draftId, memberId)!.status;
    expect(['apologies', 'absent']).toContain(kept);
    for (const l of s.laptops) {
      expect(rowOf(l, s.draftId, memberId)!.status).toBe(kept);
      expect(fieldConflicts(l, s.boardId)[0]!.keepAttendanceField).toMatchObject({ field: 'status', value: kept === 'apologies' ? 'absent' : 'apologies' });
    }
    expectSame(s.laptops, s.boardId);
  }, 240_000);
});
