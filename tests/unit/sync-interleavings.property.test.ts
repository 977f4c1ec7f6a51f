// Property: whatever two or three laptops do to a shared board, in whatever order, through
// network cuts, server restarts and laptop restarts, once everyone is back and in step the
// documents are the same on every laptop, so are the board's tables and each meeting's content
// hash, and every write any laptop acknowledged is there or shown as a conflict (syncModel.ts).
// The operations (syncOps.ts) run on any laptop: items added, renamed, deleted; discussions typed
// in (the same paragraph and different ones); decisions, actions, statuses and progress on the
// same actions; roster members; attendance recorded and taken off (a change made apart brings it
// back); minutes agreed while edited elsewhere, and agreed on
// two laptops apart, each with an edit the other lacks (AGREEMENT_VS_EDIT).
// Real cores on their own files, one real sync server on loopback, each laptop behind its own
// relay (its network) so it can be cut. Bounded: SYNC_PROPERTY_RUNS runs (default 6, about 30 s
// here); a failure names its seed and path, SYNC_PROPERTY_SEED / SYNC_PROPERTY_PATH replay it.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { runInterleaving } from '../helpers/syncInterleaving';
import { opArb } from '../helpers/syncOps';

const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 6);
const SEED = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : Date.now() % 2 ** 31;
const PATH = process.env.SYNC_PROPERTY_PATH;
// SYNC_PROPERTY_SHRINK=0: report the first failure as it is (a hang found is reported in minutes, not shrunk for many).

describe('random interleavings of laptops sharing a board', () => {
  it(
    'end with the same documents, tables and content hashes on every laptop, and every acknowledged write kept or shown as a conflict',
    async () => {
      const property = fc.asyncProperty(fc.integer({ min: 2, max: 3 }), fc.array(opArb, { minLength: 4, maxLength: 24 }), runInterleaving);
      try {
        // Said at the start too, so a run stopped from outside can still be replayed.
        console.info(`sync property: SYNC_PROPERTY_SEED=${SEED} SYNC_PROPERTY_RUNS=${RUNS}`);
        // A wait that times out (syncScript.ts) is a failure fast-check shrinks, each shrink waiting again:
        // the whole search stops after 15 minutes (a failure then too), inside the test's 20.
        await fc.assert(property, { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: 15 * 60_000, markInterruptAsFailure: true, endOnFailure: process.env.SYNC_PROPERTY_SHRINK === '0', ...(PATH ? { path: PATH } : {}) });
      } catch (err) {
        // fast-check names the seed and path too; said first so it is never lost in a long message.
        throw new Error(`sync property failed with SYNC_PROPERTY_SEED=${SEED}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    },
    20 * 60_000,
  );
});
