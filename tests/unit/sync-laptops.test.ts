// Two and three laptops sharing a board through the sync server (electron/syncServer) on loopback: real cores on
// their own files, real sockets. At the end of every script the documents, the tables and the
// content hashes are the same on every laptop, and nothing one of them made is lost.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ok, okAsync, tempCore } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import type { Core } from '../../electron/core/app';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function sampleShared(): Promise<{ a: Core; b: Core; boardId: string; invitation: string }> {
  server = await startTestSyncServer();
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

/** A draft item's discussion, as paragraphs of text (how the walker reads them). */
function paragraphs(core: Core, itemId: string): string[] {
  const json = core.store!.db.prepare('SELECT ma_discussion_json(discussion_deflated) FROM agenda_items WHERE id = ?').pluck().get(itemId) as string;
  const root = JSON.parse(json) as { root: { children: Array<{ children?: Array<{ text?: string }> }> } };
  return root.root.children.map((b) => (b.children ?? []).map((c) => c.text ?? '').join(''));
}

function saveParagraphs(core: Core, itemId: string, texts: string[]): void {
  const json = {
    root: {
      children: texts.map((t) => ({
        children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: t, type: 'text', version: 1 }],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        type: 'paragraph',
        version: 1,
      })),
      direction: 'ltr',
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  };
  ok(core, 'saveDiscussion', { itemId, json: JSON.stringify(json) });
}

describe('laptops offline, then together again', () => {
  it('merges edits to different paragraphs and to the same one made while the server was down', async () => {
    const { a, b, boardId } = await sampleShared();
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Safeguarding audit' });
    saveParagraphs(a, item.id, ['The audit was presented.', 'Questions were taken.', 'The board noted the report.']);
    await until([a, b], () => inStep([a, b], boardId));
    expect(paragraphs(b, item.id)).toEqual(['The audit was presented.', 'Questions were taken.', 'The board noted the report.']);

    await server!.stop();
    await until([a, b], () => !engineOf(a).boards.get(boardId)!.connected && !engineOf(b).boards.get(boardId)!.connected);
    saveParagraphs(a, item.id, ['The audit was presented by AF.', 'Questions were taken.', 'The board noted the report.']);
    saveParagraphs(b, item.id, ['The audit was presented.', 'Questions were taken.', 'The board noted the report and thanked the team.']);
    saveParagraphs(a, item.id, ['The audit was presented by AF.', 'Questions were taken from MOC.', 'The board noted the report.']);
    saveParagraphs(b, item.id, ['The audit was presented.', 'Questions were taken on neglect.', 'The board noted the report and thanked the team.']);
    const offline = ok<{ connected: boolean; offlineSince: string | null; pending: number }>(a, 'syncStatus', { boardId });
    expect(offline.connected).toBe(false);
    expect(offline.offlineSince).not.toBeNull();
    expect(offline.pending).toBeGreaterThan(0);

    await server!.restart();
    await until([a, b], () => inStep([a, b], boardId) && paragraphs(a, item.id)[0] === paragraphs(b, item.id)[0] && paragraphs(a, item.id)[1] === paragraphs(b, item.id)[1]);
    const merged = paragraphs(a, item.id);
    expect(merged[0]).toBe('The audit was presented by AF.');
    expect(merged[2]).toBe('The board noted the report and thanked the team.');
    // Both insertions into the second paragraph are there, once each.
    expect(merged[1]).toContain('from MOC');
    expect(merged[1]).toContain('on neglect');
    expect(merged).toHaveLength(3);
    expectSame([a, b], boardId);
  });

  it('keeps both statuses recorded offline for one action, the latest shown on every laptop', async () => {
    const { a, b, boardId } = await sampleShared();
    // An action carried into the draft meeting: its status there is recorded in the matters arising.
    const { action, meeting } = a.store!.db
      .prepare("SELECT c.action_id AS action, c.meeting_id AS meeting FROM carried_actions c JOIN meetings m ON m.id = c.meeting_id JOIN actions a ON a.id = c.action_id WHERE m.board_id = ? AND m.status = 'draft' AND a.status IN ('open', 'in_progress') ORDER BY c.position LIMIT 1")
      .get(boardId) as { action: string; meeting: string };
    await server!.stop();
    await until([a, b], () => !engineOf(a).boards.get(boardId)!.connected && !engineOf(b).boards.get(boardId)!.connected);
    ok(a, 'recordActionProgress', { actionId: action, date: '2014-05-01', text: 'Chased by email', status: 'in_progress' });
    ok(b, 'recordActionProgress', { actionId: action, date: '2014-05-02', text: 'Reported done by phone', status: 'done' });
    ok(a, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'deferred' });
    ok(b, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'done' });
    await server!.restart();
    await until([a, b], () => inStep([a, b], boardId));
    const status = (core: Core) => core.store!.db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(action);
    // The later status (recorded on b) is the action's on both laptops.
    expect(status(a)).toBe('done');
    expect(status(b)).toBe('done');
    // Both laptops' progress is kept: nothing recorded offline is lost.
    expect(b.store!.db.prepare('SELECT count(*) FROM between_updates WHERE action_id = ?').pluck().get(action)).toBe(2);
    expectSame([a, b], boardId);
    // The administrator is shown the conflict on both laptops: which status is shown, and the other.
    for (const core of [a, b]) {
      const conflicts = ok<Array<{ kind: string; entityId: string; description: string }>>(core, 'syncConflicts', { boardId });
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ kind: 'action_status', entityId: action });
      expect(conflicts[0]!.description).toMatch(/“done”.*is shown.*“deferred”.*was also recorded/);
    }
  });
});

