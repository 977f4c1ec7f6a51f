// A write on a shared board that rolls back after its mirror has changed the documents (here: the
// meeting document's update cannot be stored, as on a full disk, after the board document's was):
// nothing of it reaches the server, the other laptop or the windows, this laptop's documents are
// what its file holds, and the next write syncs as usual. Real cores and server on loopback.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, okAsync } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { pendingCount, storedDocs } from '../../electron/core/sync/updateStore';
import { onReplicaUpdates } from '../../electron/core/replica/push';
import type { Core } from '../../electron/core/app';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Each of the laptop's documents is what a document made from its file's stored updates would be. */
function expectDocsMatchFile(core: Core, boardId: string): void {
  const stored = storedDocs(core.store!.db, boardId);
  const docs = engineOf(core).boards.get(boardId)!.replica.docs();
  expect(docs.map(([name]) => name).sort()).toEqual([...stored.keys()].sort());
  for (const [name, doc] of docs) {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, stored.get(name)!);
    expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(fresh)), name).toBe(true);
    fresh.destroy();
  }
}

function syncRows(core: Core, boardId: string): unknown[] {
  return core.store!.db.prepare('SELECT seq, doc_name, origin, acknowledged FROM sync_updates WHERE board_id = ? ORDER BY seq').all(boardId);
}

