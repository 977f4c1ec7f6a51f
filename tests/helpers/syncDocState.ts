// A laptop's documents of a shared board as comparable state: each document's snapshot (state
// vector and delete set, which together fix its content), so two laptops, or one laptop before
// and after a restart, can be compared document by document.
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { engineOf } from './syncLaptops';

export function docSnapshots(core: Core, boardId: string): Map<string, Y.Snapshot> {
  const board = engineOf(core).boards.get(boardId);
  if (!board) throw new Error('board not shared on this laptop');
  return new Map(board.replica.docs().map(([name, doc]) => [name, Y.snapshot(doc)]));
}

/** The names of the documents that differ between two sets of snapshots (none: the same documents). */
export function differingDocs(a: Map<string, Y.Snapshot>, b: Map<string, Y.Snapshot>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => {
    const x = a.get(n);
    const y = b.get(n);
    return !x || !y || !Y.equalSnapshots(x, y);
  });
}
