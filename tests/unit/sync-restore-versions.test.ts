// An item deleted on one laptop while two others, apart, each change its own details differently
// (title, presenter), and both bring it back: Yjs keeps one laptop's row whole (the same on every
// laptop), and the other laptop's details are never silently lost: the one conflict entry says
// what each version held, offers "Keep …’s version" for the one not shown, and keeping it is an
// edit that every laptop then shows (issue 19, point 1 of the sync fixes).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { ListedSyncConflict } from '../../shared/contract';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { expectSame } from '../helpers/syncScripts';

const details = (core: Core, id: string) =>
  core.store!.db.prepare('SELECT title, presenter FROM agenda_items WHERE id = ?').get(id) as { title: string; presenter: string | null } | undefined;
const restored = (core: Core, boardId: string, id: string) =>
  ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId }).filter((c) => c.kind === 'item_deleted_edited' && c.entityId === id);

const BRIAN = { title: 'Estates strategy 2025–2030', presenter: null };
const CHLOE = { title: 'Estates and depot strategy', presenter: 'Director of Estates' };

describe('an item two laptops bring back with different details of their own', () => {
  it('keeps one version on every laptop, lists the other’s details in the one conflict entry, and keeping the other makes it what every laptop shows', async () => {
    const { laptops, networks, boardId, draftId } = await threeLaptops();
    const [a, b, c] = laptops;
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draftId, title: 'Estates strategy' });
    await until(laptops, () => inStep(laptops, boardId) && details(b, item.id) !== undefined && details(c, item.id) !== undefined);

    // Brian and Chloe go offline; Ann deletes the item, and the server has the deletion.
    networks[1].cut();
    networks[2].cut();
    await until(laptops, () => !connected(b, boardId) && !connected(c, boardId));
    ok(a, 'deleteAgendaItem', { itemId: item.id });
    await until(laptops, () => inStep([a], boardId));
    // Meanwhile each changes the item's own details, differently.
    ok(b, 'updateAgendaItem', { itemId: item.id, title: BRIAN.title });
    ok(c, 'updateAgendaItem', { itemId: item.id, title: CHLOE.title, presenter: CHLOE.presenter });

    // Chloe brings it back first and is cut off before her restore leaves; Brian brings it back too; then they meet.
    networks[2].restore();
    await until(laptops, () => {
      if (restored(c, boardId, item.id).length === 0) return false;
      if (networks[2].online) networks[2].cut();
      return true;
    });
    networks[1].restore();
    await until(laptops, () => restored(b, boardId, item.id).length > 0 && inStep([a, b], boardId));
    networks[2].restore();
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => (restored(l, boardId, item.id)[0]?.keepVersions ?? []).length > 0));

    const shown = details(a, item.id)!;
    expect([BRIAN, CHLOE]).toContainEqual(shown);
    const [other, otherBy, shownBy] = shown.title === BRIAN.title ? [CHLOE, 'Chloe Park', 'Brian Lee'] : [BRIAN, 'Brian Lee', 'Chloe Park'];
    const words = restored(a, boardId, item.id)[0]!.description;
    for (const core of laptops) {
      expect(details(core, item.id)).toEqual(shown);
      const entries = restored(core, boardId, item.id);
      expect(entries).toHaveLength(1);
      // The same words on every laptop, naming both versions' titles.
      expect(entries[0]!.description).toBe(words);
      expect(entries[0]!.keepVersions).toEqual([{ by: otherBy, itemId: item.id, changes: expect.objectContaining({ title: other.title }) }]);
    }
    expect(words).toContain(`${otherBy}’s version had title “${other.title}”`);
    expect(words).toContain(`the item shows title “${shown.title}”`);
    expectSame(laptops, boardId);

    // Brian keeps the other version from his list: an edit like any other, and every laptop shows it.
    const keep = restored(b, boardId, item.id)[0]!.keepVersions![0]!;
    ok(b, 'updateAgendaItem', { itemId: keep.itemId, ...keep.changes });
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => details(l, item.id)?.title === other.title));
    for (const core of laptops) {
      expect(details(core, item.id)).toEqual(other);
      // The version shown before is now the one offered, should the choice be taken back.
      expect(restored(core, boardId, item.id)[0]!.keepVersions).toEqual([{ by: shownBy, itemId: item.id, changes: expect.objectContaining({ title: shown.title }) }]);
    }
    expectSame(laptops, boardId);
  }, 120_000);
});
