// A projection logs "synced" only for what it changed: a meeting's document that changes nothing
// in the tables (already in step) logs nothing and reports no change, so the change log's
// "synced" entries (and the screens reading again) follow real changes from other laptops; a
// real change is still logged, with its meeting (issue 19, sync fixes).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { projectDocs } from '../../electron/core/sync/project';
import { write } from '../../electron/core/store/write';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { sharedSample } from '../helpers/syncScripts';

const lastSeq = (core: Core): number => core.store!.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;
const syncedSince = (core: Core, seq: number) =>
  core.store!.db.prepare("SELECT entity, entity_id AS id FROM change_log WHERE seq > ? AND action = 'synced' ORDER BY entity, entity_id").all(seq) as Array<{ entity: string; id: string }>;

describe('a projection of another laptop’s documents', () => {
  it('logs nothing as synced when the tables are already in step, and logs a real change with its meeting', async () => {
    const s = await sharedSample(['a', 'b']);
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && b.store!.db.prepare('SELECT 1 FROM agenda_items WHERE id = ?').get(item.id) !== undefined);

    // The meeting's document projected again, nothing in it new: nothing changes, nothing is logged.
    const mark = lastSeq(b);
    const replica = engineOf(b).boards.get(s.boardId)!.replica;
    let changed = -1;
    write(b.store!, (w) => {
      changed = projectDocs(w, replica, [s.draftId], false);
    });
    expect(changed).toBe(0);
    expect(syncedSince(b, mark)).toEqual([]);

    // A real change from the other laptop: the item and its meeting are logged as synced.
    ok(a, 'updateAgendaItem', { itemId: item.id, title: 'Estates and depot' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && b.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item.id) === 'Estates and depot');
    expect(syncedSince(b, mark)).toEqual(expect.arrayContaining([{ entity: 'agenda_item', id: item.id }, { entity: 'meeting', id: s.draftId }]));
  }, 120_000);
});
