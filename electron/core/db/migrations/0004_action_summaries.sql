-- Schema v4: what the action log shows of each action, kept rather than recomputed on every read.
--  * action_summaries: per action, how many meetings listed it as matters arising, its owners
--    as its own minutes name them (the log's JSON), and its latest update. One writer:
--    electron/core/store/actionSummary.ts, which the write path calls at the end of every write
--    for the actions that write touched. Derived data: it is rebuilt from the tables it comes
--    from whenever it is missing or doubtful (see keptValuesWrong), never edited by hand.
--  * action_summaries_stale: the actions a write touched, marked by the triggers below on every
--    table a summary is read from. The write path empties it before its transaction commits, so
--    outside a write it is empty; rows left in it (a write made outside core, an older copy of
--    the app) make the next open rebuild every summary.
--  * actions_outstanding: the action log and matters arising find the unfinished actions of one
--    board, or of all, without reading the finished ones.
CREATE TABLE action_summaries (
  -- no foreign key: derived data, not part of any meeting's record (its triggers and hash do not
  -- cover it); a deleted action's summary is deleted by the write path with it
  action_id         TEXT PRIMARY KEY,
  times_carried     INTEGER NOT NULL CHECK (times_carried >= 0),
  -- the owners as the log lists them: [{kind, memberId|groupId|name, initials, fullName, key}]
  owners_json       TEXT NOT NULL,
  latest_meeting_id TEXT,
  latest_date       TEXT,
  latest_text       TEXT,
  latest_status     TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX action_summaries_latest ON action_summaries (latest_meeting_id) WHERE latest_meeting_id IS NOT NULL;

CREATE TABLE action_summaries_stale (
  action_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE INDEX actions_outstanding ON actions (board_id, meeting_id, seq) WHERE status IN ('open', 'in_progress', 'deferred');

CREATE TRIGGER action_summaries_stale_action_insert AFTER INSERT ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.id); END;
CREATE TRIGGER action_summaries_stale_action_delete AFTER DELETE ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.id); END;
CREATE TRIGGER action_summaries_stale_action_update AFTER UPDATE OF meeting_id, last_update_meeting_id ON actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.id); END;

CREATE TRIGGER action_summaries_stale_carried_insert AFTER INSERT ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_carried_update AFTER UPDATE OF action_id ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id), (NEW.action_id); END;
CREATE TRIGGER action_summaries_stale_carried_delete AFTER DELETE ON carried_actions
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) VALUES (OLD.action_id); END;

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

-- The latest update's meeting date is kept with it.
CREATE TRIGGER action_summaries_stale_meeting_date AFTER UPDATE OF meeting_date ON meetings
BEGIN INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT action_id FROM action_summaries WHERE latest_meeting_id = NEW.id; END;
