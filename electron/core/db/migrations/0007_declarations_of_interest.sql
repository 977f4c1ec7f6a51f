-- Schema 8: declarations of interest. The board's register of members' interests (a standing
-- record, kept from the roster), the declarations made at each meeting (part of its minutes:
-- hashed and frozen with them), and the board's setting for the chair's signature block.

ALTER TABLE boards ADD COLUMN signature_block INTEGER NOT NULL DEFAULT 0 CHECK (signature_block IN (0, 1));

-- One interest of one member of the board, with the dates it was held (either may be unknown).
CREATE TABLE interests (
  id          TEXT PRIMARY KEY,
  board_id    TEXT NOT NULL REFERENCES boards (id),
  -- A member deleted from the roster (entered by mistake) takes their register entries along.
  member_id   TEXT NOT NULL REFERENCES board_members (id) ON DELETE CASCADE,
  interest    TEXT NOT NULL CHECK (length(trim(interest)) BETWEEN 1 AND 500),
  category    TEXT NOT NULL CHECK (category IN ('disclosable_pecuniary', 'other_registrable', 'non_registrable')),
  from_date   TEXT,
  to_date     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (from_date IS NULL OR to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX interests_board ON interests (board_id, member_id);

-- A declaration made at a meeting by someone who attended it (named as the attendance names
-- them), on one item or under the standing "Declarations of interest" item (no item).
CREATE TABLE declarations (
  id             TEXT PRIMARY KEY,
  meeting_id     TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  attendance_id  TEXT NOT NULL REFERENCES attendance (id) ON DELETE CASCADE,
  agenda_item_id TEXT REFERENCES agenda_items (id) ON DELETE CASCADE,
  interest       TEXT NOT NULL CHECK (length(trim(interest)) BETWEEN 1 AND 500),
  participation  TEXT NOT NULL CHECK (participation IN ('took_part', 'took_no_part', 'left_room')),
  position       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX declarations_meeting ON declarations (meeting_id, position);
CREATE INDEX declarations_attendance ON declarations (attendance_id);
CREATE INDEX declarations_item ON declarations (agenda_item_id);

-- Declarations are part of the minutes: once agreed, they are the record.
CREATE TRIGGER declarations_agreed_no_insert BEFORE INSERT ON declarations
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their declarations of interest cannot be changed. Record a correction instead.');
END;

CREATE TRIGGER declarations_agreed_no_update BEFORE UPDATE ON declarations
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their declarations of interest cannot be changed. Record a correction instead.');
END;

CREATE TRIGGER declarations_agreed_no_delete BEFORE DELETE ON declarations
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their declarations of interest cannot be changed. Record a correction instead.');
END;

-- A declaration is made by someone who was there (present or in attendance), in the same meeting.
CREATE TRIGGER declarations_by_attendee BEFORE INSERT ON declarations
WHEN NOT EXISTS (SELECT 1 FROM attendance WHERE id = NEW.attendance_id AND meeting_id = NEW.meeting_id AND status IN ('present', 'in_attendance'))
  OR (NEW.agenda_item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agenda_items WHERE id = NEW.agenda_item_id AND meeting_id = NEW.meeting_id))
BEGIN
  SELECT RAISE(ABORT, 'A declaration of interest is made by someone at the meeting, on one of its items.');
END;
