// A shared board's name or short code that another board in this data file already has (both are
// unique across the file): a board renamed on another laptop to the name of a board here, or a
// board joined whose name and short code a board here has. The projection once failed ("UNIQUE
// constraint failed: boards.name", and joining refused the board). The laptop now shows the board
// under a local form, lists it on this laptop only, and leaves the shared name as it is for the
// others; once either board is renamed, the laptop shows the shared name again and the entry goes.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, okAsync } from '../helpers/temp';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import { startTestSyncServer } from '../helpers/syncServer';
import { conflictsOf, expectSame, sharedSample } from '../helpers/syncScripts';
import { boardDump } from '../helpers/syncDump';

const boardRow = (core: Core, boardId: string) => core.store!.db.prepare('SELECT name, short_code AS shortCode FROM boards WHERE id = ?').get(boardId) as { name: string; shortCode: string | null };
const taken = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'board_name_taken');
const docName = (core: Core, boardId: string): unknown => {
  const rows = [...engineOf(core).boards.get(boardId)!.replica.board.getMap('boards').values()] as Array<{ get(k: string): unknown }>;
  return rows[0]?.get('name');
};

describe('a shared board taking a name another board in this file has', () => {
  it('shows the board under a local form here when renamed elsewhere to a local board’s name, and the shared name once renamed', async () => {
    const s = await sharedSample(['a', 'b']);
    const [a, b] = s.laptops as [Core, Core];
    ok(b, 'createBoard', { name: 'Finance Committee' });
    ok(a, 'renameBoard', { boardId: s.boardId, name: 'finance committee' });
    await until([a, b], () => inStep([a, b], s.boardId) && boardRow(b, s.boardId).name !== boardRow(a, s.boardId).name && taken(b, s.boardId).length === 1, 'the rename shown here under a local form');
    expect(engineOf(b).boards.get(s.boardId)?.lastError ?? null).toBeNull();
    expect(boardRow(a, s.boardId).name).toBe('finance committee');
    expect(boardRow(b, s.boardId).name).toBe('finance committee (shared)');
    // The shared document keeps the name every other laptop shows.
    expect(docName(b, s.boardId)).toBe('finance committee');
    expect(docName(a, s.boardId)).toBe('finance committee');
    const [entry] = taken(b, s.boardId);
    expect(entry!.description).toContain('“finance committee”');
    expect(entry!.description).toContain('“Finance Committee”');
    expect(entry!.description).toContain('“finance committee (shared)”');
    expect(taken(a, s.boardId)).toEqual([]);
    // A later edit here (the board's other details) leaves the shared name as it is.
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: b.store!.db.prepare('SELECT id FROM board_members WHERE board_id = ? ORDER BY id').pluck().get(s.boardId) as string, status: 'apologies' }] });
    await until([a, b], () => inStep([a, b], s.boardId));
    expect(docName(a, s.boardId)).toBe('finance committee');
    // The board here that had the name is renamed: the shared name is shown here at once (sync-board-name-freed.test.ts), and stays with the next change from another laptop.
    const local = b.store!.db.prepare("SELECT id FROM boards WHERE name = 'Finance Committee'").pluck().get() as string;
    ok(b, 'renameBoard', { boardId: local, name: 'Finance Committee (until 2026)' });
    expect(boardRow(b, s.boardId).name).toBe('finance committee');
    // Any change on another laptop (here a member's attendance, recorded as something it was not).
    const member = a.store!.db.prepare('SELECT id FROM board_members WHERE board_id = ? AND left_on IS NULL ORDER BY id DESC').pluck().get(s.boardId) as string;
    const was = a.store!.db.prepare('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().get(s.draftId, member);
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId: member, status: was === 'absent' ? 'present' : 'absent' }] });
    await until([a, b], () => inStep([a, b], s.boardId) && boardRow(b, s.boardId).name === 'finance committee', 'the shared name shown here again');
    expect(taken(b, s.boardId)).toEqual([]);
    expectSame([a, b], s.boardId);
    // Renamed on this laptop: every laptop shows the new name, and the entry is no longer listed.
    ok(b, 'renameBoard', { boardId: s.boardId, name: 'Audit and Risk' });
    await until([a, b], () => inStep([a, b], s.boardId) && boardRow(a, s.boardId).name === 'Audit and Risk');
    expect(boardRow(b, s.boardId).name).toBe('Audit and Risk');
    expect(taken(b, s.boardId)).toEqual([]);
    await s.server.stop();
  }, 120_000);

  it('joins a board whose name and short code a board here already has, under local forms, and gives them back when renamed on another laptop', async () => {
    const server = await startTestSyncServer();
    const a = await laptop('a');
    const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
    const shared = boardRow(a, board.id);
    expect(shared.shortCode).not.toBeNull();
    const invitation = await share(a, board.id, server.url);
    const c = await laptop('c');
    const own = ok<{ board: { id: string } }>(c, 'loadSampleBoard', {});
    expect(boardRow(c, own.board.id)).toEqual(shared);
    const joined = await okAsync<{ boardId: string; boardName: string }>(c, 'joinSharedBoard', { invitation });
    expect(joined.boardName).toBe(`${shared.name} (shared)`);
    await until([a, c], () => inStep([a, c], board.id));
    expect(boardRow(c, board.id)).toEqual({ name: `${shared.name} (shared)`, shortCode: `${shared.shortCode!.slice(0, 11)}2` });
    expect(boardRow(c, own.board.id)).toEqual(shared);
    expect(taken(c, board.id).map((t) => t.description.includes('short code'))).toEqual(expect.arrayContaining([true, false]));
    expect(docName(c, board.id)).toBe(shared.name);
    // Renamed on the other laptop: the name is free here, so it is shown as shared; the short code is still held here.
    ok(a, 'renameBoard', { boardId: board.id, name: 'Shared sample board' });
    await until([a, c], () => inStep([a, c], board.id) && boardRow(c, board.id).name === 'Shared sample board');
    expect(taken(c, board.id).map((t) => t.description.includes('short code'))).toEqual([true]);
    // Everything but the board's own name and short code is as on the laptop that shared it (the
    // action log's summaries show each action with its board's short code as this laptop shows it).
    const withoutBoards = (dump: Record<string, string[]>) => Object.fromEntries(Object.entries(dump).filter(([table]) => table !== 'boards' && table !== 'action_summaries'));
    const draftName = (core: Core) => core.store!.db.prepare("SELECT board_name FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().all(board.id);
    await until([a, c], () => inStep([a, c], board.id) && JSON.stringify(draftName(c)) === JSON.stringify(draftName(a)), 'the draft’s board name', 20_000);
    expect(withoutBoards(boardDump(c, board.id))).toEqual(withoutBoards(boardDump(a, board.id)));
    await server.stop();
  }, 120_000);
});
