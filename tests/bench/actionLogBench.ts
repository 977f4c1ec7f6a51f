// Bench: the action log and outstanding actions on the large store, against the physical limit
// (the same columns of the same rows read from a plain table holding exactly them), and carrying
// forward into a new meeting (on a copy: it writes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';
import type { ActionLog } from '../../shared/contract';
import { sortActionLog } from '../../shared/domain/actionLog';
import { forgetAllLogRows } from '../../electron/core/store/actionLogMemo';
import { type Report, copyStore, settleCopy, settleHeap, timeRuns } from './harness';

export function must<T>(response: ReturnType<Core['call']>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

// The log's columns, as the plain table holds them: what the core call returns, one column each.
const PLAIN_COLUMNS = `id TEXT, board_id TEXT, board_name TEXT, short_code TEXT, reference TEXT, details TEXT, due_kind TEXT, due_date TEXT,
  due_meeting_id TEXT, due_text TEXT, status TEXT, origin_id TEXT, origin_date TEXT, item_id TEXT, item_number TEXT, item_title TEXT,
  effective_due TEXT, overdue INTEGER, times_carried INTEGER, owners TEXT, lu_text TEXT, lu_status TEXT, lu_date TEXT, lu_meeting TEXT`;

/**
 * The physical limit: a TEMP table (never written to the data file) holding exactly the rows and
 * columns the log returns, in the log's order, with an index on the board; read with a prepared
 * statement. A window reads the same rows the core call returns (the first `limit` in order) and
 * the same counts it returns (how many, how many overdue) from that table.
 */
function plainTableBaseline(core: Core): { all: () => unknown[]; board: (id: string) => unknown[]; window: (offset: number, limit: number) => unknown[] } {
  const db = core.store!.db;
  const log = must<ActionLog>(core.call('outstandingActions', {}));
  const ordered = sortActionLog(log.actions);
  db.exec(`DROP TABLE IF EXISTS temp.log_plain; CREATE TEMP TABLE log_plain (${PLAIN_COLUMNS}); CREATE INDEX temp.log_plain_board ON log_plain (board_id)`);
  const insert = db.prepare(`INSERT INTO temp.log_plain VALUES (${Array.from({ length: 24 }, () => '?').join(', ')})`);
  db.transaction(() => {
    for (const a of ordered) {
      insert.run(
        a.id, a.boardId, a.boardName, a.boardShortCode, a.reference, a.details, a.due.kind, a.due.date, a.due.meetingId, a.due.text, a.status,
        a.origin.meetingId, a.origin.meetingDate, a.origin.itemId, a.origin.itemNumber, a.origin.itemTitle, a.dueDate, a.overdue ? 1 : 0,
        a.timesCarried, JSON.stringify(a.owners), a.latestUpdate?.text ?? null, a.latestUpdate?.status ?? null, a.latestUpdate?.meetingDate ?? null,
        a.latestUpdate?.meetingId ?? null,
      );
    }
  })();
  const all = db.prepare('SELECT * FROM temp.log_plain');
  const board = db.prepare('SELECT * FROM temp.log_plain WHERE board_id = ?');
  const counts = db.prepare('SELECT count(*), sum(overdue) FROM temp.log_plain');
  const window = db.prepare('SELECT * FROM temp.log_plain WHERE rowid > ? ORDER BY rowid LIMIT ?');
  return { all: () => all.all(), board: (id) => board.all(id), window: (offset, limit) => [counts.get(), window.all(offset, limit)] };
}

/** Rows the action log screen asks for at once (useLogWindow: three steps of 50). */
const WINDOW = 150;

/** Outstanding actions of one board and of all, and the log's windows, each with its baseline measured in the same run. */
export async function actionLogAtTheLimit(report: Report, core: Core, label = 'large store'): Promise<void> {
  const boards = must<{ id: string }[]>(core.call('listBoards', {}));
  if (boards.length === 0) return;
  const board = boards[0]!.id;
  const plain = plainTableBaseline(core);
  const rows = must<ActionLog>(core.call('outstandingActions', {})).actions.length;
  const baseBoard = `${label}: one board's outstanding actions from a plain table (physical-limit baseline)`;
  const baseAll = `${label}: all outstanding actions from a plain table (physical-limit baseline)`;
  const baseWindow = `${label}: ${WINDOW} rows of the log and its counts from a plain table (physical-limit baseline)`;
  report.add(baseBoard, await timeRuns(200, () => plain.board(board)));
  report.add(`${label}: outstanding actions, one board (core call)`, await timeRuns(200, () => must(core.call('outstandingActions', { boardId: board }))), {
    budget: 2,
    baseline: baseBoard,
  });
  // The same call with no rows held in memory (store/actionLogMemo.ts), as after opening the file
  // or on a new day: what making the rows costs, beside what reading them again costs.
  const db = core.store!.db;
  report.add(`${label}: outstanding actions, one board, first read with no rows in memory (core call)`, lapsAfter(200, () => forgetAllLogRows(db), () => must(core.call('outstandingActions', { boardId: board }))), {
    baseline: baseBoard,
  });
  report.add(baseWindow, await timeRuns(200, () => plain.window(0, WINDOW)));
  const window = (filter: object, offset: number) => () => must(core.call('actionLogWindow', { filter, offset, limit: WINDOW }));
  report.add(`${label}: the action log screen, all boards: first ${WINDOW} rows + counts (core call actionLogWindow)`, await timeRuns(200, window({}, 0)), {
    budget: 5,
    maxRatio: 1.5,
    baseline: baseWindow,
  });
  report.add(`${label}: the action log screen, all boards: first ${WINDOW} rows + counts, first read with no rows in memory (core call)`, lapsAfter(200, () => forgetAllLogRows(db), window({}, 0)), {
    baseline: baseWindow,
  });
  report.add(`${label}: the action log screen, all boards: ${WINDOW} rows scrolled to the middle (core call)`, await timeRuns(200, window({}, Math.floor(rows / 2))), {
    budget: 5,
  });
  report.add(`${label}: the action log screen, one board: first ${WINDOW} rows + counts (core call)`, await timeRuns(200, window({ boardId: board }, 0)), { budget: 2 });
  report.add(`${label}: the action log screen, who owes what and the filter's choices (core call actionLogSummary)`, await timeRuns(60, () => must(core.call('actionLogSummary', { filter: {} }))));
  report.add(`${label}: the action log screen sorted by owner, first ${WINDOW} rows (core call)`, await timeRuns(60, () => must(core.call('actionLogWindow', { filter: {}, sort: { by: 'owner', descending: false }, offset: 0, limit: WINDOW }))));
  report.add(`${label}: the action log screen, looking for "report" (core call)`, await timeRuns(30, window({ text: 'report' }, 0)));
  report.add(baseAll, await timeRuns(60, () => plain.all()));
  // The whole log as one list is what the exports and the briefing read (every row, every column):
  // its cost is the rows themselves, measured against the same rows from the plain table.
  report.add(`${label}: the whole action log as one list, for exports (core call outstandingActions)`, await timeRuns(60, () => must(core.call('outstandingActions', {}))), {
    baseline: baseAll,
  });
  report.add(`${label}: outstanding actions listed by the log`, [rows], { unit: 'rows' });
  core.store!.db.exec('DROP TABLE IF EXISTS temp.log_plain');
}

/** `runs` timings of `measured`, each taken just after `before` ran (untimed); the first `warmup` are not kept. */
function lapsAfter(runs: number, before: (run: number) => void, measured: () => unknown, warmup = 5): number[] {
  const laps: number[] = [];
  for (let run = 0; run < runs + warmup; run++) {
    before(run);
    const start = performance.now();
    measured();
    if (run >= warmup) laps.push(performance.now() - start);
  }
  return laps;
}

/**
 * One board's outstanding actions read just after a write (on a copy: it writes). Renaming the
 * board changes every one of its rows (each holds the board's name), so the read makes them all
 * again: the cost of the rows held in memory being let go by a write. Renaming another board
 * changes none of them: what a write elsewhere costs this read.
 */
export async function actionLogAfterChangesOnCopy(report: Report, source: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-log-'));
  const copy = path.join(dir, 'large.sqlite');
  copyStore(source, copy);
  const core = await startCore(copy, {}, { openedBriefly: true });
  try {
    await core.store?.integrity;
    settleCopy(dir);
    settleHeap();
    const boards = must<{ id: string; name: string }[]>(core.call('listBoards', {}));
    const [board, other] = [boards[0]!, boards[1]!];
    const read = () => must(core.call('outstandingActions', { boardId: board.id }));
    const rename = (b: { id: string; name: string }, run: number) => must(core.call('renameBoard', { boardId: b.id, name: `${b.name}${run % 2 ? ' (renamed)' : ''}` }));
    report.add("large store: one board's outstanding actions, first read after a change (board renamed: all its rows changed; core call)", lapsAfter(100, (run) => rename(board, run), read));
    report.add("large store: one board's outstanding actions, first read after a change elsewhere (another board renamed: none of its rows changed; core call)", lapsAfter(100, (run) => rename(other, run), read));
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Carry forward changes the store: measured on a copy, each run into a new meeting of its own board. */
export async function carryForwardOnCopy(report: Report, source: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-carry-'));
  const copy = path.join(dir, 'large.sqlite');
  copyStore(source, copy);
  const core = await startCore(copy, {}, { openedBriefly: true });
  try {
    await core.store?.integrity; // the check at open runs on another thread: not mixed into the calls measured
    settleCopy(dir);
    settleHeap();
    const boards = must<{ id: string }[]>(core.call('listBoards', {}));
    const samples: number[] = [];
    for (let run = 0; run < 40; run++) {
      const boardId = boards[run % boards.length]!.id;
      const date = `2026-${String(1 + (run % 12)).padStart(2, '0')}-${String(10 + Math.floor(run / 12)).padStart(2, '0')}`;
      const meeting = must<{ id: string }>(core.call('createMeeting', { boardId, date }));
      const start = performance.now();
      must(core.call('carryForward', { meetingId: meeting.id }));
      samples.push(performance.now() - start);
    }
    report.add('large store: carry forward into a new meeting (core call)', samples.slice(5), { budget: 10 });
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
