-- Schema v8: the action log read a window at a time (electron/core/actionLog/window.ts). The
-- screen asks for the rows it shows in the log's own order (due date, no date last, then where
-- each action was raised); these indexes hold the kept rows in that order, for all boards and
-- for each board, so a window is read from an index without sorting the whole log, and the
-- counts the screen's header shows (how many, how many overdue) are read from the index alone.
CREATE INDEX action_summaries_by_due ON action_summaries (effective_due IS NULL, effective_due, origin_date, seq, action_id);
CREATE INDEX action_summaries_board_by_due ON action_summaries (board_id, effective_due IS NULL, effective_due, origin_date, seq, action_id);
