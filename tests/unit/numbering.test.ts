// Agenda numbering: 1, 1a, 1b, 2 (or 1, 1.1, 1.2, 2), following positions, never repeating.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { letterFor, moveInOutline, numberItems, type ItemNumbering, type OutlineNode } from '../../shared/domain/numbering';

/** A random two-level outline: top-level items, some with sub-items, positions shuffled. */
const outline = fc
  .array(fc.nat({ max: 6 }), { minLength: 0, maxLength: 12 })
  .chain((subCounts) => {
    const nodes: OutlineNode[] = [];
    subCounts.forEach((subs, i) => {
      nodes.push({ id: `t${i}`, parentId: null, position: i });
      for (let j = 0; j < subs; j += 1) nodes.push({ id: `t${i}s${j}`, parentId: `t${i}`, position: j });
    });
    return fc.shuffledSubarray(nodes, { minLength: nodes.length, maxLength: nodes.length });
  });
const scheme = fc.constantFrom<ItemNumbering>('letters', 'decimal');

describe('item numbering', () => {
  it('numbers the fixture meeting 1, 1a, 1b, 2 ... 6, 6a, 6b, 6c', () => {
    const items: OutlineNode[] = [
      { id: 'one', parentId: null, position: 0 },
      { id: '1b', parentId: 'one', position: 1 },
      { id: '1a', parentId: 'one', position: 0 },
      { id: 'two', parentId: null, position: 1 },
      { id: 'six', parentId: null, position: 2 },
      { id: '6a', parentId: 'six', position: 0 },
      { id: '6b', parentId: 'six', position: 1 },
      { id: '6c', parentId: 'six', position: 2 },
    ];
    expect(numberItems(items, 'letters').map((i) => i.number)).toEqual(['1', '1a', '1b', '2', '3', '3a', '3b', '3c']);
    expect(numberItems(items, 'decimal').map((i) => i.number)).toEqual(['1', '1.1', '1.2', '2', '3', '3.1', '3.2', '3.3']);
    expect(numberItems(items, 'letters').map((i) => i.id)).toEqual(['one', '1a', '1b', 'two', 'six', '6a', '6b', '6c']);
  });

  it('runs letters past z without repeating: z, aa, ab', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(letterFor)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (a, b) => (a === b) === (letterFor(a) === letterFor(b))));
  });

  it('gives every item exactly one number and no two items the same number', () => {
    fc.assert(
      fc.property(outline, scheme, (items, s) => {
        const numbered = numberItems(items, s);
        expect(numbered).toHaveLength(items.length);
        expect(new Set(numbered.map((i) => i.id)).size).toBe(items.length);
        expect(new Set(numbered.map((i) => i.number)).size).toBe(items.length);
      }),
    );
  });

  it('follows positions: top-level items count 1, 2, 3 and sub-items carry their item’s number', () => {
    fc.assert(
      fc.property(outline, scheme, (items, s) => {
        const numbered = numberItems(items, s);
        const top = numbered.filter((i) => i.depth === 1);
        expect(top.map((i) => i.number)).toEqual(top.map((_, k) => String(k + 1)));
        const sortedTop = [...items.filter((i) => i.parentId === null)].sort((a, b) => a.position - b.position);
        expect(top.map((i) => i.id)).toEqual(sortedTop.map((i) => i.id));
        for (const parent of top) {
          const subs = numbered.filter((i) => i.parentId === parent.id);
          const expected = [...subs].sort((a, b) => a.position - b.position).map((i) => i.id);
          expect(subs.map((i) => i.id)).toEqual(expected);
          subs.forEach((sub, k) => {
            expect(sub.number).toBe(s === 'letters' ? `${parent.number}${letterFor(k + 1)}` : `${parent.number}.${k + 1}`);
          });
          // A sub-item is printed straight after its item (and its earlier sub-items).
          const at = numbered.indexOf(parent);
          expect(numbered.slice(at + 1, at + 1 + subs.length).map((i) => i.id)).toEqual(subs.map((i) => i.id));
        }
      }),
    );
  });

  it('renumbers after any move, keeping numbers unique and positions contiguous', () => {
    fc.assert(
      fc.property(outline, fc.nat(), fc.nat(), fc.nat({ max: 20 }), scheme, (items, pick, parentPick, index, s) => {
        fc.pre(items.length > 0);
        const moving = items[pick % items.length] as OutlineNode;
        const hasChildren = items.some((i) => i.parentId === moving.id);
        const tops = items.filter((i) => i.parentId === null && i.id !== moving.id);
        // Only an item without sub-items may become a sub-item (two levels at most).
        const parentId = hasChildren || tops.length === 0 || parentPick % 2 === 0 ? null : (tops[parentPick % tops.length] as OutlineNode).id;
        const moved = moveInOutline(items, moving.id, parentId, index);
        const numbered = numberItems(moved, s);
        expect(new Set(numbered.map((i) => i.number)).size).toBe(items.length);
        const groups = new Map<string | null, number[]>();
        for (const i of moved) groups.set(i.parentId, [...(groups.get(i.parentId) ?? []), i.position]);
        for (const positions of groups.values()) expect([...positions].sort((a, b) => a - b)).toEqual(positions.map((_, k) => k));
        expect(moved.find((i) => i.id === moving.id)?.parentId).toBe(parentId);
      }),
    );
  });
});
