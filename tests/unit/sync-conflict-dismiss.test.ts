// Checking a sync conflict in the app: where to look, "Keep … instead" for two statuses recorded
// apart, and Dismiss (dismissSyncConflict), which marks it seen on this laptop only. Real cores
// on their own files and a real sync server on loopback; bad input refused and changing nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListedSyncConflict, SyncConflict } from '../../shared/contract';
import type { SyncConflictKind } from '../../shared/domain/enums';
import { withChoices } from '../../electron/core/sync/conflictChoices';
import { onBackgroundChanges } from '../../electron/core/store/changes';
import type { Core } from '../../electron/core/app';
import { ok, okAsync, tempCore, dump } from '../helpers/temp';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const statusOf = (core: Core, actionId: string): unknown => core.store!.db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(actionId);
const conflicts = (core: Core, boardId: string): ListedSyncConflict[] => ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId });

/** Two laptops sharing the sample board record different statuses for one carried action while the server is down. */
async function statusConflict(): Promise<{ a: Core; b: Core; boardId: string; action: string; meeting: string }> {
  server = await startTestSyncServer();
  const a = await laptop('a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const invitation = await share(a, board.id, server.url);
  const b = await laptop('b');
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  const { action, meeting } = a.store!.db
    .prepare(
      "SELECT c.action_id AS action, c.meeting_id AS meeting FROM carried_actions c JOIN meetings m ON m.id = c.meeting_id JOIN actions a ON a.id = c.action_id WHERE m.board_id = ? AND m.status = 'draft' AND a.status IN ('open', 'in_progress') ORDER BY c.position LIMIT 1",
    )
    .get(board.id) as { action: string; meeting: string };
  await server.stop();
  await until([a, b], () => !engineOf(a).boards.get(board.id)!.connected && !engineOf(b).boards.get(board.id)!.connected);
  ok(a, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'deferred' });
  ok(b, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'done' });
  await server.restart();
  await until([a, b], () => inStep([a, b], board.id) && conflicts(a, board.id).length > 0 && conflicts(b, board.id).length > 0);
  return { a, b, boardId: board.id, action, meeting };
}

describe('a conflict of two statuses, checked and dismissed', () => {
  it('offers the other status, which "Keep … instead" records on every laptop, and Dismiss hides it here only', async () => {
    const { a, b, boardId, action, meeting } = await statusConflict();
    expect(statusOf(a, action)).toBe('done');
    const reference = a.store!.db.prepare('SELECT reference FROM actions WHERE id = ?').pluck().get(action);
    for (const core of [a, b]) {
      const [listed] = conflicts(core, boardId);
      expect(listed).toMatchObject({ kind: 'action_status', entityId: action, link: { kind: 'action', actionId: action, reference } });
      // The status shown is "done" (recorded later); the other laptop's "deferred" can be kept instead, at the meeting it was recorded at.
      expect(listed!.keep).toEqual({ status: 'deferred', meetingId: meeting, supersededBy: null });
    }

    // Keep "deferred" instead, on a: through the matters arising, as any status is recorded; it syncs to b.
    const keep = conflicts(a, boardId)[0]!.keep!;
    ok(a, 'recordActionUpdate', { meetingId: keep.meetingId, actionId: action, status: keep.status });
    await until([a, b], () => inStep([a, b], boardId) && statusOf(b, action) === 'deferred');
    expect(statusOf(a, action)).toBe('deferred');
    // Nothing left to keep: the status shown is now the other one.
    expect(conflicts(a, boardId)[0]!.keep).toBeNull();
    expect(conflicts(b, boardId)[0]!.keep).toBeNull();

    // Dismiss on a: gone from a's list, told to every window, recorded in the change log; b still lists it.
    const pushed: string[] = [];
    const stop = onBackgroundChanges((changes) => pushed.push(...changes.filter((c) => c.entity === 'sync').map((c) => c.id)));
    const id = conflicts(a, boardId)[0]!.id;
    const response = a.call('dismissSyncConflict', { boardId, id });
    stop();
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.value).toEqual([]);
    expect(response.changes).toContainEqual({ entity: 'board', id: boardId });
    expect(pushed).toContain(boardId);
    expect(conflicts(a, boardId)).toEqual([]);
    expect(conflicts(b, boardId)).toHaveLength(1);
    const logged = a.store!.db.prepare("SELECT detail FROM change_log WHERE entity = 'board' AND entity_id = ? AND action = 'dismiss_sync_conflict'").pluck().all(boardId) as string[];
    expect(logged.map((d) => JSON.parse(d) as unknown)).toEqual([{ conflictId: id, kind: 'action_status', entityId: action }]);
    // Dismissed already (say, in another window): nothing more happens, and nothing is refused.
    const again = a.call('dismissSyncConflict', { boardId, id });
    expect(again).toMatchObject({ ok: true, value: [] });
    expect(a.store!.db.prepare("SELECT count(*) FROM change_log WHERE action = 'dismiss_sync_conflict'").pluck().get()).toBe(1);
  });
});

