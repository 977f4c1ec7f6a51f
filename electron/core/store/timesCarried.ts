// Where the action log's count of times carried is kept, and how a reader gets it beside the rest
// of a kept row: action_times_carried from migration 11 (a narrow table, so that carrying forward
// rewrites a few pages instead of every wide summary row of the board), a column of
// action_summaries before it. Written only by store/actionSummary.ts, in the write that changed it.
import type { Database } from '../db/driver';
import { countListingsSql } from './listings';

const apart = new WeakMap<Database, boolean>();

/** Whether this file keeps the counts in their own table (format 11 on). Asked once per connection. */
export function countsApart(db: Database): boolean {
  let known = apart.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'action_times_carried'").get() !== undefined;
    // Only a yes is kept: a file migrated while open gains the table.
    if (known) apart.set(db, known);
  }
  return known;
}

/**
 * The kept rows as `s`, each with its count of times carried as `times_carried`: what a reader
 * puts after FROM, and the column it selects. A count read by the row's own key, one probe of a
 * small table per row returned.
 */
export function summariesWithCounts(db: Database): { from: string; timesCarried: string } {
  return countsApart(db)
    ? {
        from: 'action_summaries s LEFT JOIN action_times_carried k ON k.board_id = s.board_id AND k.action_id = s.action_id',
        timesCarried: 'coalesce(k.times_carried, 0)',
      }
    : { from: 'action_summaries s', timesCarried: 's.times_carried' };
}

/** How often each action has been listed as matters arising, as an SQL expression over an action id and its board. */
export const countCarriedSql = (actionId: string, boardId: string): string => countListingsSql(actionId, boardId);

/** Takes out the counts of the kept rows of these actions (a JSON list of ids); before those rows go. */
export function forgetCounts(db: Database, idsJson: string): void {
  if (!countsApart(db)) return;
  db.prepare(
    `DELETE FROM action_times_carried WHERE (board_id, action_id) IN
       (SELECT s.board_id, s.action_id FROM action_summaries s WHERE s.action_id IN (SELECT value FROM json_each(?)))`,
  ).run(idsJson);
}

/**
 * Brings the counts of the actions marked in action_summaries_recount up to date; `rebuiltJson`
 * (a JSON list of ids) are those whose rows this write just computed whole, counted already. From
 * format 11 each mark carries by how much the action's count changed (its triggers), added to the
 * kept count; before it, the marked actions are counted again from the lists.
 */
export function recount(db: Database, rebuiltJson: string): void {
  if (countsApart(db)) {
    // One statement for all the marks: the marked rows' keys (a few hundred at most) drive it, each
    // count found by its key and given its mark's delta. Left to the planner as a join, the marks
    // would be probed from a scan of every kept count; the IN list keeps the marks outside.
    db.prepare(
      `UPDATE action_times_carried SET times_carried = (
         SELECT CASE WHEN action_times_carried.times_carried + r.delta >= 0 THEN action_times_carried.times_carried + r.delta
           ELSE ${countCarriedSql('action_times_carried.action_id', 'action_times_carried.board_id')} END
         FROM action_summaries_recount r WHERE r.action_id = action_times_carried.action_id)
       WHERE (board_id, action_id) IN (
         SELECT s.board_id, s.action_id FROM action_summaries_recount r CROSS JOIN action_summaries s ON s.action_id = r.action_id
         WHERE r.delta <> 0 AND r.action_id NOT IN (SELECT value FROM json_each(?)))`,
    ).run(rebuiltJson);
    return;
  }
  db.prepare(
    `UPDATE action_summaries SET times_carried = ${countCarriedSql('action_summaries.action_id', 'action_summaries.board_id')}
     WHERE action_id IN (SELECT action_id FROM action_summaries_recount) AND action_id NOT IN (SELECT value FROM json_each(?))`,
  ).run(rebuiltJson);
}
