// Provisional numbers made on two laptops apart: both add item 5 and action "/5" to one draft.
// Incoming changes never stop on it: both rows are kept, the later-made one takes the next free
// number, the same on every laptop; the circulated numbers are the settled ones.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, together } from '../helpers/syncScripts';

const items = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, number, title FROM agenda_items WHERE meeting_id = ? ORDER BY number').all(meetingId) as Array<{ id: string; number: string; title: string }>;
const actions = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, seq, reference, details FROM actions WHERE meeting_id = ? ORDER BY seq').all(meetingId) as Array<{ id: string; seq: number; reference: string; details: string }>;

describe('one provisional number made on two laptops apart', () => {
  it('keeps both items and both actions, the later-made one renumbered identically on every laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const before = items(a, s.draftId);
    const lastTop = before.filter((i) => /^\d+$/.test(i.number)).at(-1)!;
    const actionsBefore = actions(a, s.draftId).length;
    await allOffline(s);
    const { item: itemA } = ok<{ item: { id: string; number: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, afterItemId: lastTop.id, title: 'From laptop A' });
    const { item: itemB } = ok<{ item: { id: string; number: string } }>(b, 'addAgendaItem', { meetingId: s.draftId, afterItemId: lastTop.id, title: 'From laptop B' });
    expect(itemA.number).toBe(itemB.number);
    const actionA = ok<{ id: string; reference: string }>(a, 'addAction', { itemId: itemA.id, details: 'Action made on A' });
    const actionB = ok<{ id: string; reference: string }>(b, 'addAction', { itemId: itemB.id, details: 'Action made on B' });
    expect(actionA.reference).toBe(actionB.reference);

    await together(s, () => actions(a, s.draftId).length === actionsBefore + 2 && actions(b, s.draftId).length === actionsBefore + 2);
    for (const core of [a, b]) {
      expect(engineOf(core).boards.get(s.boardId)!.lastError).toBeNull();
      const numbers = items(core, s.draftId).map((i) => i.number);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(items(core, s.draftId).map((i) => i.title)).toEqual(expect.arrayContaining(['From laptop A', 'From laptop B']));
      const refs = actions(core, s.draftId);
      expect(new Set(refs.map((r) => r.reference)).size).toBe(refs.length);
      expect(refs.map((r) => r.details)).toEqual(expect.arrayContaining(['Action made on A', 'Action made on B']));
    }
    // The later-made action took the next free reference; the earlier kept its own.
    const [earlier, later] = [actionA, actionB].sort((x, y) => a.store!.db.prepare('SELECT created_at || id FROM actions WHERE id = ?').pluck().get(x.id)! < (a.store!.db.prepare('SELECT created_at || id FROM actions WHERE id = ?').pluck().get(y.id) as string) ? -1 : 1);
    const refOf = (core: Core, id: string) => core.store!.db.prepare('SELECT reference FROM actions WHERE id = ?').pluck().get(id);
    expect(refOf(a, earlier!.id)).toBe(actionA.reference);
    expect(refOf(a, later!.id)).not.toBe(actionA.reference);
    expect(refOf(b, later!.id)).toBe(refOf(a, later!.id));
    expectSame([a, b], s.boardId);

    // Circulation fixes the settled numbers; the next edit on either laptop leaves them as they are.
    ok(a, 'circulateMinutes', { meetingId: s.draftId });
    await together(s, () => b.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(s.draftId) === 'circulated');
    expect(actions(b, s.draftId)).toEqual(actions(a, s.draftId));
    expect(items(b, s.draftId)).toEqual(items(a, s.draftId));
    expectSame([a, b], s.boardId);
  });
});
