// Bad input from the server: an update that would make the tables impossible (an action whose item
// was never sent, an item in a meeting of another board) is not projected half. The projection's
// write is all-or-nothing: the status line says what was refused, and nothing on the laptop changes.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { boardDump } from '../helpers/syncDump';
import { acknowledged, connectClient, meetingDoc, synced } from '../helpers/syncClient';
import { engineOf, until } from '../helpers/syncLaptops';
import { sharedSample } from '../helpers/syncScripts';

function rowMap(values: Record<string, string | number | null>): Y.Map<string | number | null> {
  const map = new Y.Map<string | number | null>();
  for (const [k, v] of Object.entries(values)) map.set(k, v);
  return map;
}

const storedUpdates = (core: Core) => core.store!.db.prepare('SELECT count(*) FROM sync_updates').pluck().get() as number;
const lastError = (core: Core, boardId: string) => ok<{ lastError: string | null }>(core, 'syncStatus', { boardId }).lastError;

describe('an update that would make the tables impossible', () => {
  it('is refused whole, in words, and changes nothing on the laptop', async () => {
    const s = await sharedSample(['a']);
    const [a] = s.laptops as [Core];
    const before = boardDump(a, s.boardId);
    const stored = storedUpdates(a);
    const token = a.store!.db.prepare('SELECT token FROM sync_boards WHERE board_id = ?').pluck().get(s.boardId) as string;

    // Another "laptop" sends an action whose item was never sent, with a valid item of its own.
    const rogue = connectClient(s.server.url, meetingDoc(s.boardId, s.draftId), token);
    await synced(rogue.provider);
    const at = new Date().toISOString();
    const itemId = randomUUID();
    const actionId = randomUUID();
    rogue.doc.transact(() => {
      rogue.doc.getMap('agenda_items').set(
        JSON.stringify([itemId]),
        rowMap({ id: itemId, meeting_id: s.draftId, parent_id: null, position: 99, number: '99', title: 'Sent by a broken laptop', presenter: null, kind: 'normal', confidential: 0, deferred: 0, deferred_to_text: null, deferred_to_meeting_id: null, from_item_id: null, created_at: at, updated_at: at }),
      );
      rogue.doc.getMap('actions').set(
        JSON.stringify([actionId]),
        rowMap({ id: actionId, board_id: s.boardId, meeting_id: s.draftId, agenda_item_id: randomUUID(), seq: 900, reference: 'ROGUE/900', position: 0, details: 'An action of an item never sent', due_kind: 'none', due_date: null, due_meeting_id: null, due_text: null, created_at: at }),
      );
    });
    await acknowledged(rogue.provider);

    await until([a], () => lastError(a, s.boardId) !== null);
    expect(lastError(a, s.boardId)).toMatch(/^Changes from another laptop were refused here, and nothing was changed on this laptop: they name a record this laptop does not have/);
    // Neither the valid item nor the impossible action is in the tables; no update was stored.
    expect(boardDump(a, s.boardId)).toEqual(before);
    expect(a.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id = ?').pluck().get(itemId)).toBe(0);
    expect(storedUpdates(a)).toBe(stored);
    expect(engineOf(a).boards.get(s.boardId)!.queue.length).toBeGreaterThan(0);
  });
});
