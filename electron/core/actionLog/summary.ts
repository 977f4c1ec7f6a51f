// What the action log screen shows around its rows: who owes what among the rows a filter keeps,
// how many have no owner, and the filter's choices (boards, and the owners and origin meetings of
// the board in view). Counted in SQL over the kept rows (store/actionSummary.ts); re-read when the
// filter or the log changes, never as the list scrolls.
import type { ActionLogFilter, ActionLogOwner, ActionLogSummary, OwnerCount, ParsedInputOf } from '../../../shared/contract';
import { compareLogText, londonToday, ownerCount, sortOwnerCounts } from '../../../shared/domain/actionLog';
import type { Database } from '../db/driver';
import type { Store } from '../db/open';
import { whereOf } from './window';

// Each owner once, with their count among the rows; an owner named differently at different
// meetings is labelled as the earliest meeting among those rows names them.

function countOwners(db: Database, filter: ActionLogFilter, today: string): OwnerCount[] {
  const where = whereOf(db, filter, today);
  const rows = db
    .prepare(
      `SELECT j.value AS owner, min(s.origin_date) AS first, count(*) AS n, coalesce(sum(s.effective_due < ?), 0) AS overdue
       FROM action_summaries s JOIN json_each(s.owners_json) j ${where.sql} GROUP BY j.value ->> 'key'`,
    )
    .all(today, ...where.params) as Array<{ owner: string; n: number; overdue: number }>;
  return sortOwnerCounts(rows.map((r) => ownerCount(JSON.parse(r.owner) as ActionLogOwner, r.n, r.overdue)));
}

export function actionLogSummary(store: Store, input: ParsedInputOf<'actionLogSummary'>): ActionLogSummary {
  const { db } = store;
  const today = londonToday();
  const where = whereOf(db, input.filter, today);
  const unowned = db.prepare(`SELECT count(*) FROM action_summaries s ${where.sql ? `${where.sql} AND` : 'WHERE'} s.owners_json = '[]'`).pluck().get(...where.params) as number;
  const outstanding = db.prepare('SELECT count(*) FROM action_summaries').pluck().get() as number;
  const boards = (db.prepare('SELECT DISTINCT board_id AS id, board_name AS name, short_code AS code FROM action_summaries').all() as ActionLogSummary['boards']).sort(
    (a, b) => compareLogText(a.name, b.name),
  );
  const inBoard: ActionLogFilter = { boardId: input.filter.boardId ?? null };
  const counts = countOwners(db, input.filter, today);
  // With no filter but the board, the choices are the counts themselves: counted once.
  const boardOnly = Object.entries(input.filter).every(([k, v]) => k === 'boardId' || !v || v === 'any');
  const owners = (boardOnly ? [...counts] : countOwners(db, inBoard, today)).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const meetingWhere = whereOf(db, inBoard, today);
  const meetings = db
    .prepare(
      `SELECT DISTINCT s.origin_id AS id, s.origin_date AS date, coalesce(s.short_code, s.board_name) AS board
       FROM action_summaries s ${meetingWhere.sql} ORDER BY s.origin_date DESC, s.origin_id`,
    )
    .all(...meetingWhere.params) as ActionLogSummary['meetings'];
  return { today, outstanding, counts, unowned, boards, owners, meetings };
}
