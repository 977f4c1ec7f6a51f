// Bad input on the sync server: a corrupted update (refused and logged, the stored document
// untouched, other documents still served), a full disk while storing (the stored state stays the
// last good one, and the change arrives once there is room), a data folder that is not the
// server's or a key that does not open it (refused before anything is changed), and wss:// with a
// certificate. Real server, real providers, real SQLite.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { CORRUPTED_UPDATE, STORE_FAILED } from '../../electron/syncServer/rules';
import { startSyncServer } from '../../electron/syncServer/server';
import { runSyncServer } from '../../electron/syncServer/cli';
import { SYNC_FILE } from '../../electron/syncServer/store';
import { startTestSyncServer } from '../helpers/syncServer';
import { acknowledged, boardDoc, closedByServer, connectClient, goOffline, goOnline, meetingDoc, newBoardId, newToken, synced, until } from '../helpers/syncClient';
import { tempCore, tempDir } from '../helpers/temp';
import { TEST_KEY_TEXT } from '../helpers/testKey';

const text = (doc: Y.Doc, root = 'discussion:item-1'): string => doc.get(root, Y.XmlText).toString();

/** lib0's framing, as a client writes it: unsigned LEB128 lengths. */
function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const varBytes = (bytes: Uint8Array): number[] => [...varUint(bytes.length), ...bytes];
/** A Hocuspocus sync message carrying a Yjs update (message type 0, y-protocols update 2). */
const updateMessage = (name: string, update: Uint8Array): Uint8Array => Uint8Array.from([...varBytes(new TextEncoder().encode(name)), 0, 2, ...varBytes(update)]);

describe('sync server: a corrupted update', () => {
  it('is refused and logged; the stored document is untouched and the server keeps serving other documents', async () => {
    const sync = await startTestSyncServer();
    const boardId = newBoardId();
    const token = newToken();
    const name = meetingDoc(boardId, newBoardId());
    const laptop = connectClient(sync.url, name, token);
    const other = connectClient(sync.url, boardDoc(boardId), token);
    await Promise.all([synced(laptop.provider), synced(other.provider)]);
    laptop.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Recorded before.');
    await acknowledged(laptop.provider);
    const before = sync.server.storedState(name);

    // A real update cut short: an update Yjs cannot apply (applying a damaged one can also leave
    // part of it behind, which is why the server checks every update before applying or storing it).
    const source = new Y.Doc();
    Y.applyUpdate(source, Y.encodeStateAsUpdate(laptop.doc));
    let edit: Uint8Array = new Uint8Array();
    source.on('update', (u: Uint8Array) => (edit = u));
    source.get('discussion:item-1', Y.XmlText).insert(0, 'Garbled. ');
    source.getMap('meeting').set('agreedAt', '2026-03-19');
    const corrupted = edit.slice(0, edit.length - 2);
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(laptop.doc));
    expect(() => Y.applyUpdate(scratch, corrupted)).toThrow();

    const closed = closedByServer(laptop.provider);
    laptop.socket.send(updateMessage(name, corrupted));
    const logged = await sync.waitForEvent((e) => e.kind === 'corrupted-update');
    expect(logged.document).toBe(name);
    expect(await closed).toBe(CORRUPTED_UPDATE);
    expect(sync.server.storedState(name)).toEqual(before);

    // A message cut inside its own framing is refused the same way.
    const reconnected = connectClient(sync.url, name, token);
    await synced(reconnected.provider);
    const closedAgain = closedByServer(reconnected.provider);
    const whole = updateMessage(name, edit);
    reconnected.socket.send(whole.slice(0, whole.length - 5));
    expect(await closedAgain).toBe(CORRUPTED_UPDATE);
    expect(sync.events.filter((e) => e.kind === 'corrupted-update')).toHaveLength(2);
    expect(sync.server.storedState(name)).toEqual(before);

    const reader = connectClient(sync.url, name, token);
    await synced(reader.provider);
    expect(text(reader.doc)).toBe('Recorded before.');
    expect(reader.doc.getMap('meeting').get('agreedAt')).toBeUndefined();
    other.doc.getMap('settings').set('name', 'Audit Committee');
    await acknowledged(other.provider);
    const second = connectClient(sync.url, boardDoc(boardId), token);
    await until(second.doc, (d) => d.getMap('settings').get('name') === 'Audit Committee');
  });
});

