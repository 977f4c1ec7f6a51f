// Sharing a board of many meetings (issue 19, a board with years of history): the call answers
// at once, the documents are built in the background a meeting at a time (the status counts
// them), writes made meanwhile reach the other laptops, a laptop closed mid-share carries on when
// its file is opened again, and a file that shares the board opens with its board document alone.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { syncStatusLine } from '../../renderer/src/features/sync/syncStatusText';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** A board of more meetings than the share call builds before it answers: the sample board and 30 more. */
async function boardOfYears(): Promise<{ a: Core; boardId: string; meetings: number }> {
  server = await startTestSyncServer();
  const a = await laptop('a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const db = a.store!.db;
  let latest = db.prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').get(board.id) as { id: string; meeting_date: string };
  for (let n = 0; n < 30; n++) {
    const date = new Date(Date.parse(latest.meeting_date) + 35 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const next = ok<{ id: string }>(a, 'startNextMeeting', { fromMeetingId: latest.id, date, startTime: '10:00', endTime: '12:00' });
    latest = { id: next.id, meeting_date: date };
  }
  const meetings = db.prepare('SELECT count(*) FROM meetings WHERE board_id = ?').pluck().get(board.id) as number;
  return { a, boardId: board.id, meetings };
}

const status = (core: Core, boardId: string): SyncStatus => ok<SyncStatus>(core, 'syncStatus', { boardId });
const prepared = (core: Core, boardId: string): boolean => {
  const board = engineOf(core).boards.get(boardId);
  return Boolean(board && board.preparing === null && board.connected && board.wire?.settled());
};

describe('sharing a board of many meetings', () => {
  it('answers at once, counts the meetings built, keeps the writes made meanwhile, and the other laptop gets it all', async () => {
    const { a, boardId, meetings } = await boardOfYears();
    const { invitation } = await okAsync<{ invitation: string }>(a, 'shareBoard', { boardId, serverUrl: server!.url });
    const first = status(a, boardId);
    expect(first.preparing?.total).toBe(meetings);
    expect(first.preparing!.done).toBeLessThan(meetings);
    expect(first.connected).toBe(false);
    expect(syncStatusLine(first)?.text).toBe(`Preparing to share… ${first.preparing!.done} of ${meetings} meetings`);

    // Meanwhile: an item in the newest meeting (built last) and a status on an action of the oldest.
    const db = a.store!.db;
    const newest = db.prepare('SELECT id FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').pluck().get(boardId) as string;
    ok(a, 'addAgendaItem', { meetingId: newest, title: 'Added while the board was being prepared' });
    expect(engineOf(a).boards.get(boardId)!.preparing).not.toBeNull();
    await until([a], () => prepared(a, boardId));
    expect(status(a, boardId).preparing ?? null).toBeNull();

    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], boardId));
    expect(boardDump(b, boardId)).toEqual(boardDump(a, boardId));
    expect(contentHashes(b, boardId)).toEqual(contentHashes(a, boardId));
    expect(b.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE title = ?').pluck().get('Added while the board was being prepared')).toBe(1);
  });

  it('carries on where it stopped when a laptop closed mid-share opens its file again', async () => {
    const { a, boardId, meetings } = await boardOfYears();
    const { invitation } = await okAsync<{ invitation: string }>(a, 'shareBoard', { boardId, serverUrl: server!.url });
    await until([a], () => (engineOf(a).boards.get(boardId)?.preparing?.done ?? 0) >= 3);
    const file = a.store!.file;
    a.close();
    const again = await tempCore(file);
    const resumed = status(again, boardId).preparing;
    expect(resumed?.total).toBe(meetings);
    expect(resumed!.done).toBeGreaterThanOrEqual(3);
    await until([again], () => prepared(again, boardId));

    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([again, b], () => inStep([again, b], boardId));
    expect(boardDump(b, boardId)).toEqual(boardDump(again, boardId));
    expect(contentHashes(b, boardId)).toEqual(contentHashes(again, boardId));
  });

  it('opens a file that shares it with the board document alone, and a write reads only the meeting it changed', async () => {
    const { a, boardId } = await boardOfYears();
    await okAsync(a, 'shareBoard', { boardId, serverUrl: server!.url });
    await until([a], () => prepared(a, boardId));
    const file = a.store!.file;
    a.close();
    const again = await tempCore(file);
    const board = engineOf(again).boards.get(boardId)!;
    expect(board.preparing).toBeNull();
    expect(board.replica.loadedIds()).toEqual([]);
    const newest = again.store!.db.prepare('SELECT id FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').pluck().get(boardId) as string;
    ok(again, 'addAgendaItem', { meetingId: newest, title: 'Added after opening' });
    expect(board.replica.loadedIds()).toEqual([newest]);
    await until([again], () => prepared(again, boardId) && status(again, boardId).pending === 0);
  });
});
