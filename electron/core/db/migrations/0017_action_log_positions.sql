-- Schema v17: the action log a window at a time, at any size. SQLite counts rows and skips to an
-- OFFSET one index entry at a time, so the screen's counts and a window from the middle of the log
-- grew with the number of outstanding actions.
--  * action_log_positions: how many kept rows (action_summaries) are due on each day, for each
--    board and status, each board, each status and all, held as a Fenwick tree over the days
--    (node i counts the slots i - (i & -i) + 1 … i). A row with a due date is in the slot of its
--    due day (1 … 131071: days from 1900-01-01); one with none, which the log lists last as
--    raised, in a slot after those by the day it was raised; the top node, 262144, counts every
--    row. How many rows come before a day, and in which slot the k-th row falls, are then ~18
--    reads whatever the log holds. One writer: electron/core/store/actionSummary.ts
--    through store/actionLogPositions.ts, in the write that changes the kept rows. Derived data:
--    rebuilt from action_summaries whenever it is missing or doubtful; a node at zero is not kept.
--  * the two indexes hold one status's kept rows (of all boards, of one board) in the log's order,
--    so a window filtered by status is read from where it starts instead of skipping other rows.
CREATE TABLE action_log_positions (
  board_id TEXT NOT NULL,
  status   TEXT NOT NULL,
  node     INTEGER NOT NULL,
  n        INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (board_id, status, node)
) STRICT, WITHOUT ROWID;

CREATE INDEX action_summaries_status_by_due ON action_summaries (status, effective_due IS NULL, effective_due, origin_date, seq, action_id);
CREATE INDEX action_summaries_board_status_by_due ON action_summaries (board_id, status, effective_due IS NULL, effective_due, origin_date, seq, action_id);
