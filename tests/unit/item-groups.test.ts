// The meeting page's cards in groups (renderer/src/features/minutes/ItemGroups.tsx): every item
// in exactly one group, in the meeting's order, groups of ten with the remainder last.
import { describe, expect, it } from 'vitest';
import { CARDS_PER_GROUP, groupIds } from '../../renderer/src/features/minutes/ItemGroups';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `item-${i + 1}`);

describe('groupIds', () => {
  it('cuts 120 items into twelve groups of ten, in order', () => {
    const groups = groupIds(ids(120));
    expect(CARDS_PER_GROUP).toBe(10);
    expect(groups).toHaveLength(12);
    expect(groups.every((g) => g.length === 10)).toBe(true);
    expect(groups.flat()).toEqual(ids(120));
  });

  it('puts the remainder in a last, shorter group', () => {
    const groups = groupIds(ids(23));
    expect(groups.map((g) => g.length)).toEqual([10, 10, 3]);
    expect(groups[2]).toEqual(['item-21', 'item-22', 'item-23']);
  });

  it('has no group for a meeting without items, and one for a short meeting', () => {
    expect(groupIds([])).toEqual([]);
    expect(groupIds(ids(4))).toEqual([ids(4)]);
  });
});
