// A Hocuspocus provider that checks every update the server sends before its document applies it:
// an update Yjs cannot read (damaged on the way, or by a faulty server) is refused whole, never
// half applied (Yjs integrates an update's items before it reads its deletions, so a damaged tail
// would leave part of a change behind). The same check the sync server makes on what laptops send.
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

  override onMessage(event: Parameters<HocuspocusProvider['onMessage']>[0]): void {
    const problem = unreadableUpdate(event.data as ArrayBuffer);
    if (problem !== null) {
      this.refuse(problem);
      return;
    }
    super.onMessage(event);
  }
}
