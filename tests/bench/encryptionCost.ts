// The cost of encryption: the same core calls timed on the large store encrypted and on a plain
// copy of it, side by side, so the table shows the encrypted one as a ratio of the plain one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';
import { keyedTarget, openWithKey, type StoreKey } from '../../electron/core/crypt/cipher';
import { inspectDataFile } from '../../electron/core/db/file';
import { timeRuns, type Report } from './harness';

function must<T>(response: ReturnType<Core['call']>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

/** Writes the store to `target` encrypted with `key`, or plain when `key` is null (VACUUM INTO; the source is only read). */
function copyAs(source: string, sourceKey: StoreKey | null, target: string, key: StoreKey | null): void {
  for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(target + suffix, { force: true });
  const db = openWithKey(source, sourceKey, { readonly: true, fileMustExist: true });
  try {
    // A plain target is written through a key, then the key is taken off (VACUUM INTO keeps the source's cipher).
    db.prepare('VACUUM INTO ?').run(keyedTarget(target, key ?? sourceKey));
  } finally {
    db.close();
  }
  if (key === null && sourceKey !== null) {
    const copy = openWithKey(target, sourceKey);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma("rekey = ''");
    } finally {
      copy.close();
    }
  }
}

async function measure(report: Report, file: string, key: StoreKey | null, label: 'plain' | 'encrypted'): Promise<void> {
  const baseline = (what: string): string | undefined => (label === 'encrypted' ? `encryption cost: ${what} (plain copy)` : undefined);
  const name = (what: string): string => `encryption cost: ${what} (${label === 'plain' ? 'plain copy' : 'encrypted'})`;
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const core = await startCore(file, { key }, { openedBriefly: true });
    opens.push(performance.now() - start);
    await core.store?.integrity;
    core.close();
  }
  report.add(name('open the large store'), opens, { baseline: baseline('open the large store') });
  const core = await startCore(file, { key }, { openedBriefly: true });
  try {
    if (core.status.state !== 'ready') throw new Error(`the ${label} copy did not open`);
    const db = core.store!.db;
    const boards = must<{ id: string }[]>(core.call('listBoards', {}));
    const meetingIds = db.prepare('SELECT id FROM meetings ORDER BY meeting_date DESC LIMIT 50').pluck().all() as string[];
    let i = 0;
    const rows: Array<[string, number, () => unknown]> = [
      ["list a board's meetings", 30, () => must(core.call('listMeetings', { boardId: boards[0]!.id }))],
      ['outstanding actions, all boards', 20, () => must(core.call('outstandingActions', {}))],
      ['open a meeting (getMinutes)', 50, () => must(core.call('getMinutes', { meetingId: meetingIds[i++ % meetingIds.length] }))],
    ];
    for (const [what, runs, fn] of rows) report.add(name(what), await timeRuns(runs, fn), { baseline: baseline(what) });
  } finally {
    core.close();
  }
}

/** Times a few core calls on an encrypted and a plain copy of the large store (whichever it is, the other is made). */
export async function encryptionCost(report: Report, largeStore: string, key: StoreKey | null): Promise<void> {
  if (!key) return report.skip('encryption cost', 'no key (MATTERS_ARISING_KEY) to encrypt a copy with');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-cipher-'));
  try {
    const isPlain = inspectDataFile(largeStore).kind === 'sqlite';
    const plain = isPlain ? largeStore : path.join(dir, 'plain.sqlite');
    const encrypted = isPlain ? path.join(dir, 'encrypted.sqlite') : largeStore;
    if (isPlain) copyAs(largeStore, null, encrypted, key);
    else copyAs(largeStore, key, plain, null);
    await measure(report, plain, null, 'plain');
    await measure(report, encrypted, key, 'encrypted');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
