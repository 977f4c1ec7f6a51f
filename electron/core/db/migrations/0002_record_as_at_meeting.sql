-- Schema v2: the record is what was said at the meeting.
--  * An action's owners are named as at the meeting: someone in the meeting's attendance by that
--    attendance row (it already keeps their name and initials as recorded), anyone else by what
--    action_owners keeps from when they were made owner. printed_as now holds that for every
--    owner, from the moment it is set (initials, group name, or the name as written), and
--    member_name the person's full name then. Neither follows later roster or group changes.
--    (Until now printed_as was stamped at agreement from the roster of that day: agreeing
--    April's minutes in July printed July's initials. Those stamps are part of the hashes
--    already stored, so they stay as they are; the attendance row, where there is one, names
--    the person on screen and in print.)
--  * The decision that records an agreement knows which minutes it agrees
--    (decisions.agrees_minutes_of): it cannot be changed or deleted, nor its item deleted, and
--    the agreeing meeting's date cannot move away from the date the minutes were agreed on.
--  * The content hash has a version (meetings.content_version): hashes stored before this
--    version are version 1 and are still checked as version 1; new agreements are version 2,
--    which covers every table under the meeting, every column of it that is content (the list
--    and what is left out, and why, are in electron/core/lifecycle/contentHash.ts).
--  * The deferred items a meeting set aside (dismissed_deferrals) are frozen with its minutes.

ALTER TABLE action_owners ADD COLUMN member_name TEXT;
ALTER TABLE decisions ADD COLUMN agrees_minutes_of TEXT REFERENCES meetings (id);
ALTER TABLE meetings ADD COLUMN content_version INTEGER CHECK (content_version IS NULL OR content_version >= 1);

CREATE INDEX decisions_agrees_minutes_of ON decisions (agrees_minutes_of) WHERE agrees_minutes_of IS NOT NULL;
CREATE INDEX meetings_agreed_at ON meetings (agreed_at_meeting_id) WHERE agreed_at_meeting_id IS NOT NULL;

-- The backfills below write new columns of rows in agreed minutes; no column a stored hash
-- covers is touched. Those rows' triggers are dropped for it and created again (below).
DROP TRIGGER meetings_agreed_no_update;
DROP TRIGGER decisions_agreed_no_update;
DROP TRIGGER action_owners_agreed_no_update;

UPDATE meetings SET content_version = 1 WHERE content_hash IS NOT NULL;

-- Owners as named at the meeting: its attendance row, else the roster or group as it is now
-- (the nearest there is to "then" for drafts typed before this version). Agreed minutes keep
-- the printed_as they were agreed with, whatever it is: their stored hash covers it.
UPDATE action_owners SET
  printed_as = CASE
    WHEN (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = action_owners.action_id) IN ('agreed', 'published')
    THEN printed_as
    ELSE coalesce(
    printed_as,
    (SELECT att.initials FROM actions a JOIN attendance att ON att.meeting_id = a.meeting_id AND att.member_id = action_owners.member_id
     WHERE a.id = action_owners.action_id),
    (SELECT bm.initials FROM board_members bm WHERE bm.id = action_owners.member_id),
    (SELECT g.name FROM board_groups g WHERE g.id = action_owners.group_id),
    name_text) END,
  member_name = CASE WHEN member_id IS NULL THEN NULL ELSE coalesce(
    (SELECT att.display_name FROM actions a JOIN attendance att ON att.meeting_id = a.meeting_id AND att.member_id = action_owners.member_id
     WHERE a.id = action_owners.action_id),
    (SELECT p.full_name FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.id = action_owners.member_id)) END;

-- The agreement decision of minutes already agreed: written in the same instant as the change
-- log's 'agree' entry, in an item of the agreeing meeting, in the words agreeMinutes uses.
UPDATE decisions SET agrees_minutes_of = (
  SELECT m.id FROM meetings m
  JOIN agenda_items i ON i.meeting_id = m.agreed_at_meeting_id
  JOIN change_log c ON c.entity = 'meeting' AND c.entity_id = m.id AND c.action = 'agree'
  WHERE i.id = decisions.agenda_item_id AND c.at = decisions.created_at
  ORDER BY c.seq DESC LIMIT 1)
