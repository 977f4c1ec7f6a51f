// What "outstanding" and "due by" mean in SQL, for every reader and for the kept action log
// (store/actionSummary.ts): one definition of each.
import { OUTSTANDING_STATUSES } from '../../../shared/domain/actionStatus';
import { sqlList } from '../db/sqlList';

/** The statuses of an unfinished action, as an SQL list. */
export const OUTSTANDING_SQL = sqlList(OUTSTANDING_STATUSES);

/**
 * The date an action is due by, as an SQL expression over `a` (the action) and `om` (the
 * meeting that agreed it): the date typed; the named meeting's date (or, until that meeting is
 * set up, the end of its month; and when it never happened, cancelled or with a later meeting
 * held instead, the board's next actual meeting after it); for "next meeting", the date of the
 * board's first meeting after the one that agreed it, or NULL while there is none.
 */
export const DUE_DATE_SQL = `CASE a.due_kind
    WHEN 'date' THEN a.due_date
    WHEN 'meeting' THEN coalesce(
      (SELECT dm.meeting_date FROM meetings dm WHERE dm.id = a.due_meeting_id AND dm.cancelled = 0),
      (SELECT min(nm.meeting_date) FROM meetings nm
        WHERE nm.board_id = a.board_id AND nm.cancelled = 0 AND nm.meeting_date > om.meeting_date
          AND nm.meeting_date BETWEEN substr(a.due_date, 1, 8) || '01' AND a.due_date),
      (SELECT min(nm.meeting_date) FROM meetings nm
        WHERE nm.board_id = a.board_id AND nm.cancelled = 0 AND nm.meeting_date > a.due_date),
      a.due_date)
    WHEN 'next_meeting' THEN (SELECT min(nm.meeting_date) FROM meetings nm
        WHERE nm.board_id = a.board_id AND nm.cancelled = 0 AND nm.meeting_date > om.meeting_date)
    ELSE NULL END`;
