// An item deleted on one laptop while two others, apart, each edit it, and both editing laptops
// bring it back (each receives the deletion before the other's restore): the item is restored
// once on every laptop: one item, the discussion, decisions and actions both added, each once,
// one conflict entry naming both editors, the same tables and content hashes everywhere (issue 19 (c)).
// Each laptop reaches the server through its own relay (syncProxy.ts), so which laptop hears what
// first is set by the script, not by timing.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { conflictsOf, expectSame } from '../helpers/syncScripts';
import { discussionJson, paragraphsOf } from '../helpers/syncScript';

const items = (core: Core, id: string) => core.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id = ?').pluck().get(id) as number;
const title = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(id) as string | undefined;
const decisions = (core: Core, id: string) => core.store!.db.prepare('SELECT text FROM decisions WHERE agenda_item_id = ? ORDER BY text').pluck().all(id) as string[];
const actions = (core: Core, id: string) => core.store!.db.prepare('SELECT details FROM actions WHERE agenda_item_id = ? ORDER BY details').pluck().all(id) as string[];
const restored = (core: Core, id: string) => conflictsOf(core, core.store!.db.prepare('SELECT board_id FROM meetings LIMIT 1').pluck().get() as string).filter((c) => c.kind === 'item_deleted_edited' && c.entityId === id);

describe('an item deleted on one laptop and edited on two others that both bring it back', () => {
  it('is restored once: one item, its discussion, decisions and actions from both, each once, one conflict entry naming both, the same everywhere', async () => {
    const { laptops, networks, boardId, draftId } = await threeLaptops();
    const [a, b, c] = laptops;
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draftId, title: 'Estates strategy' });
    ok(a, 'addDecision', { itemId: item.id, text: 'The strategy was approved.' });
    ok(a, 'addAction', { itemId: item.id, details: 'Circulate the estates plan' });
    ok(a, 'saveDiscussion', { itemId: item.id, json: discussionJson(['The strategy was presented.']) });
    await until(laptops, () => inStep(laptops, boardId) && actions(b, item.id).length === 1 && actions(c, item.id).length === 1);

    // Brian and Chloe go offline; Ann deletes the item, and the server has the deletion.
    networks[1].cut();
    networks[2].cut();
    await until(laptops, () => !connected(b, boardId) && !connected(c, boardId));
    ok(a, 'deleteAgendaItem', { itemId: item.id });
    await until(laptops, () => inStep([a], boardId));
    // Meanwhile each edits it, apart.
    ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Estates strategy 2025–2030' });
    ok(b, 'addDecision', { itemId: item.id, text: 'A review was asked for in a year.' });
    ok(c, 'saveDiscussion', { itemId: item.id, json: discussionJson(['The strategy was presented.', 'The depot was discussed.']) });
    ok(c, 'addAction', { itemId: item.id, details: 'Cost the new depot' });

    // Chloe comes back, hears of the deletion and brings the item back; her connection drops at
    // that moment (the same turn of the event loop), before her restore leaves the relay.
    networks[2].restore();
    await until(laptops, () => {
      if (restored(c, item.id).length === 0) return false;
      if (networks[2].online) networks[2].cut();
      return true;
    });
    // Brian comes back: the server holds the deletion but not Chloe's restore, so he brings it back too.
    networks[1].restore();
    await until(laptops, () => restored(b, item.id).length > 0 && inStep([a, b], boardId));
    // Chloe comes back with her restore: everyone meets.
    networks[2].restore();
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => restored(l, item.id).length > 0));

    for (const core of laptops) {
      expect(items(core, item.id)).toBe(1);
      // Each restore wrote the item's row back whole; Yjs keeps one of the two (the same on every laptop).
      expect(['Estates strategy', 'Estates strategy 2025–2030']).toContain(title(core, item.id));
      expect(decisions(core, item.id)).toEqual(['A review was asked for in a year.', 'The strategy was approved.']);
      expect(actions(core, item.id)).toEqual(['Circulate the estates plan', 'Cost the new depot']);
      expect(paragraphsOf(core, item.id)).toEqual(['The strategy was presented.', 'The depot was discussed.']);
      const conflicts = restored(core, item.id);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.description).toContain('was deleted by Ann Flynn');
      expect(conflicts[0]!.description).toContain('while Brian Lee and Chloe Park edited it');
    }
    expectSame(laptops, boardId);
  }, 120_000);
});