WHERE agrees_minutes_of IS NULL AND text LIKE 'The minutes of the meeting held on %';

-- ---------------------------------------------------------------- agreed minutes are frozen
-- As in 0001, with content_version frozen too.
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
  OR NEW.content_hash IS NOT OLD.content_hash OR NEW.content_version IS NOT OLD.content_version
  OR NEW.created_at IS NOT OLD.created_at
)
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate and are the record: they cannot be changed. Record a correction instead.');
END;

-- As in 0001.
CREATE TRIGGER decisions_agreed_no_update BEFORE UPDATE ON decisions
WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = OLD.agenda_item_id) IN ('agreed', 'published')
  OR (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = NEW.agenda_item_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so their decisions cannot be changed. Record a correction instead.');
END;

-- As in 0001.
CREATE TRIGGER action_owners_agreed_no_update BEFORE UPDATE ON action_owners
WHEN (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = OLD.action_id) IN ('agreed', 'published')
  OR (SELECT m.status FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = NEW.action_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'This action was agreed in minutes that are now the record: its owners cannot be changed.');
END;

CREATE TRIGGER dismissed_deferrals_agreed_no_insert BEFORE INSERT ON dismissed_deferrals
WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the deferred items set aside in them cannot be changed.');
END;

CREATE TRIGGER dismissed_deferrals_agreed_no_update BEFORE UPDATE ON dismissed_deferrals
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
  OR (SELECT status FROM meetings WHERE id = NEW.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the deferred items set aside in them cannot be changed.');
END;

CREATE TRIGGER dismissed_deferrals_agreed_no_delete BEFORE DELETE ON dismissed_deferrals
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) IN ('agreed', 'published')
BEGIN
  SELECT RAISE(ABORT, 'These minutes have been agreed as accurate, so the deferred items set aside in them cannot be changed.');
END;

-- ---------------------------------------------------------------- the agreement is part of the record
-- The decision recording that earlier minutes were agreed stays as written while the agreeing
-- meeting's own minutes are still a draft: only its place among the item's decisions may change
-- (as others are added or deleted around it). It is never linked or unlinked after it is written.
CREATE TRIGGER decisions_agreement_no_update BEFORE UPDATE ON decisions
WHEN (OLD.agrees_minutes_of IS NOT NULL OR NEW.agrees_minutes_of IS NOT NULL) AND (
  NEW.id IS NOT OLD.id OR NEW.agenda_item_id IS NOT OLD.agenda_item_id OR NEW.text IS NOT OLD.text
  OR NEW.agrees_minutes_of IS NOT OLD.agrees_minutes_of OR NEW.created_at IS NOT OLD.created_at
)
BEGIN
  SELECT RAISE(ABORT, 'This decision records the agreement of earlier minutes as accurate: it is part of their record and cannot be changed.');
END;

-- Deleting its item (or its meeting) would delete it too: refused here as well.
CREATE TRIGGER decisions_agreement_no_delete BEFORE DELETE ON decisions
WHEN OLD.agrees_minutes_of IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'This decision records the agreement of earlier minutes as accurate: it is part of their record and cannot be deleted.');
END;

-- "Agreed as accurate on 10 April 2014" is the date of the meeting that agreed them.
CREATE TRIGGER meetings_agreeing_date_fixed BEFORE UPDATE OF meeting_date ON meetings
WHEN NEW.meeting_date IS NOT OLD.meeting_date
  AND EXISTS (SELECT 1 FROM meetings m WHERE m.agreed_at_meeting_id = OLD.id AND m.agreed_on IS NOT NEW.meeting_date)
BEGIN
  SELECT RAISE(ABORT, 'Minutes were agreed as accurate at this meeting on its date, so its date is part of their record and cannot be changed.');
END;
