// The sync bench on the large store's data: sharing one of its boards for the first time (what a
// council does once), then a month of that board's activity made on one laptop while a second is
// shut, and the second catching up (from opening its file until its tables have the month). The
// second laptop is a copy of the first's file once shared (how a second laptop comes to hold the
// board does not change what catching up costs). Works on COPIES, never on the store
// itself. Real cores (mirror, projection, encrypted files) and the real sync server on 127.0.0.1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { startCore, type Core } from '../../electron/core/app';
import { syncEngine } from '../../electron/core/sync/engine';
import { pendingCount, storedDoc } from '../../electron/core/sync/updateStore';
import { keptVector } from '../../electron/core/sync/keptVectors';
import { vectorOfUpdate } from '../../electron/core/sync/meetingMarks';
import { startSyncServer } from '../../electron/syncServer/server';
import { copyStore, type Report } from './harness';

function must<T>(response: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!response.ok) throw new Error(response.error?.message ?? 'call failed');
  return response.value as T;
}

/** Resolves when `ready()` holds, checked on every event of the cores' sync engines. */
async function until(cores: Core[], ready: () => boolean): Promise<void> {
  while (!ready()) await Promise.race(cores.map((c) => syncEngine(c.store!).until(ready)));
}

/** Everything this laptop made is on the server and nothing received waits to be projected. */
function settled(core: Core, boardId: string): boolean {
  const board = syncEngine(core.store!).boards.get(boardId);
  return Boolean(board && board.connected && !board.holding && board.queue.length === 0 && board.wire?.settled() && pendingCount(core.store!.db, boardId) === 0);
}

