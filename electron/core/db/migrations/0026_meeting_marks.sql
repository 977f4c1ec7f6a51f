-- Schema v26: a meeting added or deleted marks only the kept rows whose date due it can change.
-- Until now (migration 0004) it marked every unfinished action of the board due at a meeting
-- ("next meeting", or a meeting in a month), so creating a meeting rebuilt hundreds of rows on a
-- large store (~15 ms, and ~12 ms more writing them: most of creating a meeting's 25 ms), nearly
-- all of them unchanged.
--
-- An action's date due (store/outstanding.ts, DUE_DATE_SQL; kept as action_summaries.effective_due)
-- is the earliest meeting of a set, a named meeting's date, or its own due_date. A meeting on a
-- date after that date due cannot change it, whether added or deleted: it is neither the earliest
-- of any set nor the named meeting. The exceptions are kept marked:
--  * a row with no date due, or no kept row (an archived board's, or one this write touched and
--    has marked already): marked, as before;
--  * due at a meeting and its date due is its own due_date, unless that is the date of the meeting
--    it names (there is no meeting after that date, so the next one added after it becomes the
--    date due): marked;
--  * due at the very meeting added or deleted: marked.
-- A kept row not marked is exact (the write path rebuilds every marked one before commit), so its
-- effective_due is the one to compare with.
DROP TRIGGER action_summaries_stale_meeting_insert;
CREATE TRIGGER action_summaries_stale_meeting_insert AFTER INSERT ON meetings
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT a.id FROM actions a LEFT JOIN action_summaries s ON s.action_id = a.id
    WHERE a.board_id = NEW.board_id AND a.due_kind IN ('meeting', 'next_meeting') AND a.status IN ('open', 'in_progress', 'deferred')
      AND (s.effective_due IS NULL OR NEW.meeting_date <= s.effective_due
        OR (a.due_kind = 'meeting' AND (a.due_meeting_id IS NEW.id
          OR (a.due_date IS s.effective_due AND NOT EXISTS (SELECT 1 FROM meetings dm WHERE dm.id = a.due_meeting_id AND dm.cancelled = 0)))));
END;

DROP TRIGGER action_summaries_stale_meeting_delete;
CREATE TRIGGER action_summaries_stale_meeting_delete AFTER DELETE ON meetings
BEGIN
  INSERT OR IGNORE INTO action_summaries_stale (action_id)
    SELECT a.id FROM actions a LEFT JOIN action_summaries s ON s.action_id = a.id
    WHERE a.board_id = OLD.board_id AND a.due_kind IN ('meeting', 'next_meeting') AND a.status IN ('open', 'in_progress', 'deferred')
      AND (s.effective_due IS NULL OR OLD.meeting_date <= s.effective_due
        OR (a.due_kind = 'meeting' AND (a.due_meeting_id IS OLD.id
          OR (a.due_date IS s.effective_due AND NOT EXISTS (SELECT 1 FROM meetings dm WHERE dm.id = a.due_meeting_id AND dm.cancelled = 0)))));
END;
