// Deleting an item that is not the draft's last renumbers the items after it (numbers follow the
// outline while minutes are a draft). Another laptop projecting that deletion must move the
// numbers along too, never meeting the deleted item's number still in its tables half-way; and an
// item kept there because it was edited meanwhile (deleted vs edited) takes a number of its own.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together } from '../helpers/syncScripts';
import { ok } from '../helpers/temp';

const items = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, number, title FROM agenda_items WHERE meeting_id = ? ORDER BY position, id').all(meetingId) as Array<{ id: string; number: string; title: string }>;
const lastError = (core: Core, boardId: string) => engineOf(core).boards.get(boardId)?.lastError ?? null;

describe('an item deleted from the middle of shared draft minutes', () => {
  it('renumbers the items after it on every laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    for (const title of ['Finance report', 'Safeguarding audit', 'Estates']) ok(a, 'addAgendaItem', { meetingId: s.draftId, title });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && items(b, s.draftId).length === items(a, s.draftId).length);
    const before = items(a, s.draftId);
    const gone = before.find((i) => i.title === 'Finance report')!;

    ok(a, 'deleteAgendaItem', { itemId: gone.id });
    await until(s.laptops, () => (inStep(s.laptops, s.boardId) && !items(b, s.draftId).some((i) => i.id === gone.id)) || lastError(b, s.boardId) !== null);
    expect(lastError(b, s.boardId)).toBeNull();
    expect(items(b, s.draftId)).toEqual(items(a, s.draftId));
    expect(items(b, s.draftId).map((i) => i.number)).toEqual(before.slice(0, -1).map((i) => i.number));
    expectSame(s.laptops, s.boardId);
  });

  it('gives an item edited meanwhile on another laptop, and so kept, a number of its own', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    for (const title of ['Finance report', 'Safeguarding audit', 'Estates']) ok(a, 'addAgendaItem', { meetingId: s.draftId, title });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && items(b, s.draftId).length === items(a, s.draftId).length);
    const gone = items(a, s.draftId).find((i) => i.title === 'Finance report')!;

    await allOffline(s);
    ok(a, 'deleteAgendaItem', { itemId: gone.id });
    ok(b, 'updateAgendaItem', { itemId: gone.id, title: 'Finance report, quarter 2' });
    await together(s, () => items(a, s.draftId).some((i) => i.id === gone.id) || lastError(a, s.boardId) !== null || lastError(b, s.boardId) !== null);
    await until(s.laptops, () => inStep(s.laptops, s.boardId) || lastError(a, s.boardId) !== null || lastError(b, s.boardId) !== null);
    expect([lastError(a, s.boardId), lastError(b, s.boardId)]).toEqual([null, null]);
    for (const core of [a, b]) {
      const numbers = items(core, s.draftId).map((i) => i.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(items(core, s.draftId).find((i) => i.id === gone.id)?.title).toBe('Finance report, quarter 2');
      expect(conflictsOf(core, s.boardId).filter((c) => c.kind === 'item_deleted_edited').map((c) => c.entityId)).toEqual([gone.id]);
    }
    expect(items(b, s.draftId)).toEqual(items(a, s.draftId));
    expectSame(s.laptops, s.boardId);
  });
});
