// Opening a file that shares a board of many meetings (issue 19, a board with 25 years of
// history): the connection carries the board's document and only the meetings that can have
// something to exchange (changed here and not yet acknowledged, or changed elsewhere since this
// laptop last had them: the change marks in the board's document, meetingMarks.ts). Whatever
// another laptop changed meanwhile still arrives: an edit, a deletion alone, and the edits two
// laptops made to one meeting while apart, on a third laptop that was shut through all of it.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { meetingDocName } from '../../electron/core/sync/docNames';
import { ok, okAsync, tempCore, tempDir } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

interface Shared {
  a: Core;
  aFile: string;
  bFile: string;
  cFile: string;
  boardId: string;
  draft: string;
  meetings: string[];
}

/** The sample board shared by a, joined by b and c (each on its own file), all in step, b and c then shut. */
async function sharedAndShut(): Promise<Shared> {
  server = await startTestSyncServer();
  const dir = tempDir();
  const aFile = path.join(dir, 'a.sqlite');
  const a = await tempCore(aFile);
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  // Three meetings more than the sample's two, as a board of years has many.
  let latest = a.store!.db.prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').get(board.id) as { id: string; meeting_date: string };
  for (let n = 0; n < 3; n++) {
    const date = new Date(Date.parse(latest.meeting_date) + 35 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    latest = { id: ok<{ id: string }>(a, 'startNextMeeting', { fromMeetingId: latest.id, date, startTime: '10:00', endTime: '12:00' }).id, meeting_date: date };
  }
  const invitation = await share(a, board.id, server.url);
  const bFile = path.join(dir, 'b.sqlite');
  const cFile = path.join(dir, 'c.sqlite');
  const b = await tempCore(bFile);
  const c = await tempCore(cFile);
  await okAsync(b, 'joinSharedBoard', { invitation });
  await okAsync(c, 'joinSharedBoard', { invitation });
  await until([a, b, c], () => inStep([a, b, c], board.id));
  b.close();
  c.close();
  const db = a.store!.db;
  const draft = db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft' ORDER BY meeting_date DESC LIMIT 1").pluck().get(board.id) as string;
  const meetings = db.prepare('SELECT id FROM meetings WHERE board_id = ?').pluck().all(board.id) as string[];
  return { a, aFile, bFile, cFile, boardId: board.id, draft, meetings };
}

/** The meetings whose documents are on a laptop's connection. */
function wired(core: Core, boardId: string, meetings: string[]): string[] {
  const wire = engineOf(core).boards.get(boardId)!.wire!;
  return meetings.filter((id) => wire.has(meetingDocName(boardId, id))).sort();
}

function expectSame(laptops: Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  for (const other of rest) {
    expect(boardDump(other, boardId)).toEqual(boardDump(first!, boardId));
    expect(contentHashes(other, boardId)).toEqual(contentHashes(first!, boardId));
  }
}

describe('opening a file that shares a board', () => {
  it('connects the board’s document and only the meeting changed elsewhere, which arrives', async () => {
    const { a, bFile, boardId, draft, meetings } = await sharedAndShut();
    expect(meetings.length).toBe(5);
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Added while b was shut' });
    await until([a], () => inStep([a], boardId));

    const b = await tempCore(bFile);
    await until([a, b], () => b.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item.id) === 'Added while b was shut' && inStep([a, b], boardId));
    // Every other meeting, agreed or not, was in step already: never read, never sent for.
    expect(wired(b, boardId, meetings)).toEqual([draft]);
    expectSame([a, b], boardId);

    // Opened again with nothing changed anywhere: the board's document alone.
    b.close();
    const again = await tempCore(bFile);
    await until([a, again], () => inStep([a, again], boardId));
    expect(wired(again, boardId, meetings)).toEqual([]);
    // A change made now on the other laptop reaches it while connected.
    ok(a, 'updateAgendaItem', { itemId: item.id, title: 'Renamed while b was open' });
    await until([a, again], () => again.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item.id) === 'Renamed while b was open' && inStep([a, again], boardId));
    expectSame([a, again], boardId);
  });

  it('brings a deletion alone (no text added) to a laptop that was shut', async () => {
    const { a, bFile, boardId, draft } = await sharedAndShut();
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'To take a decision off' });
    const id = ok<{ id: string }>(a, 'addDecision', { itemId: item.id, text: 'Noted.' }).id;
    await until([a], () => inStep([a], boardId));
    const b = await tempCore(bFile);
    await until([a, b], () => inStep([a, b], boardId));
    b.close();
    ok(a, 'deleteDecision', { decisionId: id });
    await until([a], () => inStep([a], boardId));
    const again = await tempCore(bFile);
    await until([a, again], () => inStep([a, again], boardId) && again.store!.db.prepare('SELECT count(*) FROM decisions WHERE id = ?').pluck().get(id) === 0);
    expectSame([a, again], boardId);
  });

  it('brings what two laptops changed in one meeting while apart to a third shut through it all', async () => {
    const { a, aFile, bFile, cFile, boardId, draft } = await sharedAndShut();
    const b = await tempCore(bFile);
    await until([a, b], () => inStep([a, b], boardId));
    await server!.stop();
    await until([a, b], () => !engineOf(a).boards.get(boardId)!.connected && !engineOf(b).boards.get(boardId)!.connected);
    const fromA = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Added on a while apart' }).item.id;
    const fromB = ok<{ item: { id: string } }>(b, 'addAgendaItem', { meetingId: draft, title: 'Added on b while apart' }).item.id;
    await server!.restart();
    await until([a, b], () => inStep([a, b], boardId));
    // Both marks were written apart; whichever was kept, each laptop has the other's item.
    for (const core of [a, b]) expect(core.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id IN (?, ?)').pluck().get(fromA, fromB)).toBe(2);
    b.close();
    a.close();

    const c = await tempCore(cFile);
    const items = (core: Core) => core.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE id IN (?, ?)').pluck().get(fromA, fromB);
    await until([c], () => items(c) === 2 && inStep([c], boardId));
    const aAgain = await tempCore(aFile);
    await until([aAgain, c], () => inStep([aAgain, c], boardId));
    expectSame([aAgain, c], boardId);
  });
});
