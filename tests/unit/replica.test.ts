// The window's replicas of shared meetings (electron/core/replica): two laptops' cores on their own
// files and a real sync server on loopback. A renderer-style replica (a Y.Doc from openReplica with
// a headless editor bound to a discussion root) sends its typing as Yjs updates; they reach this
// laptop's tables through the projection, the other laptop's tables, and the other laptop's
// window as a push. Bad updates are refused with a clear message and change nothing.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { $getRoot, $getSelection, $isRangeSelection, createEditor, type LexicalEditor } from 'lexical';
import { ListItemNode, ListNode } from '@lexical/list';
import { LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Core } from '../../electron/core/app';
import { MINUTES_LIMITS, type ReplicaOpened, type ReplicaPush } from '../../shared/contract';
import { bindDiscussion } from '../../renderer/src/editor/replicaBinding';
import { boardDump } from '../helpers/syncDump';
import { ok, okAsync } from '../helpers/temp';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';

let server: TestSyncServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const NODES = [ListNode, ListItemNode, LinkNode, TableNode, TableRowNode, TableCellNode];

/** A window's replica of a meeting: the document core served, one discussion bound, its updates collected as the window would send them. */
function windowReplica(core: Core, meetingId: string, itemId: string) {
  const opened = ok<ReplicaOpened>(core, 'openReplica', { meetingId });
  if (opened.state === null) throw new Error('not shared');
  const doc = new Y.Doc();
  const editor: LexicalEditor = createEditor({ namespace: 'window', nodes: NODES, onError: (err) => { throw err; } });
  const bound = bindDiscussion(editor, doc, itemId);
  const outgoing: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'core') outgoing.push(u);
  });
  Y.applyUpdate(doc, Buffer.from(opened.state, 'base64'), 'core');
  const type = (words: string): void => {
    bound.ensureParagraph();
    editor.read(() => undefined);
    editor.update(
      () => {
        ($getRoot().getLastChild() as unknown as { selectEnd: () => void }).selectEnd();
        const sel = $getSelection();
        if ($isRangeSelection(sel)) sel.insertText(words);
      },
      { discrete: true },
    );
  };
  /** What the window sends: everything typed since the last send, as one update. */
  const take = (): string => Buffer.from(Y.mergeUpdates(outgoing.splice(0))).toString('base64');
  const text = (): string => editor.getEditorState().read(() => $getRoot().getTextContent());
  return { opened, doc, editor, type, take, text, apply: (push: ReplicaPush) => Y.applyUpdate(doc, Buffer.from(push.update, 'base64'), 'core') };
}

async function sharedMeeting(): Promise<{ a: Core; b: Core; boardId: string; meetingId: string; itemId: string }> {
  server = await startTestSyncServer();
  const a = await laptop('a');
  const board = ok<{ id: string }>(a, 'createBoard', { name: 'Shared Safeguarding Board' });
  const meeting = ok<{ id: string }>(a, 'createMeeting', { boardId: board.id, date: '2026-11-19' });
  const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: meeting.id, title: 'Safeguarding audit' });
  const invitation = await share(a, board.id, server.url);
  const b = await laptop('b');
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  return { a, b, boardId: board.id, meetingId: meeting.id, itemId: item.id };
}

const discussionText = (core: Core, itemId: string): string | null =>
  core.store!.db.prepare('SELECT ma_discussion_text(ma_discussion_json(discussion_deflated)) FROM agenda_items WHERE id = ?').pluck().get(itemId) as string | null;

const refusal = (core: Core, input: unknown) => {
  const response = core.call('replicaUpdate', input);
  if (response.ok) throw new Error('expected a refusal');
  return response.error;
};

