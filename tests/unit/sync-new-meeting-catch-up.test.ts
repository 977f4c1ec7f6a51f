// A laptop shut while another starts the next meeting (its items, actions, and the carried
// actions' statuses, which the board's document records against the new meeting) catches up when
// opened: the new meeting is projected with its own document, never before it has arrived.
// Before, the board's rows were projected first and failed (an action closed at a meeting this
// laptop did not have yet), and the laptop stopped taking changes.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MEETINGS_LIST_ROOT } from '../../electron/core/sync/registry';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';
import { monthOfActivity } from '../bench/syncCatchUp';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('a laptop shut while the next meeting is started elsewhere', () => {
  it('has the new meeting, its items and the actions’ statuses when opened, the same as the other laptop', async () => {
    server = await startTestSyncServer();
    const dir = tempDir();
    const a = await tempCore(path.join(dir, 'a.sqlite'));
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const invitation = await share(a, board.id, server.url);
    const bFile = path.join(dir, 'b.sqlite');
    const first = await tempCore(bFile);
    await okAsync(first, 'joinSharedBoard', { invitation });
    await until([a, first], () => inStep([a, first], board.id));
    first.close();

    const month = monthOfActivity(a, board.id);
    await until([a], () => inStep([a], board.id));
    const closed = a.store!.db.prepare('SELECT count(*) FROM actions WHERE closed_at_meeting_id = ?').pluck().get(month.meetingId) as number;
    expect(closed).toBeGreaterThan(0);

    const b = await tempCore(bFile);
    await until([a, b], () => inStep([a, b], board.id) || Boolean(engineOf(b).boards.get(board.id)?.lastError));
    expect(ok<{ lastError: string | null }>(b, 'syncStatus', { boardId: board.id }).lastError).toBeNull();
    expect(b.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(month.meetingId)).toBe(30);
    expect(b.store!.db.prepare('SELECT count(*) FROM actions WHERE closed_at_meeting_id = ?').pluck().get(month.meetingId)).toBe(closed);
    expect(boardDump(b, board.id)).toEqual(boardDump(a, board.id));
    expect(contentHashes(b, board.id)).toEqual(contentHashes(a, board.id));
    // Both boards' documents still list the new meeting.
    for (const core of [a, b]) expect(engineOf(core).boards.get(board.id)!.replica.board.getMap(MEETINGS_LIST_ROOT).has(month.meetingId)).toBe(true);
  }, 120_000);
});
