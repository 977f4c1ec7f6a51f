// Crash safety, proven: the browser host is killed with SIGKILL at random moments while
// edits pour in through its API (new boards and meetings, renames, agenda items, typing
// autosaved into discussions, new actions). After each kill the data file must pass
// integrity_check and hold every save the API had acknowledged. And encrypting a plain file is
// killed at every step of its swap: the original is untouched until the rename, nothing is lost.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { apiOf } from './seed';
import { decryptedCopy, openTestFile } from '../helpers/testKey';
import { ENCRYPT_STEPS } from '../../electron/core/crypt/encryptFile';
import { discussionPlainText, parseDiscussionJson } from '../../shared/domain/discussion';
import { unpackDiscussion } from '../../electron/core/store/discussionPacked';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const WRITERS = 3;

/** A small deterministic PRNG (mulberry32), so a failing run can be replayed with CRASH_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A value edited over time: every version sent, and the index of the last one acknowledged. */
interface Versions {
  sent: string[];
  acked: number;
}

/** What the writers were told was saved. Each writer edits only its own records, so each record's versions have one order. */
interface Ledger {
  boards: Map<string, { writer: number; name: Versions }>;
  meetings: Map<string, { writer: number }>;
  items: Map<string, { writer: number; text: Versions }>;
  actions: Map<string, string>;
  acknowledged: number;
}

const discussionJson = (text: string): string =>
  JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text }] }] } });

const mine = <T extends { writer: number }>(map: Map<string, T>, writer: number): string[] => [...map].filter(([, v]) => v.writer === writer).map(([id]) => id);

test('SIGKILL at random moments loses no acknowledged save and never damages the file', async ({ dataFile, hosts }) => {
  test.setTimeout(15 * 60 * 1000);
  const rand = random(SEED);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  const ledger: Ledger = { boards: new Map(), meetings: new Map(), items: new Map(), actions: new Map(), acknowledged: 0 };
  let integrityFailures = 0;
  let lost = 0;

  for (let kill = 0; kill < KILLS; kill++) {
    const host = await hosts.start();
    const token = host.url.split('#token=')[1] ?? '';
    const api = async <T>(method: string, payload: unknown): Promise<T | null> => {
      const res = await fetch(`${host.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-matters-arising-token': token },
        body: JSON.stringify(payload),
      });
      const reply = (await res.json()) as { ok: boolean; value?: T };
      if (!reply.ok) return null;
      ledger.acknowledged++;
      return reply.value as T;
    };

    /** One edit by `writer`, chosen at random among those its records allow. */
    const edit = async (writer: number, n: number): Promise<void> => {
      const boards = mine(ledger.boards, writer);
      const meetings = mine(ledger.meetings, writer);
      const items = mine(ledger.items, writer);
      const roll = rand();
      if (boards.length === 0 || roll < 0.05) {
        const name = `Board ${kill}-${writer}-${n}`;
        const board = await api<{ id: string }>('createBoard', { name });
        if (board) ledger.boards.set(board.id, { writer, name: { sent: [name], acked: 0 } });
      } else if (roll < 0.1) {
        const id = pick(boards);
        const versions = ledger.boards.get(id)!.name;
        versions.sent.push(`Renamed ${kill}-${writer}-${n}`);
        if (await api('renameBoard', { boardId: id, name: versions.sent.at(-1) })) versions.acked = versions.sent.length - 1;
      } else if (meetings.length === 0 || roll < 0.2) {
        const date = `20${String(10 + Math.floor(rand() * 15))}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
        const meeting = await api<{ id: string }>('createMeeting', { boardId: pick(boards), date, startTime: '10:00' });
        if (meeting) ledger.meetings.set(meeting.id, { writer });
      } else if (items.length === 0 || roll < 0.3) {
        const added = await api<{ item: { id: string } }>('addAgendaItem', { meetingId: pick(meetings), title: `Item ${n}` });
        if (added) ledger.items.set(added.item.id, { writer, text: { sent: [''], acked: 0 } });
      } else if (roll < 0.4) {
        const action = await api<{ id: string; reference: string }>('addAction', { itemId: pick(items), details: `Action ${kill}-${n}`, due: 'next meeting' });
        if (action) ledger.actions.set(action.id, action.reference);
      } else {
        // Typing: each save carries the whole discussion so far, as the editor's autosave does.
        const id = items.at(-1)!;
        const versions = ledger.items.get(id)!.text;
        const text = `${versions.sent.at(-1) ?? ''} word${n}`.trim();
        versions.sent.push(text);
        if (await api('saveDiscussion', { itemId: id, json: discussionJson(text) })) versions.acked = versions.sent.length - 1;
      }
    };

    let stop = false;
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; !stop; n++) {
        try {
          await edit(w, n);
        } catch {
          return; // the host is gone
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    // Kill somewhere between "just started" and "well into a burst of writes".
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.floor(rand() * 400)));
    await host.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const db = openTestFile(dataFile);
    try {
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') integrityFailures++;
      /** The stored version must be the last acknowledged one, or a later one whose reply the kill cut off. */
      const keep = (versions: Versions, stored: string | undefined): void => {
        const at = stored === undefined ? -1 : versions.sent.lastIndexOf(stored);
        if (at < versions.acked) lost++;
        else versions.acked = at;
      };
      const names = new Map((db.prepare('SELECT id, name FROM boards').all() as { id: string; name: string }[]).map((b) => [b.id, b.name]));
      for (const [id, board] of ledger.boards) keep(board.name, names.get(id));
      const meetings = new Set(db.prepare('SELECT id FROM meetings').pluck().all() as string[]);
      for (const id of ledger.meetings.keys()) if (!meetings.has(id)) lost++;
      // The text as every reader gets it: kept where the JSON cannot give it, else derived from the JSON.
      const rows = (db.prepare('SELECT id, discussion_deflated, discussion_text FROM agenda_items').all() as { id: string; discussion_deflated: Buffer | null; discussion_text: string | null }[]).map(
        (r) => ({ id: r.id, discussion_json: unpackDiscussion(r.discussion_deflated), discussion_text: r.discussion_text }),
      );
      const texts = new Map(rows.map((i) => [i.id, i.discussion_text ?? discussionPlainText(parseDiscussionJson(i.discussion_json ?? '') ?? [])]));
      for (const [id, item] of ledger.items) keep(item.text, texts.get(id));
      const references = new Map((db.prepare('SELECT id, reference FROM actions').all() as { id: string; reference: string }[]).map((a) => [a.id, a.reference]));
      for (const [id, reference] of ledger.actions) if (references.get(id) !== reference) lost++;
    } finally {
      db.close();
    }
  }
  console.log(
    `crash harness (seed ${SEED}): ${KILLS} kills, ${ledger.acknowledged} acknowledged saves ` +
      `(${ledger.boards.size} boards, ${ledger.meetings.size} meetings, ${ledger.items.size} items typed into, ${ledger.actions.size} actions), ` +
      `${integrityFailures} integrity failures, ${lost} acknowledged saves lost`,
  );
  expect(integrityFailures).toBe(0);
  expect(lost).toBe(0);
  expect(ledger.acknowledged).toBeGreaterThan(KILLS);
});