describe('a window’s replica of a shared meeting', () => {
  it('sends its typing to core, which projects it here, on the other laptop, and into the other laptop’s window', async () => {
    const { a, b, boardId, meetingId, itemId } = await sharedMeeting();
    const windowA = windowReplica(a, meetingId, itemId);
    const windowB = windowReplica(b, meetingId, itemId);
    expect(windowA.opened.readOnly).toBe(false);
    const pushedToB: ReplicaPush[] = [];
    const stop = b.onReplicaUpdate((push) => pushedToB.push(push));

    windowA.type('The audit found gaps in the referral records.');
    ok(a, 'replicaUpdate', { meetingId, update: windowA.take(), from: 'window-a' });
    expect(discussionText(a, itemId)).toBe('The audit found gaps in the referral records.');

    await until([a, b], () => inStep([a, b], boardId) && discussionText(b, itemId) !== null);
    expect(discussionText(b, itemId)).toBe('The audit found gaps in the referral records.');
    expect(boardDump(b, boardId).agenda_items).toEqual(boardDump(a, boardId).agenda_items);
    // The other laptop's open window hears of it as it arrives, and shows it.
    // (Both cores run in this one process, whose listeners hear both: the window's own update is left out, so what B's window shows came through B.)
    const arrived = pushedToB.filter((p) => p.from !== 'window-a');
    expect(arrived.every((p) => p.meetingId === meetingId)).toBe(true);
    for (const push of arrived) windowB.apply(push);
    windowB.editor.read(() => undefined);
    expect(windowB.text()).toBe('The audit found gaps in the referral records.');
    stop();
    // Searching finds the words on both laptops (the projection's write feeds the index).
    for (const core of [a, b]) {
      const found = ok<{ results?: unknown[] } | unknown[]>(core, 'search', { query: 'referral' });
      expect(JSON.stringify(found)).toContain(itemId);
    }
  });

  it('takes a window’s update without echoing it back as other changes (the mirror of equal content writes nothing)', async () => {
    const { a, meetingId, itemId } = await sharedMeeting();
    const window = windowReplica(a, meetingId, itemId);
    window.type('First words.');
    ok(a, 'replicaUpdate', { meetingId, update: window.take(), from: 'window-a' });
    const pushes: ReplicaPush[] = [];
    const stop = a.onReplicaUpdate((push) => pushes.push(push));
    const rowsBefore = a.store!.db.prepare('SELECT count(*) FROM sync_updates').pluck().get() as number;
    window.type(' More words.');
    ok(a, 'replicaUpdate', { meetingId, update: window.take(), from: 'window-a' });
    stop();
    // Exactly the window's own update went into the document (and back out, marked as the window's).
    expect(pushes.map((p) => p.from)).toEqual(['window-a']);
    expect(a.store!.db.prepare('SELECT count(*) FROM sync_updates').pluck().get()).toBe(rowsBefore + 1);
    expect(discussionText(a, itemId)).toBe('First words. More words.');
    // Saving the same discussion as JSON (the old path) changes nothing in the document either.
    const json = a.store!.db.prepare('SELECT ma_discussion_json(discussion_deflated) FROM agenda_items WHERE id = ?').pluck().get(itemId) as string;
    const stateBefore = Y.encodeStateVector(engineOf(a).boards.values().next().value!.replica.meeting(meetingId).doc);
    ok(a, 'saveDiscussion', { itemId, json });
    const stateAfter = Y.encodeStateVector(engineOf(a).boards.values().next().value!.replica.meeting(meetingId).doc);
    expect(Buffer.from(stateAfter).equals(Buffer.from(stateBefore))).toBe(true);
  });

  it('refuses a damaged update, one out of step, one beyond the discussions, one too long, and changes nothing', async () => {
    const { a, boardId, meetingId, itemId } = await sharedMeeting();
    const before = boardDump(a, boardId);
    const doc = () => engineOf(a).boards.get(boardId)!.replica.meeting(meetingId).doc;
    const vector = () => Buffer.from(Y.encodeStateVector(doc())).toString('base64');
    const start = vector();

    const damaged = refusal(a, { meetingId, update: Buffer.from([1, 2, 3, 200, 255, 7]).toString('base64') });
    expect(damaged).toMatchObject({ code: 'invalid_input' });
    expect(damaged.message).toContain('could not be read');

    // Typed on a copy that never had the document: its changes hang on structs core has never seen.
    const stranger = windowReplica(a, meetingId, itemId);
    stranger.type('Hello');
    stranger.take();
    stranger.type(' again');
    const outOfStep = refusal(a, { meetingId, update: stranger.take() });
    expect(outOfStep).toMatchObject({ code: 'conflict' });
    expect(outOfStep.message).toContain('older copy');

    // A window may only change discussions: not the rows the tables are projected from.
    const meddler = new Y.Doc();
    Y.applyUpdate(meddler, Y.encodeStateAsUpdate(doc()));
    const sv = Y.encodeStateVector(meddler);
    meddler.getMap('agenda_items').clear();
    const beyond = refusal(a, { meetingId, update: Buffer.from(Y.encodeStateAsUpdate(meddler, sv)).toString('base64') });
    expect(beyond).toMatchObject({ code: 'invalid_input' });
    expect(beyond.message).toContain('more than the meeting’s discussions');

    // Longer than one item's discussion may be (as saveDiscussion refuses it).
    const long = windowReplica(a, meetingId, itemId);
    long.type('x'.repeat(MINUTES_LIMITS.discussionText + 1));
    const tooLong = refusal(a, { meetingId, update: long.take() });
    expect(tooLong).toMatchObject({ code: 'invalid_input' });
    expect(tooLong.message).toContain('too long');

    expect(vector()).toBe(start);
    expect(boardDump(a, boardId)).toEqual(before);
  });

  it('refuses an update for an unknown meeting, an item deleted meanwhile, a meeting of a board not shared, and agreed minutes', async () => {
    const { a, boardId, meetingId, itemId } = await sharedMeeting();
    const window = windowReplica(a, meetingId, itemId);
    window.type('Words.');
    const update = window.take();

    expect(refusal(a, { meetingId: '00000000-0000-4000-8000-000000000000', update })).toMatchObject({ code: 'not_found' });
    // Typed into an item deleted meanwhile: that item no longer exists.
    const { item: other } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId, title: 'Training' });
    const late = windowReplica(a, meetingId, other.id);
    late.type('Typed as it was deleted.');
    ok(a, 'deleteAgendaItem', { itemId: other.id });
    expect(refusal(a, { meetingId, update: late.take() })).toMatchObject({ code: 'not_found', message: 'That agenda item no longer exists.' });

    const local = ok<{ id: string }>(a, 'createBoard', { name: 'Finance Committee' });
    const localMeeting = ok<{ id: string }>(a, 'createMeeting', { boardId: local.id, date: '2026-11-20' });
    expect(ok<ReplicaOpened>(a, 'openReplica', { meetingId: localMeeting.id })).toEqual({ state: null, readOnly: false });
    const unshared = refusal(a, { meetingId: localMeeting.id, update });
    expect(unshared).toMatchObject({ code: 'conflict' });
    expect(unshared.message).toContain('not shared');

    const before = boardDump(a, boardId);
    // TEST SETUP ONLY: the minutes marked agreed in the file (the lifecycle's own steps are tested elsewhere).
    a.store!.db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(meetingId);
    expect(ok<ReplicaOpened>(a, 'openReplica', { meetingId }).readOnly).toBe(true);
    const agreed = refusal(a, { meetingId, update });
    expect(agreed).toMatchObject({ code: 'conflict' });
    expect(agreed.message).toContain('agreed');
    expect(boardDump(a, boardId).agenda_items).toEqual(before.agenda_items);
  });
});
