// Two and three laptops sharing a board through a Hocuspocus server on loopback: real cores on
// their own files, real sockets. At the end of every script the documents, the tables and the
// content hashes are the same on every laptop, and nothing one of them made is lost.
import { afterEach, describe, expect, it } from 'vitest';
import { ok, okAsync } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { start, type TestSyncServer } from '../helpers/syncTestServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import type { Core } from '../../electron/core/app';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function sampleShared(): Promise<{ a: Core; b: Core; boardId: string; invitation: string }> {
  server = await start();
  const a = await laptop('a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const invitation = await share(a, board.id, server.url);
  const b = await laptop('b');
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  return { a, b, boardId: board.id, invitation };
}

function expectSame(laptops: Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  const dump = boardDump(first!, boardId);
  const hashes = contentHashes(first!, boardId);
  for (const other of rest) {
    const theirs = boardDump(other, boardId);
    for (const table of Object.keys(dump)) expect(theirs[table], table).toEqual(dump[table]);
    expect(contentHashes(other, boardId)).toEqual(hashes);
  }
}

describe('two laptops sharing a board', () => {
  it('gives the joining laptop the whole board, and each laptop the other’s edits', async () => {
    const { a, b, boardId } = await sampleShared();
    expectSame([a, b], boardId);
    expect(ok<{ shared: boolean; connected: boolean; pending: number }>(b, 'syncStatus', { boardId })).toMatchObject({ shared: true, connected: true, pending: 0 });

    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Any other business' });
    await until([a, b], () => inStep([a, b], boardId));
    expect(b.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item.id)).toBe('Any other business');
    const actor = b.store!.db.prepare("SELECT actor FROM change_log WHERE entity = 'agenda_item' AND entity_id = ? ORDER BY seq DESC LIMIT 1").pluck().get(item.id);
    expect(actor).toBe(a.store!.actor);
    expectSame([a, b], boardId);
    void engineOf;
  });
});
