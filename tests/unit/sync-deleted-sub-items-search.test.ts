// An item deleted with its sub-items leaves nothing of them in the search index, on the laptop
// that deleted it (whose change log names the item alone) as on the laptops that projected the
// deletion row by row: shared boards' search indexes stay the same, and search finds no sub-item
// that is gone.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { inStep, until } from '../helpers/syncLaptops';
import { expectSame, sharedSample } from '../helpers/syncScripts';
import { ok } from '../helpers/temp';

const indexedItems = (core: Core, ids: string[]) =>
  core.store!.db.prepare('SELECT count(*) FROM search_docs WHERE item_id IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(ids)) as number;

describe('an item deleted with its sub-items on a shared board', () => {
  it('leaves none of them in the search index of any laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates strategy' });
    const { item: sub } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Quarry Lane depot', parentId: item.id });
    ok(a, 'addDecision', { itemId: sub.id, text: 'The depot is to be sold.' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && indexedItems(b, [item.id, sub.id]) === 3);
    expect(ok<{ count: number }>(a, 'search', { query: 'Quarry Lane' }).count).toBeGreaterThan(0);

    ok(a, 'deleteAgendaItem', { itemId: item.id });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && b.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id = ?').pluck().get(sub.id) === 0);
    for (const core of [a, b]) {
      expect(indexedItems(core, [item.id, sub.id])).toBe(0);
      expect(ok<{ count: number }>(core, 'search', { query: 'Quarry Lane' }).count).toBe(0);
    }
    expectSame(s.laptops, s.boardId);
  });
});
