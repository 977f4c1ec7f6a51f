// The pending changes of a shared board stay true across a reconnection: changes made while the
// laptop was offline count as waiting until the server has acknowledged everything this laptop
// sent it; the Hocuspocus provider starting its sync again on reconnecting (which sets its own
// count of unacknowledged messages to one) never lets the first acknowledgement that comes back
// stand for all of them (issue 19 (e)). The laptop reaches the server through a relay
// (syncProxy.ts), cut and restored as a lost Wi-Fi would be.
import { describe, expect, it } from 'vitest';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { pendingCount } from '../../electron/core/sync/updateStore';
import { ok, okAsync } from '../helpers/temp';
import { engineOf, inStep, laptop, until } from '../helpers/syncLaptops';
import { startTestSyncServer } from '../helpers/syncServer';
import { laptopNetwork } from '../helpers/syncProxy';

/** Hocuspocus's message type for the server's acknowledgement of one message (SyncStatus). */
const SYNC_STATUS = 8;

/** The type of a Hocuspocus message (after its document's name), read from its bytes. */
function messageType(data: ArrayBuffer | Uint8Array): number {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  let pos = 0;
  const varUint = (): number => {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  const nameLength = varUint();
  pos += nameLength;
  return varUint();
}

interface ProviderEvents {
  on(event: 'message', listener: (e: { event: { data: ArrayBuffer | Uint8Array } }) => void): void;
}

describe('pending changes across a reconnection', () => {
  it('count the changes made offline until the server has acknowledged everything sent', async () => {
    const server = await startTestSyncServer();
    const network = await laptopNetwork(server.server.port);
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    await okAsync(a, 'shareBoard', { boardId: board.id, serverUrl: network.url });
    await until([a], () => inStep([a], board.id));
    const draftId = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date").pluck().get(board.id) as string;
    const engine = engineOf(a);
    const connected = () => engine.boards.get(board.id)?.connected === true;

    network.cut();
    await until([a], () => !connected());
    for (const title of ['Estates strategy', 'Safeguarding audit', 'Any other business']) ok(a, 'addAgendaItem', { meetingId: draftId, title });
    const waiting = pendingCount(a.store!.db, board.id);
    expect(waiting).toBeGreaterThanOrEqual(3);
    // The status counts the three items added (records, pendingChanges.ts), not the stored updates,
    // which also carry the meeting's change mark in the board's document with each write.
    expect(ok<{ pending: number }>(a, 'syncStatus', { boardId: board.id }).pending).toBe(3);

    // The acknowledgements the meeting's document receives, counted as they are read (TEST
    // INSTRUMENT: the wire's provider is listened to, never changed).
    const name = meetingDocName(board.id, draftId);
    const provider = (engine.boards.get(board.id)!.wire as unknown as { wired: Map<string, { provider: ProviderEvents }> }).wired.get(name)!.provider;
    let acks = 0;
    provider.on('message', ({ event }) => {
      if (messageType(event.data) === SYNC_STATUS) acks += 1;
    });
    // How many had been read when the status first said nothing waits.
    let acksWhenNoneWaiting: number | null = null;
    void engine.until(() => {
      if (acksWhenNoneWaiting === null && pendingCount(a.store!.db, board.id) === 0) acksWhenNoneWaiting = acks;
      return false;
    });

    network.restore();
    await until([a], () => inStep([a], board.id));
    expect(acks).toBeGreaterThan(0);
    // Nothing was said to be sent before the last acknowledgement the server gave had been read.
    expect(acksWhenNoneWaiting).toBe(acks);
    expect(ok<{ pending: number }>(a, 'syncStatus', { boardId: board.id }).pending).toBe(0);
  });
});
