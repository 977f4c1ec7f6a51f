// Property: whatever two or three laptops do to a shared board, in whatever order, through
// network cuts, server restarts and laptop restarts, once everyone is back and in step the
// documents are the same on every laptop, so are the board's tables and each meeting's content
// hash, and every write any laptop acknowledged is there. Real cores on their own files, one real
// sync server on loopback, each laptop behind its own relay (its network) so it can be cut.
// Bounded: a few runs of short scripts (SYNC_PROPERTY_RUNS to run more); waits are on the
// engines' events, with a generous guard against hanging.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';
import { startTestSyncServer } from '../helpers/syncServer';
import { modelProblems, opArb, run, settle, setUp, type Op } from '../helpers/syncScript';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 10);

const label = (op: Op): string => Object.values(op).join(' ');

describe('random interleavings of laptops sharing a board', () => {
  it(
    'end with the same documents, tables and content hashes on every laptop, and every acknowledged write kept',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(opArb, { minLength: 4, maxLength: 24 }), async (count, ops) => {
          const server = await startTestSyncServer();
          const world = await setUp(server, count);
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
              expect(differingDocs(docSnapshots(other, world.boardId), docs), ops.map(label).join(', ')).toEqual([]);
              const theirs = boardDump(other, world.boardId);
              for (const table of Object.keys(dump)) expect(theirs[table], `${table} after ${ops.map(label).join(', ')}`).toEqual(dump[table]);
              expect(contentHashes(other, world.boardId)).toEqual(hashes);
            }
            for (const core of [first!, ...rest]) expect(modelProblems(world, core), ops.map(label).join(', ')).toEqual([]);
          } finally {
            for (const l of world.laptops) {
              l.core.close();
              await l.network.close();
            }
            await server.stop();
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    20 * 60_000,
  );
});
