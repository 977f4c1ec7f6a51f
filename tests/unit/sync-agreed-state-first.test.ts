// Minutes agreed on one laptop while another, cut off, had an unsent change to their document;
// the other hears of the agreement through the board's document (which carries every meeting's
// state) before the meeting's own document. The minutes must not be agreed in its tables until
// their document says so (agreedFirst.ts): agreed there first, its refused change could no longer
// be taken back nor the frozen copy projected, and its sync waited for the server forever (the
// sync property test with agreement on, SYNC_PROPERTY_SEED=12).
import * as Y from 'yjs';
import { expect, it } from 'vitest';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { MEETINGS_LIST_ROOT } from '../../electron/core/sync/registry';
import { pendingCount } from '../../electron/core/sync/updateStore';
import { engineOf, inStep } from '../helpers/syncLaptops';
import { startTestSyncServer } from '../helpers/syncServer';
import { run, setUp, within } from '../helpers/syncScript';

it('a change refused by agreed minutes is taken back when the board tells of the agreement before the minutes\' document', async () => {
  const server = await startTestSyncServer();
  const world = await setUp(server, 2);
  const [a, b] = world.laptops as [(typeof world.laptops)[0], (typeof world.laptops)[0]];
  const { meetingId, itemId } = world.circulated;
  const name = meetingDocName(world.boardId, meetingId);
  try {
    // B, cut off, renames an item of the circulated minutes: an update of their document waits to be sent.
    await run(world, { kind: 'offline', laptop: 1 });
    expect(b.core.call('updateAgendaItem', { itemId, title: 'Renamed on B' }).ok).toBe(true);
    // A agrees them, and the server holds the agreement.
    expect(a.core.call('agreeMinutes', { meetingId, atMeetingId: world.circulated.atMeetingId }).ok).toBe(true);
    await within(world, 60_000, 'the agreement on the server', () => engineOf(a.core).boards.get(world.boardId)!.wire!.settled() && pendingCount(a.core.store!.db, world.boardId) === 0);

    // B hears of it from the board's document first (as the server may send it): not yet agreed in B's tables.
    const engineB = engineOf(b.core);
    const boardB = engineB.boards.get(world.boardId)!;
    const replicaA = engineOf(a.core).boards.get(world.boardId)!.replica;
    // (Online, that batch is projected alone when B's meeting documents had synced before the
    // agreement reached the server; B is cut off here, so its documents are let count as synced for it.)
    const listed = [...replicaA.board.getMap(MEETINGS_LIST_ROOT).keys()].map((id) => meetingDocName(world.boardId, id));
    for (const n of listed) boardB.frozen.add(n);
    boardB.queue.push({ name: replicaA.boardName, update: Y.encodeStateAsUpdate(replicaA.board) });
    engineB.flush(boardB);
    for (const n of listed) boardB.frozen.delete(n);
    expect(b.core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(meetingId)).toBe('circulated');
    expect(b.core.store!.db.prepare("SELECT count(*) FROM sync_updates WHERE doc_name = ? AND origin = 'local' AND acknowledged = 0").pluck().get(name)).toBeGreaterThan(0);

    // Back: the server refuses B's change, sends the agreed document, and both are in step.
    await run(world, { kind: 'online', laptop: 1 });
    await within(world, 60_000, 'in step', () => inStep(world.laptops.map((l) => l.core), world.boardId));
    for (const l of world.laptops) {
      expect(l.core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(itemId)).toBe('Budget monitoring');
      const verified = l.core.call('verifyMinutes', { meetingId });
      expect(verified.ok && (verified.value as { matches: boolean }).matches).toBe(true);
    }
    expect(engineB.boards.get(world.boardId)!.lastError).toBeNull();
  } finally {
    for (const l of world.laptops) {
      l.core.close();
      await l.network.close();
    }
    await server.stop();
  }
}, 180_000);
