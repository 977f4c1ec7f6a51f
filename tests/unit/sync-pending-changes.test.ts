// The status's "pending changes" counts what the administrator means: the records changed on
// this laptop that the server has not acknowledged yet, each once. A paragraph typed in twenty
// saves is one change (the item, retitled too), an action added (its row in the meeting's document
// and its status in the board's) one more, the meeting's venue changed three times one more; once
// the server has them, none wait.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { SyncStatus } from '../../shared/contract';
import { syncStatusLine } from '../../renderer/src/features/sync/syncStatusText';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, sharedSample, together } from '../helpers/syncScripts';
import { discussionJson } from '../helpers/syncScript';

const status = (core: Core, boardId: string) => ok<SyncStatus>(core, 'syncStatus', { boardId });
const storedPending = (core: Core, boardId: string) =>
  core.store!.db.prepare("SELECT count(*) FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0").pluck().get(boardId) as number;

describe('the pending changes of a shared board', () => {
  it('counts each record changed here and not yet acknowledged once, however many updates carry it', async () => {
    const s = await sharedSample(['a', 'b']);
    const [a] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId));
    expect(status(a, s.boardId).pending).toBe(0);

    await allOffline(s);
    const words: string[] = [];
    for (let i = 1; i <= 20; i++) {
      words.push(`word${i}`);
      ok(a, 'saveDiscussion', { itemId: item.id, json: discussionJson([words.join(' ')]) });
    }
    expect(status(a, s.boardId).pending).toBe(1);
    const action = ok<{ id: string }>(a, 'addAction', { itemId: item.id, details: 'Cost the depot' });
    expect(status(a, s.boardId).pending).toBe(2);
    // The item retitled: the same record as its discussion, still one change.
    ok(a, 'updateAgendaItem', { itemId: item.id, title: 'Estates and depot' });
    expect(status(a, s.boardId).pending).toBe(2);
    for (const venue of ['Room 1', 'Room 2', 'Room 3']) ok(a, 'updateMeetingHeader', { meetingId: s.draftId, venue });
    const waiting = status(a, s.boardId);
    expect(waiting.pending).toBe(3);
    // The file holds many more updates than that: the count is not theirs.
    expect(storedPending(a, s.boardId)).toBeGreaterThan(20);
    expect(syncStatusLine(waiting, new Date())?.text).toMatch(/ · 3 changes waiting$/);

    await together(s);
    expect(status(a, s.boardId).pending).toBe(0);

    // A deletion alone is one change: the laptop's name written again to move its document's state
    // vector on, and the meeting's change mark, are bookkeeping stored beside it, not changes.
    await allOffline(s);
    ok(a, 'deleteAction', { actionId: action.id });
    expect(storedPending(a, s.boardId)).toBeGreaterThan(1);
    expect(status(a, s.boardId).pending).toBe(1);
    await together(s);
    expect(status(a, s.boardId).pending).toBe(0);
  }, 120_000);
});
