-- Schema v1: the whole domain of board minutes and action logs.
-- Ids are random UUID text; human references (action references, item numbers,
-- initials) live in their own columns with unique constraints.
-- Dates are ISO yyyy-MM-dd, times HH:mm, instants ISO-8601 UTC.

CREATE TABLE boards (
  id               TEXT PRIMARY KEY,
  name             TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  short_code       TEXT CHECK (short_code IS NULL OR length(short_code) BETWEEN 1 AND 12),
  -- date-fns tokens for the meeting date plus {n} for the action's sequence in its meeting
  reference_format TEXT NOT NULL DEFAULT 'yyyy-MM-dd/{n}',
  -- agenda numbering: 'letters' gives 1, 1a, 1b, 2; 'decimal' gives 1, 1.1, 1.2, 2
  item_numbering   TEXT NOT NULL DEFAULT 'letters' CHECK (item_numbering IN ('letters', 'decimal')),
  quorum_kind      TEXT NOT NULL DEFAULT 'none' CHECK (quorum_kind IN ('none', 'count', 'fraction')),
  quorum_value     REAL CHECK (quorum_value IS NULL OR quorum_value > 0),
  -- how the public minutes show a confidential item: a placeholder line, or nothing
  confidential_display TEXT NOT NULL DEFAULT 'placeholder' CHECK (confidential_display IN ('placeholder', 'omit')),
  -- recurring agenda: JSON array of item titles
  agenda_template  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(agenda_template)),
  -- usual gap between meetings in days, for suggesting the next date
  cadence_days     INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0),
  archived_at      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX boards_name ON boards (name COLLATE NOCASE) WHERE archived_at IS NULL;
CREATE UNIQUE INDEX boards_short_code ON boards (short_code COLLATE NOCASE) WHERE short_code IS NOT NULL;

-- A person may serve on several boards; how the minutes name them is per board.
CREATE TABLE people (
  id           TEXT PRIMARY KEY,
  full_name    TEXT NOT NULL CHECK (length(trim(full_name)) BETWEEN 1 AND 200),
  organisation TEXT,
  email        TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE board_members (
  id          TEXT PRIMARY KEY,
  board_id    TEXT NOT NULL REFERENCES boards (id),
  person_id   TEXT NOT NULL REFERENCES people (id),
  -- unique within the board, case-insensitively, for everyone ever on the roster
  initials    TEXT NOT NULL COLLATE NOCASE CHECK (length(initials) BETWEEN 1 AND 8),
  role        TEXT,
  -- 1 = voting member (counts for quorum and the register); 0 = officer or regular attendee
  is_member   INTEGER NOT NULL DEFAULT 1 CHECK (is_member IN (0, 1)),
  joined_on   TEXT,
  left_on     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (joined_on IS NULL OR left_on IS NULL OR left_on >= joined_on),
  UNIQUE (board_id, person_id),
  UNIQUE (board_id, initials)
) STRICT;

-- Standing groups that can own actions: "All", "All agencies", "Each agency", sub-groups.
CREATE TABLE board_groups (
  id          TEXT PRIMARY KEY,
  board_id    TEXT NOT NULL REFERENCES boards (id),
  name        TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 120),
  kind        TEXT NOT NULL DEFAULT 'subgroup' CHECK (kind IN ('all', 'all_agencies', 'each_agency', 'subgroup', 'other')),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  UNIQUE (board_id, name)
) STRICT;

