-- Schema v15: carrying forward lists a board's outstanding actions (~340 on a large store) in one
-- statement, and does once for that statement what the triggers on carried_actions did for each
-- row: refusing agreed minutes (one look at the meeting's status), checking that each action is
-- of the meeting's board (they are chosen from that board's actions in the same transaction), and
-- adding one to each listed action's kept count of times carried (one UPDATE). Per row, those
-- triggers cost ~2.8 µs of the carry's ~4 µs an action, and their marks dirtied pages of
-- action_summaries_recount that were emptied again before the commit.
--
-- While that statement runs, its meeting is named in carried_actions_listing, and the three
-- per-row triggers stand aside for that meeting's new rows only. The write that names it takes
-- the name out again before it returns (electron/core/store/carryListing.ts): between writes the
-- table is empty, and a name left in it (a program writing without the app) makes the next open
-- rebuild the kept values, after a backup, as stale marks do. Every other writer (sync's
-- projection, a listing added by hand, the import) keeps the per-row rule exactly as before.
CREATE TABLE carried_actions_listing (
  meeting_id TEXT NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;

DROP TRIGGER carried_actions_agreed_no_insert;
DROP TRIGGER action_summaries_stale_carried_insert;
DROP TRIGGER carried_actions_rule_insert;

CREATE TRIGGER carried_actions_agreed_no_insert BEFORE INSERT ON carried_actions
WHEN NOT EXISTS (SELECT 1 FROM carried_actions_listing l WHERE l.meeting_id = NEW.meeting_id)
  AND (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their matters arising cannot be changed.');
END;

CREATE TRIGGER action_summaries_stale_carried_insert AFTER INSERT ON carried_actions
WHEN NOT EXISTS (SELECT 1 FROM carried_actions_listing l WHERE l.meeting_id = NEW.meeting_id)
BEGIN
  INSERT INTO action_summaries_recount (action_id, delta) VALUES (NEW.action_id, 1) ON CONFLICT (action_id) DO UPDATE SET delta = delta + 1;
END;

CREATE TRIGGER carried_actions_rule_insert AFTER INSERT ON carried_actions
WHEN NOT EXISTS (SELECT 1 FROM carried_actions_listing l WHERE l.meeting_id = NEW.meeting_id)
  AND NOT EXISTS (SELECT 1 FROM actions a JOIN meetings m ON m.id = NEW.meeting_id WHERE a.id = NEW.action_id AND a.board_id = m.board_id)
BEGIN
  INSERT OR IGNORE INTO carried_actions_unchecked (meeting_id, action_id) VALUES (NEW.meeting_id, NEW.action_id);
END;
