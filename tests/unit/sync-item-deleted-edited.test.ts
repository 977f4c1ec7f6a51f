// An item deleted on one laptop while another, apart, edits it: the edit wins on every laptop.
// The item comes back whole (its discussion, decisions and actions), the conflict names who
// deleted it and who edited it; a deletion made having seen every edit stands, with no conflict.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together } from '../helpers/syncScripts';

const discussion = (text: string): string =>
  JSON.stringify({
    root: {
      children: [
        {
          children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }],
          direction: 'ltr',
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          type: 'paragraph',
          version: 1,
        },
      ],
      direction: 'ltr',
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });

const itemRow = (core: Core, id: string) => core.store!.db.prepare('SELECT title, number, ma_discussion_json(discussion_deflated) AS discussion_json FROM agenda_items WHERE id = ?').get(id) as { title: string; number: string; discussion_json: string } | undefined;
const decisionsOf = (core: Core, id: string) => core.store!.db.prepare('SELECT text FROM decisions WHERE agenda_item_id = ? ORDER BY text').pluck().all(id) as string[];
const actionsOf = (core: Core, id: string) => core.store!.db.prepare('SELECT details FROM actions WHERE agenda_item_id = ? ORDER BY details').pluck().all(id) as string[];

async function itemWithChildren(core: Core, meetingId: string): Promise<string> {
  const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId, title: 'Estates strategy' });
  ok(core, 'addDecision', { itemId: item.id, text: 'The strategy was approved.' });
  ok(core, 'addAction', { itemId: item.id, details: 'Circulate the estates plan' });
  ok(core, 'saveDiscussion', { itemId: item.id, json: discussion('The strategy was presented.') });
  return item.id;
}

describe('an item deleted on one laptop and edited on another', () => {
  it('brings the item back whole with the edits on every laptop, and says who deleted and who edited it', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const itemId = await itemWithChildren(a, s.draftId);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && itemRow(b, itemId) !== undefined && actionsOf(b, itemId).length === 1);

    await allOffline(s);
    ok(a, 'deleteAgendaItem', { itemId });
    expect(itemRow(a, itemId)).toBeUndefined();
    ok(b, 'updateAgendaItem', { itemId, title: 'Estates strategy 2025–2030' });
    ok(b, 'addDecision', { itemId, text: 'A review was asked for in a year.' });
    ok(b, 'saveDiscussion', { itemId, json: discussion('The strategy was presented by the director of estates.') });

    await together(s, () => itemRow(a, itemId) !== undefined && conflictsOf(a, s.boardId).length > 0 && conflictsOf(b, s.boardId).length > 0);
    for (const core of [a, b]) {
      expect(itemRow(core, itemId)).toMatchObject({ title: 'Estates strategy 2025–2030', discussion_json: expect.stringContaining('director of estates') });
      expect(decisionsOf(core, itemId)).toEqual(['A review was asked for in a year.', 'The strategy was approved.']);
      expect(actionsOf(core, itemId)).toEqual(['Circulate the estates plan']);
      const conflicts = conflictsOf(core, s.boardId).filter((c) => c.kind === 'item_deleted_edited');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.entityId).toBe(itemId);
      const number = itemRow(core, itemId)!.number;
      expect(conflicts[0]!.description).toContain(`Item ${number} “Estates strategy 2025–2030” was deleted by ${a.store!.actor}`);
      expect(conflicts[0]!.description).toContain(`while ${b.store!.actor} edited it`);
    }
    expectSame([a, b], s.boardId);

    // Deleting it again, having seen the edit, stands everywhere, with no new conflict.
    ok(a, 'deleteAgendaItem', { itemId });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && itemRow(b, itemId) === undefined);
    expect(decisionsOf(b, itemId)).toEqual([]);
    expect(conflictsOf(b, s.boardId).filter((c) => c.kind === 'item_deleted_edited')).toHaveLength(1);
    expectSame([a, b], s.boardId);
  });

  it('lets a deletion stand when the deleting laptop had seen every edit', async () => {
    const s = await sharedSample(['a', 'b', 'c']);
    const [a, b, c] = s.laptops as [Core, Core, Core];
    const itemId = await itemWithChildren(a, s.draftId);
    ok(b, 'updateAgendaItem', { itemId: (await until(s.laptops, () => itemRow(b, itemId) !== undefined), itemId), title: 'Estates strategy, revised' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && itemRow(c, itemId)?.title === 'Estates strategy, revised');
    await allOffline(s);
    ok(c, 'deleteAgendaItem', { itemId });
    await together(s, () => [a, b, c].every((l) => itemRow(l, itemId) === undefined));
    for (const core of [a, b, c]) {
      expect(actionsOf(core, itemId)).toEqual([]);
      expect(conflictsOf(core, s.boardId)).toEqual([]);
    }
    expectSame([a, b, c], s.boardId);
  });
});
