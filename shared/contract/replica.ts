// The renderer's replicas of a shared board's meeting documents (issue 19): core serves a
// meeting's document to the window, takes the window's edits as Yjs updates, and pushes the
// updates it applies from elsewhere (the sync server, another window) over the host's push
// channel. Updates are binary: base64 in JSON.
import { z } from 'zod';
import { id, method } from './common';

/** At most this much base64 in one update: a whole long discussion pasted at once fits many times over. */
export const REPLICA_UPDATE_MAX = 8_000_000;

const base64 = z
  .string({ message: 'The change did not come in the editor’s format.' })
  .min(1, { message: 'The change did not come in the editor’s format.' })
  .max(REPLICA_UPDATE_MAX, { message: 'This change is too large to save at once.' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The change did not come in the editor’s format.' });

/** A meeting's document as the window starts from it; `state` is null for a meeting of a board that is not shared (the window saves as JSON then). */
export interface ReplicaOpened {
  state: string | null;
  /** Agreed minutes: the window shows them, never edits them. */
  readOnly: boolean;
}

/** What core pushes to the window: an update it applied to a meeting's document, and the window it came from (null: not a window). */
export interface ReplicaPush {
  meetingId: string;
  update: string;
  from: string | null;
}

export const isReplicaPush = (value: unknown): value is ReplicaPush => {
  const v = value as Partial<ReplicaPush> | null;
  return typeof v === 'object' && v !== null && typeof v.meetingId === 'string' && typeof v.update === 'string' && (v.from === null || typeof v.from === 'string');
};

export const replicaMethods = {
  openReplica: method<ReplicaOpened>()(z.strictObject({ meetingId: id })),
  replicaUpdate: method<{ meetingId: string }>()(
    z.strictObject({
      meetingId: id,
      update: base64,
      /** The window's own name for itself, so the push of its own update is not applied twice. */
      from: z.string().max(100).optional(),
    }),
  ),
} as const;
