-- Schema v14: a meeting's matters arising are found only by the meeting (their primary key), no
-- longer also by the action. Carrying forward lists every outstanding action of the board (~340 on
-- a large store); the index on carried_actions (action_id), keyed by the action's random id, put
-- each of them on its own leaf page: 93% of the ~500 pages a carry wrote, encrypted and synced.
-- An action's listings are now found through its board's meetings, each a lookup by this key
-- (electron/core/store/listings.ts), and its count of times carried is kept (action_times_carried).
--
-- The foreign key to actions (id) goes with the index: SQLite needs an index led by action_id to
-- check it when an action is deleted. Its rule (a listed action exists, and is of the meeting's
-- board) is kept by the triggers below, which note any listing they cannot vouch for in
-- carried_actions_unchecked; the write path checks those when the write commits
-- (store/listings.ts), as the deferred foreign key did for sync, whose rows arrive in any order.
CREATE TABLE carried_actions_v13 (
  meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  action_id     TEXT NOT NULL,
  position      INTEGER NOT NULL,
  status_before TEXT NOT NULL,
  PRIMARY KEY (meeting_id, action_id)
) STRICT, WITHOUT ROWID;
INSERT INTO carried_actions_v13 (meeting_id, action_id, position, status_before)
  SELECT meeting_id, action_id, position, status_before FROM carried_actions ORDER BY meeting_id, action_id;
DROP TABLE carried_actions;
ALTER TABLE carried_actions_v13 RENAME TO carried_actions;

-- The triggers that went with the old table, as they were (0001, 0012).
CREATE TRIGGER carried_actions_agreed_no_insert BEFORE INSERT ON carried_actions
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their matters arising cannot be changed.');
END;

CREATE TRIGGER carried_actions_agreed_no_update BEFORE UPDATE ON carried_actions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their matters arising cannot be changed.');
END;

CREATE TRIGGER carried_actions_agreed_no_delete BEFORE DELETE ON carried_actions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their matters arising cannot be changed.');
END;

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

-- Listings to check when the write commits: empty between writes.
CREATE TABLE carried_actions_unchecked (
  meeting_id TEXT NOT NULL,
  action_id  TEXT NOT NULL,
  PRIMARY KEY (meeting_id, action_id)
) STRICT, WITHOUT ROWID;

-- A listing whose action is (as yet) missing or of another board: two key lookups, noted only then.
CREATE TRIGGER carried_actions_rule_insert AFTER INSERT ON carried_actions
WHEN NOT EXISTS (SELECT 1 FROM actions a JOIN meetings m ON m.id = NEW.meeting_id WHERE a.id = NEW.action_id AND a.board_id = m.board_id)
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id) VALUES (NEW.meeting_id, NEW.action_id);
END;
CREATE TRIGGER carried_actions_rule_update AFTER UPDATE OF meeting_id, action_id ON carried_actions
WHEN NOT EXISTS (SELECT 1 FROM actions a JOIN meetings m ON m.id = NEW.meeting_id WHERE a.id = NEW.action_id AND a.board_id = m.board_id)
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id) VALUES (NEW.meeting_id, NEW.action_id);
END;
-- An action deleted (or given another id or board) while meetings of its board still list it.
CREATE TRIGGER actions_listed_delete AFTER DELETE ON actions
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id)
    SELECT c.meeting_id, c.action_id FROM meetings m CROSS JOIN carried_actions c ON c.meeting_id = m.id AND c.action_id = OLD.id WHERE m.board_id = OLD.board_id;
END;
CREATE TRIGGER actions_listed_update AFTER UPDATE OF id, board_id ON actions
WHEN OLD.id IS NOT NEW.id OR OLD.board_id IS NOT NEW.board_id
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id)
    SELECT c.meeting_id, c.action_id FROM meetings m CROSS JOIN carried_actions c ON c.meeting_id = m.id AND c.action_id = OLD.id WHERE m.board_id = OLD.board_id;
END;
-- A meeting moved to another board with its list.
CREATE TRIGGER meetings_listed_board_update AFTER UPDATE OF board_id ON meetings
WHEN OLD.board_id IS NOT NEW.board_id
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id)
    SELECT meeting_id, action_id FROM carried_actions WHERE meeting_id = NEW.id;
END;
