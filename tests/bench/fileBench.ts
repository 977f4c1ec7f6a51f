// Bench: what the large store's file costs per meeting, table by table, against the minutes' own
// JSON and text; and backing it up and checking it, with how long the main thread was held up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { startCore } from '../../electron/core/app';
import { keyedTarget, openWithKey } from '../../electron/core/crypt/cipher';
import { applyMigrations, LATEST_VERSION } from '../../electron/core/db/migrations';
import { backupBeforeMigration, backupTo } from '../../electron/core/db/backup';
import { keptValuesWrong, rebuildActionSummaries } from '../../electron/core/store/actionSummary';
import { ensureSearchIndex } from '../../electron/core/store/searchIndex';
import { attachSearchIndex, searchIndexFile } from '../../electron/core/store/searchIndexFile';
import { environmentKey } from '../../electron/core/crypt/keySource';
import { quickCheckInBackground } from '../../electron/core/db/integrity';
import { fileSpace, worthGivingBack } from '../../electron/core/db/freeSpace';
import type { Database } from '../../electron/core/db/driver';
import { DISCUSSION_COLUMN, discussionJsonSql, registerDiscussionJson, storesPacked } from '../../electron/core/store/discussionPacked';
import { type Report, settleHeap } from './harness';

const KB = 1024;

/**
 * The minutes' own words, in bytes: what someone typed or the editor saved, each once. The
 * discussions' Lexical JSON as the editor saved it, uncompressed, whatever form the file stores it
 * in (packed since migration 0020: store/discussionPacked.ts; their plain text is derived from it,
 * so not counted again), item numbers and titles, decisions, actions' references, details and dues
 * as written, owners as printed, progress updates, and attendance (names, initials, roles).
 */
const ownContentSql = (db: Database): string => `SELECT
  (SELECT coalesce(sum(length(CAST(coalesce(${discussionJsonSql(db, 'agenda_items')}, '') AS BLOB)) + length(CAST(title AS BLOB)) + length(number)), 0) FROM agenda_items)
  + (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM decisions)
  + (SELECT coalesce(sum(length(CAST(details AS BLOB)) + length(reference) + coalesce(length(due_text), 0)), 0) FROM actions)
  + (SELECT coalesce(sum(length(CAST(coalesce(printed_as, name_text, '') AS BLOB))), 0) FROM action_owners)
  + (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM action_updates)
  + (SELECT coalesce(sum(length(CAST(display_name AS BLOB)) + coalesce(length(initials), 0) + coalesce(length(role), 0)), 0) FROM attendance)`;

/** The discussions' JSON as saved and as the file stores it (packed or not), in bytes. */
const discussionBytesSql = (db: Database): string =>
  `SELECT coalesce(sum(length(CAST(${discussionJsonSql(db, 'agenda_items')} AS BLOB))), 0) AS saved,
     coalesce(sum(length(${storesPacked(db) ? DISCUSSION_COLUMN : 'CAST(discussion_json AS BLOB)'})), 0) AS stored FROM agenda_items`;

const BASELINE = "large store: the minutes' own JSON and text per meeting (baseline)";

/**
 * A store built by an older version is upgraded first, as opening it in the app would, step by
 * step so each is timed: the connection set up as db/open.ts sets it up, the backup before the
 * upgrade, the migrations (and kept values) in one transaction, then the search index rebuilt for
 * the new schema. Then the app opens it, finding nothing left to do.
 */
