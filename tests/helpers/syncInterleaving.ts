// One interleaving of what laptops sharing a board do, run and checked: the body of the sync
// property test (sync-interleavings.property.test.ts), and of the scripts it once found failing
// (sync-interleavings-found.test.ts), so both check the same things.
import { expect } from 'vitest';
import { boardDump, contentHashes } from './syncDump';
import { differingDocs, docSnapshots } from './syncDocState';
import { startTestSyncServer } from './syncServer';
import { modelProblems } from './syncModel';
import { label, type Op } from './syncOps';
import { run, settle, setUp, step } from './syncScript';

/**
 * Runs `ops` on `count` laptops, then brings everyone back and in step, and expects the same
 * documents, tables and content hashes on every laptop, and every acknowledged write kept or
 * shown as a conflict.
 */
export async function runInterleaving(count: number, ops: readonly Op[]): Promise<void> {
  const server = await startTestSyncServer();
  const world = await setUp(server, count);
  const script = ops.map(label).join(', ');
  try {
    for (const op of ops) await run(world, op);
    // Everyone back: the server up, every network restored; then in step.
    await run(world, { kind: 'serverUp' });
    for (const l of world.laptops) l.network.restore();
    await settle(world);

    const [first, ...rest] = world.laptops.map((l) => l.core);
    const docs = docSnapshots(first!, world.boardId);
    const dump = boardDump(first!, world.boardId);
    const hashes = contentHashes(first!, world.boardId);
    for (const other of rest) {
      expect(differingDocs(docSnapshots(other, world.boardId), docs), script).toEqual([]);
      const theirs = boardDump(other, world.boardId);
      for (const table of Object.keys(dump)) expect(theirs[table], `${table} after ${script}`).toEqual(dump[table]);
      expect(contentHashes(other, world.boardId), script).toEqual(hashes);
    }
    for (const core of [first!, ...rest]) expect(modelProblems(world.model, core, world.boardId, world.draft), script).toEqual([]);
  } finally {
    for (const l of world.laptops) {
      l.core.close();
      await step(world, l.network.close(), 'laptop network closed');
    }
    await step(world, server.stop(), 'server stopped');
  }
}
