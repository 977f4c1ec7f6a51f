// Laptops for the sync tests: each a core on its own temp file, sharing boards through the test
// server; and waiting, on the engines' own events (never a clock), until they are in step.
import path from 'node:path';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { syncEngine, type SyncEngine } from '../../electron/core/sync/engine';
import { pendingCount } from '../../electron/core/sync/updateStore';
import { okAsync, tempCore, tempDir } from './temp';

/** A laptop's core on its own file; `user`: who uses it (the change log's actor), when a test tells laptops' users apart. */
export async function laptop(name: string, user?: string): Promise<Core> {
  return tempCore(path.join(tempDir(), `${name}.sqlite`), user === undefined ? {} : { actor: user });
}

export function engineOf(core: Core): SyncEngine {
  if (!core.store) throw new Error('store not open');
  return syncEngine(core.store);
}

/** Resolves when `ready()` holds, checked on every event of every laptop's engine. */
export async function until(laptops: readonly Core[], ready: () => boolean): Promise<void> {
  while (!ready()) await Promise.race(laptops.map((l) => engineOf(l).until(ready)));
}

function docsOf(core: Core, boardId: string): Map<string, Y.Doc> {
  const board = engineOf(core).boards.get(boardId);
  return new Map(board ? board.replica.docs() : []);
}

/** Every laptop connected, nothing pending or waiting to be projected, and every document the same on all. */
export function inStep(laptops: readonly Core[], boardId: string): boolean {
  const states: Array<Map<string, string>> = [];
  for (const l of laptops) {
    const board = engineOf(l).boards.get(boardId);
    if (!board || !board.connected || board.queue.length > 0 || board.holding) return false;
    if (!board.wire?.settled()) return false;
    if (pendingCount(l.store!.db, boardId) > 0) return false;
    states.push(new Map([...docsOf(l, boardId)].map(([name, doc]) => [name, Buffer.from(Y.encodeStateVector(doc)).toString('base64')])));
  }
  const [first, ...rest] = states;
  return rest.every((s) => s.size === first!.size && [...s].every(([name, sv]) => first!.get(name) === sv));
}

export async function share(core: Core, boardId: string, serverUrl: string): Promise<string> {
  const { invitation } = await okAsync<{ invitation: string }>(core, 'shareBoard', { boardId, serverUrl });
  return invitation;
}
