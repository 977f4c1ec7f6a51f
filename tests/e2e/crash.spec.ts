// Crash safety, proven: the browser host is killed with SIGKILL at random moments while
// edits pour in through its API; after each kill the data file must pass integrity_check
// and hold every save the API had acknowledged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startHost } from './host';

const KILLS = Number(process.env.CRASH_KILLS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

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

interface Acknowledged {
  /** id -> every name sent for the board, in order. */
  boards: Map<string, string[]>;
  /** id -> index in `boards` of the last name whose save was acknowledged. */
  boardAck: Map<string, number>;
  /** id -> the writer that renames it (one writer per board, so renames have one order). */
  boardOwner: Map<string, number>;
  meetings: Set<string>;
}

test('SIGKILL at random moments loses no acknowledged save and never damages the file', async () => {
  test.setTimeout(10 * 60 * 1000);
  const rand = random(SEED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-crash-'));
  const dataFile = path.join(dir, 'minutes.sqlite');
  const ack: Acknowledged = { boards: new Map(), boardAck: new Map(), boardOwner: new Map(), meetings: new Set() };
  let acknowledged = 0;
  let integrityFailures = 0;
  let lost = 0;

  try {
    for (let kill = 0; kill < KILLS; kill++) {
      const host = await startHost(dataFile);
      const token = host.url.split('#token=')[1] ?? '';
      const api = async (method: string, payload: unknown): Promise<{ ok: boolean; value?: { id: string } }> => {
        const res = await fetch(`${host.origin}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-matters-arising-token': token },
          body: JSON.stringify(payload),
        });
        return (await res.json()) as { ok: boolean; value?: { id: string } };
      };

      let stop = false;
      const writer = async (worker: number): Promise<void> => {
        let n = 0;
        while (!stop) {
          n++;
          try {
            const boardIds = [...ack.boards.keys()];
            const mine = boardIds.filter((id) => ack.boardOwner.get(id) === worker);
            const choice = rand();
            if (mine.length === 0 || choice < 0.2) {
              const name = `Board ${kill}-${worker}-${n}`;
              const reply = await api('createBoard', { name });
              if (reply.ok && reply.value) {
                ack.boards.set(reply.value.id, [name]);
                ack.boardAck.set(reply.value.id, 0);
                ack.boardOwner.set(reply.value.id, worker);
                acknowledged++;
              }
            } else if (choice < 0.6) {
              const boardId = boardIds[Math.floor(rand() * boardIds.length)]!;
              const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
              const reply = await api('createMeeting', { boardId, date: `2014-0${1 + Math.floor(rand() * 9)}-${day}`, startTime: '10:00' });
              if (reply.ok && reply.value) {
                ack.meetings.add(reply.value.id);
                acknowledged++;
              }
            } else {
              const boardId = mine[Math.floor(rand() * mine.length)]!;
              const names = ack.boards.get(boardId)!;
              const name = `Renamed ${kill}-${worker}-${n}`;
              names.push(name);
              const reply = await api('renameBoard', { boardId, name });
              if (reply.ok) {
                ack.boardAck.set(boardId, names.length - 1);
                acknowledged++;
              }
            }
          } catch {
            return; // the host is gone
          }
        }
      };
      const writers = [writer(1), writer(2), writer(3)];
      // Kill somewhere between "just started" and "well into a burst of writes".
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.floor(rand() * 400)));
      await host.stop('SIGKILL');
      stop = true;
      await Promise.all(writers);

      const db = new Database(dataFile);
      try {
        const integrity = db.pragma('integrity_check', { simple: true });
        if (integrity !== 'ok') integrityFailures++;
        const boards = new Map((db.prepare('SELECT id, name FROM boards').all() as { id: string; name: string }[]).map((b) => [b.id, b.name]));
        const meetings = new Set(db.prepare('SELECT id FROM meetings').pluck().all() as string[]);
        for (const [id, names] of ack.boards) {
          const stored = boards.get(id);
          // The stored name is the last acknowledged one, or a later one whose reply the kill cut off.
          if (stored === undefined || names.indexOf(stored) < (ack.boardAck.get(id) ?? 0)) lost++;
          else ack.boardAck.set(id, names.indexOf(stored));
        }
        for (const id of ack.meetings) if (!meetings.has(id)) lost++;
        // Boards whose creation reply was lost may exist: adopt them so later rounds use them.
        for (const [id, name] of boards) {
          if (!ack.boards.has(id)) {
            ack.boards.set(id, [name]);
            ack.boardAck.set(id, 0);
            ack.boardOwner.set(id, Number(/^Board \d+-(\d+)-/.exec(name)?.[1] ?? 1));
          }
        }
      } finally {
        db.close();
      }
    }
    console.log(`crash harness (seed ${SEED}): ${KILLS} kills, ${acknowledged} acknowledged saves, ${integrityFailures} integrity failures, ${lost} acknowledged saves lost`);
    expect(integrityFailures).toBe(0);
    expect(lost).toBe(0);
    expect(acknowledged).toBeGreaterThan(KILLS);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
