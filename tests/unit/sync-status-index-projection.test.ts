// Projecting another laptop's edit of a meeting reads its actions' latest statuses from the kept
// status index (statusIndex.ts), not the board's whole status log again for every meeting: on a
// board with years of actions that log holds tens of thousands of events (issue 19, sync fixes).
// The log's reads are counted on the receiving laptop's own board document while the edit arrives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { statusLog } from '../../electron/core/sync/actionStatusLog';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { sharedSample } from '../helpers/syncScripts';

const titleOf = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(id) as string | undefined;
const statusOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(id) as string | undefined;

afterEach(() => vi.restoreAllMocks());

describe('projecting a meeting another laptop edited', () => {
  it('takes its actions’ statuses from the kept index, never reading the whole status log again, and still projects them right', async () => {
    const s = await sharedSample(['a', 'b']);
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates' });
    const action = ok<{ id: string }>(a, 'addAction', { itemId: item.id, details: 'Cost the depot' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && statusOf(b, action.id) === 'open');

    const log = statusLog(engineOf(b).boards.get(s.boardId)!.replica.board);
    expect(log.length).toBeGreaterThan(0);
    const reads = vi.spyOn(Y.Array.prototype, 'toArray');
    ok(a, 'updateAgendaItem', { itemId: item.id, title: 'Estates and depot' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && titleOf(b, item.id) === 'Estates and depot');
    const logReads = reads.mock.contexts.filter((self) => self === log).length;
    reads.mockRestore();
    expect(logReads).toBe(0);
    expect(statusOf(b, action.id)).toBe('open');

    // An action added elsewhere still arrives with the status the log gives it.
    const added = ok<{ id: string }>(a, 'addAction', { itemId: item.id, details: 'Survey the depot roof' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && statusOf(b, added.id) === 'open');
    expect(statusOf(b, action.id)).toBe('open');
  }, 120_000);
});
