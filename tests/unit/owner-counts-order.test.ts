// Who owes what, in the one order every reader shows (sortOwnerCounts: core's summary and the
// whole log's counts): two owners under one label with the same counts (the same initials on two
// boards) come in the order of their keys, whichever order they were counted in.
import { describe, expect, it } from 'vitest';
import type { OwnerCount } from '../../shared/contract';
import { sortOwnerCounts } from '../../shared/domain/actionLog';

const owner = (key: string, label: string, count: number, overdue: number): OwnerCount => ({ key, label, fullName: label, kind: 'member', count, overdue });

describe('the order of owners’ counts', () => {
  it('is the same whichever order the owners were counted in, two owners under one label included', () => {
    const counts = [owner('person:b', 'JS', 5, 3), owner('person:a', 'JS', 5, 3), owner('person:c', 'AB', 5, 3), owner('person:d', 'ZZ', 9, 0), owner('person:e', 'CD', 5, 4)];
    const expected = ['person:d', 'person:e', 'person:c', 'person:a', 'person:b'];
    expect(sortOwnerCounts([...counts]).map((c) => c.key)).toEqual(expected);
    expect(sortOwnerCounts([...counts].reverse()).map((c) => c.key)).toEqual(expected);
  });
});