describe('dismissing: bad input', () => {
  async function twoBoards(): Promise<{ core: Core; first: string; second: string; conflictOfSecond: string }> {
    const core = await tempCore();
    const first = ok<{ id: string }>(core, 'createBoard', { name: 'Executive Board' }).id;
    const second = ok<{ id: string }>(core, 'createBoard', { name: 'Main Board' }).id;
    // TEST SETUP ONLY: a conflict as core records it after a merge (the merge itself is tested above and in sync-laptops).
    const conflictOfSecond = randomUUID();
    const side = (status: string, at: string) => ({ status, by: 'Tina Hawkins', at, event: `${at}|1` });
    const detail = { reference: 'MB/1', shown: side('done', '2026-11-20T10:00:00.000Z'), other: side('deferred', '2026-11-20T09:00:00.000Z') };
    core.store!.db
      .prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, 'action_status', ?, ?, '2026-11-20T10:00:00.000Z')")
      .run(conflictOfSecond, second, randomUUID(), JSON.stringify(detail));
    return { core, first, second, conflictOfSecond };
  }

  it('refuses an unknown conflict, and another board’s, changing nothing', async () => {
    const { core, first, second, conflictOfSecond } = await twoBoards();
    const before = dump(core);
    const unknown = core.call('dismissSyncConflict', { boardId: second, id: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('not listed for this board') } });
    const elsewhere = core.call('dismissSyncConflict', { boardId: first, id: conflictOfSecond });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const noBoard = core.call('dismissSyncConflict', { boardId: randomUUID(), id: conflictOfSecond });
    expect(noBoard).toMatchObject({ ok: false, error: { code: 'not_found', message: 'This board is not in this data file.' } });
    const malformed = core.call('dismissSyncConflict', { boardId: second, id: 'not-an-id' });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.call('dismissSyncConflict', { boardId: second })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dump(core)).toBe(before);
    expect(conflicts(core, second).map((c) => c.id)).toEqual([conflictOfSecond]);
    // Its own board dismisses it.
    expect(ok(core, 'dismissSyncConflict', { boardId: second, id: conflictOfSecond })).toEqual([]);
    core.close();
  });

  it('links an item conflict to its meeting (and the item while it is there), and an agreed-minutes conflict to the record panel', async () => {
    const core = await tempCore();
    const boardId = ok<{ id: string }>(core, 'createBoard', { name: 'Executive Board' }).id;
    const meeting = ok<{ id: string }>(core, 'createMeeting', { boardId, date: '2026-11-19' }).id;
    const item = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting, title: 'Safeguarding audit' }).item.id;
    // TEST SETUP ONLY: conflicts as core records them (their recording and wording are the merge's, tested with it).
    const insert = core.store!.db.prepare('INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, ?, ?, ?, ?)');
    const recorded = (kind: SyncConflictKind, entityId: string, detail: object): SyncConflict => {
      const c = { id: randomUUID(), kind, entityId, description: '', foundAt: '2026-11-20T10:00:00.000Z' };
      insert.run(c.id, boardId, kind, entityId, JSON.stringify(detail), c.foundAt);
      return c;
    };
    const listed = withChoices(core.store!, boardId, [
      recorded('agreed_edited', meeting, {}),
      // The item deleted here: its meeting, as the detail names it.
      recorded('item_deleted_edited', randomUUID(), { meetingId: meeting }),
      recorded('item_deleted_edited', item, {}),
      // Nowhere to go: neither record nor a meeting named.
      recorded('item_deleted_edited', randomUUID(), {}),
    ]);
    expect(listed.map((c) => c.link)).toEqual([
      { kind: 'record', meetingId: meeting },
      { kind: 'item', meetingId: meeting, itemId: null },
      { kind: 'item', meetingId: meeting, itemId: item },
      null,
    ]);
    expect(listed.every((c) => c.keep === null)).toBe(true);
    core.close();
  });
});