describe('a write on a shared board that rolls back', () => {
  it('sends nothing, pushes nothing, and leaves the documents as the file holds them', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const invitation = await share(a, board.id, server.url);
    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], board.id));

    const db = a.store!.db;
    const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
    const venueBefore = db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft);
    const rowsBefore = syncRows(a, board.id);
    const pendingBefore = pendingCount(db, board.id);
    const docNamesBefore = engineOf(a).boards.get(board.id)!.replica.docs().map(([n]) => n);

    // The meeting document's update cannot be stored (as when the disk fills): the board document's
    // update (the meeting's state) was mirrored and stored a moment before, in the same write.
    db.prepare(
      `CREATE TEMP TRIGGER refuse_meeting_doc BEFORE INSERT ON sync_updates WHEN NEW.doc_name = '${meetingDocName(board.id, draft)}'
       BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    ).run();
    const pushed: string[] = [];
    const stop = onReplicaUpdates((push) => pushed.push(push.meetingId));
    const failed = a.call('updateMeetingHeader', { meetingId: draft, venue: 'The room that never was' });
    stop();
    db.prepare('DROP TRIGGER refuse_meeting_doc').run();

    expect(failed.ok).toBe(false);
    expect(db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft)).toBe(venueBefore);
    // The windows were told nothing; the file's updates and the pending count are as they were.
    expect(pushed).toEqual([]);
    expect(syncRows(a, board.id)).toEqual(rowsBefore);
    expect(pendingCount(db, board.id)).toBe(pendingBefore);
    expect(engineOf(a).boards.get(board.id)!.replica.docs().map(([n]) => n)).toEqual(docNamesBefore);
    expectDocsMatchFile(a, board.id);

    // The next write syncs as usual; the other laptop holds exactly what this one does (documents
    // included: had the rolled-back update gone out, its structs would be there and not here).
    ok(a, 'updateMeetingHeader', { meetingId: draft, venue: 'Committee Room 2' });
    await until([a, b], () => inStep([a, b], board.id));
    expect(b.store!.db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft)).toBe('Committee Room 2');
    expect(boardDump(b, board.id)).toEqual(boardDump(a, board.id));
    expect(contentHashes(b, board.id)).toEqual(contentHashes(a, board.id));
    const seen = b.store!.db.prepare("SELECT count(*) FROM change_log WHERE detail LIKE '%The room that never was%'").pluck().get();
    expect(seen).toBe(0);
    expectDocsMatchFile(a, board.id);
    expectDocsMatchFile(b, board.id);
  });

  it('a batch from the server whose projection fails at commit changes nothing here and is projected with the next', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const invitation = await share(a, board.id, server.url);
    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], board.id));
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
    const db = b.store!.db;
    const venueBefore = db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft);
    const rowsBefore = syncRows(b, board.id);
    const pendingBefore = pendingCount(db, board.id);

    // Storing a remote update also writes a row that names no action: the projection's write fails at
    // its commit (its foreign keys are checked then), after its rows, documents and mirror were done.
    db.prepare(
      `CREATE TEMP TRIGGER fail_at_commit AFTER INSERT ON sync_updates WHEN NEW.origin = 'remote'
       BEGIN INSERT INTO action_owners (id, action_id, name_text, position) VALUES (lower(hex(randomblob(8))), 'no-such-action', 'Nobody', 0); END`,
    ).run();
    const bBoard = engineOf(b).boards.get(board.id)!;
    ok(a, 'updateMeetingHeader', { meetingId: draft, venue: 'Committee Room 1' });
    await until([a, b], () => bBoard.lastError !== null);
    db.prepare('DROP TRIGGER fail_at_commit').run();

    expect(bBoard.lastError).toMatch(/refused here, and nothing was changed on this laptop/);
    expect(db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft)).toBe(venueBefore);
    expect(syncRows(b, board.id)).toEqual(rowsBefore);
    expect(pendingCount(db, board.id)).toBe(pendingBefore);
    // The batch waits in the queue for its retry; the documents hold what the file holds and nothing
    // else (a local write meanwhile cannot write this laptop's rows over the batch, sync-refused-retry.test.ts).
    expect(bBoard.queue.length).toBeGreaterThan(0);
    const stored = storedDocs(db, board.id);
    for (const [name, doc] of bBoard.replica.docs()) {
      const fresh = new Y.Doc();
      if (stored.has(name)) Y.applyUpdate(fresh, stored.get(name)!);
      expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(fresh)), name).toBe(true);
      fresh.destroy();
    }

    // The next batch brings both edits; both laptops end the same, documents and tables.
    ok(a, 'updateMeetingHeader', { meetingId: draft, venue: 'Committee Room 2' });
    await until([a, b], () => inStep([a, b], board.id));
    expect(db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft)).toBe('Committee Room 2');
    expect(bBoard.lastError).toBeNull();
    expect(boardDump(b, board.id)).toEqual(boardDump(a, board.id));
    expect(contentHashes(b, board.id)).toEqual(contentHashes(a, board.id));
    expectDocsMatchFile(a, board.id);
    expectDocsMatchFile(b, board.id);
  });

  it('a new meeting whose write rolls back leaves no document behind, and made again it syncs', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const invitation = await share(a, board.id, server.url);
    const b = await laptop('b');
    await okAsync(b, 'joinSharedBoard', { invitation });
    await until([a, b], () => inStep([a, b], board.id));
    const db = a.store!.db;
    const rowsBefore = syncRows(a, board.id);
    const docNamesBefore = engineOf(a).boards.get(board.id)!.replica.docs().map(([n]) => n);

    // A document's first update cannot be stored: the board document (listing the new meeting) was.
    db.prepare(
      `CREATE TEMP TRIGGER refuse_new_doc BEFORE INSERT ON sync_updates WHEN NEW.doc_name NOT IN (SELECT doc_name FROM sync_updates)
       BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    ).run();
    const failed = a.call('createMeeting', { boardId: board.id, date: '2030-01-15' });
    db.prepare('DROP TRIGGER refuse_new_doc').run();

    expect(failed.ok).toBe(false);
    expect(db.prepare("SELECT count(*) FROM meetings WHERE meeting_date = '2030-01-15'").pluck().get()).toBe(0);
    expect(syncRows(a, board.id)).toEqual(rowsBefore);
    expect(engineOf(a).boards.get(board.id)!.replica.docs().map(([n]) => n)).toEqual(docNamesBefore);
    expectDocsMatchFile(a, board.id);

    const { id } = ok<{ id: string }>(a, 'createMeeting', { boardId: board.id, date: '2030-01-15' });
    await until([a, b], () => inStep([a, b], board.id));
    expect(b.store!.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(id)).toBe('2030-01-15');
    expect(boardDump(b, board.id)).toEqual(boardDump(a, board.id));
    expectDocsMatchFile(a, board.id);
    expectDocsMatchFile(b, board.id);
  });
});