describe('sync server: a full disk while storing', () => {
  it('refuses the change without acknowledging it, keeps the last good state, and stores it once there is room', async () => {
    const sync = await startTestSyncServer();
    const token = newToken();
    const name = meetingDoc(newBoardId(), newBoardId());
    const laptop = connectClient(sync.url, name, token);
    await synced(laptop.provider);
    laptop.doc.get('discussion:item-1', Y.XmlText).insert(0, 'Kept.');
    await acknowledged(laptop.provider);
    const before = sync.server.storedState(name);

    // SQLite's own limit on the file's size: the insert's transaction fails with SQLITE_FULL, as on a full disk.
    const db = sync.server.store.db;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const closed = closedByServer(laptop.provider);
    laptop.doc.get('discussion:item-2', Y.XmlText).insert(0, 'A long report. '.repeat(20_000));
    expect(await closed).toBe(STORE_FAILED);
    const failure = await sync.waitForEvent((e) => e.kind === 'store-failed');
    expect(failure.message).toMatch(/full/);
    expect(sync.server.storedState(name)).toEqual(before);
    const reader = connectClient(sync.url, name, token);
    await synced(reader.provider);
    expect(text(reader.doc, 'discussion:item-2')).toBe('');

    db.pragma('max_page_count = 1073741823');
    await goOffline(laptop);
    await goOnline(laptop);
    await acknowledged(laptop.provider);
    await until(reader.doc, (d) => text(d, 'discussion:item-2').length > 0);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, sync.server.storedState(name) as Uint8Array);
    expect(Y.encodeStateAsUpdate(stored)).toEqual(Y.encodeStateAsUpdate(laptop.doc));
  });
});

describe('sync server: its data folder and key', () => {
  const start = (dataFolder: string, key: string = TEST_KEY_TEXT) => startSyncServer({ dataFolder, port: 0, key: key as StoreKey, log: () => undefined });

  it('refuses a folder that holds other things, a laptop’s data file, a plain file, and a wrong key, changing nothing', async () => {
    const busy = tempDir();
    fs.writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    await expect(start(busy)).rejects.toThrow(/holds other files \(notes\.txt\) and no sync-server\.sqlite: it is not a sync server data folder/);
    expect(fs.readdirSync(busy)).toEqual(['notes.txt']);

    const laptopFolder = tempDir();
    const laptopFile = path.join(tempDir(), 'data.sqlite');
    (await tempCore(laptopFile)).close();
    fs.copyFileSync(laptopFile, path.join(laptopFolder, SYNC_FILE));
    const laptopBytes = fs.readFileSync(path.join(laptopFolder, SYNC_FILE));
    await expect(start(laptopFolder)).rejects.toThrow(/is a laptop's Matters Arising data file, not a sync server's/);
    expect(fs.readFileSync(path.join(laptopFolder, SYNC_FILE))).toEqual(laptopBytes);

    const plainFolder = tempDir();
    fs.writeFileSync(path.join(plainFolder, SYNC_FILE), 'SQLite format 3\u0000'.padEnd(4096, '\u0000'));
    await expect(start(plainFolder)).rejects.toThrow(/is not a sync server data file \(it is not encrypted/);

    const ours = tempDir();
    const server = await start(ours);
    await server.close();
    const bytes = fs.readFileSync(path.join(ours, SYNC_FILE));
    await expect(start(ours, `x'${'0bad'.repeat(16)}'`)).rejects.toThrow(/The key does not open .*sync-server\.sqlite: it was made with another MATTERS_ARISING_KEY/);
    expect(fs.readFileSync(path.join(ours, SYNC_FILE))).toEqual(bytes);
    const again = await start(ours);
    await again.close();
  });

  it('refuses a second server on the same folder', async () => {
    const folder = tempDir();
    const first = await start(folder);
    await expect(start(folder)).rejects.toThrow(/is in use by another sync server/);
    await first.close();
  });

  it('without a key (no MATTERS_ARISING_KEY, no terminal) the command refuses to start and says how to give one', async () => {
    const saved = process.env.MATTERS_ARISING_KEY;
    delete process.env.MATTERS_ARISING_KEY;
    try {
      const folder = path.join(tempDir(), 'sync');
      await expect(runSyncServer(['--data', folder, '--port', '0'])).rejects.toThrow(/--port must be a whole number/);
      await expect(runSyncServer(['--data', folder, '--port', '4321'])).rejects.toThrow(/would be a new data file, and every new one is encrypted, and there is no key: MATTERS_ARISING_KEY is not set/);
      expect(fs.existsSync(folder)).toBe(false);
    } finally {
      process.env.MATTERS_ARISING_KEY = saved;
    }
  });
});

describe('sync server: TLS', () => {
  it('given a certificate, serves wss:// and syncs over it', async () => {
    const dir = path.join(import.meta.dirname, '..', 'helpers', 'tls');
    const [cert, key] = [fs.readFileSync(path.join(dir, 'localhost-cert.pem')), fs.readFileSync(path.join(dir, 'localhost-key.pem'))];
    const sync = await startTestSyncServer({ tls: { cert, key } });
    expect(sync.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    // The test certificate is self-signed: the client trusts exactly it.
    class TrustingSocket extends WebSocket {
      constructor(url: string) {
        super(url, { ca: cert });
      }
    }
    const name = boardDoc(newBoardId());
    const token = newToken();
    const a = connectClient(sync.url, name, token, new Y.Doc(), TrustingSocket);
    const b = connectClient(sync.url, name, token, new Y.Doc(), TrustingSocket);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    a.doc.getMap('settings').set('name', 'Board of Trustees');
    await until(b.doc, (d) => d.getMap('settings').get('name') === 'Board of Trustees');
  });
});
