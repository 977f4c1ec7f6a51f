// A Hocuspocus provider that checks every update the server sends before its document applies it:
// an update Yjs cannot read (damaged on the way, or by a faulty server) is refused whole, never
// half applied (Yjs integrates an update's items before it reads its deletions, so a damaged tail
// would leave part of a change behind). The same check the sync server makes on what laptops send.
// It also sends a change on its own only once synced, so acknowledgements count true (see below).
import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { syncPayload } from '../../syncServer/messages';

/** Why a message from the server cannot be applied, or null when it can (or carries no update). */
export function unreadableUpdate(data: ArrayBuffer | Uint8Array): string | null {
  try {
    const payload = syncPayload(data instanceof Uint8Array ? data : new Uint8Array(data));
    if (payload) Y.decodeUpdate(payload.update);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export class CheckedProvider extends HocuspocusProvider {
  constructor(
    configuration: HocuspocusProviderConfiguration,
    private readonly refuse: (reason: string) => void,
  ) {
    super(configuration);
  }

  /**
   * A change is sent on its own only while the document is synced with the server. Before that
   * (offline, or reconnecting) it waits in the document: the sync that starts on reconnecting
   * sends it with everything else the server lacks, as one message acknowledged once. Sent on
   * its own meanwhile, it would sit in the socket's queue and be acknowledged on its own after
   * the provider has set its count of unacknowledged messages back to one (startSync), so that
   * acknowledgement would stand for everything still on its way and the status would say
   * nothing waits while changes were unacknowledged.
   */
  override documentUpdateHandler(update: Uint8Array, origin: unknown): void {
    if (!this.isSynced) return;
    super.documentUpdateHandler(update, origin);
  }

  override onMessage(event: Parameters<HocuspocusProvider['onMessage']>[0]): void {
    const problem = unreadableUpdate(event.data as ArrayBuffer);
    if (problem !== null) {
      this.refuse(problem);
      return;
    }
    super.onMessage(event);
  }
}
