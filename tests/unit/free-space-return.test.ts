// A data file's free space given back to the disk (db/freeSpace.ts): a compact copy written while
// the file is open takes its place when it is closed, only if it holds exactly what the file holds.
// The thresholds are set small here so that a test file's few MB of free space count.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore, type Core } from '../../electron/core/app';
import type { BoardSummary, MeetingDetail, MinutesItem } from '../../shared/contract';
import { COMPACT_IDLE_MS, compactCopyFile, fileSpace } from '../../electron/core/db/freeSpace';
import { dump, ok, tempCore, tempDir } from '../helpers/temp';

const SMALL = { bytes: 256 * 1024, share: 0.25 };

/** Paragraphs of words drawn from a vocabulary (as minutes are: they pack down, but not to nothing). */
const VOCABULARY = Array.from({ length: 400 }, (_, i) => `w${(i * 7919).toString(36)}x${i.toString(36)}`);
function longDiscussion(seed: number, words: number): string {
  let a = seed;
  const text: string[] = [];
  for (let i = 0; i < words; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    text.push(VOCABULARY[a % VOCABULARY.length]!);
  }
  const paragraph = { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: text.join(' '), format: 0, detail: 0, mode: 'normal', style: '' }] };
  return JSON.stringify({ root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph] } });
}

/** A file whose long discussions were cut short: most of its pages are then free. */
function freeSomeSpace(core: Core): { itemIds: string[] } {
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Safeguarding Board' });
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2026-02-19' });
  const itemIds: string[] = [];
  for (let i = 0; i < 24; i++) {
    const { item } = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: meeting.id, title: `Item ${i + 1}` });
    ok(core, 'saveDiscussion', { itemId: item.id, json: longDiscussion(i + 1, 18_000) });
    itemIds.push(item.id);
  }
  for (const itemId of itemIds) ok(core, 'saveDiscussion', { itemId, json: longDiscussion(1000 + itemIds.indexOf(itemId), 20) });
  core.store!.db.pragma('wal_checkpoint(TRUNCATE)');
  return { itemIds };
}

const cores: Core[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const core of cores.splice(0)) core.close();
});

