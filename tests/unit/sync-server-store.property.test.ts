// The sync server's store keeps exactly what it was given: random sequences of updates from
// several replicas, compactions (some failing for want of room), growth-triggered compactions and
// restarts leave every document's stored state equal to applying all its updates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { openSyncStore, stateOf, type SyncStore } from '../../electron/syncServer/store';
import { tempDir } from '../helpers/temp';
import { TEST_KEY_TEXT } from '../helpers/testKey';

const NAMES = ['ma1/0b6f7c1e-6a54-4c1b-9d2e-1f3a5b7c9d01/board', 'ma1/0b6f7c1e-6a54-4c1b-9d2e-1f3a5b7c9d01/meeting/5e0d2c4b-3a1f-4e6d-8c7b-9a0f1e2d3c4b'];

type Op =
  | { kind: 'edit'; doc: number; replica: number; at: number; text: string; remove: number; key: string }
  | { kind: 'resend'; doc: number; index: number }
  | { kind: 'compact'; doc: number }
  | { kind: 'compact-without-room'; doc: number }
  | { kind: 'restart' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(1), replica: fc.nat(2), at: fc.nat(), text: fc.string({ maxLength: 12 }), remove: fc.nat(4), key: fc.constantFrom('title', 'agreedAt', 'location') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resend' as const), doc: fc.nat(1), index: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compact' as const), doc: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact-without-room' as const), doc: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
);

const encoded = (updates: readonly Uint8Array[]): Uint8Array => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return Y.encodeStateAsUpdate(doc);
};

describe('sync server store (property)', () => {
  it('updates, compactions, failed compactions and restarts give the state of applying every update', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), fc.integer({ min: 2, max: 8 }), (ops, compactAfter) => {
        const folder = tempDir();
        const open = (): SyncStore => openSyncStore(folder, TEST_KEY_TEXT as StoreKey, { compactAfter });
        let store = open();
        // Three laptops' replicas of each document, each with its own client id; every update any makes is sent.
        const replicas = NAMES.map(() => [new Y.Doc(), new Y.Doc(), new Y.Doc()]);
        const sent: Uint8Array[][] = NAMES.map(() => []);
        try {
          for (const step of ops) {
            if (step.kind === 'edit') {
              const doc = replicas[step.doc]?.[step.replica] as Y.Doc;
              let update: Uint8Array | null = null;
              const take = (u: Uint8Array): void => void (update = u);
              doc.on('update', take);
              doc.transact(() => {
                const text = doc.get('discussion:item-1', Y.XmlText);
                const at = text.length === 0 ? 0 : step.at % (text.length + 1);
                if (step.remove > 0 && at < text.length) text.delete(at, Math.min(step.remove, text.length - at));
                text.insert(at, step.text);
                doc.getMap('meeting').set(step.key, step.text);
              });
              doc.off('update', take);
              if (update) {
                sent[step.doc]?.push(update);
                store.append(NAMES[step.doc] as string, update);
              }
            } else if (step.kind === 'resend') {
              const list = sent[step.doc] as Uint8Array[];
              if (list.length > 0) store.append(NAMES[step.doc] as string, list[step.index % list.length] as Uint8Array);
            } else if (step.kind === 'compact') {
              store.compact(NAMES[step.doc] as string);
            } else if (step.kind === 'compact-without-room') {
              // The file may not grow: the compaction's transaction fails (or fits in free pages); either way nothing changes.
              const before = store.updates(NAMES[step.doc] as string);
              store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
              try {
                store.compact(NAMES[step.doc] as string);
              } catch (err) {
                expect(String(err)).toMatch(/full/);
                expect(store.updates(NAMES[step.doc] as string)).toEqual(before);
              } finally {
                store.db.pragma('max_page_count = 1073741823');
              }
            } else {
              store.close();
              store = open();
            }
          }
          NAMES.forEach((name, i) => {
            const all = sent[i] as Uint8Array[];
            const stored = store.updates(name);
            if (all.length === 0) return expect(stored).toEqual([]);
            expect(store.updates(name).length).toBeLessThanOrEqual(compactAfter);
            expect(encoded([stateOf(stored)])).toEqual(encoded(all));
            expect(encoded([store.state(name) as Uint8Array])).toEqual(encoded(all));
          });
        } finally {
          store.close();
          replicas.flat().forEach((d) => d.destroy());
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a compaction whose transaction fails for want of room leaves every stored update as it was', () => {
    const store = openSyncStore(tempDir(), TEST_KEY_TEXT as StoreKey, { compactAfter: 1000 });
    try {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let i = 0; i < 50; i++) doc.get('discussion:item-1', Y.XmlText).insert(0, `${i} `.repeat(200));
      for (const u of updates) store.append(NAMES[0] as string, u);
      const before = store.updates(NAMES[0] as string);
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`);
      expect(() => store.compact(NAMES[0] as string)).toThrow(/full/);
      expect(store.updates(NAMES[0] as string)).toEqual(before);
      store.db.pragma('max_page_count = 1073741823');
      store.compact(NAMES[0] as string);
      expect(store.updates(NAMES[0] as string)).toHaveLength(1);
      expect(encoded(store.updates(NAMES[0] as string))).toEqual(Y.encodeStateAsUpdate(doc));
    } finally {
      store.close();
    }
  });
});
