// The window's replica of a shared board's meeting: one Y.Doc per open meeting, read from core
// (openReplica), its discussion editors bound to its roots. What is typed goes to core as Yjs
// updates through the meeting's save queue (so the status line says "saved" only once core has
// taken them, they keep their order with the meeting's other saves, and leaving the meeting or
// the window sends them at once); what core applies from elsewhere arrives by push.
import * as Y from 'yjs';
import type { ReplicaOpened } from '../../../../shared/contract';
import { call } from '../../api/client';
import { fromBase64, replicaFeed, toBase64 } from '../../api/replicaFeed';
import type { SaveQueue } from '../minutes/saveQueue';

/** Typing is sent once it pauses this long (or at once on leaving): short, so other laptops see it soon. */
export const REPLICA_SEND_DELAY_MS = 150;

/** The origin of what core sends the replica (never sent back). */
const FROM_CORE = Symbol('from-core');

const windowName = (): string => `window-${Math.random().toString(36).slice(2, 10)}-${Date.now().toString(36)}`;

export class MeetingReplica {
  readonly doc = new Y.Doc();
  /** This window's name for itself: core marks the pushes of its own updates with it. */
  private readonly name = windowName();
  private readonly outgoing: Uint8Array[] = [];
  private readonly stops: Array<() => void> = [];

  constructor(
    readonly meetingId: string,
    opened: ReplicaOpened & { state: string },
    private readonly queue: SaveQueue,
    private readonly origin: string,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_CORE) return;
      this.outgoing.push(update);
      queue.schedule(`replica:${meetingId}`, () => this.send(), REPLICA_SEND_DELAY_MS);
    });
    this.stops.push(
      replicaFeed.subscribe((push) => {
        if (push.meetingId === meetingId && push.from !== this.name) this.receive(push.update);
      }),
      replicaFeed.onReopened(() => void this.catchUp()),
    );
    this.receive(opened.state);
  }

  private receive(update: string): void {
    Y.applyUpdate(this.doc, fromBase64(update), FROM_CORE);
  }

  /** Reads core's document again and merges it in (an update already held changes nothing). */
  private async catchUp(): Promise<void> {
    try {
      const opened = await call('openReplica', { meetingId: this.meetingId });
      if (opened.state !== null) this.receive(opened.state);
    } catch {
      // The next push or the next opening brings it; nothing typed here is at stake.
    }
  }

  /** Sends everything typed so far as one update; it leaves the list only once core has taken it. */
  private async send(): Promise<void> {
    const count = this.outgoing.length;
    if (count === 0) return;
    const update = toBase64(Y.mergeUpdates(this.outgoing.slice(0, count)));
    await call('replicaUpdate', { meetingId: this.meetingId, update, from: this.name }, { origin: this.origin });
    this.outgoing.splice(0, count);
  }

  /** Stops following core; what is still waiting is sent first. */
  dispose(): void {
    for (const stop of this.stops.splice(0)) stop();
    void this.queue.flush().then(() => this.doc.destroy());
  }
}

/** The meeting's replica, or null when its board is not shared (its discussions are saved as JSON then). */
export async function openMeetingReplica(meetingId: string, queue: SaveQueue, origin: string): Promise<MeetingReplica | null> {
  const opened = await queue.read(() => call('openReplica', { meetingId }));
  if (opened.state === null) return null;
  return new MeetingReplica(meetingId, { ...opened, state: opened.state }, queue, origin);
}
