// Bad input reaching laptops that share a board (real cores, a real sync server on loopback): a
// laptop whose clock is a year ahead, a laptop offline for a year with a large backlog, and a
// sync server of another version. Each ends with a clear status, the local file undamaged and
// nothing lost.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/app';
import { syncStatusLine } from '../../renderer/src/features/sync/syncStatusText';
import type { SyncStatus } from '../../shared/contract';
import { dump, ok, okAsync, tempCore } from '../helpers/temp';
import { boardDump, contentHashes } from '../helpers/syncDump';
import { startTestSyncServer, type TestSyncServer } from '../helpers/syncServer';
import { engineOf, inStep, laptop, share, until } from '../helpers/syncLaptops';
import { discussionJson, paragraphsOf } from '../helpers/syncScript';

let server: TestSyncServer | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await server?.stop();
  server = null;
});

async function sharedPair(): Promise<{ a: Core; b: Core; boardId: string; draft: string; invitation: string }> {
  server = await startTestSyncServer();
  const a = await laptop('a');
  const { board } = ok<{ board: { id: string } }>(a, 'loadSampleBoard', {});
  const invitation = await share(a, board.id, server.url);
  const b = await laptop('b');
  await okAsync(b, 'joinSharedBoard', { invitation });
  await until([a, b], () => inStep([a, b], board.id));
  const draft = a.store!.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(board.id) as string;
  return { a, b, boardId: board.id, draft, invitation };
}

function expectSame(laptops: Core[], boardId: string): void {
  const [first, ...rest] = laptops;
  const tables = boardDump(first!, boardId);
  for (const other of rest) {
    expect(boardDump(other, boardId)).toEqual(tables);
    expect(contentHashes(other, boardId)).toEqual(contentHashes(first!, boardId));
  }
}

const status = (core: Core, boardId: string): SyncStatus => ok<SyncStatus>(core, 'syncStatus', { boardId });
const disconnected = (core: Core, boardId: string) => () => !engineOf(core).boards.get(boardId)!.connected;
const YEAR = 365 * 24 * 3600 * 1000;

/** Runs `fn` with this process's clock set to `at` (only Date: timers and sockets keep real time). */
function withClock<T>(at: Date, fn: () => T): T {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return fn();
  } finally {
    vi.useRealTimers();
  }
}

function openCarriedAction(core: Core, boardId: string): { action: string; meeting: string; reference: string } {
  return core.store!.db
    .prepare(
      "SELECT c.action_id AS action, c.meeting_id AS meeting, a.reference FROM carried_actions c JOIN meetings m ON m.id = c.meeting_id JOIN actions a ON a.id = c.action_id WHERE m.board_id = ? AND m.status = 'draft' AND a.status IN ('open', 'in_progress') ORDER BY c.position LIMIT 1",
    )
    .get(boardId) as { action: string; meeting: string; reference: string };
}

describe('a laptop whose clock is a year ahead', () => {
  it('wins a status recorded offline at the same time (by its date, shown in the conflict list), keeps both, and loses to any status recorded after it was seen', async () => {
    const { a, b, boardId } = await sharedPair();
    const { action, meeting, reference } = openCarriedAction(a, boardId);
    await server!.stop();
    await until([a, b], () => disconnected(a, boardId)() && disconnected(b, boardId)());
    ok(a, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'done' });
    const ahead = new Date(Date.now() + YEAR);
    withClock(ahead, () => ok(b, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'deferred' }));
    await server!.restart();
    await until([a, b], () => inStep([a, b], boardId));

    // The status dated a year ahead is the later one, on both laptops; the conflict says so with both dates.
    const statusOf = (core: Core) => core.store!.db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(action);
    expect([statusOf(a), statusOf(b)]).toEqual(['deferred', 'deferred']);
    for (const core of [a, b]) {
      const conflicts = ok<Array<{ kind: string; entityId: string; description: string }>>(core, 'syncConflicts', { boardId });
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ kind: 'action_status', entityId: action });
      expect(conflicts[0]!.description).toContain(`action ${reference}`);
      // Its date in words (issue 19), the year ahead showing.
      expect(conflicts[0]!.description).toMatch(new RegExp(`“deferred” \\(${b.store!.actor}, \\d{1,2} [A-Z][a-z]+ ${ahead.getUTCFullYear()} at \\d{1,2}\\.\\d{2} [ap]m\\)`));
      expect(conflicts[0]!.description).toMatch(/is shown, being the later; “done”/);
    }
    expectSame([a, b], boardId);

    // The laptop with the right clock corrects it afterwards: recorded after what it has seen, it is shown.
    ok(a, 'recordActionUpdate', { meetingId: meeting, actionId: action, status: 'done' });
    await until([a, b], () => inStep([a, b], boardId) && statusOf(b) === 'done');
    expect(statusOf(a)).toBe('done');
    // Nothing lost: every status recorded is in the board's history of the action, in order.
    const log = engineOf(b).boards.get(boardId)!.replica.board.getArray<{ action: string; status: string }>('action_status').toArray();
    const recorded = log.filter((e) => e.action === action).map((e) => e.status);
    expect(recorded.filter((s) => s === 'done')).toHaveLength(2);
    expect(recorded.filter((s) => s === 'deferred')).toHaveLength(1);
    expect(ok<unknown[]>(b, 'syncConflicts', { boardId })).toHaveLength(1);
    expectSame([a, b], boardId);
  });
});

