// A batch from the server that could not be projected (its write refused, refusal.ts) is retried,
// never silently dropped. The window this closes: after the refused write, the batch's updates
// stayed in the board's documents (applied there before the write) while the tables did not have
// them, so the next local write in that meeting compared the document with this laptop's rows
// and wrote the rows back over them (mirror.ts): the other laptop's rows deleted from the document,
// stored, and sent to the server as this laptop's change. The retry then found nothing to project
// and cleared the refusal; after a restart the stored deletion did the same. Lost on every laptop.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { acknowledged, connectClient, meetingDoc, synced, until as docUntil } from '../helpers/syncClient';
import { engineOf, until } from '../helpers/syncLaptops';
import { sharedSample } from '../helpers/syncScripts';
import { pendingCount } from '../../electron/core/sync/updateStore';
import { onReplicaUpdates } from '../../electron/core/replica/push';

type Value = string | number | null;

function rowMap(values: Record<string, Value>): Y.Map<Value> {
  const map = new Y.Map<Value>();
  for (const [k, v] of Object.entries(values)) map.set(k, v);
  return map;
}

const lastError = (core: Core, boardId: string) => ok<{ lastError: string | null }>(core, 'syncStatus', { boardId }).lastError;
const has = (core: Core, table: string, id: string) => core.store!.db.prepare(`SELECT count(*) FROM ${table} WHERE id = ?`).pluck().get(id) === 1;
const REFUSED = /^Changes from another laptop were refused here, and nothing was changed on this laptop: they name a record this laptop does not have/;

describe('a batch from the server that was refused here', () => {
  it('is not written over by a later local edit, is refused again after a restart, and is projected once it can be', async () => {
    const s = await sharedSample(['a']);
    const [a] = s.laptops as [Core];
    const file = a.store!.file;
    const token = a.store!.db.prepare('SELECT token FROM sync_boards WHERE board_id = ?').pluck().get(s.boardId) as string;

    // What the windows' replicas are sent of the meeting's document.
    const window = new Y.Doc();
    const stopListening = onReplicaUpdates((push) => {
      if (push.meetingId === s.draftId) Y.applyUpdate(window, Buffer.from(push.update, 'base64'));
    });
    const inWindow = (id: string) => window.getMap('agenda_items').has(JSON.stringify([id]));

    // Another "laptop" sends a valid item and an action naming an item that was never sent.
    const other = connectClient(s.server.url, meetingDoc(s.boardId, s.draftId), token);
    await synced(other.provider);
    const at = new Date().toISOString();
    const itemId = randomUUID();
    const actionId = randomUUID();
    other.doc.transact(() => {
      other.doc.getMap('agenda_items').set(
        JSON.stringify([itemId]),
        rowMap({ id: itemId, meeting_id: s.draftId, parent_id: null, position: 99, number: '99', title: 'Sent by the other laptop', presenter: null, kind: 'normal', confidential: 0, deferred: 0, deferred_to_text: null, deferred_to_meeting_id: null, from_item_id: null, created_at: at, updated_at: at }),
      );
      other.doc.getMap('actions').set(
        JSON.stringify([actionId]),
        rowMap({ id: actionId, board_id: s.boardId, meeting_id: s.draftId, agenda_item_id: randomUUID(), seq: 900, reference: 'OTHER/900', position: 0, details: 'An action of an item not sent yet', due_kind: 'none', due_date: null, due_meeting_id: null, due_text: null, created_at: at }),
      );
    });
    await acknowledged(other.provider);
    await until([a], () => lastError(a, s.boardId) !== null, 'the batch refused');
    expect(lastError(a, s.boardId)).toMatch(REFUSED);
    expect(has(a, 'agenda_items', itemId)).toBe(false);
    // The windows were never sent the refused batch: none shows the item this laptop does not have.
    expect(inWindow(itemId)).toBe(false);

    // A local edit of the same meeting, sent to the server: it leaves the other laptop's rows in the documents.
    const { item: mine } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Added here meanwhile' });
    await until([a], () => pendingCount(a.store!.db, s.boardId) === 0, 'the local edit acknowledged');
    const items = other.doc.getMap<Y.Map<Value>>('agenda_items');
    await docUntil(other.doc, () => items.has(JSON.stringify([mine.id])));
    expect(items.has(JSON.stringify([itemId]))).toBe(true);
    expect(other.doc.getMap('actions').has(JSON.stringify([actionId]))).toBe(true);
    expect(lastError(a, s.boardId)).toMatch(REFUSED);
    expect(inWindow(mine.id)).toBe(true);
    expect(inWindow(itemId)).toBe(false);

    // Restarted: the batch comes again from the server and is refused again, visibly.
    a.close();
    const again = await tempCore(file);
    await until([again], () => lastError(again, s.boardId) !== null, 'the batch refused again after the restart');
    expect(lastError(again, s.boardId)).toMatch(REFUSED);
    expect(has(again, 'agenda_items', itemId)).toBe(false);
    expect(has(again, 'agenda_items', mine.id)).toBe(true);

    // The other laptop sends what was missing (the action now names the item it sent): the whole batch is projected.
    (other.doc.getMap<Y.Map<Value>>('actions').get(JSON.stringify([actionId])) as Y.Map<Value>).set('agenda_item_id', itemId);
    await acknowledged(other.provider);
    await until([again], () => has(again, 'actions', actionId), 'the batch projected');
    expect(has(again, 'agenda_items', itemId)).toBe(true);
    expect(has(again, 'agenda_items', mine.id)).toBe(true);
    expect(lastError(again, s.boardId)).toBeNull();
    expect(engineOf(again).boards.get(s.boardId)!.queue).toEqual([]);
    // Projected, it reaches the windows.
    await docUntil(window, () => inWindow(itemId));
    stopListening();
    other.provider.destroy();
    await s.server.stop();
  }, 120_000);
});
