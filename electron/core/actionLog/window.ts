// The action log a window at a time: the kept rows (store/actionSummary.ts) a filter keeps, in the
// order shared/domain/actionLog.ts defines, filtered, counted and sorted in SQL so that a call
// costs what it returns, not what the log holds. Text compares that SQL cannot do the way the
// domain does (the en-GB collation of boards and owners, "look for" folding) are done by the
// domain's own functions: a rank for each of the few distinct names, and a function SQLite calls.
import type { ActionLogFilter, ActionLogOwner, ActionLogSort, ActionLogWindow, ParsedInputOf } from '../../../shared/contract';
import { compareLogText, DEFAULT_SORT, foldLogText, matchesText, STATUS_SORT_ORDER } from '../../../shared/domain/actionLog';
import { OUTSTANDING_STATUSES } from '../../../shared/domain/enums';
import type { Database } from '../db/driver';
import type { Store } from '../db/open';
import { londonToday } from '../../../shared/domain/actionLog';
import { logRowsByIds } from '../store/actionLogMemo';
import { summariesWithCounts } from '../store/timesCarried';
import { positioned, windowByPosition } from './windowByPosition';

export interface Where {
  sql: string;
  params: unknown[];
}

const TEXT_FN = 'ma_log_text';
const withText = new WeakSet<Database>();

/** "Look for" as SQL calls it: the domain's own matcher over the row's parts. */
function registerTextMatch(db: Database): void {
  if (withText.has(db)) return;
  db.function(TEXT_FN, { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const [reference, details, boardName, shortCode, dueText, latestText, itemTitle, ownersJson, needle] = args.map((a) => (typeof a === 'string' ? a : null));
    const parts = {
      reference: reference ?? '',
      details: details ?? '',
      boardName: boardName ?? '',
      boardShortCode: shortCode ?? null,
      owners: JSON.parse(ownersJson ?? '[]') as ActionLogOwner[],
      due: { text: dueText ?? null },
      latestUpdate: typeof latestText === 'string' ? { text: latestText } : null,
      origin: { itemTitle: itemTitle ?? null },
    };
    return matchesText(parts, needle ?? '') ? 1 : 0;
  });
  withText.add(db);
}

/** The filter as an SQL condition over `s` (action_summaries); `today` decides what is overdue. */
export function whereOf(db: Database, filter: ActionLogFilter, today: string): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, param: unknown): void => {
    parts.push(sql);
    params.push(param);
  };
  if (filter.boardId) add('s.board_id = ?', filter.boardId);
  if (filter.owner) add("EXISTS (SELECT 1 FROM json_each(s.owners_json) j WHERE j.value ->> 'key' = ?)", filter.owner);
  if (filter.status) add('s.status = ?', filter.status);
  if (filter.overdue === 'overdue') add('s.effective_due < ?', today);
  if (filter.overdue === 'not_overdue') add('(s.effective_due IS NULL OR s.effective_due >= ?)', today);
  if (filter.dueFrom) add('s.effective_due >= ?', filter.dueFrom);
  if (filter.dueTo) add('s.effective_due <= ?', filter.dueTo);
  if (filter.originMeetingId) add('s.origin_id = ?', filter.originMeetingId);
  const needle = foldLogText((filter.text ?? '').trim());
  if (needle) {
    registerTextMatch(db);
    add(`${TEXT_FN}(s.reference, s.details, s.board_name, s.short_code, s.due_text, s.latest_text, s.item_title, s.owners_json, ?) = 1`, needle);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

// The label "owner" sorts by, as SQL reads it from the kept JSON: ownerLabel of the first owner.
const FIRST_OWNER_SQL = `CASE s.owners_json ->> '$[0].kind' WHEN 'member' THEN s.owners_json ->> '$[0].initials' ELSE s.owners_json ->> '$[0].name' END`;
const NO_OWNER = '\uffff';

/** Each distinct value its rank in the domain's text order (equal under it, equal rank). */
function ranks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort(compareLogText);
  const out = new Map<string, number>();
  let rank = 0;
  sorted.forEach((v, i) => {
    if (i > 0 && compareLogText(sorted[i - 1]!, v) !== 0) rank += 1;
    out.set(v, rank);
  });
  return out;
}

// The ranks the statement being run sorts by. Statements run synchronously, one at a time on a
// connection, so the table set just before a query is the one its ORDER BY reads.
const RANK_FN = 'ma_log_rank';
let currentRanks: ReadonlyMap<string, number> = new Map();
const withRank = new WeakSet<Database>();

