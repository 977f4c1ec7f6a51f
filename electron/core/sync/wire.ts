// The network side of one shared board: a HocuspocusProviderWebsocket to its server (reconnecting
// with backoff) and one HocuspocusProvider per document on it, all multiplexed over that one socket
// (which documents are on it: listedMeetings.ts). Each provider syncs a "wire" copy of its
// document; core relays between the wire copy and its own replica, so every remote update enters
// the replica through BoardReplica.applyUpdate (discussions bound first) and is projected by core,
// never applied behind its back. What it hears goes to the engine through `events`.
import { HocuspocusProviderWebsocket, type HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WRONG_TOKEN } from '../../../shared/domain/syncFormat';
import { CheckedProvider } from './checkedProvider';

export interface WireEvents {
  /** An update the server sent for a document. */
  remote(name: string, update: Uint8Array): void;
  /** The server holds everything this document sent so far. */
  acknowledged(name: string): void;
  /** The socket's state changed. */
  status(connected: boolean): void;
  /** The server refused the board's token (or the document): its reason, in words. */
  refused(reason: string): void;
  /** A stateless message for the board (the token's rotation). */
  stateless(payload: string): void;
  /** The server sent an update for a document that cannot be read: refused, not applied; the connection starts again to fetch it whole. */
  corrupted(name: string, reason: string): void;
}

/** The origin of updates relayed from the replica to its wire copy (never sent back). */
const RELAY = Symbol('relay');

interface Wired {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

export class BoardConnection {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly wired = new Map<string, Wired>();
  private closed = false;

  constructor(
    url: string,
    private token: string,
    private readonly events: WireEvents,
  ) {
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      // Reconnect: 1 s, then doubling to at most a minute, for as long as the board is shared.
      delay: 1000,
      factor: 2,
      maxDelay: 60_000,
      maxAttempts: 0,
      jitter: true,
      minDelay: 500,
      onStatus: ({ status }) => this.events.status(status === 'connected'),
    });
  }

  /** Starts syncing a document from what the replica holds (`state`, its whole state as an update). */
  add(name: string, state: Uint8Array): void {
    if (this.wired.has(name) || this.closed) return;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, RELAY);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      // The server's own bytes, not what applying them changed in this copy (checkedProvider.ts).
      if (origin !== RELAY) this.events.remote(name, provider.received() ?? update);
    });
    const provider: CheckedProvider = new CheckedProvider({
      name,
      document: doc,
      token: () => this.token,
      websocketProvider: this.socket,
      onAuthenticationFailed: ({ reason }) => this.events.refused(reason),
      // The server closes a document it will no longer serve to this laptop when its token was
      // rotated away on another laptop. Hocuspocus closes documents with reasons of its own too
      // (a server shutting down says "Reset Connection"), which are not refusals.
      onClose: ({ event }) => {
        if (event.reason === WRONG_TOKEN) this.events.refused(event.reason);
      },
      onUnsyncedChanges: ({ number }) => {
        if (number === 0 && provider.isSynced) this.events.acknowledged(name);
      },
      onSynced: () => {
        if (provider.unsyncedChanges === 0) this.events.acknowledged(name);
      },
      onStateless: ({ payload }) => this.events.stateless(payload),
    }, (reason) => {
      this.events.corrupted(name, reason);
      this.reconnect();
    });
    provider.attach();
    this.wired.set(name, { doc, provider });
  }

  /** Stops syncing a document and forgets what its wire copy held (unsent changes included). */
  drop(name: string): void {
    const wired = this.wired.get(name);
    if (!wired) return;
    wired.provider.destroy();
    wired.doc.destroy();
    this.wired.delete(name);
  }

  has(name: string): boolean {
    return this.wired.has(name);
  }

  /** Sends a change the replica made (its update) to the server. */
  send(name: string, update: Uint8Array): void {
    const wired = this.wired.get(name);
    if (wired) Y.applyUpdate(wired.doc, update, RELAY);
  }

  /** Whether every document has synced with the server at least once since connecting and holds nothing unsent. */
  settled(): boolean {
    return [...this.wired.values()].every((w) => w.provider.isSynced && w.provider.unsyncedChanges === 0);
  }

  /** How many of the documents have synced with the server, of how many (a joining laptop's progress). */
  progress(): { synced: number; total: number } {
    let synced = 0;
    for (const w of this.wired.values()) if (w.provider.isSynced) synced += 1;
    return { synced, total: this.wired.size };
  }

  synced(name: string): boolean {
    const w = this.wired.get(name);
    return Boolean(w && w.provider.isSynced);
  }

  /** Whether a document has synced with the server and holds nothing unsent. */
  settledDoc(name: string): boolean {
    const w = this.wired.get(name);
    return Boolean(w && w.provider.isSynced && w.provider.unsyncedChanges === 0);
  }

  /** Where the wire copy of a document stands (client -> clock), or null when it is not on the wire. */
  vector(name: string): Map<number, number> | null {
    const w = this.wired.get(name);
    return w ? Y.decodeStateVector(Y.encodeStateVector(w.doc)) : null;
  }

  sendStateless(name: string, payload: string): void {
    this.wired.get(name)?.provider.sendStateless(payload);
  }

  /** The token changed (rotated here): new connections authenticate with it. */
  useToken(token: string): void {
    this.token = token;
  }

  /**
   * Drops the connection so it is made again (with the usual backoff): on reconnecting, each
   * document syncs from its state, so a refused update is fetched again from the server whole.
   */
  private reconnect(): void {
    const ws = (this.socket as unknown as { webSocket?: { close?: () => void } }).webSocket;
    ws?.close?.();
  }

  close(): void {
    this.closed = true;
    for (const w of this.wired.values()) {
      w.provider.destroy();
      w.doc.destroy();
    }
    this.wired.clear();
    // A socket still connecting reports its closing as an error event; nobody else listens for it.
    const ws = (this.socket as unknown as { webSocket?: { on?: (event: string, fn: () => void) => void } }).webSocket;
    ws?.on?.('error', () => undefined);
    this.socket.destroy();
  }
}
