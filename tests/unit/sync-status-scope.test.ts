// An action's status recorded on a shared board (progress between meetings) changes the board's
// document only: on the laptop that records it and on the one that receives it, no meeting's
// document is read from the file to be compared (the action's own meeting's document holds its
// other columns, not its status). Before, each such action's meeting was read whole on both
// laptops, which made a month's catching up on a board of years take most of a minute.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { boardDump } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('an action’s status recorded on a shared board', () => {
  it('reads no meeting’s document on either laptop, and arrives', async () => {
    server = await startTestSyncServer();
    const dir = tempDir();
    const aFile = path.join(dir, 'a.sqlite');
    const bFile = path.join(dir, 'b.sqlite');
    const first = await tempCore(aFile);
    const { board } = ok<{ board: { id: string } }>(first, 'loadSampleBoard', {});
    const invitation = await share(first, board.id, server.url);
    const joined = await tempCore(bFile);
    await okAsync(joined, 'joinSharedBoard', { invitation });
    await until([first, joined], () => inStep([first, joined], board.id));
    first.close();
    joined.close();
    // Opened again: nothing in memory but the board's document.
    const a = await tempCore(aFile);
    const b = await tempCore(bFile);
    const settled = () => [a, b].every((core) => Boolean(engineOf(core).boards.get(board.id)?.wire?.settled()) && engineOf(core).boards.get(board.id)!.queue.length === 0);
    await until([a, b], settled);
    const action = a.store!.db.prepare("SELECT id FROM actions WHERE board_id = ? AND status IN ('open', 'in_progress') ORDER BY reference LIMIT 1").pluck().get(board.id) as string;
    ok(a, 'recordActionProgress', { actionId: action, date: '2014-05-01', text: 'Chased by email', status: 'in_progress' });
    const progress = (core: typeof a) => core.store!.db.prepare('SELECT count(*) FROM between_updates WHERE action_id = ?').pluck().get(action);
    await until([a, b], () => progress(b) === 1 && settled());
    expect(b.store!.db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(action)).toBe('in_progress');
    for (const core of [a, b]) expect(engineOf(core).boards.get(board.id)!.replica.loadedIds()).toEqual([]);
    await until([a, b], () => inStep([a, b], board.id));
    expect(boardDump(b, board.id)).toEqual(boardDump(a, board.id));
  });
});
