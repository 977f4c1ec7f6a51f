// A corrupted update arriving from the server (damaged on the way: the laptop's network relay
// cuts it short): the laptop refuses it, its file is unchanged, its status says so, and the next
// good connection brings the change intact. Real cores, a real sync server on loopback.
import { meetingDocName } from '../../shared/domain/syncFormat';
import { afterEach, describe, expect, it } from 'vitest';
import { CORRUPTED_FROM_SERVER } from '../../electron/core/sync/engine';
import { syncStatusLine } from '../../renderer/src/features/sync/syncStatusText';
import type { SyncStatus } from '../../shared/contract';
import { formatInvitation, parseInvitation, type Invitation } from '../../shared/domain/invitation';
import { ok, okAsync } from '../helpers/temp';
import { boardDump } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { laptopNetwork } from '../helpers/syncProxy';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('a corrupted update from the server', () => {
  it('is refused: the file unchanged, the status says so, and the change arrives intact once the connection is good', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const boardId = board.id;
    const invitation = parseInvitation(await share(a, boardId, server.url)) as Invitation;
    const network = await laptopNetwork(server.server.port);
    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation: formatInvitation({ ...invitation, serverUrl: network.url }) });
    await until([a, b], () => inStep([a, b], boardId));
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;

    // What the damaged update would change: the meeting's own fields, and whether its words were
    // stored in the document's updates. (Other, good, updates may still arrive meanwhile: the
    // sharing laptop's own bookkeeping of the meeting, the board's document.)
    const docName = meetingDocName(boardId, draft);
    const venueWords = Buffer.from('Tooley Street');
    const meetingState = () =>
      JSON.stringify([
        b.store!.db.prepare('SELECT venue, meeting_date, start_time, end_time FROM meetings WHERE id = ?').get(draft),
        (b.store!.db.prepare('SELECT update_blob FROM sync_updates WHERE doc_name = ?').pluck().all(docName) as Buffer[]).some((blob) => blob.includes(venueWords)),
      ]);
    const before = meetingState();
    // What the file holds at the moment the status says the update was refused.
    let atRefusal: { error: string; file: string } | null = null;
    const refused = engineOf(b).until(() => {
      const error = ok<SyncStatus>(b, 'syncStatus', { boardId }).lastError;
      if (error?.startsWith(CORRUPTED_FROM_SERVER)) atRefusal = { error, file: meetingState() };
      return atRefusal !== null;
    });
    const damaged = network.corruptNextUpdate(draft);
    ok(a, 'updateMeetingHeader', { meetingId: draft, venue: 'Tooley Street, room 3' });
    await damaged;
    await refused;
    const { error, file } = atRefusal!;
    // Refused whole, and said in words naming the document; nothing of it reached the file.
    expect(error).toContain(draft);
    expect(syncStatusLine({ ...ok<SyncStatus>(b, 'syncStatus', { boardId }), lastError: error }, new Date())).toEqual({ text: `Not syncing: ${error}`, tone: 'error' });
    expect(file).toBe(before);
    const venue = () => b.store!.db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft);

    // Reconnected, the document syncs from its state: the change arrives whole, and the status is clear again.
    await until([a, b], () => inStep([a, b], boardId) && venue() === 'Tooley Street, room 3');
    expect(ok<SyncStatus>(b, 'syncStatus', { boardId })).toMatchObject({ connected: true, pending: 0, lastError: null });
    expect(boardDump(b, boardId)).toEqual(boardDump(a, boardId));
  });
});
