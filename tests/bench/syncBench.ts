// The sync part of the bench: a 40-item meeting's worth of edits (Yjs updates) sent by one
// laptop through the sync server to a second, timed until the second has all of them. What it
// measures: the Hocuspocus server on 127.0.0.1 with its encrypted store (every update checked and
// stored with synchronous=FULL before it is applied and passed on) and two providers over real
// WebSockets, all in this process; not core's side (mirroring into documents, projecting into the
// tables), which the core sync work measures.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { startSyncServer } from '../../electron/syncServer/server';
import { meetingDocName } from '../../shared/domain/syncFormat';
import type { Report } from './harness';

const ITEMS = 40;
/** A discussion of ~3,000 characters per item, as in the other 40-item rows, typed a sentence at a time. */
const SENTENCE = 'The committee noted the report and asked officers to return with costed options. ';
const SENTENCES_PER_ITEM = Math.ceil(3000 / SENTENCE.length);

interface Laptop {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
}

/** ws with an error listener from the start (a socket closed while connecting reports an error event). */
class NodeSocket extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols);
    this.on('error', () => undefined);
  }
}

function connect(url: string, name: string, token: string, doc = new Y.Doc()): Laptop {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: NodeSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  provider.attach();
  return { provider, socket, doc };
}

const synced = (laptop: Laptop): Promise<void> =>
  laptop.provider.isSynced ? Promise.resolve() : new Promise((resolve) => laptop.provider.on('synced', () => resolve()));

const sameVector = (a: Y.Doc, b: Y.Doc): boolean => Buffer.compare(Buffer.from(Y.encodeStateVector(a)), Buffer.from(Y.encodeStateVector(b))) === 0;

/** Resolves when `to` holds everything `from` has. */
function converged(from: Y.Doc, to: Y.Doc): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (sameVector(from, to)) {
        to.off('update', check);
        resolve();
      }
    };
    to.on('update', check);
    check();
  });
}

/** Types the meeting into the doc: per item its fields, then its discussion a sentence (one update) at a time. */
function typeMeeting(doc: Y.Doc): number {
  let updates = 0;
  const count = (): void => void updates++;
  doc.on('update', count);
  doc.getMap('meeting').set('date', '2014-02-19');
  for (let i = 0; i < ITEMS; i++) {
    const itemId = randomUUID();
    const items = doc.getMap('items');
    items.set(itemId, { number: i + 1, title: `Item ${i + 1}`, decision: 'Agreed.' });
    const discussion = doc.get(`discussion:${itemId}`, Y.XmlText);
    for (let s = 0; s < SENTENCES_PER_ITEM; s++) discussion.insert(discussion.length, SENTENCE);
  }
  doc.off('update', count);
  return updates;
}

export async function syncConvergence(report: Report, dir: string, key: StoreKey | null): Promise<void> {
  const server = await startSyncServer({ dataFolder: path.join(dir, 'sync-server'), port: 0, key, log: () => undefined });
  const laptops: Laptop[] = [];
  const open = (name: string, token: string, doc?: Y.Doc): Laptop => {
    const laptop = connect(server.url, name, token, doc);
    laptops.push(laptop);
    return laptop;
  };
  try {
    const token = randomBytes(32).toString('base64url');
    const boardId = randomUUID();
    const live: number[] = [];
    let updates = 0;
    for (let run = 0; run < 3; run++) {
      const name = meetingDocName(boardId, randomUUID());
      const [a, b] = [open(name, token), open(name, token)];
      await Promise.all([synced(a), synced(b)]);
      const start = performance.now();
      updates = typeMeeting(a.doc);
      await converged(a.doc, b.doc);
      live.push(performance.now() - start);
    }
    report.add(`sync: a 40-item meeting typed on one laptop (${updates} updates, a sentence each) until a second has it all, through the server`, live, {
      note: 'server on 127.0.0.1 with its encrypted store, two providers over WebSockets, one process; every update checked and stored durably before it is passed on; core’s projection not included',
    });

    const catchUp: number[] = [];
    for (let run = 0; run < 5; run++) {
      const name = meetingDocName(boardId, randomUUID());
      const b = open(name, token);
      await synced(b);
      // The first laptop typed the meeting offline: it arrives as one sync step when it connects.
      const offline = new Y.Doc();
      typeMeeting(offline);
      const start = performance.now();
      open(name, token, offline);
      await converged(offline, b.doc);
      catchUp.push(performance.now() - start);
    }
    report.add('sync: a 40-item meeting typed offline, from reconnecting until a second laptop has it all', catchUp, {
      note: 'one sync step of the whole meeting (connect, authenticate, check, store, pass on)',
    });

    const name = meetingDocName(boardId, randomUUID());
    const [a, b] = [open(name, token), open(name, token)];
    await Promise.all([synced(a), synced(b)]);
    typeMeeting(a.doc);
    await converged(a.doc, b.doc);
    const text = a.doc.get(`discussion:${randomUUID()}`, Y.XmlText);
    let n = 0;
    const oneEdit = async (): Promise<void> => {
      const arrived = converged(a.doc, b.doc);
      text.insert(text.length, `${n++} `);
      await arrived;
    };
    const edits: number[] = [];
    for (let i = 0; i < 5; i++) await oneEdit();
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await oneEdit();
      edits.push(performance.now() - start);
    }
    report.add('sync: one edit in an open 40-item meeting until the other laptop has it', edits, { note: 'includes the durable store of the update on the server' });
  } finally {
    for (const l of laptops) {
      l.provider.destroy();
      l.socket.destroy();
    }
    await server.close();
  }
}
