// Starts and stops the sync server: Hocuspocus 3 behind a node http (or, given a certificate,
// https) server and a ws WebSocketServer, listening on 127.0.0.1 unless told otherwise, its
// documents and board tokens in its own encrypted SQLite file (./store.ts, rules in ./rules.ts).
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type { StoreKey } from '../core/crypt/cipher';
import { SYNC_FORMAT } from '../../shared/domain/syncFormat';
import { syncRules, type SyncServerEvent } from './rules';
import { openSyncStore, stateOf, type SyncStore } from './store';

export interface SyncServerOptions {
  /** The folder the server keeps its file in (created if missing; refused if it holds other things). */
  dataFolder: string;
  /** The port to listen on; 0 chooses a free one. */
  port: number;
  /** Where to listen: 127.0.0.1 unless told (0.0.0.0 for every interface). */
  host?: string;
  /** A PEM certificate and private key: the server then speaks wss://. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The data file's key (see electron/core/crypt/keySource.ts keyForTool). */
  key: StoreKey | null;
  /** Receives everything the server reports (refusals, rotations, failures). Default: the console. */
  log?: (event: SyncServerEvent) => void;
  /** Idle time before a document's updates are compacted (ms; Hocuspocus's store debounce). */
  idleMs?: number;
  /** Compact a document as soon as it has this many stored updates. */
  compactAfter?: number;
  /** The sync format spoken: this build's SYNC_FORMAT. Tests set another to stand in for an older or newer server. */
  syncFormat?: string;
}

export interface SyncServer {
  /** ws://host:port or wss://host:port */
  url: string;
  port: number;
  /** The server's store (for tests and tools: what is stored, not what is in memory). */
  store: SyncStore;
  /** The state the server has stored for a document, as one update (empty document: null). */
  storedState(document: string): Uint8Array | null;
  /** Stops listening, closes every connection, stores and compacts every document, closes the file. */
  close(): Promise<void>;
}

const defaultLog = (event: SyncServerEvent): void => {
  const quiet = event.kind === 'compacted' || event.kind === 'board-registered' || event.kind === 'upgraded';
  (quiet ? console.log : console.warn)(`[sync] ${event.kind}: ${event.message}`);
};

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? defaultLog;
  const store = openSyncStore(options.dataFolder, options.key, { compactAfter: options.compactAfter });
  if (store.carriedOver > 0) {
    log({ kind: 'upgraded', message: `${store.carriedOver} document(s) stored by an earlier sync server carried over to sync format ${SYNC_FORMAT}; laptops of the earlier format are refused until they are updated` });
  }
  let closing = false;

  const hocuspocus: Hocuspocus = new Hocuspocus({
    name: `Matters Arising sync (${SYNC_FORMAT})`,
    quiet: true,
    debounce: options.idleMs ?? 2000,
    maxDebounce: Math.max(options.idleMs ?? 2000, 10_000),
    extensions: [syncRules({ store, report: log, isClosing: () => closing, hocuspocus: () => hocuspocus, syncFormat: options.syncFormat })],
  });

  const answer = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Matters Arising sync server (sync format ${SYNC_FORMAT}). Laptops connect here over WebSocket.\n`);
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, answer) : http.createServer(answer);
  // One meeting's document is far smaller; the bound stops a client from making the server buffer without end.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      // Without a listener a socket's error would stop the whole process.
      ws.on('error', (err) => log({ kind: 'refused-connection', message: `connection error: ${err.message}` }));
      hocuspocus.handleConnection(ws, request);
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    store.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `${options.tls ? 'wss' : 'ws'}://${urlHost(host)}:${port}`;

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      hocuspocus.closeConnections();
      for (const ws of sockets.clients) ws.terminate();
      server.closeAllConnections();
      // Idle compactions that were waiting run now, while the file is open.
      for (const name of [...hocuspocus.documents.keys()]) {
        const id = `onStoreDocument-${name}`;
        if (hocuspocus.debouncer.isDebounced(id)) await hocuspocus.debouncer.executeNow(id);
      }
      await stopped;
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      for (const failure of store.compactAll()) {
        log({ kind: 'store-failed', document: failure.document, message: `could not compact ${failure.document} on shutdown (its updates are kept as they were)` });
      }
      store.close();
    })();
    return closed;
  };

  return {
    url,
    port,
    store,
    storedState: (document) => {
      const updates = store.updates(document);
      return updates.length === 0 ? null : stateOf(updates);
    },
    close,
  };
}