/** Three paragraphs, in the JSON the editor writes (every field, so every laptop stores the same text). */
const DISCUSSION = (n: number): string => {
  const paragraph = (p: number) => ({
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text: `Item ${n}, paragraph ${p + 1}: the board received the report, asked questions on the figures and the risks, and noted it. `.repeat(3).trim(), type: 'text', version: 1 }],
    direction: 'ltr',
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    type: 'paragraph',
    version: 1,
  });
  return JSON.stringify({ root: { children: [0, 1, 2].map(paragraph), direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
};

/** A month of one board: the next meeting (30 items, discussions, decisions, actions) and the carried actions' updates and statuses. */
export function monthOfActivity(core: Core, boardId: string): { meetingId: string; calls: number } {
  const db = core.store!.db;
  const latest = db.prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? ORDER BY meeting_date DESC LIMIT 1').get(boardId) as { id: string; meeting_date: string };
  const date = new Date(Date.parse(latest.meeting_date) + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  let calls = 0;
  const call = <T>(method: string, payload: unknown): T => {
    calls++;
    return must<T>(core.call(method, payload));
  };
  const meetingId = call<{ id: string }>('startNextMeeting', { fromMeetingId: latest.id, date, startTime: '10:00', endTime: '12:00' }).id;
  const existing = (db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(meetingId) as number) ?? 0;
  for (let i = existing; i < 30; i++) call('addAgendaItem', { meetingId, title: `Agenda item ${i + 1}` });
  const items = db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY number').pluck().all(meetingId) as string[];
  items.forEach((itemId, n) => {
    call('saveDiscussion', { itemId, json: DISCUSSION(n + 1) });
    call('addDecision', { itemId, text: 'The recommendations were agreed.' });
    if (n % 2 === 0) call('addAction', { itemId, details: `Bring back costed options for item ${n + 1}`, owners: [{ name: 'AF' }], due: 'next meeting' });
  });
  const carried = db.prepare('SELECT action_id FROM carried_actions WHERE meeting_id = ? ORDER BY position').pluck().all(meetingId) as string[];
  carried.forEach((actionId, n) => {
    if (n % 3 === 0) call('recordActionProgress', { actionId, date, text: 'Chased by email; reply expected before the meeting.', status: 'in_progress' });
    call('recordActionUpdate', { meetingId, actionId, status: n % 4 === 0 ? 'done' : 'in_progress', text: 'Reported at the meeting.' });
  });
  return { meetingId, calls };
}

/** `catchUp` false: only the first share of the board is measured (for the 250-meeting board, minutes). */
export async function syncCatchUpOnCopy(report: Report, source: string, key: StoreKey | null, label: string, catchUp = true): Promise<void> {
  if (!fs.existsSync(source)) return report.skip(`sync, ${label}`, `no store at ${source} (npm run bench:data builds it)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-sync-large-'));
  const fileA = path.join(dir, 'laptop-a.sqlite');
  const fileB = path.join(dir, 'laptop-b.sqlite');
  copyStore(source, fileA);
  const server = await startSyncServer({ dataFolder: path.join(dir, 'sync-server'), port: 0, key, log: () => undefined });
  let a: Core | null = null;
  let b: Core | null = null;
  try {
    a = await startCore(fileA, {}, { openedBriefly: true });
    await a.store?.integrity;
    const board = a.store!.db.prepare('SELECT b.id, count(m.id) AS meetings FROM boards b JOIN meetings m ON m.board_id = b.id GROUP BY b.id ORDER BY b.name LIMIT 1').get() as { id: string; meetings: number };
    const rows = (sql: string) => a!.store!.db.prepare(sql).pluck().get(board.id) as number;
    const size = `${board.meetings} meetings, ${rows('SELECT count(*) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE m.board_id = ?')} items, ${rows('SELECT count(*) FROM actions WHERE board_id = ?')} actions`;

    let start = performance.now();
    must(await a.callAsync('shareBoard', { boardId: board.id, serverUrl: server.url }));
    const shareCall = performance.now() - start;
    const engineA = syncEngine(a.store!);
    await until([a], () => engineA.boards.get(board.id)?.preparing === null);
    const built = performance.now() - start;
    await until([a], () => settled(a!, board.id));
    const shared = performance.now() - start;
    const stored = rows('SELECT count(*) FROM sync_updates WHERE board_id = ?');
    report.add(`sync, ${label}: first share of a board (${size}) until the server holds it all`, [shared], {
      note: `the share call itself ${shareCall.toFixed(0)} ms; its documents built in the background (a meeting per step, the app answering between) in ${(built / 1000).toFixed(1)} s; ${stored} updates stored on the laptop`,
    });

    if (!catchUp) return;
    // The second laptop: the first's file as it stands, everything acknowledged by the server.
    a.close();
    copyStore(fileA, fileB);
    a = await startCore(fileA, {}, { openedBriefly: true });
    await until([a], () => settled(a!, board.id));

    // The second laptop is shut for a month; the first records the month.
    const lastSeq = rows('SELECT coalesce(max(seq), 0) FROM sync_updates WHERE board_id = ?');
    start = performance.now();
    const month = monthOfActivity(a, board.id);
    const madeIn = performance.now() - start;
    await until([a], () => settled(a!, board.id));
    const monthUpdates = a.store!.db.prepare("SELECT count(*) FROM sync_updates WHERE board_id = ? AND origin = 'local' AND seq > ?").pluck().get(board.id, lastSeq) as number;
    const items = (core: Core) => core.store!.db.prepare('SELECT count(*) FROM agenda_items WHERE meeting_id = ?').pluck().get(month.meetingId) as number;
    const statuses = (core: Core) =>
      JSON.stringify(core.store!.db.prepare('SELECT id, status FROM actions WHERE board_id = ? ORDER BY id').all(board.id));
    const want = { items: items(a), statuses: statuses(a) };

    start = performance.now();
    b = await startCore(fileB, {}, { openedBriefly: true });
    const opened = performance.now() - start;
    // What sharing adds to opening: the board's document read and its meetings' stored updates handed to the wire.
    const syncOpen = performance.now();
    syncEngine(b.store!).close(board.id);
    syncEngine(b.store!).resume();
    const syncOpened = performance.now() - syncOpen;
    const bCore = b;
    await until([a, bCore], () => items(bCore) === want.items && statuses(bCore) === want.statuses && settled(bCore, board.id));
    report.add(`sync, ${label}: a laptop shut for a month catches up (a new ${want.items}-item meeting, discussions, decisions, actions, carried actions' updates and statuses)`, [performance.now() - start], {
      note: `from opening its file (${(opened / 1000).toFixed(1)} s of it; opening the shared board's documents again alone: ${(syncOpened / 1000).toFixed(2)} s) until its tables have the month; the month was ${month.calls} core calls (${(madeIn / 1000).toFixed(1)} s on the first laptop), ${monthUpdates} local updates stored there`,
    });
    statesForConnecting(report, label, bCore, board.id);
  } catch (err) {
    report.skip(`sync, ${label}`, err instanceof Error ? err.message : String(err));
  } finally {
    a?.close();
    b?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What connecting needs of each meeting (where this file's copy stands), read both ways on the
 * caught-up laptop: merging each meeting's stored updates (before migration 0016) and the kept vector.
 */
function statesForConnecting(report: Report, label: string, core: Core, boardId: string): void {
  const db = core.store!.db;
  const names = db.prepare("SELECT doc_name FROM sync_doc_vectors WHERE board_id = ? AND doc_name LIKE '%/meeting/%'").pluck().all(boardId) as string[];
  let start = performance.now();
  for (const name of names) vectorOfUpdate(storedDoc(db, name) ?? new Uint8Array([0, 0]));
  const merged = performance.now() - start;
  start = performance.now();
  for (const name of names) keptVector(db, name);
  const kept = performance.now() - start;
  report.add(`sync, ${label}: where each of the ${names.length} meetings' copies stands, read for connecting`, [kept], {
    note: `from the kept state vectors (sync_doc_vectors); from each meeting's stored updates merged, as before: ${(merged / 1000).toFixed(2)} s`,
  });
}