function registerRank(db: Database): void {
  if (withRank.has(db)) return;
  db.function(RANK_FN, { deterministic: false }, (value: unknown) => (typeof value === 'string' ? (currentRanks.get(value) ?? null) : null));
  withRank.add(db);
}

interface Order {
  /** Ranks the ORDER BY reads through ma_log_rank (none for orders SQL compares itself). */
  ranks: ReadonlyMap<string, number> | null;
  by: string;
  /** Whether it sorts by the count of times carried, kept beside the rows (store/timesCarried.ts). */
  counts?: boolean;
}

const DUE_ASC = 's.effective_due IS NULL, s.effective_due, s.origin_date, s.seq, s.action_id';
const raised = (dir: string): string => `s.origin_date ${dir}, s.seq ${dir}, s.action_id ${dir}`;
const STATUS_RANK = `CASE s.status ${OUTSTANDING_STATUSES.map((st) => `WHEN '${st}' THEN ${STATUS_SORT_ORDER[st]}`).join(' ')} END`;

/** ORDER BY for a sort, the same order sortActionLog gives (ties: due date, then where raised). */
export function orderOf(db: Database, sort: ActionLogSort): Order {
  const dir = sort.descending ? 'DESC' : 'ASC';
  const ranked = (expr: string, values: Iterable<string>, then: string): Order => {
    registerRank(db);
    return { ranks: ranks(values), by: `${RANK_FN}(${expr}) ${dir}, ${then}` };
  };
  switch (sort.by) {
    case 'due':
      return { ranks: null, by: sort.descending ? `s.effective_due IS NULL, s.effective_due DESC, ${raised('ASC')}` : DUE_ASC };
    case 'raised':
      return { ranks: null, by: raised(dir) };
    case 'reference': {
      const boards = db.prepare('SELECT coalesce(short_code, name) FROM boards').pluck().all() as string[];
      return ranked('coalesce(s.short_code, s.board_name)', boards, raised(dir));
    }
    case 'board':
      return ranked('s.board_name', db.prepare('SELECT name FROM boards').pluck().all() as string[], DUE_ASC);
    case 'owner': {
      const labels = db.prepare(`SELECT DISTINCT coalesce(${FIRST_OWNER_SQL}, ?) FROM action_summaries s`).pluck().all(NO_OWNER) as string[];
      return ranked(`coalesce(${FIRST_OWNER_SQL}, '${NO_OWNER}')`, labels, DUE_ASC);
    }
    case 'status':
      return { ranks: null, by: `${STATUS_RANK} ${dir}, ${DUE_ASC}` };
    case 'carried':
      return { ranks: null, by: `${summariesWithCounts(db).timesCarried} ${dir}, ${DUE_ASC}`, counts: true };
  }
}

/** The rows a filter keeps, from `offset`, at most `limit`, in the sort's order, with the counts the screen's header shows. */
export function actionLogWindow(store: Store, input: ParsedInputOf<'actionLogWindow'>): ActionLogWindow {
  const { db } = store;
  const today = londonToday();
  const sort = input.sort ?? DEFAULT_SORT;
  // The log's own order with the common filters: positioned from kept counts, whatever the log holds.
  if (positioned(db, input.filter, sort)) return windowByPosition(store, input, sort, today);
  const where = whereOf(db, input.filter, today);
  const order = orderOf(db, sort);
  const counted = summariesWithCounts(db);
  const counts = db.prepare(`SELECT count(*) AS total, coalesce(sum(s.effective_due < ?), 0) AS overdue FROM action_summaries s ${where.sql}`).get(today, ...where.params) as {
    total: number;
    overdue: number;
  };
  const outstanding = where.sql ? (db.prepare('SELECT count(*) FROM action_summaries').pluck().get() as number) : counts.total;
  // The window's ids first, from the index that holds the order (skipping `offset` entries costs
  // an index step each), then only those rows read whole.
  let ids: string[];
  currentRanks = order.ranks ?? new Map();
  try {
    ids = db
      .prepare(`SELECT s.action_id FROM ${order.counts ? counted.from : 'action_summaries s'} ${where.sql} ORDER BY ${order.by} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...where.params, input.limit, input.offset) as string[];
  } finally {
    currentRanks = new Map();
  }
  // Then only those rows, in that order, each made into the API's row once (store/actionLogMemo.ts).
  return { today, outstanding, total: counts.total, overdue: counts.overdue, offset: input.offset, actions: logRowsByIds(db, ids, today) };
}
