// An action's listings as matters arising (the carried_actions rows that name it), found through its
// board's meetings, and the rule that a listing names an action of its meeting's board. From
// migration 14 carried_actions has no index by action (a carry wrote one leaf page of it per
// action listed) and no foreign key to actions (which needed that index): every by-action read
// goes through here, each meeting of the board one lookup by the table's key (meeting, action).
import type { Database } from '../db/driver';

/**
 * What goes after FROM for the listings of one action: `m` each meeting that lists it, `c` the
 * listing. `action` and `board` are SQL expressions (a parameter or a column of the outer query).
 * The meetings drive the join (meetings_board_date); the listing is read by its key.
 */
export const listingsFrom = (action: string, board: string): string =>
  `meetings m CROSS JOIN carried_actions c ON c.meeting_id = m.id AND c.action_id = ${action} WHERE m.board_id = ${board}`;

/** How many meetings list an action, as an SQL expression (its kept count is this; store/timesCarried.ts). */
export const countListingsSql = (action: string, board: string): string =>
  `(SELECT count(*) FROM meetings lm CROSS JOIN carried_actions lc ON lc.meeting_id = lm.id AND lc.action_id = ${action} WHERE lm.board_id = ${board})`;

/** Whether minutes already circulated or agreed list the action (it is part of the record). */
export function listedInRecord(db: Database, actionId: string): boolean {
  return (
    db
      .prepare(`SELECT 1 FROM ${listingsFrom('@action', '(SELECT board_id FROM actions WHERE id = @action)')} AND m.status <> 'draft' LIMIT 1`)
      .get({ action: actionId }) !== undefined
  );
}

/** The meetings of `boardId` that list the action. */
export function meetingsListing(db: Database, actionId: string, boardId: string): string[] {
  return db.prepare(`SELECT c.meeting_id FROM ${listingsFrom('@action', '@board')}`).pluck().all({ action: actionId, board: boardId }) as string[];
}

/** Takes these actions off every meeting's list that names them (before they are deleted). */
export function unlistActions(db: Database, actionIds: readonly string[]): void {
  const unlist = db.prepare(
    'DELETE FROM carried_actions WHERE action_id = @action AND meeting_id IN (SELECT id FROM meetings WHERE board_id = (SELECT board_id FROM actions WHERE id = @action))',
  );
  for (const action of actionIds) unlist.run({ action });
}

const checked = new WeakMap<Database, boolean>();

function keepsRule(db: Database): boolean {
  let known = checked.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'carried_actions_unchecked'").get() !== undefined;
    // Only a yes is kept: a file migrated while open gains the table.
    if (known) checked.set(db, known);
  }
  return known;
}

/**
 * Called by write() as the outermost write commits: the listings its triggers could not vouch for
 * (an action missing, or of another board, when the row was written; an action deleted or moved
 * while listed) must by now name an action of their meeting's board, as the deferred foreign key
 * checked before migration 14. Sync projects rows in any order, so the check waits for the commit.
 */
export function checkListings(db: Database): void {
  if (!keepsRule(db) || !db.prepare('SELECT 1 FROM carried_actions_unchecked LIMIT 1').get()) return;
  const broken = db
    .prepare(
      `SELECT u.meeting_id, u.action_id FROM carried_actions_unchecked u
       JOIN carried_actions c ON c.meeting_id = u.meeting_id AND c.action_id = u.action_id
       WHERE NOT EXISTS (SELECT 1 FROM actions a JOIN meetings m ON m.id = c.meeting_id WHERE a.id = c.action_id AND a.board_id = m.board_id)
       LIMIT 1`,
    )
    .get() as { meeting_id: string; action_id: string } | undefined;
  if (broken) {
    throw new Error(`Matters arising of meeting ${broken.meeting_id} would list action ${broken.action_id}, which is not an action of that meeting's board.`);
  }
  db.prepare('DELETE FROM carried_actions_unchecked').run();
}

/** On open: notes left by a program that wrote without core are not this session's to check. */
export function forgetUncheckedListings(db: Database): void {
  if (keepsRule(db) && db.prepare('SELECT 1 FROM carried_actions_unchecked LIMIT 1').get()) db.prepare('DELETE FROM carried_actions_unchecked').run();
}