for (const step of ENCRYPT_STEPS) {
  test(`encrypting a plain file, killed with SIGKILL at its "${step}" step, loses nothing and can be done again`, async ({ hosts, dataFile }) => {
    const sha = (): string => createHash('sha256').update(fs.readFileSync(dataFile)).digest('hex');
    const first = await hosts.start();
    const api = apiOf(first);
    await api('loadSampleBoard', {});
    await api('createBoard', { name: 'Board written before the crash' });
    const boards = JSON.stringify(await api('listBoards', {}));
    await first.stop();
    decryptedCopy(dataFile, `${dataFile}.plain`);
    fs.renameSync(`${dataFile}.plain`, dataFile);
    const plain = sha();

    const doomed = await hosts.start({ env: { MATTERS_ARISING_CRASH_AT_ENCRYPT_STEP: step } });
    await expect(apiOf(doomed)('encryptDataFile', {})).rejects.toThrow();
    await doomed.stop();
    expect(doomed.process.signalCode).toBe('SIGKILL');
    // Before the rename the data file is the plain original (opening it, the host had only
    // checkpointed it); from the rename on, it is the whole encrypted copy. Never anything between.
    const swapped = step === 'done';
    expect(fs.readFileSync(dataFile).subarray(0, 15).toString('latin1') === 'SQLite format 3').toBe(!swapped);
    if (swapped) expect(sha()).not.toBe(plain);

    const after = await hosts.start();
    const again = apiOf(after);
    expect(await again('getAppStatus', {})).toMatchObject({ state: 'ready', encrypted: swapped });
    expect(JSON.stringify(await again('listBoards', {}))).toBe(boards);
    if (!swapped) {
      expect(await again('encryptDataFile', {})).toMatchObject({ status: { state: 'ready', encrypted: true } });
      expect(JSON.stringify(await again('listBoards', {}))).toBe(boards);
    }
    expect(fs.existsSync(`${dataFile}.encrypting`)).toBe(false);
  });
}
