// What core pushes to the windows' replicas: every update applied to a shared board's meeting
// document, whatever its source (the sync server, another window, core's own mirror of a
// write), for the hosts to send over their push channel. A window's own update carries its name,
// so that window does not apply it twice.
import type { ReplicaPush } from '../../../shared/contract';
import { parseDocName } from '../sync/docNames';

/** The origin of an update a window sent (replicaUpdate): which window. */
export class WindowOrigin {
  constructor(readonly from: string | null) {}
}

const listeners = new Set<(push: ReplicaPush) => void>();

/** Listens for meeting documents' updates; returns the function that stops listening. */
export function onReplicaUpdates(listener: (push: ReplicaPush) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the sync engine for every update of every document it holds; a board's own document is not the windows'. */
export function pushDocUpdate(docName: string, update: Uint8Array, origin: unknown): void {
  if (listeners.size === 0) return;
  const address = parseDocName(docName);
  if (address.kind !== 'meeting') return;
  const push: ReplicaPush = {
    meetingId: address.meetingId,
    update: Buffer.from(update).toString('base64'),
    from: origin instanceof WindowOrigin ? origin.from : null,
  };
  for (const listener of [...listeners]) {
    try {
      listener(push);
    } catch (err) {
      console.error('[replica] a listener failed:', (err as Error).message);
    }
  }
}