describe('giving the data file its free space back', () => {
  it('a file with much free space is replaced on closing by a compact copy holding exactly what it held', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await tempCore(file);
    freeSomeSpace(core);
    const before = fileSpace(core.store!.db);
    expect(before.free).toBeGreaterThan(before.bytes / 2);
    const rows = dump(core);
    const store = core.store!;
    store.freeSpace.thresholds = SMALL;
    store.freeSpace.begin();
    expect(await store.freeSpace.settled()).toBe(true);
    // Until the file is closed, the copy waits beside it and the file is as it was.
    expect(fs.existsSync(compactCopyFile(file))).toBe(true);
    expect(fs.statSync(file).size).toBe(before.bytes);
    core.close();
    expect(fs.existsSync(compactCopyFile(file))).toBe(false);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(before.bytes - before.free + 64 * 1024);

    const again = await tempCore(file);
    expect(again.status.state).toBe('ready');
    expect(fileSpace(again.store!.db).free).toBe(0);
    // Every row, the search index's included (its own file, still agreeing with the data file's change log).
    expect(dump(again)).toBe(rows);
    expect(again.store!.db.pragma('quick_check', { simple: true })).toBe('ok');
  });

  it('a write after the copy began keeps the file as it is, with the write; a copy made again is used', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await tempCore(file);
    freeSomeSpace(core);
    const before = fileSpace(core.store!.db);
    core.store!.freeSpace.thresholds = SMALL;
    core.store!.freeSpace.begin();
    expect(await core.store!.freeSpace.settled()).toBe(true);
    ok(core, 'createBoard', { name: 'Written after the copy' });
    expect(core.store!.freeSpace.current()).toBe(false);
    core.close();
    expect(fs.existsSync(compactCopyFile(file))).toBe(false);
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(before.bytes);

    const again = await tempCore(file);
    const names = (c: Core): string[] => ok<BoardSummary[]>(c, 'listBoards', {}).map((b) => b.name).sort();
    expect(names(again)).toEqual(['Safeguarding Board', 'Written after the copy']);
    expect(fileSpace(again.store!.db).free).toBeGreaterThan(before.free / 2);
    again.store!.freeSpace.thresholds = SMALL;
    again.store!.freeSpace.begin();
    expect(await again.store!.freeSpace.settled()).toBe(true);
    const rows = dump(again);
    again.close();
    const third = await tempCore(file);
    expect(fileSpace(third.store!.db).free).toBe(0);
    expect(names(third)).toEqual(['Safeguarding Board', 'Written after the copy']);
    expect(dump(third)).toBe(rows);
  });

  it('a copy still being written when the file closes is not used, and is removed once written', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await tempCore(file);
    freeSomeSpace(core);
    const rows = dump(core);
    const before = fileSpace(core.store!.db);
    core.store!.freeSpace.thresholds = SMALL;
    const freeSpace = core.store!.freeSpace;
    freeSpace.begin();
    core.close();
    expect(await freeSpace.settled()).toBe(false);
    expect(fs.existsSync(compactCopyFile(file))).toBe(false);
    const again = await tempCore(file);
    expect(dump(again)).toBe(rows);
    expect(fileSpace(again.store!.db).free).toBeGreaterThan(before.free * 0.9);
  });

  it('a copy left beside the file by an app that stopped is never used', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await tempCore(file);
    freeSomeSpace(core);
    core.store!.freeSpace.thresholds = SMALL;
    core.store!.freeSpace.begin();
    expect(await core.store!.freeSpace.settled()).toBe(true);
    // The app stops here (the copy is kept aside as it would be left), and the file is written again before the next close.
    const left = path.join(tempDir(), 'left-copy.sqlite');
    fs.copyFileSync(compactCopyFile(file), left);
    core.close();
    const next = await tempCore(file);
    ok(next, 'createBoard', { name: 'Written after the copy was left' });
    const rows = dump(next);
    next.close();
    fs.copyFileSync(left, compactCopyFile(file));
    const again = await tempCore(file);
    expect(fs.existsSync(compactCopyFile(file))).toBe(false);
    again.close();
    const last = await tempCore(file);
    expect(dump(last)).toBe(rows);
  });

  it('a copy that cannot be written leaves the file as it is, and is not tried again while it is open', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const core = await tempCore(file);
    freeSomeSpace(core);
    const rows = dump(core);
    const before = fileSpace(core.store!.db);
    // Something in the copy's place that cannot be written over (as a full disk refuses the copy).
    fs.mkdirSync(compactCopyFile(file));
    core.store!.freeSpace.thresholds = SMALL;
    core.store!.freeSpace.begin();
    expect(await core.store!.freeSpace.settled()).toBe(false);
    fs.rmdirSync(compactCopyFile(file));
    core.store!.freeSpace.begin();
    expect(await core.store!.freeSpace.settled()).toBe(false);
    expect(fs.existsSync(compactCopyFile(file))).toBe(false);
    core.close();
    const again = await tempCore(file);
    expect(dump(again)).toBe(rows);
    expect(fileSpace(again.store!.db).free).toBeGreaterThan(before.free * 0.9);
  });

  it('in the app, the copy is made once the file is checked, and made again after a pause in writing', async () => {
    const file = path.join(tempDir(), 'minutes.sqlite');
    const first = await tempCore(file);
    freeSomeSpace(first);
    first.close();
    // Automatic backups on, as in the app (tempCore turns them off, with the free space's return).
    const core = await startCore(file, {}, {});
    cores.push(core);
    const store = core.store!;
    store.freeSpace.thresholds = SMALL;
    // The thresholds were the real ones when the file was checked: nothing to give back then.
    expect(await store.freeSpace.settled()).toBe(false);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    ok(core, 'createBoard', { name: 'A write, then a pause' });
    expect(await store.freeSpace.settled()).toBe(false);
    vi.advanceTimersByTime(COMPACT_IDLE_MS - 1);
    expect(await store.freeSpace.settled()).toBe(false);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    expect(await store.freeSpace.settled()).toBe(true);
    await core.backupsSettled();
    const rows = dump(core);
    core.close();
    const again = await tempCore(file);
    expect(fileSpace(again.store!.db).free).toBe(0);
    expect(dump(again)).toBe(rows);
  });
});
