// Sharing builds each meeting's document in one step and stores it as one update (not one per
// discussion merged afterwards): the stored document holds exactly what the live editor binding
// writes for each discussion (a headless editor bound through @lexical/yjs, as the windows' are),
// and the meeting's change mark names all of it, so a laptop with this copy fetches nothing more.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoundDiscussion } from '../../electron/core/sync/discussionDoc';
import { discussionRoot, meetingDocName } from '../../electron/core/sync/docNames';
import { inStepWithMark, vectorOfUpdate } from '../../electron/core/sync/meetingMarks';
import { storedDoc } from '../../electron/core/sync/updateStore';
import { ok, okAsync } from '../helpers/temp';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, laptop, until } from '../helpers/syncLaptops';

/** A discussion root as plain data: each element's attributes (the node's type, format, …) and its content, nested. */
function shape(type: unknown): unknown {
  if (type instanceof Y.XmlText) {
    const delta = type.toDelta() as Array<{ insert: unknown; attributes?: unknown }>;
    return { attributes: type.getAttributes(), content: delta.map((op) => ({ insert: shape(op.insert), attributes: op.attributes ?? null })) };
  }
  if (type instanceof Y.Map) return type.toJSON();
  return type;
}

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

describe('building a meeting’s document while sharing', () => {
  it('stores it as one update holding what the editor binding writes, its mark naming all of it', async () => {
    server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    await okAsync(a, 'shareBoard', { boardId: board.id, serverUrl: server.url });
    const shared = engineOf(a).boards.get(board.id)!;
    await until([a], () => shared.preparing === null && shared.connected && Boolean(shared.wire?.settled()));
    const db = a.store!.db;
    const meetings = db.prepare('SELECT id FROM meetings WHERE board_id = ?').pluck().all(board.id) as string[];
    let discussions = 0;
    for (const meetingId of meetings) {
      const name = meetingDocName(board.id, meetingId);
      expect(db.prepare("SELECT count(*) FROM sync_updates WHERE doc_name = ? AND origin = 'local'").pluck().get(name), name).toBe(1);
      const state = storedDoc(db, name)!;
      expect(inStepWithMark(shared.replica.board, meetingId, vectorOfUpdate(state))).toBe(true);
      const built = new Y.Doc();
      Y.applyUpdate(built, state);
      const items = db.prepare('SELECT id, ma_discussion_json(discussion_deflated) AS discussion_json FROM agenda_items WHERE meeting_id = ? AND discussion_deflated IS NOT NULL').all(meetingId) as Array<{ id: string; discussion_json: string }>;
      for (const item of items) {
        // The live binding's document: a fresh editor bound to an empty root, given the discussion.
        const live = new Y.Doc();
        new BoundDiscussion(live, item.id).save(JSON.parse(item.discussion_json));
        const root = discussionRoot(item.id);
        expect(shape(built.get(root, Y.XmlText)), item.id).toEqual(shape(live.get(root, Y.XmlText)));
        expect(built.get(root, Y.XmlText).length).toBeGreaterThan(0);
        discussions += 1;
      }
    }
    expect(discussions).toBeGreaterThan(0);
  });
});
