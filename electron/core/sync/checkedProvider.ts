// A Hocuspocus provider that checks every update the server sends before its document applies it:
// an update Yjs cannot read (damaged on the way, or by a faulty server) is refused whole, never
// half applied (Yjs integrates an update's items before it reads its deletions, so a damaged tail
// would leave part of a change behind). The same check the sync server makes on what laptops send.
// It also sends a change on its own only once synced, so acknowledgements count true (see below),
// and keeps the server's own bytes of the update it is applying (`received`, see there).
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
  /** The server's updates whose structs wait for others (Yjs keeps them pending), carried into the next one received. */
  private carried: Uint8Array[] = [];
  private receiving: Uint8Array | null = null;

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

  /**
   * While the document applies an update from the server: that update as the server sent it (with
   * any received before it that were still waiting for other changes). The wire copy's own update
   * event says what applying it changed in a copy that may hold this laptop's unsent changes: two
   * values set for one map key apart (the same minutes agreed on two laptops, agreedTwice.ts) are
   * resolved there against this laptop's value, and the other laptop's value, if it loses, arrives
   * deleted and its content dropped. The server refuses this laptop's changes to agreed minutes,
   * so its document keeps the other value: what this laptop stores must be the server's bytes, or
   * the document made again without its refused changes (agreedEdit.ts) would lack the record.
   */
  received(): Uint8Array | null {
    if (!this.receiving) return null;
    return this.carried.length === 0 ? this.receiving : Y.mergeUpdates([...this.carried, this.receiving]);
  }

  override onMessage(event: Parameters<HocuspocusProvider['onMessage']>[0]): void {
    const data = event.data as ArrayBuffer | Uint8Array;
    const problem = unreadableUpdate(data);
    if (problem !== null) {
      this.refuse(problem);
      return;
    }
    const payload = syncPayload(data instanceof Uint8Array ? data : new Uint8Array(data));
    this.receiving = payload?.update ?? null;
    let applied = false;
    const seen = (): void => {
      applied = true;
    };
    this.document.on('update', seen);
    try {
      super.onMessage(event);
    } finally {
      this.document.off('update', seen);
      const store = this.document.store;
      // An update whose structs all wait for others changes nothing yet: kept, to go out with the one that completes them.
      if (applied) this.carried = [];
      else if (this.receiving && (store.pendingStructs !== null || store.pendingDs !== null)) this.carried.push(this.receiving);
      this.receiving = null;
    }
  }
}
