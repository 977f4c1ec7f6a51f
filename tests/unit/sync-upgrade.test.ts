// Upgrading a shared board's server and laptops from sync format ma1 (no change marks) to ma2, one
// at a time, as a council does (issue 19, a server from another version; real cores on their own
// files and a real sync server on loopback). The server carries its stored ma1 documents over to
// ma2 names and refuses ma1 laptops; an upgraded laptop carries its stored updates over, sends what
// waited, and connects every meeting once, so a meeting a ma1 laptop changed (writing no mark)
// still arrives; after that it connects only what the marks say.
import path from 'node:path';
import type * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { keptVector } from '../../electron/core/sync/keptVectors';
import { vectorOfUpdate } from '../../electron/core/sync/meetingMarks';
import { storedDoc } from '../../electron/core/sync/updateStore';
import { meetingDocName } from '../../shared/domain/syncFormat';
import { parseInvitation, type Invitation } from '../../shared/domain/invitation';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { acknowledged, authenticationFailed, connectClient, synced } from '../helpers/syncClient';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';
import { asMa1Laptop, asMa1Server, serverDocuments } from '../helpers/syncPreviousFormat';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Board {
  a: Core;
  aFile: string;
  bFile: string;
  boardId: string;
  invitation: string;
  token: string;
  draft: string;
  /** A third meeting, with an item of its own (not the draft a changes). */
  later: string;
  laterItem: string;
}

/** The sample board with a later meeting, shared by a, joined by b, all in step. */
async function sharedBoard(): Promise<Board & { b: Core }> {
  server = await startTestSyncServer();
  const dir = tempDir();
  const aFile = path.join(dir, 'a.sqlite');
  const bFile = path.join(dir, 'b.sqlite');
  const a = await tempCore(aFile);
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const db = a.store!.db;
  const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date DESC LIMIT 1").get(board.id) as { id: string };
  const date = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draft.id) as string;
  const next = new Date(Date.parse(date) + 35 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const later = ok<{ id: string }>(a, 'startNextMeeting', { fromMeetingId: draft.id, date: next, startTime: '10:00', endTime: '12:00' }).id;
  const laterItem = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: later, title: 'Insurance renewal' }).item.id;
  const invitation = await share(a, board.id, server.url);
  const b = await tempCore(bFile);
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  const token = (parseInvitation(invitation) as Invitation).token;
  return { a, b, aFile, bFile, boardId: board.id, invitation, token, draft: draft.id, later, laterItem };
}

function expectSame(laptops: Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  for (const other of rest) {
    expect(boardDump(other, boardId)).toEqual(boardDump(first!, boardId));
    expect(contentHashes(other, boardId)).toEqual(contentHashes(first!, boardId));
  }
}

const title = (core: Core, itemId: string): unknown => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(itemId);
const wiredMeetings = (core: Core, boardId: string, meetings: string[]): string[] =>
  meetings.filter((id) => engineOf(core).boards.get(boardId)!.wire!.has(meetingDocName(boardId, id))).sort();

/** Every stored document of a laptop's board: its kept vector equals the one its stored updates make. */
function expectKeptVectors(core: Core, boardId: string): void {
  const db = core.store!.db;
  const names = db.prepare('SELECT DISTINCT doc_name FROM sync_updates WHERE board_id = ?').pluck().all(boardId) as string[];
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) expect(keptVector(db, name), name).toEqual(vectorOfUpdate(storedDoc(db, name)!));
}

describe('a sync server upgraded from sync format ma1', () => {
  it('carries its stored documents over, once each; laptops of ma2 find their board, and a laptop of ma1 is refused with what to do', { timeout: 120_000 }, async () => {
    const { a, b, boardId, invitation, token } = await sharedBoard();
    const { dataFolder } = server!;
    const port = server!.server.port;
    await server!.stop();
    const before = asMa1Server(dataFolder);
    expect([...before.keys()].every((n) => n.startsWith('ma1/'))).toBe(true);

    server = await startTestSyncServer({ dataFolder, port });
    expect(server.events.find((e) => e.kind === 'upgraded')?.message).toBe(
      `${before.size} document(s) stored by an earlier sync server carried over to sync format ma2; laptops of the earlier format are refused until they are updated`,
    );
    // Every document under its new name, with exactly the updates it had, in order: nothing merged twice, nothing dropped.
    for (const [name, updates] of before) {
      expect(server.server.store.updates(`ma2/${name.slice(4)}`).map((u) => Buffer.from(u))).toEqual(updates);
      expect(server.server.store.updateCount(name)).toBe(0);
    }

    // The laptops (already of ma2) carry on, and a change reaches the other.
    await until([a, b], () => inStep([a, b], boardId));
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date LIMIT 1").pluck().get(boardId) as string;
    const item = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'After the server was updated' }).item.id;
    await until([a, b], () => title(b, item) === 'After the server was updated' && inStep([a, b], boardId));
    // A new laptop joins and gets the whole board from the carried-over documents.
    const c = await tempCore();
    await okAsync(c, 'joinSharedBoard', { invitation });
    await until([a, b, c], () => inStep([a, b, c], boardId));
    expectSame([a, b, c], boardId);

    // A laptop still of ma1 (the board's own token) is refused, for the board and for a meeting, and told to update itself.
    const oldBoard = connectClient(server.url, `ma1/${boardId}/board`, token);
    expect(await authenticationFailed(oldBoard.provider)).toBe('this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop');
    const oldMeeting = connectClient(server.url, `ma1/${boardId}/meeting/${draft}`, token);
    expect(await authenticationFailed(oldMeeting.provider)).toBe('this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop');
    await server.stop();
    expect([...serverDocuments(dataFolder).keys()].filter((n) => n.startsWith('ma1/'))).toEqual([]);
  });
});

