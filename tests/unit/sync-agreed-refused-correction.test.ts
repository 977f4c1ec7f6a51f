// Minutes agreed on two laptops apart, with an edit the server merged before the first agreement
// reached it: Brian retitles an item while online, then agrees the minutes offline; Ann, offline
// since before his edit, agrees them too and reaches the server first. Her record lacks his title,
// so his edit is a proposed correction, which every laptop finds from the documents alone (frozenEdit.ts).
// Brian's own agreement is refused, and his laptop rewrites its agreed rows to Ann's record
// (agreedEdit.ts) in the same write that projects the board's document. If he hears of her
// agreement and her board state together, before any laptop has put the correction in the
// board's document, the correction his laptop proposes must survive that projection: it was
// once put in his tables before the board's corrections were projected, taken for one removed
// elsewhere and deleted, which is refused, so his laptop refused every batch from then on.
// The relays decide who hears what and what arrives together (syncProxy.ts holdUpdates).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { boardDocName, meetingDocName } from '../../electron/core/sync/docNames';
import { MEETING_STATE_ROOT } from '../../electron/core/sync/registry';
import { isAgreed } from '../../electron/syncServer/rules';
import { ok } from '../helpers/temp';
import { bounded, engineOf, inStep, until, WAIT_MS } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { expectSame } from '../helpers/syncScripts';
import type { TestSyncServer } from '../helpers/syncServer';

const statusOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string;
const corrections = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, what, correction_date, created_at FROM corrections WHERE meeting_id = ? ORDER BY id').all(meetingId) as Array<{ id: string; what: string }>;
const hashOf = (core: Core, meetingId: string) => ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId });
const lastError = (core: Core, boardId: string) => engineOf(core).boards.get(boardId)?.lastError ?? null;

function doc(state: Uint8Array | null): Y.Doc {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return d;
}

/** The server has stored the agreement in the meeting's document and the agreed state in the board's. */
function serverHoldsAgreement(server: TestSyncServer, boardId: string, meetingId: string): boolean {
  const meeting = doc(server.server.storedState(meetingDocName(boardId, meetingId)));
  const state = doc(server.server.storedState(boardDocName(boardId))).getMap(MEETING_STATE_ROOT).get(meetingId);
  return isAgreed(meeting) && state instanceof Y.Map && state.get('status') === 'agreed';
}

/** Resolves once `ready()` holds; what it waits on is the server's store, which tells no one, so it is looked at again each turn. */
async function eventually(what: string, ready: () => boolean): Promise<void> {
  await bounded(
    (async () => {
      while (!ready()) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
    WAIT_MS,
    what,
  );
}

describe('minutes agreed on two laptops apart, with an edit merged before the first agreement', () => {
  it('the laptop whose agreement was refused takes the record and the board together, and every laptop ends with the one correction', async () => {
    const { laptops, networks, boardId, draftId, server } = await threeLaptops();
    const [ann, brian, chloe] = laptops;
    const date = ann.store!.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draftId) as string;
    const later = ok<{ id: string }>(ann, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    const { item } = ok<{ item: { id: string } }>(ann, 'addAgendaItem', { meetingId: draftId, title: 'Budget monitoring' });
    ok(ann, 'circulateMinutes', { meetingId: draftId });
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => statusOf(l, draftId) === 'circulated'));

    // Ann and Chloe apart; Ann agrees the minutes as she has them.
    for (const n of [networks[0], networks[2]]) n.cut();
    await until(laptops, () => !connected(ann, boardId) && !connected(chloe, boardId));
    ok(ann, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });
    const record = hashOf(ann, draftId).storedHash;

    // Brian retitles the item online (the server merges it), then agrees the minutes offline.
    ok(brian, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, quarter 2' });
    await until(laptops, () => inStep([brian], boardId));
    networks[1].cut();
    await until(laptops, () => !connected(brian, boardId));
    ok(brian, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });

    // Ann's agreement reaches the server first; she has not yet heard of Brian's edit, so no laptop has proposed the correction.
    networks[0].holdUpdates();
    networks[0].restore();
    await eventually('Ann’s agreement on the server', () => serverHoldsAgreement(server, boardId, draftId));

    // Brian hears of her agreement and her board state in one batch.
    networks[1].holdUpdates();
    networks[1].restore();
    const board = boardDocName(boardId);
    const meeting = meetingDocName(boardId, draftId);
    await eventually('the server’s answers to Brian held back', () => networks[1].held().includes(board) && networks[1].held().includes(meeting));
    networks[1].release();
    await until(laptops, () => lastError(brian, boardId) !== null || (statusOf(brian, draftId) === 'agreed' && hashOf(brian, draftId).storedHash === record && corrections(brian, draftId).length > 0));
    expect(lastError(brian, boardId)).toBeNull();

    // Then everyone: Ann hears the rest, Chloe comes back.
    networks[0].release();
    networks[2].restore();
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => statusOf(l, draftId) === 'agreed' && corrections(l, draftId).length > 0));

    for (const core of laptops) {
      expect(lastError(core, boardId)).toBeNull();
      expect(hashOf(core, draftId)).toMatchObject({ matches: true, storedHash: record });
      const [correction, ...more] = corrections(core, draftId);
      expect(more).toEqual([]);
      expect(correction!.what).toContain('the title was changed to “Budget monitoring, quarter 2”');
      expect(correction!.what).toContain(brian.store!.actor);
      expect(corrections(core, draftId)).toEqual(corrections(ann, draftId));
    }
    expectSame(laptops, boardId);
  }, 120_000);
});
