// Bench: the action log and outstanding actions on the large store, against the physical limit
// (the same columns of the same rows read from a plain table holding exactly them), and carrying
// forward into a new meeting (on a copy: it writes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';
import type { ActionLog } from '../../shared/contract';
import { type Report, timeRuns } from './harness';

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
 * columns the log returns, in its order, with an index on the board; read with a prepared statement.
 */
function plainTableBaseline(core: Core): { all: () => unknown[]; board: (id: string) => unknown[] } {
  const db = core.store!.db;
  const log = must<ActionLog>(core.call('outstandingActions', {}));
  db.exec(`DROP TABLE IF EXISTS temp.log_plain; CREATE TEMP TABLE log_plain (${PLAIN_COLUMNS}); CREATE INDEX temp.log_plain_board ON log_plain (board_id)`);
  const insert = db.prepare(`INSERT INTO temp.log_plain VALUES (${Array.from({ length: 24 }, () => '?').join(', ')})`);
  db.transaction(() => {
    for (const a of log.actions) {
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
  return { all: () => all.all(), board: (id) => board.all(id) };
}

/** Outstanding actions of one board and of all, each with its baseline measured in the same run. */
export async function actionLogAtTheLimit(report: Report, core: Core, label = 'large store'): Promise<void> {
  const boards = must<{ id: string }[]>(core.call('listBoards', {}));
  if (boards.length === 0) return;
  const board = boards[0]!.id;
  const plain = plainTableBaseline(core);
  const baseBoard = `${label}: one board's outstanding actions from a plain table (physical-limit baseline)`;
  const baseAll = `${label}: all outstanding actions from a plain table (physical-limit baseline)`;
  report.add(baseBoard, await timeRuns(200, () => plain.board(board)));
  report.add(`${label}: outstanding actions, one board (core call)`, await timeRuns(200, () => must(core.call('outstandingActions', { boardId: board }))), {
    budget: 2,
    baseline: baseBoard,
  });
  report.add(baseAll, await timeRuns(60, () => plain.all()));
  report.add(`${label}: outstanding actions, all boards = the action log (core call)`, await timeRuns(60, () => must(core.call('outstandingActions', {}))), {
    budget: 5,
    maxRatio: 1.5,
    baseline: baseAll,
  });
  const rows = must<ActionLog>(core.call('outstandingActions', {})).actions.length;
  report.add(`${label}: outstanding actions listed by the log`, [rows], { unit: 'rows' });
  core.store!.db.exec('DROP TABLE IF EXISTS temp.log_plain');
}

/** Carry forward changes the store: measured on a copy, each run into a new meeting of its own board. */
export async function carryForwardOnCopy(report: Report, source: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-carry-'));
  const copy = path.join(dir, 'large.sqlite');
  fs.copyFileSync(source, copy);
  const core = await startCore(copy, {}, { noDailyBackup: true });
  try {
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
