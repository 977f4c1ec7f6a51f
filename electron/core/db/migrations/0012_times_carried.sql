-- Schema v11: how many meetings have listed each outstanding action as matters arising, kept in a
-- narrow table of its own instead of in the wide action_summaries row. Carrying forward into a
-- new meeting changes that count for every outstanding action of the board (~340 on a large
-- store); in action_summaries each change rewrote a ~1 KB row, ~80 pages written, encrypted and
-- synced per carry, for one integer. Here a board's counts sit together under its id: a carry
-- rewrites a few pages. One row per row of action_summaries (same actions, same board), written
-- by the same one writer (electron/core/store/actionSummary.ts) in the same write; read beside
-- the summary by its key. Derived data: recounted from carried_actions, never edited by hand.
CREATE TABLE action_times_carried (
  board_id      TEXT NOT NULL,
  action_id     TEXT NOT NULL,
  times_carried INTEGER NOT NULL CHECK (times_carried >= 0),
  PRIMARY KEY (board_id, action_id)
) STRICT, WITHOUT ROWID;

-- Counted again from the meetings' lists, not copied: a count kept wrong before stays wrong nowhere.
INSERT INTO action_times_carried (board_id, action_id, times_carried)
  SELECT s.board_id, s.action_id, (SELECT count(*) FROM carried_actions c WHERE c.action_id = s.action_id) FROM action_summaries s;

ALTER TABLE action_summaries DROP COLUMN times_carried;

-- A change to the meetings' lists now marks by how much it changed each action's count (+1 listed,
-- -1 taken off), so the writer adds that to the kept count instead of counting every meeting that
-- ever listed the action again (a long-outstanding action on a large store: a hundred and more).
-- Counted again in full only where the sum would not make sense (below zero: a count kept wrong).
ALTER TABLE action_summaries_recount ADD COLUMN delta INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER action_summaries_stale_carried_insert;
DROP TRIGGER action_summaries_stale_carried_update;
DROP TRIGGER action_summaries_stale_carried_delete;

CREATE TRIGGER action_summaries_stale_carried_insert AFTER INSERT ON carried_actions
BEGIN
  INSERT INTO action_summaries_recount (action_id, delta) VALUES (NEW.action_id, 1) ON CONFLICT (action_id) DO UPDATE SET delta = delta + 1;
END;
CREATE TRIGGER action_summaries_stale_carried_update AFTER UPDATE OF action_id ON carried_actions
BEGIN
  INSERT INTO action_summaries_recount (action_id, delta) VALUES (OLD.action_id, -1) ON CONFLICT (action_id) DO UPDATE SET delta = delta - 1;
  INSERT INTO action_summaries_recount (action_id, delta) VALUES (NEW.action_id, 1) ON CONFLICT (action_id) DO UPDATE SET delta = delta + 1;
END;
CREATE TRIGGER action_summaries_stale_carried_delete AFTER DELETE ON carried_actions
BEGIN
  INSERT INTO action_summaries_recount (action_id, delta) VALUES (OLD.action_id, -1) ON CONFLICT (action_id) DO UPDATE SET delta = delta - 1;
END;
