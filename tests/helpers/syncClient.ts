// A laptop's side of a sync test, without the app: a HocuspocusProvider (Node's ws) on its own
// Y.Doc, and ways to await what it does (synced, acknowledged, refused) instead of sleeping.
import { randomBytes, randomUUID } from 'node:crypto';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

const providers: HocuspocusProvider[] = [];
const sockets: HocuspocusProviderWebsocket[] = [];

afterEach(() => {
  for (const p of providers.splice(0)) p.destroy();
  for (const s of sockets.splice(0)) s.destroy();
});

/**
 * Node's WebSocket for the providers, with an error listener from the start: a socket still
 * connecting when a test ends (a provider retrying after a refusal) is closed, and ws reports
 * that as an error event, which without a listener would be an uncaught exception.
 */
export class NodeSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
    super(address, protocols, options);
    this.on('error', () => undefined);
  }
}

/** A token as the app makes one: 32 random bytes, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export { boardDocName as boardDoc, meetingDocName as meetingDoc } from '../../shared/domain/syncFormat';
export const newBoardId = (): string => randomUUID();

export interface Client {
  provider: HocuspocusProvider;
  /** The laptop's connection: disconnect() to go offline, connect() to come back. */
  socket: HocuspocusProviderWebsocket;
  doc: Y.Doc;
}

/** Connects a provider on its own socket; reconnection is quick so tests wait on events, not on back-off. */
export function connectClient(url: string, name: string, token: string, doc: Y.Doc = new Y.Doc(), WebSocketPolyfill: unknown = NodeSocket): Client {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill, delay: 10, minDelay: 10, maxDelay: 100, jitter: false });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, token, document: doc });
  provider.attach();
  providers.push(provider);
  sockets.push(socket);
  return { provider, socket, doc };
}

function once<T>(provider: HocuspocusProvider, event: string, handler: (data: T) => void): void {
  const wrapped = (data: T): void => {
    provider.off(event, wrapped);
    handler(data);
  };
  provider.on(event, wrapped);
}

/** Resolves at the provider's next `synced` (or now, if it is synced). */
export function synced(provider: HocuspocusProvider): Promise<void> {
  if (provider.isSynced) return Promise.resolve();
  return new Promise((resolve) => once(provider, 'synced', () => resolve()));
}

/** Resolves with the reason the server gave for refusing the provider. */
export function authenticationFailed(provider: HocuspocusProvider): Promise<string> {
  return new Promise((resolve) => once(provider, 'authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)));
}

/** Resolves when the server has acknowledged (stored) every change the provider sent. */
export function acknowledged(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (provider.isSynced && provider.unsyncedChanges === 0) {
        provider.off('unsyncedChanges', check);
        provider.off('synced', check);
        resolve();
      }
    };
    provider.on('unsyncedChanges', check);
    provider.on('synced', check);
    check();
  });
}

/** Resolves with the reason of the next close message the server sends for this document. */
export function closedByServer(provider: HocuspocusProvider): Promise<string> {
  return new Promise((resolve) => once(provider, 'close', ({ event }: { event: { reason: string } }) => resolve(String(event.reason))));
}

/** Resolves when the document satisfies the predicate (checked now and on every update). */
export function until(doc: Y.Doc, predicate: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = (): void => {
      if (predicate(doc)) {
        doc.off('update', check);
        resolve();
      }
    };
    doc.on('update', check);
    check();
  });
}

/** The document's content as plain data, to compare replicas. */
export function content(doc: Y.Doc): unknown {
  return doc.toJSON();
}

/** Takes the laptop offline and resolves once its socket has closed. */
export function goOffline(client: Client): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      client.socket.off('disconnect', done);
      resolve();
    };
    client.socket.on('disconnect', done);
    client.socket.disconnect();
  });
}

/** Brings the laptop back and resolves once its document has synced with the server again. */
export async function goOnline(client: Client): Promise<void> {
  const again = new Promise<void>((resolve) => once(client.provider, 'synced', () => resolve()));
  void client.socket.connect();
  await again;
}

/** Resolves with the next stateless message the server sends the provider. */
export function nextStateless(provider: HocuspocusProvider): Promise<string> {
  return new Promise((resolve) => once(provider, 'stateless', ({ payload }: { payload: string }) => resolve(payload)));
}

/** Resolves with the scope the server granted ('read-write' or 'readonly'). */
export function authenticated(provider: HocuspocusProvider): Promise<string> {
  if (provider.isAuthenticated && provider.authorizedScope) return Promise.resolve(provider.authorizedScope);
  return new Promise((resolve) => once(provider, 'authenticated', ({ scope }: { scope: string }) => resolve(scope)));
}
