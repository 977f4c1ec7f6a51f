-- Schema v4: the action log kept, rather than worked out on every read.
--  * action_summaries: one row per outstanding action (open, in progress, deferred) of a board
--    that is not archived, holding exactly what the log shows of it: its board, reference,
--    details, due (and the date it is due by), origin meeting and item, how many meetings listed
--    it as matters arising, its owners as its own minutes name them (the log's JSON), and its
--    latest update. Keyed by board and the order the log lists them, so one board's log is one
--    range of one table and the whole log one pass over it. One writer:
--    electron/core/store/actionSummary.ts, which the write path calls at the end of every write
--    for the actions that write touched. Derived data: rebuilt from the tables it comes from
--    whenever it is missing or doubtful, never edited by hand; not part of any meeting's record.
--  * action_summaries_stale (and _recount, for a change of times carried only): the actions a write touched, marked by the triggers below on every
--    table a row is made from. The write path empties it before its transaction commits, so
--    outside a write it is empty; rows left in it (a write made outside core, an older copy of
--    the app) make the next open rebuild every row.
--  * actions_outstanding: the unfinished actions of one board, or of all, found without reading
--    the finished ones (carrying forward, and the triggers below).
CREATE TABLE action_summaries (
  board_id          TEXT NOT NULL,
  origin_date       TEXT NOT NULL,
  seq               INTEGER NOT NULL,
  action_id         TEXT NOT NULL UNIQUE,
  board_name        TEXT NOT NULL,
  short_code        TEXT,
  reference         TEXT NOT NULL,
  details           TEXT NOT NULL,
  due_kind          TEXT NOT NULL,
  due_date          TEXT,
  due_meeting_id    TEXT,
  due_text          TEXT,
  -- the date it is due by: for "next meeting", the board's next meeting after the one that agreed it
  effective_due     TEXT,
  status            TEXT NOT NULL,
  origin_id         TEXT NOT NULL,
  item_id           TEXT,
  item_number       TEXT,
  item_title        TEXT,
  times_carried     INTEGER NOT NULL CHECK (times_carried >= 0),
  -- the owners as the log lists them: [{kind, memberId|groupId|name, initials, fullName, key}]
  owners_json       TEXT NOT NULL,
  latest_meeting_id TEXT,
  latest_date       TEXT,
  latest_text       TEXT,
  latest_status     TEXT,
  PRIMARY KEY (board_id, origin_date, seq, action_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE action_summaries_stale (
  action_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- Actions listed or taken off a meeting's matters arising: only their count of times carried
-- changes, so carrying forward a whole board's actions recounts them instead of rebuilding them.
CREATE TABLE action_summaries_recount (
  action_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE INDEX actions_outstanding ON actions (board_id, due_kind) WHERE status IN ('open', 'in_progress', 'deferred');

CREATE TRIGGER action_summaries_stale_action_insert AFTER INSERT ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.id); END;
CREATE TRIGGER action_summaries_stale_action_delete AFTER DELETE ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.id); END;
CREATE TRIGGER action_summaries_stale_action_update AFTER UPDATE ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.id), (NEW.id); END;

CREATE TRIGGER action_summaries_stale_carried_insert AFTER INSERT ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_recount (action_id) VALUES (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_carried_update AFTER UPDATE OF action_id ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_recount (action_id) VALUES (OLD.action_id), (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_carried_delete AFTER DELETE ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_recount (action_id) VALUES (OLD.action_id); END;

CREATE TRIGGER action_summaries_stale_update_insert AFTER INSERT ON action_updates
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_update_update AFTER UPDATE ON action_updates
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id), (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_update_delete AFTER DELETE ON action_updates
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id); END;

CREATE TRIGGER action_summaries_stale_owner_insert AFTER INSERT ON action_owners
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_owner_update AFTER UPDATE ON action_owners
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id), (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_owner_delete AFTER DELETE ON action_owners
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id); END;

-- An owner in the meeting's attendance is named by that attendance row.
CREATE TRIGGER action_summaries_stale_attendance_insert AFTER INSERT ON attendance WHEN NEW.member_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT o.action_id FROM actions a JOIN action_owners o ON o.action_id = a.id WHERE a.meeting_id = NEW.meeting_id AND o.member_id = NEW.member_id;
END;
CREATE TRIGGER action_summaries_stale_attendance_update AFTER UPDATE ON attendance
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT o.action_id FROM actions a JOIN action_owners o ON o.action_id = a.id
    WHERE (a.meeting_id = OLD.meeting_id AND o.member_id = OLD.member_id) OR (a.meeting_id = NEW.meeting_id AND o.member_id = NEW.member_id);
END;
CREATE TRIGGER action_summaries_stale_attendance_delete AFTER DELETE ON attendance WHEN OLD.member_id IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT o.action_id FROM actions a JOIN action_owners o ON o.action_id = a.id WHERE a.meeting_id = OLD.meeting_id AND o.member_id = OLD.member_id;
END;

-- The roster and group names are the last fallback for an owner's name, and a person keys an owner.
CREATE TRIGGER action_summaries_stale_member_update AFTER UPDATE OF initials, person_id ON board_members
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT action_id FROM action_owners WHERE member_id = NEW.id; END;
CREATE TRIGGER action_summaries_stale_person_update AFTER UPDATE OF full_name ON people
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT o.action_id FROM board_members bm JOIN action_owners o ON o.member_id = bm.id WHERE bm.person_id = NEW.id;
END;
CREATE TRIGGER action_summaries_stale_group_update AFTER UPDATE OF name ON board_groups
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT action_id FROM action_owners WHERE group_id = NEW.id; END;

-- A meeting's date dates the actions it agreed and the updates recorded at it; a meeting added,
-- moved, cancelled or deleted can change when the board's actions due at a meeting are due.
CREATE TRIGGER action_summaries_stale_meeting_update AFTER UPDATE OF meeting_date, cancelled, board_id ON meetings
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT id FROM actions WHERE meeting_id = NEW.id
    UNION SELECT action_id FROM action_updates WHERE meeting_id = NEW.id
    UNION SELECT id FROM actions WHERE board_id IN (OLD.board_id, NEW.board_id) AND due_kind IN ('meeting', 'next_meeting')
      AND status IN ('open', 'in_progress', 'deferred');
END;
CREATE TRIGGER action_summaries_stale_meeting_insert AFTER INSERT ON meetings
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT id FROM actions WHERE board_id = NEW.board_id AND due_kind IN ('meeting', 'next_meeting') AND status IN ('open', 'in_progress', 'deferred');
END;
CREATE TRIGGER action_summaries_stale_meeting_delete AFTER DELETE ON meetings
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT id FROM actions WHERE board_id = OLD.board_id AND due_kind IN ('meeting', 'next_meeting') AND status IN ('open', 'in_progress', 'deferred');
END;

-- The board's name and code head each row; an archived board's actions leave the log.
CREATE TRIGGER action_summaries_stale_board_update AFTER UPDATE OF name, short_code, archived_at ON boards
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT id FROM actions WHERE board_id = NEW.id AND status IN ('open', 'in_progress', 'deferred'); END;

-- The item an action was agreed under is shown by its number and title.
CREATE TRIGGER action_summaries_stale_item_update AFTER UPDATE OF number, title ON agenda_items
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT id FROM actions WHERE agenda_item_id = NEW.id; END;
