// The line on a shared meeting's page while another laptop's changes to it are on their way
// (meetingArrival; issue 19: the administrator should not see an empty meeting with no
// explanation). Real cores on their own files and a real sync server on loopback: a laptop opened
// after another changed a meeting knows, once the board's document has told it, that the meeting
// has changes it lacks, before they are in its tables; the line goes once they are. And its words.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { meetingArrivalText } from '../../renderer/src/features/sync/syncStatusText';
import type { MeetingArrival } from '../../shared/contract';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const arrival = (core: Core, meetingId: string): MeetingArrival => ok<MeetingArrival>(core, 'meetingArrival', { meetingId });
const itemCount = (core: Core, itemId: string): unknown => core.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id = ?').pluck().get(itemId);

describe('a meeting whose changes from another laptop are arriving', () => {
  it('says so from when the board’s document names them until they are in the tables', { timeout: 120_000 }, async () => {
    server = await startTestSyncServer();
    const dir = tempDir();
    const a = await tempCore(path.join(dir, 'a.sqlite'));
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
    const invitation = await share(a, board.id, server.url);
    const bFile = path.join(dir, 'b.sqlite');
    const b = await tempCore(bFile);
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], board.id));
    expect(arrival(b, draft)).toEqual({ arriving: false, connected: true });
    b.close();

    const item = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Added while b was shut' }).item.id;
    await until([a], () => inStep([a], board.id));

    const again = await tempCore(bFile);
    // Opened, not yet connected: what its file holds says nothing is on its way.
    expect(arrival(again, draft).arriving).toBe(false);
    // The board's document arrives first, its mark for the meeting naming the new item's change.
    await engineOf(again).until(() => arrival(again, draft).arriving);
    expect(itemCount(again, item)).toBe(0);
    expect(arrival(again, draft).connected).toBe(true);
    // Then the meeting's document: the item is in the tables and the line has gone.
    await until([a, again], () => itemCount(again, item) === 1 && !arrival(again, draft).arriving);
    await until([a, again], () => inStep([a, again], board.id));
    expect(arrival(again, draft)).toEqual({ arriving: false, connected: true });

    // A meeting of a board kept on this laptop only has no line.
    const own = await tempCore();
    const { board: kept } = ok<{ board: { id: string } }>(own, 'loadSampleBoard', {});
    const ownMeeting = own.store!.db.prepare('SELECT id FROM meetings WHERE board_id = ? LIMIT 1').pluck().get(kept.id) as string;
    expect(arrival(own, ownMeeting)).toEqual({ arriving: false, connected: false });
    // …and asking makes no sync engine for its file (which would watch every write from then on).
    expect(own.store!.db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE 'sync_touched%'").pluck().get()).toBe(0);
  });

  it('is told in words that say whether they are arriving now or once back online', () => {
    expect(meetingArrivalText({ arriving: false, connected: true })).toBeNull();
    expect(meetingArrivalText({ arriving: true, connected: true })).toBe('Changes made to this meeting on another laptop are arriving: some of its items or words may not be shown yet.');
    expect(meetingArrivalText({ arriving: true, connected: false })).toBe('Changes made to this meeting on another laptop have not arrived yet: they will once this laptop is back online.');
  });
});
