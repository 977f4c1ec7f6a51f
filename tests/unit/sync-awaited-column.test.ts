// A column's new value can arrive after the deletion of the value it replaces: the sync server
// sends what its own copy could apply, and a value whose writer's earlier changes it still waits
// for stays out, while the old value's deletion goes on. Meanwhile the row reads as if the column
// had been taken out (a title NOT NULL in the tables: the projection was refused). The projection
// reads such a column as on its way (rowMaps.ts, awaited): the tables keep their value, the mirror
// never writes the old value back over the one coming, and the new value lands when it arrives.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { awaited, readRowHere, setColumns } from '../../electron/core/sync/rowMaps';
import type { Value } from '../../electron/core/sync/registry';

const COLUMNS = ['id', 'title', 'number'];

describe('a column whose new value is on its way', () => {
  it('reads as awaited, is never written over, and takes the new value when it arrives', () => {
    const here = new Y.Doc();
    const row = new Y.Map<Value>();
    here.getMap<Y.Map<Value>>('agenda_items').set('["i1"]', row);
    for (const [c, v] of [['id', 'i1'], ['title', 'Budget'], ['number', '2']] as const) row.set(c, v);

    // Another laptop: a change first (its earlier clock), then the retitle.
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    const theirRow = () => there.getMap<Y.Map<Value>>('agenda_items').get('["i1"]')!;
    theirRow().set('number', '3');
    const earlier = Y.encodeStateAsUpdate(there, Y.encodeStateVector(here));
    const before = Y.encodeStateVector(there);
    theirRow().set('title', 'Budget monitoring');
    const retitle = Y.encodeStateAsUpdate(there, before);

    // The retitle alone: its value waits for the earlier change, the old value is deleted already.
    Y.applyUpdate(here, retitle);
    expect(row.get('title')).toBeUndefined();
    expect(awaited(row, 'title')).toBe(true);
    // An update carries its writer's whole delete set: the earlier change's deletion came too.
    expect(awaited(row, 'number')).toBe(true);
    expect(awaited(row, 'id')).toBe(false);
    expect(readRowHere(row, COLUMNS)).toEqual({ id: 'i1' });

    // The mirror writing this laptop's row (the title it still shows) leaves the column alone.
    setColumns(row, { id: 'i1', title: 'Budget', number: '2' }, COLUMNS);
    expect(row._map.get('title')?.deleted).toBe(true);

    Y.applyUpdate(here, earlier);
    expect(readRowHere(row, COLUMNS)).toEqual({ id: 'i1', title: 'Budget monitoring', number: '3' });
    expect(awaited(row, 'title')).toBe(false);
  });
});
