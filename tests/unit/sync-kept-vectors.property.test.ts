// The kept state vector of each stored document (keptVectors.ts) is always the one its stored
// updates make: random sequences of updates from three replicas stored in any order (some ahead of
// their predecessors, some stored twice, whole states as a join stores them), acknowledgements,
// compactions and refused edits taken back, on a real data file.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { keptDocNames, keptVector } from '../../electron/core/sync/keptVectors';
import { vectorOfUpdate } from '../../electron/core/sync/meetingMarks';
import { acknowledge, appendUpdate, compactUpdates, removePending, storedDoc } from '../../electron/core/sync/updateStore';
import { ok, tempCore } from '../helpers/temp';

type Op =
  | { kind: 'edit'; replica: number; doc: number; key: string; text: string; remove: boolean }
  | { kind: 'store'; replica: number; doc: number; pick: number; local: boolean }
  | { kind: 'store-state'; replica: number; doc: number }
  | { kind: 'acknowledge'; doc: number }
  | { kind: 'compact' }
  | { kind: 'take-back'; doc: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat(2), doc: fc.nat(1), key: fc.constantFrom('title', 'venue', 'notes'), text: fc.string({ maxLength: 8 }), remove: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('store' as const), replica: fc.nat(2), doc: fc.nat(1), pick: fc.nat(), local: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('store-state' as const), replica: fc.nat(2), doc: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('acknowledge' as const), doc: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('take-back' as const), doc: fc.nat(1) }) },
);

let core: Core;
let boardId: string;
let run = 0;
beforeAll(async () => {
  core = await tempCore();
  boardId = ok<{ board: { id: string } }>(core, 'loadSampleBoard', {}).board.id;
});
afterAll(() => core.close());

describe('kept state vectors (property)', () => {
  it('equal the vector of the stored updates merged, after any sequence of stores, acknowledgements, compactions and take-backs', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const db = core.store!.db;
        run += 1;
        const names = [0, 1].map((d) => `ma2/${boardId}/meeting/run-${run}-doc-${d}`);
        // Each replica's documents, and the updates each made that are not yet stored (any may be stored, in any order).
        const replicas = [0, 1, 2].map(() => [0, 1].map(() => ({ doc: new Y.Doc(), unstored: [] as Uint8Array[] })));
        for (const r of replicas) for (const d of r) d.doc.on('update', (u: Uint8Array) => d.unstored.push(u));
        const check = (): void => {
          for (const name of names) {
            const state = storedDoc(db, name);
            expect(keptVector(db, name)).toEqual(state ? vectorOfUpdate(state) : null);
          }
          expect(keptDocNames(db, boardId).filter((n) => names.includes(n)).sort()).toEqual(names.filter((n) => storedDoc(db, n) !== undefined).sort());
        };
        for (const o of ops) {
          db.transaction(() => {
            if (o.kind === 'edit') {
              const map = replicas[o.replica]![o.doc]!.doc.getMap('meeting');
              if (o.remove && map.has(o.key)) map.delete(o.key);
              else map.set(o.key, o.text);
            } else if (o.kind === 'store') {
              const held = replicas[o.replica]![o.doc]!;
              if (held.unstored.length === 0) return;
              const [update] = held.unstored.splice(o.pick % held.unstored.length, 1);
              appendUpdate(db, boardId, names[o.doc]!, update!, o.local ? 'local' : 'remote', '2026-11-27T10:00:00.000Z');
            } else if (o.kind === 'store-state') {
              appendUpdate(db, boardId, names[o.doc]!, Y.encodeStateAsUpdate(replicas[o.replica]![o.doc]!.doc), 'remote', '2026-11-27T10:00:00.000Z');
            } else if (o.kind === 'acknowledge') {
              acknowledge(db, names[o.doc]!, Number.MAX_SAFE_INTEGER);
            } else if (o.kind === 'compact') {
              compactUpdates(db, boardId, '2026-11-27T10:00:00.000Z');
            } else {
              removePending(db, boardId, names[o.doc]!);
            }
          })();
          check();
        }
        for (const r of replicas) for (const d of r) d.doc.destroy();
      }),
      { numRuns: 150 },
    );
  });
});
