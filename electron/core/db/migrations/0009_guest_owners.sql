-- Migration 8: guests in attendance own actions (issue 14). A guest ("in attendance for item 3",
-- a presenter, a young person) can be given initials (attendance.initials already holds them) and
-- an email address, and an action's owner can be a guest, linked to their attendance row.
--  * action_owners.attendance_id: the guest's attendance row in the meeting that agreed the
--    action. The row still keeps the name as written (name_text) and as printed (printed_as), so
--    the CHECK of exactly one of member/group/name holds, and removing the guest from a draft's
--    attendance leaves the owner as the name written (ON DELETE SET NULL), never loses it.
--    Part of the minutes: hashed from content version 4 (electron/core/lifecycle/contentHash.ts),
--    frozen with them by action_owners_agreed_no_update (0001/0002), which covers every column.
--  * guest_contacts: a guest's email address, for reminders. Beside the record, like a roster
--    member's address (people.email): it is not what the minutes say, so it can be added after
--    the minutes are agreed, and it is not hashed.

ALTER TABLE action_owners ADD COLUMN attendance_id TEXT REFERENCES attendance (id) ON DELETE SET NULL;
CREATE INDEX action_owners_attendance ON action_owners (attendance_id) WHERE attendance_id IS NOT NULL;

-- A guest owner is a guest of the meeting that agreed the action, named as written. (Owners of
-- agreed minutes are refused by their own triggers, with their own message.) Owner rows are only
-- ever inserted (their writer replaces an action's owners whole); the one update of
-- attendance_id is the SET NULL when a draft's guest is removed.
CREATE TRIGGER action_owners_guest_insert BEFORE INSERT ON action_owners
WHEN NEW.attendance_id IS NOT NULL
  AND (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.action_id) NOT IN ('agreed', 'published')
  AND (
  NEW.name_text IS NULL
  OR NOT EXISTS (SELECT 1 FROM attendance att JOIN actions a ON a.meeting_id = att.meeting_id
                 WHERE att.id = NEW.attendance_id AND a.id = NEW.action_id AND att.is_guest = 1))
BEGIN
  SELECT RAISE(ABORT, 'An action can be owned by a guest only of the meeting that agreed it.');
END;

CREATE TABLE guest_contacts (
  attendance_id TEXT PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
  email         TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  updated_at    TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Only a guest has contact details here (a member's address is on the roster).
CREATE TRIGGER guest_contacts_guest_only BEFORE INSERT ON guest_contacts
WHEN NOT EXISTS (SELECT 1 FROM attendance WHERE id = NEW.attendance_id AND is_guest = 1)
BEGIN
  SELECT RAISE(ABORT, 'Only a guest in attendance has an email address here; a member’s is on the roster.');
END;

-- The action log names a guest owner by their attendance row (as 0004 does for members).
CREATE TRIGGER action_summaries_stale_guest_update AFTER UPDATE OF initials, display_name ON attendance WHEN NEW.is_guest = 1
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id) SELECT action_id FROM action_owners WHERE attendance_id = NEW.id;
END;

-- Removing a draft's guest sets their owner rows' attendance_id to NULL: a foreign-key action,
-- under which SQLite runs a trigger's INSERT OR IGNORE as a plain INSERT, so 0004's trigger
-- (which inserts the action twice, as OLD and NEW) would fail. The same trigger, inserting each
-- action once and only if it is not already marked.
DROP TRIGGER action_summaries_stale_owner_update;
CREATE TRIGGER action_summaries_stale_owner_update AFTER UPDATE ON action_owners
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT id FROM (SELECT OLD.action_id AS id UNION SELECT NEW.action_id)
    WHERE id NOT IN (SELECT action_id FROM action_summaries_stale);
END;
