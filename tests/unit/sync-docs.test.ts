// The document model: a board's rows -> its Yjs documents -> a fresh file's rows give the same
// tables (every entity of the board), the same derived tables and the same content hashes.
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ok, tempCore, tempDir } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { BoundDiscussion } from '../../electron/core/sync/discussionDoc';
import { BoardReplica } from '../../electron/core/sync/replica';
import { mirrorBoard } from '../../electron/core/sync/mirror';
import { projectDocs } from '../../electron/core/sync/project';
import { write } from '../../electron/core/store/write';
import type { Core } from '../../electron/core/app';

function storeOf(core: Core) {
  if (!core.store) throw new Error('store not open');
  return core.store;
}

/** A discussion as Lexical's own export writes it. */
function asEditorSaves(json: string): unknown {
  const scratch = new BoundDiscussion(new Y.Doc(), 'scratch');
  scratch.save(JSON.parse(json));
  return scratch.json();
}

/** The sample board, plus one of everything the sample lacks. */
function fullBoard(core: Core): string {
  const { board } = ok<{ board: { id: string } }>(core, 'loadSampleBoard', {});
  const db = storeOf(core).db;
  const meetings = db.prepare('SELECT id, status FROM meetings WHERE board_id = ? ORDER BY meeting_date').all(board.id) as Array<{ id: string; status: string }>;
  const agreed = meetings.find((m) => m.status === 'agreed');
  const draft = meetings.find((m) => m.status === 'draft');
  if (!agreed || !draft) throw new Error('sample board changed');
  const member = db.prepare('SELECT id FROM board_members WHERE board_id = ? LIMIT 1').pluck().get(board.id) as string;
  ok(core, 'saveInterest', { boardId: board.id, memberId: member, interest: 'Trustee of a local charity', category: 'other_registrable' });
  const guest = ok<{ id: string }>(core, 'addGuest', { meetingId: draft.id, name: 'Pat Visitor', initials: 'PV', email: 'pat@example.org' });
  const item = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position LIMIT 1').pluck().get(draft.id) as string;
  ok(core, 'recordDeclaration', { meetingId: draft.id, attendanceId: guest.id, agendaItemId: item, interest: 'Works for a provider', participation: 'took_no_part' });
  const action = db.prepare('SELECT id FROM actions WHERE meeting_id = ? LIMIT 1').pluck().get(agreed.id) as string;
  ok(core, 'recordActionProgress', { actionId: action, date: '2014-05-01', text: 'Letter drafted', status: 'in_progress' });
  ok(core, 'recordCorrection', { meetingId: agreed.id, date: '2014-04-10', what: 'A name was misspelt', why: 'Typing error' });
  ok(core, 'setReminderSetting', { boardId: board.id, days: 7 });
  // The draft's discussions as the app's editor saves them (the sample's JSON has its keys in another order).
  const items = db.prepare('SELECT id, ma_discussion_json(discussion_deflated) AS discussion_json FROM agenda_items WHERE meeting_id = ? AND discussion_deflated IS NOT NULL').all(draft.id) as Array<{ id: string; discussion_json: string }>;
  for (const i of items) ok(core, 'saveDiscussion', { itemId: i.id, json: JSON.stringify(asEditorSaves(i.discussion_json)) });
  return board.id;
}

/** Every document of a board as one update each, by name (what a server would hold). */
function encodeAll(replica: BoardReplica): Array<[string, Uint8Array]> {
  return replica.docs().map(([name, doc]) => [name, Y.encodeStateAsUpdate(doc)]);
}

describe('a board as documents', () => {
  it('gives a fresh file the same tables, derived tables and content hashes', async () => {
    const a = await tempCore();
    const boardId = fullBoard(a);
    const replica = new BoardReplica(boardId);
    mirrorBoard(storeOf(a), replica, 'Laptop A');

    const b = await tempCore(path.join(tempDir(), 'b.sqlite'));
    const fresh = new BoardReplica(boardId);
    const updates = encodeAll(replica);
    for (const [name, update] of updates) fresh.applyUpdate(name, update, 'remote');
    write(storeOf(b), (w) => projectDocs(w, fresh, fresh.meetingIds(), true), 'Laptop A');

    const dumpA = boardDump(a, boardId);
    const dumpB = boardDump(b, boardId);
    for (const table of Object.keys(dumpA)) expect(dumpB[table], table).toEqual(dumpA[table]);
    expect(dumpA.interests).toHaveLength(1);
    expect(dumpA.declarations).toHaveLength(1);
    expect(dumpA.guest_contacts).toHaveLength(1);
    expect(dumpA.between_updates).toHaveLength(1);
    expect(dumpA.corrections).toHaveLength(1);
    expect(dumpA.settings).toHaveLength(1);
    expect(contentHashes(b, boardId)).toEqual(contentHashes(a, boardId));
    const agreed = storeOf(b).db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'agreed'").pluck().get(boardId) as string;
    expect(ok<{ matches: boolean }>(b, 'verifyMinutes', { meetingId: agreed })).toMatchObject({ matches: true });
  });

  it('writes nothing to the documents when the rows have not changed', async () => {
    const a = await tempCore();
    const boardId = fullBoard(a);
    const replica = new BoardReplica(boardId);
    mirrorBoard(storeOf(a), replica, 'Laptop A');
    const updates: Uint8Array[] = [];
    for (const [, doc] of replica.docs()) doc.on('update', (u: Uint8Array) => updates.push(u));
    mirrorBoard(storeOf(a), replica, 'Laptop A');
    expect(updates).toEqual([]);
  });
});