describe('three laptops and bad input', () => {
  it('brings a third laptop in, and its edit to everyone', async () => {
    const { a, b, boardId, invitation } = await sampleShared();
    const c = await laptop('c');
    await okAsync(c, 'joinSharedBoard', { invitation });
    const draft = c.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    ok(c, 'updateMeetingHeader', { meetingId: draft, venue: 'Tooley Street, room 3' });
    await until([a, b, c], () => inStep([a, b, c], boardId));
    expect(a.store!.db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(draft)).toBe('Tooley Street, room 3');
    expectSame([a, b, c], boardId);
  });

  it('refuses an invitation with a wrong token, in words, and leaves the file as it was', async () => {
    const { boardId, invitation } = await sampleShared();
    const c = await laptop('c');
    const wrong = `${invitation.slice(0, -4)}AAAA`;
    const response = await c.callAsync('joinSharedBoard', { invitation: wrong });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.message).toContain('wrong or revoked token for this board');
    expect(c.store!.db.prepare('SELECT count(*) FROM boards WHERE id = ?').pluck().get(boardId)).toBe(0);
    expect(c.store!.db.prepare('SELECT count(*) FROM sync_updates').pluck().get()).toBe(0);
    const garbled = await c.callAsync('joinSharedBoard', { invitation: 'not an invitation' });
    expect(garbled.ok).toBe(false);
    if (!garbled.ok) expect(garbled.error.message).toMatch(/not an invitation/);
  });
});

describe('a new invitation', () => {
  it('locks out the laptops that joined with the old one, says why on each, and the laptop that made it syncs on', async () => {
    const { a, b, boardId } = await sampleShared();
    const rotated = await okAsync<{ invitation: string }>(a, 'rotateBoardToken', { boardId });
    expect(rotated.invitation).toContain(boardId);
    await until([b], () => ok<{ lastError: string | null }>(b, 'syncStatus', { boardId }).lastError !== null);
    expect(ok<{ lastError: string | null }>(b, 'syncStatus', { boardId }).lastError).toMatch(/wrong or revoked token/);
    // A's documents were not closed: its next edit to a meeting reaches the server.
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    ok(a, 'addAgendaItem', { meetingId: draft, title: 'After the new invitation' });
    await until([a], () => ok<{ pending: number; lastError: string | null }>(a, 'syncStatus', { boardId }).pending === 0);
    expect(ok<{ lastError: string | null }>(a, 'syncStatus', { boardId }).lastError).toBeNull();
  });
});

describe('a laptop closed and opened again', () => {
  it('keeps what it changed offline across a restart and sends it when the server is back; compaction loses nothing', async () => {
    const { a, b, boardId } = await sampleShared();
    const file = a.store!.file;
    const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    await server!.stop();
    await until([a], () => !engineOf(a).boards.get(boardId)!.connected);
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Written while the server was down' });
    const pending = ok<{ pending: number }>(a, 'syncStatus', { boardId }).pending;
    expect(pending).toBeGreaterThan(0);
    a.close();

    const again = await tempCore(file);
    expect(ok<{ pending: number; shared: boolean }>(again, 'syncStatus', { boardId })).toMatchObject({ pending, shared: true });
    await server!.restart();
    await until([again, b], () => inStep([again, b], boardId));
    expect(b.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(item.id)).toBe('Written while the server was down');
    expectSame([again, b], boardId);

    // Compacting merges the stored updates: fewer rows, the same documents when read back.
    const rows = () => b.store!.db.prepare('SELECT count(*) FROM sync_updates WHERE board_id = ?').pluck().get(boardId) as number;
    const before = rows();
    const states = engineOf(b)
      .boards.get(boardId)!
      .replica.docs()
      .map(([name, doc]): [string, string] => [name, Buffer.from(Y.encodeStateVector(doc)).toString('base64')]);
    expect(engineOf(b).compact(boardId)).toBeGreaterThan(0);
    expect(rows()).toBeLessThan(before);
    const bFile = b.store!.file;
    b.close();
    const bAgain = await tempCore(bFile);
    const reread = engineOf(bAgain)
      .boards.get(boardId)!
      .replica.docs()
      .map(([name, doc]): [string, string] => [name, Buffer.from(Y.encodeStateVector(doc)).toString('base64')]);
    expect(new Map(reread)).toEqual(new Map(states));
  });
});
