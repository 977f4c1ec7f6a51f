// A plain Hocuspocus server on 127.0.0.1 for the sync tests, applying the design's rules
// minimally: a board's first authenticated connection registers sha256(token) (trust on first
// use), a wrong token is refused in words, a meeting document whose `meeting.agreedAt` is set is
// read-only, and the token can be rotated by a stateless message. Documents live in memory and
// survive restart() (same port), as a real server's SQLite would. Swapped for the real server
// (electron/syncServer) at merge: keep the surface to start() -> { url, close, restart }.
import { createHash } from 'node:crypto';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';

export interface TestSyncServer {
  url: string;
  close(): Promise<void>;
  restart(): Promise<void>;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export async function start(): Promise<TestSyncServer> {
  const stored = new Map<string, Uint8Array>();
  const tokens = new Map<string, string>();
  let port = 0;
  let server: Server | null = null;

  const agreed = (doc: Y.Doc): boolean => Boolean(doc.getMap('meeting').get('agreedAt'));

  const listen = async (): Promise<void> => {
    const s = new Server({
      port,
      address: '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce: 0,
      async onAuthenticate({ documentName, token, connectionConfig, instance }) {
        const [format, boardId, kind] = documentName.split('/');
        if (format !== 'ma1') throw { reason: `this server speaks sync format ma1; this document is ${format ?? 'unnamed'}` };
        if (!boardId || (kind !== 'board' && kind !== 'meeting')) throw { reason: 'not a Matters Arising document' };
        const known = tokens.get(boardId);
        if (known === undefined) tokens.set(boardId, sha256(token));
        else if (known !== sha256(token)) throw { reason: 'wrong or revoked token for this board' };
        const open = instance.documents.get(documentName);
        if (kind === 'meeting') {
          const doc = open ?? new Y.Doc();
          const saved = stored.get(documentName);
          if (!open && saved) Y.applyUpdate(doc, saved);
          if (agreed(doc)) connectionConfig.readOnly = true;
        }
        return { boardId, token };
      },
      async onLoadDocument({ documentName, document }) {
        const saved = stored.get(documentName);
        if (saved) Y.applyUpdate(document, saved);
        return document;
      },
      async onStoreDocument({ documentName, document }) {
        stored.set(documentName, Y.encodeStateAsUpdate(document));
      },
      async onChange({ documentName, document }) {
        stored.set(documentName, Y.encodeStateAsUpdate(document));
        // Agreed during the session: every open connection to it becomes read-only.
        if (agreed(document)) for (const c of document.getConnections()) c.readOnly = true;
      },
      async onStateless({ payload, connection, document }) {
        const message = JSON.parse(payload) as { type?: string; tokenHash?: string };
        if (message.type !== 'rotate-token' || !message.tokenHash) return;
        const boardId = document.name.split('/')[1] ?? '';
        tokens.set(boardId, message.tokenHash);
        connection.sendStateless(JSON.stringify({ type: 'token-rotated' }));
        // Every other connection of the board authenticated with the old token is closed.
        for (const doc of s.hocuspocus.documents.values()) {
          if (doc.name.split('/')[1] !== boardId) continue;
          for (const c of doc.getConnections()) if (c !== connection) c.close({ code: 4401, reason: 'wrong or revoked token for this board' });
        }
      },
    });
    await s.listen();
    port = s.address.port;
    server = s;
  };

  /** Down as a crashed or unplugged server is: every socket dropped (ws's close() leaves open ones open). */
  const stop = async (): Promise<void> => {
    const s = server;
    server = null;
    if (!s) return;
    for (const client of s.webSocketServer.clients) client.terminate();
    s.httpServer.closeAllConnections();
    await s.destroy();
  };

  await listen();
  return {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    close: stop,
    restart: async () => {
      await stop();
      await listen();
    },
  };
}
