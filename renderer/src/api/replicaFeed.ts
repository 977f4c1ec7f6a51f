// What core pushes for the window's replicas of shared meetings (see shared/contract/replica.ts):
// each document update, and that the push channel opened again (a replica then reads its
// document afresh, for what it may have missed while the channel was down).
import type { ReplicaPush } from '../../../shared/contract';

type Listener = (push: ReplicaPush) => void;

class ReplicaFeed {
  private readonly listeners = new Set<Listener>();
  private readonly reopenListeners = new Set<() => void>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onReopened(listener: () => void): () => void {
    this.reopenListeners.add(listener);
    return () => this.reopenListeners.delete(listener);
  }

  publish(push: ReplicaPush): void {
    for (const listener of [...this.listeners]) listener(push);
  }

  reopened(): void {
    for (const listener of [...this.reopenListeners]) listener();
  }
}

/** The app's one feed of replica updates. */
export const replicaFeed = new ReplicaFeed();

/** Bytes as base64 and back, in a browser (no Buffer), for the updates carried in JSON. */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) text += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
