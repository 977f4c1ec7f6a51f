// The server's rules as one Hocuspocus extension: who may open a document (format, board token,
// trust on first use), agreed minutes read-only, every update checked and stored before it is
// applied (a corrupted one refused, a failed store refused, so nothing unstored is acknowledged),
// compaction on idle, and token rotation. No rule looks at the clock.
import type { Connection, Document, Extension, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { DocNameError, parseDocName, type DocName } from '../../shared/domain/syncFormat';
import { syncPayload } from './messages';
import type { SyncStore } from './store';
import { isTokenShaped, parseStateless, sameHash, tokenHash, WRONG_TOKEN } from './tokens';

export type SyncServerEventKind =
  | 'refused-connection'
  | 'board-registered'
  | 'read-only'
  | 'refused-edit'
  | 'corrupted-update'
  | 'store-failed'
  | 'token-rotated'
  | 'compacted'
  | 'upgraded';

/** What the server reports (to its log, and to tests waiting on it). */
export interface SyncServerEvent {
  kind: SyncServerEventKind;
  message: string;
  document?: string;
}

/** What a connection carries from authentication on. */
interface ConnectionContext {
  boardId: string;
  tokenHash: string;
}

/** The reason a client gets for an update the server refused (Hocuspocus sends it in its close message). */
export const CORRUPTED_UPDATE = 'corrupted update refused: the sync server could not read this change, and nothing was changed';
export const STORE_FAILED = 'the sync server could not store this change (its disk may be full); nothing was changed, and the laptop sends it again when it reconnects';

/** True when a meeting document's minutes are agreed (`meeting.agreedAt` set). */
export function isAgreed(doc: Y.Doc): boolean {
  const at = doc.getMap('meeting').get('agreedAt');
  return typeof at === 'string' && at !== '';
}

const refuse = (reason: string): { reason: string } => ({ reason });

export interface RulesContext {
  store: SyncStore;
  report: (event: SyncServerEvent) => void;
  isClosing: () => boolean;
  /** The Hocuspocus instance the rules run in (for the documents and connections it holds). */
  hocuspocus: () => Hocuspocus;
  /** The sync format the server speaks (SYNC_FORMAT; another only where a test stands in for a server of another version). */
  syncFormat?: string;
}

export function syncRules({ store, report, isClosing, hocuspocus, syncFormat }: RulesContext): Extension {
  const parsed = (name: string): DocName | null => {
    try {
      return parseDocName(name, syncFormat);
    } catch {
      return null;
    }
  };

  /** Agreed as the server knows it now: the document in memory, else as stored. */
  const agreedNow = (instance: Hocuspocus, name: string): boolean => {
    const loaded = instance.documents.get(name);
    if (loaded) return isAgreed(loaded);
    const state = store.state(name);
    if (!state) return false;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return isAgreed(doc);
    } finally {
      doc.destroy();
    }
  };

  const makeReadOnly = (document: Document): void => {
    let changed = 0;
    for (const connection of document.getConnections()) {
      if (!connection.readOnly) {
        connection.readOnly = true;
        changed++;
      }
    }
    if (changed > 0) report({ kind: 'read-only', document: document.name, message: `minutes agreed: ${changed} open connection(s) to ${document.name} are now read-only` });
  };

  const closeOldTokenConnections = (instance: Hocuspocus, boardId: string, oldHash: string, newHash: string, except: Connection): number => {
    let closed = 0;
    for (const document of instance.documents.values()) {
      if (parsed(document.name)?.boardId !== boardId) continue;
      for (const connection of document.getConnections()) {
        const context = connection.context as Partial<ConnectionContext>;
        if (connection === except || !context.tokenHash || !sameHash(context.tokenHash, oldHash)) continue;
        // The rotating laptop's other documents share its socket: it holds the new token already.
        if (connection.webSocket === except.webSocket) {
          context.tokenHash = newHash;
          continue;
        }
        connection.close({ code: 4401, reason: WRONG_TOKEN });
        closed++;
      }
    }
    return closed;
  };

  return {
    extensionName: 'Matters Arising sync rules',

    async onAuthenticate({ documentName, token, connectionConfig, instance }): Promise<ConnectionContext> {
      const deny = (reason: string): never => {
        report({ kind: 'refused-connection', document: documentName.slice(0, 200), message: reason });
        throw refuse(reason);
      };
      if (isClosing()) deny('the sync server is stopping; try again in a moment');
      let name: DocName;
      try {
        name = parseDocName(documentName, syncFormat);
      } catch (err) {
        if (err instanceof DocNameError) return deny(err.message);
        throw err;
      }
      if (typeof token !== 'string' || !isTokenShaped(token)) return deny(WRONG_TOKEN);
      const hash = tokenHash(token);
      let known = store.tokenHash(name.boardId);
      if (known === null) {
        known = store.registerBoard(name.boardId, hash);
        if (sameHash(known, hash)) report({ kind: 'board-registered', document: documentName, message: `board ${name.boardId} registered with its first token` });
      }
      if (!sameHash(known, hash)) return deny(WRONG_TOKEN);
      if (name.kind === 'meeting' && agreedNow(instance, documentName)) connectionConfig.readOnly = true;
      return { boardId: name.boardId, tokenHash: hash };
    },

    async onLoadDocument({ document, documentName }): Promise<void> {
      const state = store.state(documentName);
      if (state) Y.applyUpdate(document, state, 'sync-store');
    },

    async connected({ connection, documentName, instance }): Promise<void> {
      // The minutes may have been agreed between this connection's authentication and now.
      if (parsed(documentName)?.kind === 'meeting' && agreedNow(instance, documentName)) connection.readOnly = true;
    },

    async beforeHandleMessage({ connection, document, documentName, update: message }): Promise<void> {
      let payload;
      try {
        payload = syncPayload(message);
      } catch (err) {
        report({ kind: 'corrupted-update', document: documentName, message: `an unreadable message (${message.byteLength} bytes) for ${documentName} was refused: ${err instanceof Error ? err.message : String(err)}` });
        throw { code: 4400, reason: CORRUPTED_UPDATE };
      }
      if (!payload) return;
      const meeting = parsed(documentName)?.kind === 'meeting';
      if (!connection.readOnly && meeting && isAgreed(document)) makeReadOnly(document);
      if (connection.readOnly) {
        // Hocuspocus refuses it (and tells the client it was not applied); this only records it.
        if (payload.kind === 'update' || !Y.snapshotContainsUpdate(Y.snapshot(document), payload.update)) {
          report({ kind: 'refused-edit', document: documentName, message: `an edit to agreed minutes was refused (${documentName})` });
        }
        return;
      }
      try {
        Y.decodeUpdate(payload.update);
      } catch (err) {
        report({ kind: 'corrupted-update', document: documentName, message: `a corrupted update (${payload.update.byteLength} bytes) to ${documentName} was refused: ${err instanceof Error ? err.message : String(err)}` });
        throw { code: 4400, reason: CORRUPTED_UPDATE };
      }
      // A client's diff on connecting often holds nothing new: storing it would only grow the file.
      if (payload.kind === 'step2' && Y.snapshotContainsUpdate(Y.snapshot(document), payload.update)) return;
      try {
        const compaction = store.append(documentName, payload.update);
        if (compaction) {
          const why = compaction.compactionFailed instanceof Error ? compaction.compactionFailed.message : String(compaction.compactionFailed);
          report({ kind: 'store-failed', document: documentName, message: `stored an update to ${documentName}, but could not compact it (its updates are kept as they were): ${why}` });
        }
      } catch (err) {
        report({ kind: 'store-failed', document: documentName, message: `could not store an update to ${documentName}: ${err instanceof Error ? err.message : String(err)}` });
        throw { code: 4507, reason: STORE_FAILED };
      }
    },

    async onChange({ document, documentName }): Promise<void> {
      if (parsed(documentName)?.kind === 'meeting' && isAgreed(document)) makeReadOnly(document);
    },

    async onStoreDocument({ documentName }): Promise<void> {
      // Every update is already stored; on idle the document's updates become one state.
      if (isClosing()) return;
      try {
        const before = store.updateCount(documentName);
        store.compact(documentName);
        if (before > 1) report({ kind: 'compacted', document: documentName, message: `${documentName}: ${before} stored updates compacted into one state` });
      } catch (err) {
        report({ kind: 'store-failed', document: documentName, message: `could not compact ${documentName} (its stored updates are kept as they were): ${err instanceof Error ? err.message : String(err)}` });
      }
    },

    async onStateless({ connection, documentName, payload }): Promise<void> {
      const request = parseStateless(payload);
      if (!request) return;
      const answer = (value: object): void => connection.sendStateless(JSON.stringify(value));
      if (request.type === 'invalid') return answer({ type: 'rotate-token-refused', reason: request.reason });
      const context = connection.context as ConnectionContext;
      if (connection.readOnly) return answer({ type: 'rotate-token-refused', reason: 'rotate the token from a writable connection (the board document)' });
      const old = context.tokenHash;
      if (!store.rotateToken(context.boardId, old, request.tokenHash)) {
        answer({ type: 'rotate-token-refused', reason: WRONG_TOKEN });
        connection.close({ code: 4401, reason: WRONG_TOKEN });
        return;
      }
      context.tokenHash = request.tokenHash;
      answer({ type: 'token-rotated' });
      const closed = closeOldTokenConnections(hocuspocus(), context.boardId, old, request.tokenHash, connection);
      report({ kind: 'token-rotated', document: documentName, message: `board ${context.boardId}: token rotated; ${closed} connection(s) with the old token closed` });
    },
  };
}