CREATE TABLE group_members (
  group_id   TEXT NOT NULL REFERENCES board_groups (id) ON DELETE CASCADE,
  member_id  TEXT NOT NULL REFERENCES board_members (id),
  PRIMARY KEY (group_id, member_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meetings (
  id                TEXT PRIMARY KEY,
  board_id          TEXT NOT NULL REFERENCES boards (id),
  -- the board's name as it was when the meeting was held
  board_name        TEXT NOT NULL,
  meeting_date      TEXT NOT NULL,
  start_time        TEXT,
  end_time          TEXT,
  venue             TEXT,
  status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'circulated', 'agreed', 'published')),
  cancelled         INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  next_date         TEXT,
  next_time         TEXT,
  next_venue        TEXT,
  -- the meeting these minutes were started from (its matters arising come from there)
  previous_meeting_id TEXT REFERENCES meetings (id),
  -- highest action sequence ever issued in this meeting: references are never reused
  action_seq_issued INTEGER NOT NULL DEFAULT 0,
  circulated_at     TEXT,
  agreed_at_meeting_id TEXT REFERENCES meetings (id),
  agreed_on         TEXT,
  agreement_amendments TEXT,
  content_hash      TEXT,
  published_at      TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (end_time IS NULL OR start_time IS NULL OR end_time > start_time)
) STRICT;
CREATE INDEX meetings_board_date ON meetings (board_id, meeting_date);
CREATE INDEX meetings_previous ON meetings (previous_meeting_id) WHERE previous_meeting_id IS NOT NULL;

-- Who was there: roster members by reference, guests by name. Name, initials and
-- role are copied at the time so the minutes keep them when the roster changes.
CREATE TABLE attendance (
  id            TEXT PRIMARY KEY,
  meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  member_id     TEXT REFERENCES board_members (id),
  display_name  TEXT NOT NULL CHECK (length(trim(display_name)) >= 1),
  initials      TEXT,
  role          TEXT,
  organisation  TEXT,
  status        TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'in_attendance')),
  is_guest      INTEGER NOT NULL DEFAULT 0 CHECK (is_guest IN (0, 1)),
  is_chair      INTEGER NOT NULL DEFAULT 0 CHECK (is_chair IN (0, 1)),
  is_vice_chair INTEGER NOT NULL DEFAULT 0 CHECK (is_vice_chair IN (0, 1)),
  is_minute_taker INTEGER NOT NULL DEFAULT 0 CHECK (is_minute_taker IN (0, 1)),
  -- free text as printed ("Item 3"), alongside the linked items below
  for_items_note TEXT,
  position      INTEGER NOT NULL DEFAULT 0,
  CHECK ((member_id IS NULL) = (is_guest = 1)),
  UNIQUE (meeting_id, member_id)
) STRICT;
-- One chair and one vice-chair per meeting.
CREATE UNIQUE INDEX attendance_one_chair ON attendance (meeting_id) WHERE is_chair = 1;
CREATE UNIQUE INDEX attendance_one_vice_chair ON attendance (meeting_id) WHERE is_vice_chair = 1;

CREATE TABLE agenda_items (
  id              TEXT PRIMARY KEY,
  meeting_id      TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  parent_id       TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL,
  -- the printed number ("1", "1a", "6c"); derived while draft, frozen at circulation
  number          TEXT NOT NULL,
  title           TEXT NOT NULL DEFAULT '',
  presenter       TEXT,
  kind            TEXT NOT NULL DEFAULT 'normal' CHECK (kind IN ('normal', 'matters_arising')),
  discussion_json TEXT CHECK (discussion_json IS NULL OR json_valid(discussion_json)),
  discussion_text TEXT NOT NULL DEFAULT '',
  confidential    INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),
  deferred        INTEGER NOT NULL DEFAULT 0 CHECK (deferred IN (0, 1)),
  deferred_to_text TEXT,
  deferred_to_meeting_id TEXT REFERENCES meetings (id),
  -- an item proposed from a deferred item of an earlier meeting
  from_item_id    TEXT REFERENCES agenda_items (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (meeting_id, number)
) STRICT;
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
-- Items deferred to a given meeting are proposed for its agenda.
CREATE INDEX agenda_items_deferred_to ON agenda_items (deferred_to_meeting_id) WHERE deferred_to_meeting_id IS NOT NULL;

