// Minutes agreed on one laptop while another was cut off: the other hears of the agreement through
// the board's document before the minutes' own document, and so holds the minutes as circulated a
// little longer (agreedFirst.ts). A write of its own meanwhile that touches the meetings' rows (here
// attendance at the draft) must not put "circulated" back into the board's document over the
// agreement: the agreeing laptop, whose rows of agreed minutes cannot change, would refuse the
// board's document from then on and never be in step again (the sync property test with agreement
// on, SYNC_PROPERTY_SEED=21).
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { MEETING_STATE_ROOT, MEETINGS_LIST_ROOT } from '../../electron/core/sync/registry';
import { pendingCount } from '../../electron/core/sync/updateStore';
import { engineOf, inStep } from '../helpers/syncLaptops';
import { startTestSyncServer } from '../helpers/syncServer';
import { run, setUp, within } from '../helpers/syncScript';

it('a laptop that has not yet taken an agreement never writes the minutes’ earlier state back over it', async () => {
  const server = await startTestSyncServer();
  const world = await setUp(server, 2);
  const [a, b] = world.laptops as [(typeof world.laptops)[0], (typeof world.laptops)[0]];
  const { meetingId } = world.circulated;
  const stateIn = (doc: Y.Doc) => (doc.getMap(MEETING_STATE_ROOT).get(meetingId) as Y.Map<unknown>).get('status');
  try {
    await run(world, { kind: 'offline', laptop: 1 });
    expect(a.core.call('agreeMinutes', { meetingId, atMeetingId: world.circulated.atMeetingId }).ok).toBe(true);
    await within(world, 60_000, 'the agreement on the server', () => engineOf(a.core).boards.get(world.boardId)!.wire!.settled() && pendingCount(a.core.store!.db, world.boardId) === 0);

    // B hears of it from the board's document alone: the minutes stay circulated in its tables.
    const engineB = engineOf(b.core);
    const boardB = engineB.boards.get(world.boardId)!;
    const replicaA = engineOf(a.core).boards.get(world.boardId)!.replica;
    const listed = [...replicaA.board.getMap(MEETINGS_LIST_ROOT).keys()].map((id) => meetingDocName(world.boardId, id));
    for (const n of listed) boardB.frozen.add(n);
    boardB.queue.push({ name: replicaA.boardName, update: Y.encodeStateAsUpdate(replicaA.board) });
    engineB.flush(boardB);
    for (const n of listed) boardB.frozen.delete(n);
    expect(b.core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(meetingId)).toBe('circulated');
    expect(stateIn(boardB.replica.board)).toBe('agreed');

    // B records attendance at the draft (its meetings' rows written): the agreement stays in the board's document.
    const changes = [{ kind: 'member', memberId: world.members[0], status: 'present' }];
    expect(b.core.call('recordAttendance', { meetingId: world.draft, changes }).ok).toBe(true);
    expect(stateIn(boardB.replica.board)).toBe('agreed');

    await run(world, { kind: 'online', laptop: 1 });
    await within(world, 60_000, 'in step', () => inStep(world.laptops.map((l) => l.core), world.boardId));
    for (const l of world.laptops) {
      expect(engineOf(l.core).boards.get(world.boardId)!.lastError).toBeNull();
      expect(l.core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(meetingId)).toBe('agreed');
      const verified = l.core.call('verifyMinutes', { meetingId });
      expect(verified.ok && (verified.value as { matches: boolean }).matches).toBe(true);
    }
  } finally {
    for (const l of world.laptops) {
      l.core.close();
      await l.network.close();
    }
    await server.stop();
  }
}, 180_000);
