// An item deleted on one laptop while another adds to it (a decision, an action, a sub-item):
// adding to an item is an edit of it, so the item comes back on every laptop with what was added.
// The deleting laptop hears of the new rows before the item comes back; it holds them in the
// document until then, and never refuses them (they once failed its projection: "they name a
// record this laptop does not have"). Found by the sync property test (seed 480388024).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together } from '../helpers/syncScripts';
import { startTestSyncServer } from '../helpers/syncServer';
import { modelProblems } from '../helpers/syncModel';
import type { Op } from '../helpers/syncOps';
import { run, settle, setUp } from '../helpers/syncScript';

const item = (core: Core, id: string) => core.store!.db.prepare('SELECT title, parent_id FROM agenda_items WHERE id = ?').get(id) as { title: string; parent_id: string | null } | undefined;

describe('an item deleted on one laptop while another adds to it', () => {
  it('brings the item back with the decision added, on the property test’s script (seed 480388024)', async () => {
    const server = await startTestSyncServer();
    const world = await setUp(server, 2);
    const script: Op[] = [
      { kind: 'deleteItem', laptop: 1, item: 2 },
      { kind: 'addDecision', laptop: 0, item: 2 },
      { kind: 'edit', laptop: 0, item: 0, paragraph: 0, atStart: false },
      { kind: 'status', laptop: 0, action: 0, status: 'in_progress' },
      { kind: 'edit', laptop: 0, item: 0, paragraph: 0, atStart: false },
      { kind: 'offline', laptop: 1 },
      { kind: 'offline', laptop: 0 },
      { kind: 'serverUp' },
    ];
    for (const op of script) await run(world, op);
    for (const l of world.laptops) l.network.restore();
    await settle(world);
    for (const l of world.laptops) expect(modelProblems(world.model, l.core, world.boardId, world.draft)).toEqual([]);
  }, 120_000);

  it('brings back an item given a sub-item while it was deleted elsewhere (a sub-item is an edit of its item too), with no refusal on either laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const { item: made } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates strategy' });
    const itemId = made.id;
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && item(b, itemId) !== undefined);

    await allOffline(s);
    ok(a, 'deleteAgendaItem', { itemId });
    const { item: sub } = ok<{ item: { id: string } }>(b, 'addAgendaItem', { meetingId: s.draftId, parentId: itemId, title: 'Disposal of the depot' });

    const refusals: string[] = [];
    const watch = (): void => {
      for (const core of s.laptops) {
        const error = engineOf(core).boards.get(s.boardId)?.lastError;
        if (error && !refusals.includes(error)) refusals.push(error);
      }
    };
    await together(s, () => {
      watch();
      return s.laptops.every((core) => item(core, itemId) !== undefined && item(core, sub.id) !== undefined && conflictsOf(core, s.boardId).length > 0);
    });
    watch();
    expect(refusals).toEqual([]);
    for (const core of [a, b]) {
      expect(item(core, itemId)?.title).toBe('Estates strategy');
      expect(item(core, sub.id)).toEqual({ title: 'Disposal of the depot', parent_id: itemId });
      const conflicts = conflictsOf(core, s.boardId).filter((c) => c.kind === 'item_deleted_edited');
      expect(conflicts.map((c) => c.entityId)).toEqual([itemId]);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
