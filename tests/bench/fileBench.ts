// Bench: what the large store's file costs per meeting, table by table, against the minutes' own
// JSON and text; and backing it up and checking it, with how long the main thread was held up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openWithKey } from '../../electron/core/crypt/cipher';
import { environmentKey } from '../../electron/core/crypt/keySource';
import { backupTo } from '../../electron/core/db/backup';
import { quickCheckInBackground } from '../../electron/core/db/integrity';
import type { Report } from './harness';

const KB = 1024;

/** The minutes' own words: discussion JSON, titles, decisions, actions, updates and attendance, in bytes. */
const OWN_CONTENT_SQL = `SELECT
  (SELECT coalesce(sum(length(CAST(coalesce(discussion_json, '') AS BLOB)) + length(CAST(title AS BLOB)) + length(number)), 0) FROM agenda_items)
  + (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM decisions)
  + (SELECT coalesce(sum(length(CAST(details AS BLOB)) + length(reference) + coalesce(length(due_text), 0)), 0) FROM actions)
  + (SELECT coalesce(sum(length(CAST(coalesce(printed_as, name_text, '') AS BLOB))), 0) FROM action_owners)
  + (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM action_updates)
  + (SELECT coalesce(sum(length(CAST(display_name AS BLOB)) + coalesce(length(initials), 0) + coalesce(length(role), 0)), 0) FROM attendance)`;

export function dataFilePerMeeting(report: Report, file: string): void {
  const db = openWithKey(file, environmentKey(), { readonly: true, fileMustExist: true });
  try {
    const meetings = db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    const own = db.prepare(OWN_CONTENT_SQL).pluck().get() as number;
    const fileBytes = db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number;
    const base = "large store: the minutes' own JSON and text per meeting (baseline)";
    report.add(base, [own / meetings / KB], { unit: 'KB' });
    report.add('large store: data file per meeting', [fileBytes / meetings / KB], { unit: 'KB', baseline: base, maxRatio: 2 });
    // Each table with its indexes (dbstat counts every page of the file once).
    const byTable = db
      .prepare(
        `SELECT coalesce(s.tbl_name, d.name) AS tbl, sum(d.pgsize) AS bytes FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name
         GROUP BY tbl ORDER BY bytes DESC`,
      )
      .all() as Array<{ tbl: string; bytes: number }>;
    for (const t of byTable.filter((x) => x.bytes / fileBytes >= 0.005)) {
      report.add(`large store: ${t.tbl} (with its indexes) per meeting`, [t.bytes / meetings / KB], { unit: 'KB', note: `${(t.bytes / 2 ** 20).toFixed(0)} MB in all` });
    }
  } finally {
    db.close();
  }
}

/** Runs `work` while a 5 ms timer ticks: the longest the main thread went without ticking. */
async function longestStall(work: () => Promise<unknown>): Promise<{ ms: number; stall: number }> {
  let last = performance.now();
  let stall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(tick);
  }
  return { ms: performance.now() - start, stall: Math.max(stall, performance.now() - last) };
}

/** Backing up and integrity-checking the large store, and the longest the main thread was held up meanwhile. */
export async function backupAndCheck(report: Report, file: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-backup-'));
  const db = openWithKey(file, environmentKey(), { readonly: true, fileMustExist: true });
  try {
    const backup = await longestStall(() => backupTo(db, path.join(dir, 'copy.sqlite'), environmentKey()));
    report.add('large store: back up (SQLite backup API)', [backup.ms]);
    report.add('large store: longest main-thread stall while backing up', [backup.stall], { budget: 16, note: 'the screen would miss a frame beyond 16 ms' });
    const check = await longestStall(() => quickCheckInBackground(file, environmentKey()));
    report.add('large store: integrity check (quick_check, worker thread)', [check.ms]);
    report.add('large store: longest main-thread stall while checking', [check.stall], { budget: 16 });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
