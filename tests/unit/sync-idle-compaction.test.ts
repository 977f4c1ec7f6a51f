// Compaction of a laptop's stored sync updates, scheduled by core: when the board falls quiet and
// after many updates. It merges what the server acknowledged, never the pending changes; a laptop
// restarted after it rebuilds the same documents; a closed file leaves nothing scheduled.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function sharedPair(): Promise<{ a: Core; b: Core; boardId: string; draft: string }> {
  server = await startTestSyncServer();
  const a = await laptop('a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const invitation = await share(a, board.id, server.url);
  const b = await laptop('b');
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
  return { a, b, boardId: board.id, draft };
}

const rowsPerDoc = (core: Core, boardId: string): Map<string, number> =>
  new Map(
    (core.store!.db.prepare('SELECT doc_name, count(*) AS n FROM sync_updates WHERE board_id = ? GROUP BY doc_name').all(boardId) as Array<{ doc_name: string; n: number }>).map((r) => [
      r.doc_name,
      r.n,
    ]),
  );

const acknowledgedRows = (core: Core, boardId: string): number =>
  core.store!.db.prepare('SELECT count(*) FROM sync_updates WHERE board_id = ? AND acknowledged = 1').pluck().get(boardId) as number;

const pendingRows = (core: Core, boardId: string): Array<{ seq: number; doc_name: string; update_blob: Buffer }> =>
  core.store!.db.prepare("SELECT seq, doc_name, update_blob FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0 ORDER BY seq").all(boardId) as Array<{
    seq: number;
    doc_name: string;
    update_blob: Buffer;
  }>;

/** Every document has at most one acknowledged row: compacted. */
const compacted = (core: Core, boardId: string): boolean =>
  (core.store!.db.prepare('SELECT count(*) FROM (SELECT doc_name FROM sync_updates WHERE board_id = ? AND acknowledged = 1 GROUP BY doc_name HAVING count(*) > 1)').pluck().get(boardId) as number) === 0;

describe('compaction of stored sync updates, on idle', () => {
  it('runs once the board falls quiet, and a restart rebuilds the same documents and tables', async () => {
    const { a, b, boardId, draft } = await sharedPair();
    const engine = engineOf(a);
    engine.compaction.policy = { afterUpdates: 1_000_000, idleMs: 20 };
    for (const title of ['Finance report', 'Risk register', 'Safeguarding']) ok(a, 'addAgendaItem', { meetingId: draft, title });
    await until([a, b], () => inStep([a, b], boardId));
    const before = acknowledgedRows(a, boardId);
    expect(compacted(a, boardId)).toBe(false);
    await until([a], () => compacted(a, boardId));
    expect(acknowledgedRows(a, boardId)).toBeLessThan(before);
    expect(engine.compaction.scheduled()).toBe(0);

    const states = docSnapshots(a, boardId);
    const dump = boardDump(a, boardId);
    const file = a.store!.file;
    a.close();
    const again = await tempCore(file);
    expect(differingDocs(docSnapshots(again, boardId), states)).toEqual([]);
    expect(boardDump(again, boardId)).toEqual(dump);
    await until([again, b], () => inStep([again, b], boardId));
    expect(boardDump(b, boardId)).toEqual(boardDump(again, boardId));
    expect(contentHashes(b, boardId)).toEqual(contentHashes(again, boardId));
  });

  it('after many updates compacts at once, leaving every change the server has not acknowledged as it was', async () => {
    const { a, b, boardId, draft } = await sharedPair();
    const engine = engineOf(a);
    // Sharing stores each document as one update: an edit synced first leaves the meeting's document two acknowledged ones to merge.
    ok(a, 'addAgendaItem', { meetingId: draft, title: 'Written online' });
    await until([a, b], () => inStep([a, b], boardId));
    await server!.stop();
    await until([a], () => !engine.boards.get(boardId)!.connected);
    engine.compaction.policy = { afterUpdates: 3, idleMs: 60_000 };
    const titles = ['Written offline 1', 'Written offline 2', 'Written offline 3', 'Written offline 4'];
    for (const title of titles) ok(a, 'addAgendaItem', { meetingId: draft, title });
    const pending = pendingRows(a, boardId);
    expect(pending.length).toBeGreaterThan(0);
    const rowsBefore = rowsPerDoc(a, boardId);
    // Many updates stored: compaction runs between writes, without waiting for quiet.
    await until([a], () => compacted(a, boardId) && [...rowsPerDoc(a, boardId).values()].reduce((x, y) => x + y, 0) < [...rowsBefore.values()].reduce((x, y) => x + y, 0));
    // The pending changes are untouched, byte for byte, and still counted as pending: the four items
    // added, each one change (the stored rows also carry the meeting's change marks, which are none).
    expect(pendingRows(a, boardId)).toEqual(pending);
    expect(ok<{ pending: number }>(a, 'syncStatus', { boardId }).pending).toBe(titles.length);

    // Restarted while still offline, then the server comes back: the other laptop gets every change.
    const states = docSnapshots(a, boardId);
    const file = a.store!.file;
    a.close();
    const again = await tempCore(file);
    expect(differingDocs(docSnapshots(again, boardId), states)).toEqual([]);
    await server!.restart();
    await until([again, b], () => inStep([again, b], boardId));
    const theirs = b.store!.db.prepare('SELECT title FROM agenda_items WHERE meeting_id = ?').pluck().all(draft) as string[];
    for (const title of titles) expect(theirs).toContain(title);
    expect(boardDump(b, boardId)).toEqual(boardDump(again, boardId));
  });

  it('leaves nothing scheduled once the file is closed', async () => {
    const { a, boardId, draft } = await sharedPair();
    const engine = engineOf(a);
    engine.compaction.policy = { afterUpdates: 1_000_000, idleMs: 3_600_000 };
    ok(a, 'addAgendaItem', { meetingId: draft, title: 'Just before closing' });
    expect(engine.compaction.scheduled()).toBe(1);
    a.close();
    expect(engine.compaction.scheduled()).toBe(0);
    expect(engine.boards.has(boardId)).toBe(false);
  });
});
