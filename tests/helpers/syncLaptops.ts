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

/** Sets the Yjs client id a laptop's copy of a meeting's document writes with from now on (of two values set apart, Yjs keeps the higher client's). */
export function writeAs(core: Core, boardId: string, meetingId: string, clientId: number): void {
  engineOf(core).boards.get(boardId)!.replica.meeting(meetingId).doc.clientID = clientId;
}

/** How long a test waits for laptops by default before it fails saying what it waited for (a hang becomes a failure). */
export const WAIT_MS = 60_000;

/** `promise`, or a failure after `ms` naming `what` was awaited (and, from `detail`, where things stood). */
export async function bounded<T>(promise: Promise<T>, ms: number, what: string, detail: () => string = () => ''): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const d = detail();
      reject(new Error(`not ${what} within ${ms / 1000} s${d ? `: ${d}` : ''}`));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves when `ready()` holds, checked on every event of every laptop's engine; fails after `ms`
 * saying `what` was awaited and where each laptop's boards stood.
 */
export async function until(laptops: readonly Core[], ready: () => boolean, what = 'ready', ms = WAIT_MS): Promise<void> {
  let waiting = true;
  const wait = async () => {
    while (waiting && !ready()) await Promise.race(laptops.map((l) => engineOf(l).until(ready)));
  };
  try {
    await bounded(wait(), ms, what, () => laptops.map((l, i) => `laptop ${i}: ${boardsState(l)}`).join('; '));
  } finally {
    waiting = false;
  }
}

/** The documents with updates not yet acknowledged by the server, and how many each. */
function pendingDocs(core: Core, boardId: string): string {
  const rows = core.store!.db
    .prepare("SELECT doc_name AS name, count(*) AS n FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0 GROUP BY doc_name")
    .all(boardId) as Array<{ name: string; n: number }>;
  return rows.length === 0 ? '' : ` (${rows.map((r) => `${r.name.split('/').slice(1).join('/')}: ${r.n}`).join(', ')})`;
}

/** Each board of a laptop's engine: connected, queue, holding, settled, last error (for a failure message). */
export function boardsState(core: Core): string {
  if (!core.store) return 'closed';
  const boards = [...engineOf(core).boards.values()];
  if (boards.length === 0) return 'no shared board';
  return boards
    .map((b) => `connected ${String(b.connected)}, queue ${b.queue.length}, holding ${String(Boolean(b.holding))}, settled ${String(b.wire?.settled())}, pending ${pendingCount(core.store!.db, b.boardId)}${pendingDocs(core, b.boardId)}, error ${b.lastError ?? 'none'}`)
    .join(' | ');
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
