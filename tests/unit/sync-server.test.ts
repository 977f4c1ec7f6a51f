// The sync server with real components on loopback: the server from tests/helpers/syncServer.ts,
// two or three HocuspocusProviders on their own Y.Docs. Edits travel, a restart keeps every
// acknowledged update, offline edits merge on reconnect. Every wait is on an event, never a timer.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestSyncServer } from '../helpers/syncServer';
import { acknowledged, boardDoc, connectClient, content, goOffline, goOnline, meetingDoc, newBoardId, newToken, synced, until } from '../helpers/syncClient';

const text = (doc: Y.Doc, root = 'discussion:item-1'): string => doc.get(root, Y.XmlText).toString();

/** The server's stored state, encoded as a replica encodes its own (to compare with Y.encodeStateAsUpdate). */
function stored(server: { storedState(name: string): Uint8Array | null }, name: string): Uint8Array {
  const doc = new Y.Doc();
  const state = server.storedState(name);
  if (state) Y.applyUpdate(doc, state);
  return Y.encodeStateAsUpdate(doc);
}

describe('sync server: edits between laptops', () => {
  it('an edit on one laptop reaches the others, and the server stores it', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const name = meetingDoc(boardId, newBoardId());
    const token = newToken();
    const [a, b, c] = [connectClient(sync.url, name, token), connectClient(sync.url, name, token), connectClient(sync.url, name, token)];
    await Promise.all([synced(a.provider), synced(b.provider), synced(c.provider)]);

    a.doc.get('discussion:item-1', Y.XmlText).insert(0, 'The chair welcomed members.');
    b.doc.getMap('meeting').set('title', 'Board meeting, 19 February');
    await Promise.all([acknowledged(a.provider), acknowledged(b.provider)]);
    await Promise.all([a, b, c].map(({ doc }) => until(doc, (d) => text(d) === 'The chair welcomed members.' && d.getMap('meeting').get('title') === 'Board meeting, 19 February')));

    expect(content(c.doc)).toEqual(content(a.doc));
    expect(stored(sync.server, name)).toEqual(Y.encodeStateAsUpdate(a.doc));
  });

  it('a restart keeps every acknowledged update: the same state on every laptop and on the server', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const names = [boardDoc(boardId), meetingDoc(boardId, newBoardId())];
    const clients = names.flatMap((name) => [connectClient(sync.url, name, token), connectClient(sync.url, name, token)]);
    await Promise.all(clients.map((c) => synced(c.provider)));
    clients.forEach((c, i) => {
      for (let n = 0; n < 20; n++) c.doc.get('discussion:item-1', Y.XmlText).insert(0, `${i}.${n} `);
      c.doc.getMap('meeting').set(`key${i}`, i);
    });
    await Promise.all(clients.map((c) => acknowledged(c.provider)));

    await sync.restart();
    // The laptops reconnect by themselves; each sees the others' edits and the server's stored state.
    for (const [i, name] of names.entries()) {
      const [x, y] = [clients[2 * i], clients[2 * i + 1]] as [(typeof clients)[0], (typeof clients)[0]];
      await Promise.all([until(x.doc, (d) => d.getMap('meeting').has(`key${2 * i + 1}`)), until(y.doc, (d) => d.getMap('meeting').has(`key${2 * i}`))]);
      await Promise.all([acknowledged(x.provider), acknowledged(y.provider)]);
      const server = sync.server.storedState(name) as Uint8Array;
      const state = Y.encodeStateAsUpdate(x.doc);
      expect(Y.encodeStateAsUpdate(y.doc)).toEqual(state);
      const fromServer = new Y.Doc();
      Y.applyUpdate(fromServer, server);
      expect(Y.encodeStateAsUpdate(fromServer)).toEqual(state);
      expect(stored(sync.server, name)).toEqual(state);
      expect(text(x.doc).split(' ').filter(Boolean)).toHaveLength(40);
    }
  });

  it('edits made offline on two laptops merge when they reconnect', async () => {
    const sync = await startTestSyncServer();
    const name = meetingDoc(newBoardId(), newBoardId());
    const token = newToken();
    const a = connectClient(sync.url, name, token);
    const b = connectClient(sync.url, name, token);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Shared start.');
    await until(b.doc, (d) => text(d) === 'Shared start.');

    await Promise.all([goOffline(a), goOffline(b)]);
    a.doc.get('discussion:item-1', Y.XmlText).insert(0, 'A offline. ');
    a.doc.getMap('meeting').set('location', 'Council chamber');
    b.doc.get('discussion:item-1', Y.XmlText).insert(text(b.doc).length, ' B offline.');
    b.doc.get('discussion:item-2', Y.XmlText).insert(0, 'Item two, from B.');

    const before = stored(sync.server, name);
    await Promise.all([goOnline(a), goOnline(b)]);
    await Promise.all([until(a.doc, (d) => text(d, 'discussion:item-2') !== ''), until(b.doc, (d) => d.getMap('meeting').get('location') === 'Council chamber')]);
    await Promise.all([until(a.doc, (d) => text(d).includes('B offline')), until(b.doc, (d) => text(d).includes('A offline'))]);
    await Promise.all([acknowledged(a.provider), acknowledged(b.provider)]);
    expect(text(a.doc)).toBe('A offline. Shared start. B offline.');
    expect(stored(sync.server, name)).not.toEqual(before);
    expect(content(a.doc)).toEqual(content(b.doc));
    expect(stored(sync.server, name)).toEqual(Y.encodeStateAsUpdate(a.doc));
  });

  it('compacts a document’s stored updates into one state when it falls idle, without changing it', async () => {
    const sync = await startTestSyncServer({ idleMs: 50 });
    const name = meetingDoc(newBoardId(), newBoardId());
    const a = connectClient(sync.url, name, newToken());
    await synced(a.provider);
    for (let i = 0; i < 30; i++) a.doc.get('discussion:item-1', Y.XmlText).insert(0, `${i} `);
    await acknowledged(a.provider);
    // Every update is stored; the compaction that follows the last of them leaves one row.
    while (sync.server.store.updateCount(name) !== 1) await sync.nextEvent((e) => e.kind === 'compacted' && e.document === name);
    expect(sync.events.some((e) => e.kind === 'compacted' && e.document === name)).toBe(true);
    expect(stored(sync.server, name)).toEqual(Y.encodeStateAsUpdate(a.doc));
  });
});
