// What carrying forward reads and writes in one go: the board's outstanding actions found from the
// kept action log (action_summaries, already in the order they are listed), and listing many of
// them at a meeting in one statement, with what carried_actions' per-row triggers do (migration
// 15) done once for that statement. Every other writer of carried_actions keeps the triggers.
import type { Database } from '../db/driver';
import type { ActionStatus } from '../../../shared/contract';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { MeetingStatus } from '../../../shared/domain/enums';
import { OUTSTANDING_SQL } from './outstanding';
import { countsApart } from './timesCarried';
import { listsInOneStatement } from './listingNames';
import type { WriteHandle } from './write';
import { forgetLogRows } from './actionLogMemo';

/** An action a meeting of its board may list: its status now, and where the list puts it. */
export interface ListingCandidate {
  id: string;
  status: ActionStatus;
  origin_date: string;
  seq: number;
}

/** The order a meeting lists its matters arising in: by the date agreed, then the action's number there. */
export const LISTING_ORDER_SQL = 'ORDER BY origin_date, seq, id';

/**
 * The board's unfinished actions agreed before `date`, in listing order, read from the kept log
 * (one range of its key, no lookups) where it answers for them: the board is not archived (the
 * log leaves archived boards out), and actions this write has touched (still marked stale, their
 * kept rows not yet brought up to date) are read from their own tables instead. Null where the
 * kept log cannot answer (a file without it); the caller then reads the actions themselves.
 */
export function keptOutstandingBefore(db: Database, boardId: string, date: string): ListingCandidate[] | null {
  // The kept log's counts apart (format 11 on) mean the log and its stale marks are there too.
  if (!countsApart(db)) return null;
  const board = db.prepare('SELECT archived_at FROM boards WHERE id = ?').get(boardId) as { archived_at: string | null } | undefined;
  if (!board || board.archived_at !== null) return null;
  const kept = 'SELECT action_id AS id, status, origin_date, seq FROM action_summaries WHERE board_id = @board AND origin_date < @date';
  const touched = db.prepare('SELECT 1 FROM action_summaries_stale LIMIT 1').get() !== undefined;
  if (!touched) return db.prepare(`${kept} ${LISTING_ORDER_SQL}`).all({ board: boardId, date }) as ListingCandidate[];
  return db
    .prepare(
      `SELECT * FROM (
         ${kept} AND action_id NOT IN (SELECT action_id FROM action_summaries_stale)
         UNION ALL
         SELECT a.id, a.status, om.meeting_date AS origin_date, a.seq
         FROM action_summaries_stale st CROSS JOIN actions a ON a.id = st.action_id JOIN meetings om ON om.id = a.meeting_id
         WHERE a.board_id = @board AND a.status IN ${OUTSTANDING_SQL} AND om.meeting_date < @date
       ) ${LISTING_ORDER_SQL}`,
    )
    .all({ board: boardId, date }) as ListingCandidate[];
}

/**
 * Lists `adding` (action id and the status it comes with, in order) at the meeting from
 * `position` on. The actions must be the meeting's board's own, chosen in this write (as
 * outstandingBefore chooses them): the rule the per-row trigger checks holds by construction.
 * The meeting's minutes must not be agreed (checked here once, with the trigger's message), and
 * each listed action's kept count of times carried goes up by one in one UPDATE.
 */
export function listAtOnce(w: WriteHandle, meeting: { id: string; board_id: string }, position: number, adding: ReadonlyArray<readonly [string, ActionStatus]>): void {
  if (adding.length === 0) return;
  const { db } = w;
  const json = JSON.stringify(adding);
  const insert = `INSERT INTO carried_actions (meeting_id, action_id, position, status_before)
    SELECT @meeting, j.value ->> 0, @position + j.key, j.value ->> 1 FROM json_each(@adding) j ORDER BY j.key`;
  if (!listsInOneStatement(db) || !countsApart(db)) {
    // An older file: the triggers do it all, row by row.
    db.prepare(insert).run({ meeting: meeting.id, position, adding: json });
    return;
  }
  const status = db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(meeting.id) as MeetingStatus | undefined;
  if (status !== undefined && isAgreed(status)) throw new Error('These minutes have been agreed as accurate, so their matters arising cannot be changed.');
  db.prepare('INSERT INTO carried_actions_listing (meeting_id) VALUES (?)').run(meeting.id);
  try {
    db.prepare(insert).run({ meeting: meeting.id, position, adding: json });
    // A listed action without a kept count (finished since, or of an archived board) has none to change.
    db.prepare(
      `UPDATE action_times_carried SET times_carried = times_carried + 1
       WHERE board_id = @board AND action_id IN (SELECT j.value ->> 0 FROM json_each(@adding) j)`,
    ).run({ board: meeting.board_id, adding: json });
    // The count is part of each listed action's row in the log: the rows held in memory go with it.
    forgetLogRows(db, JSON.stringify(adding.map(([id]) => id)));
  } finally {
    db.prepare('DELETE FROM carried_actions_listing WHERE meeting_id = ?').run(meeting.id);
  }
}