describe('a laptop offline for a year', () => {
  it('keeps a large backlog across a restart, says since when it is offline and how much waits, and sends it all on reconnecting', async () => {
    const { a, b, boardId, draft } = await sharedPair();
    const start = new Date(Date.now() - YEAR);
    // The server goes away a year ago (as this laptop's clock tells it).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    await server!.stop();
    await until([a, b], () => disconnected(b, boardId)());
    vi.useRealTimers();

    const { item } = withClock(start, () => ok<{ item: { id: string } }>(b, 'addAgendaItem', { meetingId: draft, title: 'A year of notes' }));
    const words: string[] = [];
    const titles: string[] = [];
    let core = b;
    for (let day = 1; day <= 360; day++) {
      const at = new Date(start.getTime() + day * 24 * 3600 * 1000);
      withClock(at, () => {
        const texts = paragraphsOf(core, item.id);
        words.push(`d${day}`);
        ok(core, 'saveDiscussion', { itemId: item.id, json: discussionJson([[...(texts[0] ?? '').split(' ').filter(Boolean), `d${day}`].join(' ')]) });
        if (day % 12 === 0) {
          titles.push(`Month ${day / 12}`);
          ok(core, 'addAgendaItem', { meetingId: draft, title: `Month ${day / 12}` });
        }
      });
      if (day === 180) {
        // Half way through the year the laptop is closed and opened again: the backlog is in its file.
        const file = core.store!.file;
        core.close();
        core = await tempCore(file);
      }
    }
    const waiting = status(core, boardId);
    expect(waiting).toMatchObject({ shared: true, connected: false, lastError: null });
    // What waits, as the administrator counts it: the discussion's item (saved 360 times) and the 30 items added, each once.
    expect(waiting.pending).toBe(1 + 30);
    expect(waiting.offlineSince?.slice(0, 10)).toBe(start.toISOString().slice(0, 10));
    const line = syncStatusLine(waiting, new Date());
    expect(line?.tone).toBe('offline');
    expect(line?.text).toMatch(new RegExp(`^Offline since \\d+ \\w+ ${start.getFullYear()} \\d\\d:\\d\\d · ${waiting.pending} changes waiting$`));

    await server!.restart();
    await until([a, core], () => inStep([a, core], boardId));
    expect(status(core, boardId)).toMatchObject({ connected: true, pending: 0, offlineSince: null, lastError: null });
    expect(status(core, boardId).lastSyncedAt).not.toBeNull();
    expect(paragraphsOf(a, item.id)).toEqual([words.join(' ')]);
    const theirTitles = a.store!.db.prepare('SELECT title FROM agenda_items WHERE meeting_id = ?').pluck().all(draft) as string[];
    for (const t of titles) expect(theirTitles).toContain(t);
    expectSame([a, core], boardId);
  }, 180_000);
});

describe('a sync server of another version', () => {
  for (const [format, side] of [
    ['ma3', 'update Matters Arising on this laptop'],
    ['ma1', 'update the sync server'],
  ] as const) {
    it(`(${format}) refuses the laptop with a message naming which side to update, shown in its status; the file and its waiting change are kept, and sent once both speak one format`, async () => {
      const { a, b, boardId, draft, invitation } = await sharedPair();
      const { dataFolder } = server!;
      const port = server!.server.port;
      await server!.stop();
      await until([a], disconnected(a, boardId));
      // A change made while the server is away waits to be sent.
      const waiting = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draft, title: 'Added while the server was replaced' }).item.id;
      expect(status(a, boardId).pending).toBe(1);
      const before = dump(a);
      // The council replaces its server with one of another version, on the same folder and port.
      server = await startTestSyncServer({ dataFolder, port, syncFormat: format });
      await until([a], () => status(a, boardId).lastError !== null);
      const expected = `The sync server refused this board: this server speaks sync format ${format}, and this laptop speaks ma2; ${side}.`;
      expect(status(a, boardId).lastError).toBe(expected);
      expect(syncStatusLine(status(a, boardId), new Date())).toEqual({ text: `Not syncing: ${expected}`, tone: 'error' });
      // The refusal is written to the sync status only: the board's records are as they were.
      const after = JSON.parse(dump(a)) as Array<[string, string[]]>;
      const old = JSON.parse(before) as Array<[string, string[]]>;
      expect(after.filter(([t]) => t !== 'sync_boards')).toEqual(old.filter(([t]) => t !== 'sync_boards'));

      // A laptop joining through it is refused with the same words and gets nothing.
      const c = await laptop('c');
      const joined = await c.callAsync('joinSharedBoard', { invitation });
      expect(joined.ok).toBe(false);
      if (!joined.ok) expect(joined.error.message).toBe(expected);
      expect(c.store!.db.prepare('SELECT count(*) FROM boards WHERE id = ?').pluck().get(boardId)).toBe(0);
      // Refused, nothing was sent or dropped: the change still waits.
      expect(status(a, boardId).pending).toBe(1);

      // The side that was behind is updated (here: a server of this laptop's format on the same folder).
      await server!.stop();
      server = await startTestSyncServer({ dataFolder, port });
      const title = (core: Core) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(waiting);
      await until([a, b], () => title(b) === 'Added while the server was replaced' && inStep([a, b], boardId));
      expect(status(a, boardId)).toMatchObject({ pending: 0, lastError: null });
      expectSame([a, b], boardId);
    });
  }
});