-- Who was present for particular items only.
CREATE TABLE attendance_items (
  attendance_id  TEXT NOT NULL REFERENCES attendance (id) ON DELETE CASCADE,
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  PRIMARY KEY (attendance_id, agenda_item_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE decisions (
  id             TEXT PRIMARY KEY,
  agenda_item_id TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  text           TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_item ON decisions (agenda_item_id, position);

CREATE TABLE actions (
  id              TEXT PRIMARY KEY,
  board_id        TEXT NOT NULL REFERENCES boards (id),
  -- where the action was agreed
  meeting_id      TEXT NOT NULL REFERENCES meetings (id),
  agenda_item_id  TEXT REFERENCES agenda_items (id),
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  reference       TEXT NOT NULL,
  position        INTEGER NOT NULL DEFAULT 0,
  details         TEXT NOT NULL DEFAULT '',
  due_kind        TEXT NOT NULL DEFAULT 'none' CHECK (due_kind IN ('none', 'date', 'meeting', 'next_meeting')),
  due_date        TEXT,
  due_meeting_id  TEXT REFERENCES meetings (id),
  -- the due as typed ("next meeting", "end of March")
  due_text        TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'deferred', 'dropped', 'superseded')),
  superseded_by   TEXT REFERENCES actions (id),
  closed_at_meeting_id TEXT REFERENCES meetings (id),
  -- the meeting of its latest update (which decides its status), NULL while it has none:
  -- the action log reads the latest update through it without sorting every update
  last_update_meeting_id TEXT REFERENCES meetings (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  CHECK ((status = 'superseded') = (superseded_by IS NOT NULL)),
  CHECK (superseded_by IS NULL OR superseded_by <> id),
  UNIQUE (board_id, reference),
  UNIQUE (meeting_id, seq)
) STRICT;
CREATE INDEX actions_board_status ON actions (board_id, status);
-- The action log across every board: outstanding actions found without reading the done ones.
CREATE INDEX actions_status_board ON actions (status, board_id);
CREATE INDEX actions_item ON actions (agenda_item_id, position);
-- Carrying forward asks which actions were closed at a meeting on or after a date.
CREATE INDEX actions_closed_at ON actions (closed_at_meeting_id) WHERE closed_at_meeting_id IS NOT NULL;
CREATE INDEX actions_superseded_by ON actions (superseded_by) WHERE superseded_by IS NOT NULL;

-- Every reference ever issued in a board, so a deleted action's reference is never reused.
CREATE TABLE issued_references (
  board_id   TEXT NOT NULL REFERENCES boards (id),
  reference  TEXT NOT NULL,
  action_id  TEXT,
  issued_at  TEXT NOT NULL,
  PRIMARY KEY (board_id, reference)
) STRICT, WITHOUT ROWID;

-- An action's owners: roster members, standing groups, or a name as written ("tbc").
CREATE TABLE action_owners (
  id         TEXT PRIMARY KEY,
  action_id  TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  member_id  TEXT REFERENCES board_members (id),
  group_id   TEXT REFERENCES board_groups (id),
  name_text  TEXT,
  position   INTEGER NOT NULL DEFAULT 0,
  -- the owner as the agreed minutes print them (initials or group name), kept at agreement:
  -- the roster's initials and group names may change later, the record does not
  printed_as TEXT,
  CHECK ((member_id IS NOT NULL) + (group_id IS NOT NULL) + (name_text IS NOT NULL) = 1)
) STRICT;
CREATE INDEX action_owners_action ON action_owners (action_id, position);
CREATE INDEX action_owners_member ON action_owners (member_id);
CREATE INDEX action_owners_group ON action_owners (group_id);

-- Matters arising: the earlier actions listed in a meeting, with the status they had
-- before, so deleting a draft meeting can put them back exactly.
CREATE TABLE carried_actions (
  meeting_id    TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  action_id     TEXT NOT NULL REFERENCES actions (id),
  position      INTEGER NOT NULL,
  status_before TEXT NOT NULL,
  PRIMARY KEY (meeting_id, action_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX carried_actions_action ON carried_actions (action_id);

-- Progress on an action, recorded at a meeting.
CREATE TABLE action_updates (
  id          TEXT PRIMARY KEY,
  action_id   TEXT NOT NULL REFERENCES actions (id),
  meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  text        TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'deferred', 'dropped', 'superseded')),
  superseded_by TEXT REFERENCES actions (id),
  recorded_at TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (action_id, meeting_id)
) STRICT;
CREATE INDEX action_updates_meeting ON action_updates (meeting_id);

-- Items deferred at an earlier meeting that the administrator chose not to take into this one
-- (the others are proposed for its agenda until they are taken in or dismissed).
CREATE TABLE dismissed_deferrals (
  meeting_id   TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  item_id      TEXT NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  dismissed_at TEXT NOT NULL,
  PRIMARY KEY (meeting_id, item_id)
) STRICT, WITHOUT ROWID;

-- A correction to minutes already agreed: never a silent edit.
CREATE TABLE corrections (
  id                   TEXT PRIMARY KEY,
  meeting_id           TEXT NOT NULL REFERENCES meetings (id),
  agreed_at_meeting_id TEXT REFERENCES meetings (id),
  correction_date      TEXT NOT NULL,
  what                 TEXT NOT NULL,
  why                  TEXT NOT NULL,
  created_at           TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Append-only audit trail: who did what, when.
CREATE TABLE change_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  TEXT NOT NULL,
  action     TEXT NOT NULL,
  detail     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;
CREATE INDEX change_log_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only.');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
  SELECT RAISE(ABORT, 'The change log is append-only.');
END;


-- ---------------------------------------------------------------- agreed minutes are frozen
-- Once minutes are agreed as accurate (status 'agreed' or 'published') they are the record.
-- Core refuses changes with a clear message first; these triggers are the backstop that holds
-- even for a direct UPDATE or DELETE on the file. What may still change, and why:
--   meetings.status        agreed -> published (never back: published stays published)
--   meetings.published_at  set when the minutes are published
--   meetings.updated_at    bookkeeping only; it is not part of the minutes
--   actions.status, superseded_by, closed_at_meeting_id, updated_at of the actions agreed at the
--                          meeting: later meetings record progress on them (matters arising);
--                          what was agreed (reference, details, owners, due) never changes
-- Everything else belonging to the meeting is frozen: the meeting's own columns, attendance
-- and who attended which items, agenda items (numbers, titles, discussion), decisions, the
-- actions' agreed columns and owners, and the matters arising recorded at it (carried_actions,
-- action_updates with this meeting's id). Rows are checked by the meeting they belong to, for
-- the old and the new row alike, so a row cannot be moved into or out of agreed minutes either.
-- A column added to any of these tables later must be added to the lists below (or here, why not).
-- Corrections are never edits: a correction is its own append-only record (see corrections).

CREATE TRIGGER meetings_agreed_no_update BEFORE UPDATE ON meetings
WHEN OLD.status IN ('agreed', 'published') AND (
  NEW.status NOT IN ('agreed', 'published') OR (OLD.status = 'published' AND NEW.status <> 'published')
  OR NEW.id IS NOT OLD.id OR NEW.board_id IS NOT OLD.board_id OR NEW.board_name IS NOT OLD.board_name
  OR NEW.meeting_date IS NOT OLD.meeting_date OR NEW.start_time IS NOT OLD.start_time OR NEW.end_time IS NOT OLD.end_time
  OR NEW.venue IS NOT OLD.venue OR NEW.cancelled IS NOT OLD.cancelled
  OR NEW.next_date IS NOT OLD.next_date OR NEW.next_time IS NOT OLD.next_time OR NEW.next_venue IS NOT OLD.next_venue
  OR NEW.previous_meeting_id IS NOT OLD.previous_meeting_id OR NEW.action_seq_issued IS NOT OLD.action_seq_issued
  OR NEW.circulated_at IS NOT OLD.circulated_at OR NEW.agreed_at_meeting_id IS NOT OLD.agreed_at_meeting_id
  OR NEW.agreed_on IS NOT OLD.agreed_on OR NEW.agreement_amendments IS NOT OLD.agreement_amendments
  OR NEW.content_hash IS NOT OLD.content_hash OR NEW.created_at IS NOT OLD.created_at
)
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate and are the record: they cannot be changed. Record a correction instead.');
END;

CREATE TRIGGER meetings_agreed_no_delete BEFORE DELETE ON meetings
WHEN OLD.status IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate and are the record: they cannot be deleted.');
END;

CREATE TRIGGER attendance_agreed_no_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER attendance_agreed_no_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER attendance_agreed_no_delete BEFORE DELETE ON attendance
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER attendance_items_agreed_no_insert BEFORE INSERT ON attendance_items
WHEN (SELECT m.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.attendance_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER attendance_items_agreed_no_update BEFORE UPDATE ON attendance_items
WHEN (SELECT m.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.attendance_id) IN ('agreed', 'published')
  OR (SELECT m.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.attendance_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER attendance_items_agreed_no_delete BEFORE DELETE ON attendance_items
WHEN (SELECT m.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.attendance_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their attendance cannot be changed.');
END;

CREATE TRIGGER agenda_items_agreed_no_insert BEFORE INSERT ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so no agenda item can be added to them.');
END;

CREATE TRIGGER agenda_items_agreed_no_update BEFORE UPDATE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their agenda items cannot be changed. Record a correction instead.');
END;

CREATE TRIGGER agenda_items_agreed_no_delete BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their agenda items cannot be deleted.');
END;

CREATE TRIGGER decisions_agreed_no_insert BEFORE INSERT ON decisions
WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = NEW.agenda_item_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so no decision can be added to them.');
END;

CREATE TRIGGER decisions_agreed_no_update BEFORE UPDATE ON decisions
WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.agenda_item_id) IN ('agreed', 'published')
  OR (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = NEW.agenda_item_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their decisions cannot be changed. Record a correction instead.');
END;

CREATE TRIGGER decisions_agreed_no_delete BEFORE DELETE ON decisions
WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.agenda_item_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their decisions cannot be deleted.');
END;

CREATE TRIGGER actions_agreed_no_insert BEFORE INSERT ON actions
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so no action can be added to them.');
END;

-- Progress on an action (status, superseded_by, closed_at_meeting_id) is recorded by later meetings.
CREATE TRIGGER actions_agreed_no_update BEFORE UPDATE ON actions
WHEN ((SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
   OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published'))
  AND (NEW.id IS NOT OLD.id OR NEW.board_id IS NOT OLD.board_id OR NEW.meeting_id IS NOT OLD.meeting_id
    OR NEW.agenda_item_id IS NOT OLD.agenda_item_id OR NEW.seq IS NOT OLD.seq OR NEW.reference IS NOT OLD.reference
    OR NEW.position IS NOT OLD.position OR NEW.details IS NOT OLD.details OR NEW.due_kind IS NOT OLD.due_kind
    OR NEW.due_date IS NOT OLD.due_date OR NEW.due_meeting_id IS NOT OLD.due_meeting_id OR NEW.due_text IS NOT OLD.due_text
    OR NEW.created_at IS NOT OLD.created_at)
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: its reference, details and due cannot be changed. Record progress on it at a later meeting.');
END;

CREATE TRIGGER actions_agreed_no_delete BEFORE DELETE ON actions
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: it cannot be deleted. Mark it dropped at a later meeting instead.');
END;

CREATE TRIGGER action_owners_agreed_no_insert BEFORE INSERT ON action_owners
WHEN (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.action_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: its owners cannot be changed.');
END;

CREATE TRIGGER action_owners_agreed_no_update BEFORE UPDATE ON action_owners
WHEN (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.action_id) IN ('agreed', 'published')
  OR (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.action_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: its owners cannot be changed.');
END;

CREATE TRIGGER action_owners_agreed_no_delete BEFORE DELETE ON action_owners
WHEN (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.action_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: its owners cannot be changed.');
END;

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

CREATE TRIGGER action_updates_agreed_no_insert BEFORE INSERT ON action_updates
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the action updates recorded in them cannot be changed.');
END;

CREATE TRIGGER action_updates_agreed_no_update BEFORE UPDATE ON action_updates
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the action updates recorded in them cannot be changed.');
END;

CREATE TRIGGER action_updates_agreed_no_delete BEFORE DELETE ON action_updates
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the action updates recorded in them cannot be changed.');
END;

-- A correction is made only to agreed minutes, and is itself a record: never edited or removed.
CREATE TRIGGER corrections_only_agreed BEFORE INSERT ON corrections
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) NOT IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'Only minutes agreed as accurate take corrections; draft and circulated minutes are edited directly.');
END;

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN
  SELECT RAISE(ABORT, 'A correction is part of the record: it cannot be changed. Record another correction instead.');
END;

CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN
  SELECT RAISE(ABORT, 'A correction is part of the record: it cannot be deleted. Record another correction instead.');
END;