describe('a laptop upgraded from sync format ma1', () => {
  it('sends the changes that waited, connects every meeting once (a meeting a ma1 laptop changed arrives), then relies on the marks', { timeout: 120_000 }, async () => {
    const { a, b, aFile, bFile, boardId, token, draft, later, laterItem } = await sharedBoard();
    const meetings = a.store!.db.prepare('SELECT id FROM meetings WHERE board_id = ?').pluck().all(boardId) as string[];
    // a makes a change while the server is away, and is shut with it waiting.
    await server!.stop();
    await until([a], () => !engineOf(a).boards.get(boardId)!.connected);
    const waiting = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Waiting on a when it was updated' }).item.id;
    expect(ok<{ pending: number }>(a, 'syncStatus', { boardId }).pending).toBe(1);
    a.close();
    b.close();

    // Meanwhile a laptop of ma1 renames the later meeting's item through the server, writing no change mark.
    await server!.restart();
    const client = connectClient(server!.url, meetingDocName(boardId, later), token);
    await synced(client.provider);
    const row = client.doc.getMap<Y.Map<unknown>>('agenda_items').get(JSON.stringify([laterItem]));
    expect(row?.get('title')).toBe('Insurance renewal');
    row!.set('title', 'Insurance renewal (changed on a laptop of ma1)');
    await acknowledged(client.provider);
    client.provider.destroy();

    // The council updates the server, then the laptops: their files are as ma1 left them.
    const { dataFolder } = server!;
    const port = server!.server.port;
    await server!.stop();
    asMa1Server(dataFolder);
    asMa1Laptop(aFile);
    asMa1Laptop(bFile);
    server = await startTestSyncServer({ dataFolder, port });

    const upgraded = await tempCore(aFile);
    const db = upgraded.store!.db;
    expect(db.prepare("SELECT count(*) FROM sync_updates WHERE doc_name LIKE 'ma1/%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT connect_every_meeting FROM sync_boards WHERE board_id = ?').pluck().get(boardId)).toBe(1);
    // What waited is sent, and the meeting the ma1 laptop changed (its mark naming nothing new) arrives.
    await until([upgraded], () => title(upgraded, laterItem) === 'Insurance renewal (changed on a laptop of ma1)' && inStep([upgraded], boardId));
    expect(ok<{ pending: number }>(upgraded, 'syncStatus', { boardId }).pending).toBe(0);
    expect(wiredMeetings(upgraded, boardId, meetings)).toEqual([...meetings].sort());
    await until([upgraded], () => db.prepare('SELECT connect_every_meeting FROM sync_boards WHERE board_id = ?').pluck().get(boardId) === 0);
    expectKeptVectors(upgraded, boardId);

    // The other laptop, updated in turn, gets both.
    const bUpgraded = await tempCore(bFile);
    await until([upgraded, bUpgraded], () => title(bUpgraded, waiting) === 'Waiting on a when it was updated' && title(bUpgraded, laterItem) === 'Insurance renewal (changed on a laptop of ma1)' && inStep([upgraded, bUpgraded], boardId));
    await until([upgraded, bUpgraded], () => bUpgraded.store!.db.prepare('SELECT connect_every_meeting FROM sync_boards WHERE board_id = ?').pluck().get(boardId) === 0);
    expectSame([upgraded, bUpgraded], boardId);

    // From now on the marks decide: opened again with nothing changed, no meeting is connected.
    bUpgraded.close();
    const again = await tempCore(bFile);
    await until([upgraded, again], () => inStep([upgraded, again], boardId));
    expect(wiredMeetings(again, boardId, meetings)).toEqual([]);
    expectSame([upgraded, again], boardId);
  });
});