export async function upgradeIfOlder(report: Report, file: string): Promise<void> {
  const db = openWithKey(file, environmentKey(), { fileMustExist: true });
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from >= LATEST_VERSION) {
    db.close();
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-upgrade-'));
  try {
    for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000', 'secure_delete = ON', 'cache_size = -65536', 'mmap_size = 268435456']) db.pragma(pragma);
    const step = async (name: string, run: () => unknown): Promise<void> => {
      const start = performance.now();
      await run();
      report.add(`large store: upgrade from format ${from} to ${LATEST_VERSION}: ${name}`, [performance.now() - start]);
    };
    await step('backup first', () => backupBeforeMigration(db, file, from, dir, environmentKey()));
    await step('migrations, in one transaction', () =>
      db.transaction(() => {
        applyMigrations(db);
        if (keptValuesWrong(db)) rebuildActionSummaries(db);
      })(),
    );
    await step('checkpoint', () => db.pragma('wal_checkpoint(TRUNCATE)'));
    await step('search index rebuilt for the new schema (in its own file since format 23)', () => {
      attachSearchIndex(db, file, environmentKey());
      ensureSearchIndex(db);
    });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const core = await startCore(file, {}, { openedBriefly: true });
  core.close();
}

/**
 * The free space the app gives back (db/freeSpace.ts): the store opened as the app opens it, its
 * compact copy written on a worker thread, put in place as the file is closed. Upgrades free much
 * of a file (format 23 moved the search index out); this leaves the store as the app leaves it,
 * so the rows after measure the file a user keeps. A store with little free space is left alone.
 */
export async function giveBackFreeSpace(report: Report, file: string): Promise<void> {
  const core = await startCore(file, {}, { openedBriefly: true });
  const store = core.store;
  if (!store) throw new Error(`${file} did not open: ${JSON.stringify(core.status)}`);
  let closed = false;
  try {
    await store.integrity;
    const before = fileSpace(store.db);
    if (!worthGivingBack(before)) {
      report.skip('large store: free space given back to the disk', `${(before.free / 2 ** 20).toFixed(0)} MB free of ${(before.bytes / 2 ** 20).toFixed(0)} MB: too little to give back`);
      return;
    }
    const copied = await longestStall(async () => {
      store.freeSpace.begin();
      if (!(await store.freeSpace.settled())) throw new Error('the compact copy was not made');
    });
    const closing = performance.now();
    core.close();
    closed = true;
    const closeMs = performance.now() - closing;
    const after = fs.statSync(file).size;
    report.add('large store: free space given back: compact copy written while open (worker thread)', [copied.ms], {
      note: `${(before.bytes / 2 ** 20).toFixed(0)} MB with ${(before.free / 2 ** 20).toFixed(0)} MB free, now ${(after / 2 ** 20).toFixed(0)} MB; longest main-thread stall ${copied.stall.toFixed(1)} ms (${busyNote(copied)})`,
    });
    report.add('large store: free space given back: closing the file, the copy put in its place', [closeMs]);
  } finally {
    if (!closed) core.close();
  }
}

export function dataFilePerMeeting(report: Report, file: string, label = 'large store'): void {
  const db = openWithKey(file, environmentKey(), { readonly: true, fileMustExist: true });
  try {
    const meetings = db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    registerDiscussionJson(db);
    const own = db.prepare(ownContentSql(db)).pluck().get() as number;
    const discussions = db.prepare(discussionBytesSql(db)).get() as { saved: number; stored: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const fileBytes = (db.pragma('page_count', { simple: true }) as number) * pageSize;
    const freeBytes = (db.pragma('freelist_count', { simple: true }) as number) * pageSize;
    if (label === 'large store') report.add(BASELINE, [own / meetings / KB], { unit: 'KB', note: `${(own / 2 ** 20).toFixed(0)} MB in all, ${meetings} meetings` });
    report.add(`${label}: the discussions' JSON per meeting, as the file stores it`, [discussions.stored / meetings / KB], {
      unit: 'KB',
      note: `as the editor saved it ${(discussions.saved / meetings / KB).toFixed(1)} KB a meeting (${(discussions.saved / 2 ** 20).toFixed(0)} MB), stored ${(discussions.stored / 2 ** 20).toFixed(0)} MB`,
    });
    report.add(`${label}: data file per meeting`, [fileBytes / meetings / KB], { unit: 'KB', baseline: BASELINE, maxRatio: 2, note: `${(fileBytes / 2 ** 20).toFixed(0)} MB` });
    report.add(`${label}: data file per meeting, pages in use`, [(fileBytes - freeBytes) / meetings / KB], {
      unit: 'KB',
      baseline: BASELINE,
      maxRatio: 2,
      note: `${(freeBytes / 2 ** 20).toFixed(0)} MB free, reused by later writes, returned to the disk by compacting`,
    });
    // Each table with its indexes (dbstat counts every page of the file once; free pages are not in it).
    const byTable = db
      .prepare(
        `SELECT coalesce(s.tbl_name, d.name) AS tbl, sum(d.pgsize) AS bytes, sum(d.unused) AS unused FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name
         GROUP BY tbl ORDER BY bytes DESC`,
      )
      .all() as Array<{ tbl: string; bytes: number; unused: number }>;
    // Since format 23 the index is a file of its own beside the data file: none of it is in here.
    const search = byTable.filter((t) => t.tbl.startsWith('search_')).reduce((sum, t) => sum + t.bytes, 0);
    report.add(`${label}: the search index inside the data file (search_* tables) per meeting`, [search / meetings / KB], { unit: 'KB', note: `${(search / 2 ** 20).toFixed(0)} MB` });
    const index = searchIndexFile(file);
    if (fs.existsSync(index)) {
      const indexBytes = fs.statSync(index).size;
      report.add(`${label}: the search index file beside it (derived, rebuilt when missing; not in backups) per meeting`, [indexBytes / meetings / KB], {
        unit: 'KB',
        baseline: BASELINE,
        note: `${(indexBytes / 2 ** 20).toFixed(0)} MB`,
      });
      report.add(`${label}: data file and search index file together per meeting`, [(fileBytes + indexBytes) / meetings / KB], { unit: 'KB', baseline: BASELINE });
    }
    for (const t of byTable.filter((x) => x.bytes / fileBytes >= 0.002)) {
      report.add(`${label}: ${t.tbl} (with its indexes) per meeting`, [t.bytes / meetings / KB], {
        unit: 'KB',
        note: `${(t.bytes / 2 ** 20).toFixed(1)} MB, ${((100 * t.bytes) / fileBytes).toFixed(1)}% of the file, ${((100 * t.unused) / t.bytes).toFixed(0)}% of its pages unused`,
      });
    }
  } finally {
    db.close();
  }
}

/** Compacting (VACUUM INTO a new file, encrypted with the same key): how long it takes and what the file would be. */
export function compactedCopy(report: Report, file: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-compact-'));
  const db = openWithKey(file, environmentKey(), { readonly: true, fileMustExist: true });
  try {
    const meetings = db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    const target = path.join(dir, 'compact.sqlite');
    const start = performance.now();
    db.prepare('VACUUM INTO ?').run(keyedTarget(target, environmentKey()));
    report.add('large store: compact (VACUUM INTO a new file)', [performance.now() - start]);
    const bytes = fs.statSync(target).size;
    report.add('large store: data file per meeting, compacted', [bytes / meetings / KB], { unit: 'KB', baseline: BASELINE, maxRatio: 2, note: `${(bytes / 2 ** 20).toFixed(0)} MB` });
    dataFilePerMeeting(report, target, 'large store compacted');
    compactedIndex(report, file, dir, meetings);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The search index file compacted too (VACUUM INTO), as a fresh build of it would be. */
function compactedIndex(report: Report, file: string, dir: string, meetings: number): void {
  if (!fs.existsSync(searchIndexFile(file))) return;
  const db = openWithKey(searchIndexFile(file), environmentKey(), { readonly: true, fileMustExist: true });
  try {
    const target = path.join(dir, 'compact-search');
    db.prepare('VACUUM INTO ?').run(keyedTarget(target, environmentKey()));
    const bytes = fs.statSync(target).size;
    report.add('large store: the search index file per meeting, compacted', [bytes / meetings / KB], { unit: 'KB', baseline: BASELINE, note: `${(bytes / 2 ** 20).toFixed(0)} MB` });
  } finally {
    db.close();
  }
}

/**
 * Runs `work` while a 5 ms timer ticks: the longest the main thread went without ticking, and how
 * much of the time the main thread itself was busy (its event loop's active time). A stall with
 * the main thread idle is the machine's scheduler (another thread or process on the core), not
 * the work holding up the screen.
 */
async function longestStall(work: () => Promise<unknown>): Promise<{ ms: number; stall: number; busy: number; at: number; gc: number; gcInStall: number }> {
  const loop = performance.eventLoopUtilization();
  // The bench's own garbage collections: a pause of this process, not of the work measured.
  const pauses: { start: number; end: number }[] = [];
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  gcs.observe({ entryTypes: ['gc'] });
  let last = performance.now();
  let stall = 0;
  let stallFrom = last;
  const note = (now: number): void => {
    if (now - last > stall) {
      stall = now - last;
      stallFrom = last;
    }
    last = now;
  };
  const tick = setInterval(() => note(performance.now()), 5);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  note(performance.now());
  gcs.disconnect();
  const overlap = (p: { start: number; end: number }): number => Math.max(0, Math.min(p.end, stallFrom + stall) - Math.max(p.start, stallFrom));
  return {
    ms: performance.now() - start,
    stall,
    busy: performance.eventLoopUtilization(loop).active,
    at: stallFrom - start,
    gc: Math.max(0, ...pauses.map((p) => p.end - p.start)),
    gcInStall: pauses.reduce((sum, p) => sum + overlap(p), 0),
  };
}

const IDLE_STALL = 'large store: longest main-thread stall while a worker thread only spins (the machine, baseline)';

/**
 * The same timer for as long while a worker thread does nothing but spin: what the machine does to
 * a 5 ms tick when one of the app's threads keeps a core busy (as the backup's and the check's
 * workers do), measured in this run, so that the stalls below can be told from the machine's.
 */
async function idleStall(report: Report, ms: number): Promise<void> {
  const spin = `const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end) {} require('node:worker_threads').parentPort.postMessage(0);`;
  const idle = await longestStall(
    () =>
      new Promise((resolve, reject) => {
        const worker = new Worker(spin, { eval: true });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
  );
  report.add(IDLE_STALL, [idle.stall], { note: `over ${(ms / 1000).toFixed(1)} s` });
}

const busyNote = (r: { ms: number; busy: number; at: number; gc: number; gcInStall: number }): string =>
  `main thread busy ${r.busy.toFixed(0)} ms of the ${r.ms.toFixed(0)} ms; the longest stall began ${r.at.toFixed(0)} ms in, ${r.gcInStall.toFixed(1)} ms of it the bench's own garbage collection (longest collection ${r.gc.toFixed(1)} ms)`;

/** Backing up and integrity-checking the large store, and the longest the main thread was held up meanwhile. */
export async function backupAndCheck(report: Report, file: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-backup-'));
  const db = openWithKey(file, environmentKey(), { readonly: true, fileMustExist: true });
  try {
    settleHeap();
    const backup = await longestStall(() => backupTo(db, path.join(dir, 'copy.sqlite'), environmentKey()));
    report.add('large store: back up (a compact copy, VACUUM INTO on a worker thread)', [backup.ms]);
    await idleStall(report, Math.min(backup.ms, 10_000));
    report.add('large store: longest main-thread stall while backing up', [backup.stall], { budget: 16, baseline: IDLE_STALL, note: busyNote(backup) });
    settleHeap();
    const check = await longestStall(() => quickCheckInBackground(file, environmentKey()));
    report.add('large store: integrity check (quick_check, worker thread)', [check.ms]);
    report.add('large store: longest main-thread stall while checking', [check.stall], { budget: 16, baseline: IDLE_STALL, note: busyNote(check) });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
