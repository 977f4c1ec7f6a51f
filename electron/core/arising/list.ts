// Reading a meeting's matters arising: every earlier action listed there, with its due, origin,
// times carried and latest update, and the deferred items offered for its agenda.
import type {
  ActionRefSummary,
  ActionStatus,
  DeferredProposal,
  MattersArising,
  MattersArisingEntry,
  MeetingRef,
  ParsedInputOf,
} from '../../../shared/contract';
import { isOverdue } from '../../../shared/domain/actionLog';
import type { Store } from '../db/open';
import { DUE_DATE_SQL, outstandingBefore } from './actionProgress';
import { dueOf, type DueColumns } from '../store/actions';
import { ownersByAction } from '../store/actionOwners';
import { sinceLastMeeting } from '../store/betweenUpdates';
import { lockFor } from '../minutes/editable';
import { listLockedReason, meetingRow } from './meetingRow';
import type { MeetingRow } from '../store/meetings';
import { countsApart } from '../store/timesCarried';

// ---------------------------------------------------------------- reading the list

interface EntryRow extends DueColumns {
  id: string;
  reference: string;
  details: string;
  status_before: ActionStatus;
  origin_meeting_id: string;
  origin_date: string;
  item_id: string | null;
  item_number: string | null;
  item_title: string | null;
  effective_due: string | null;
  times_carried: number;
  u_text: string | null;
  u_status: ActionStatus | null;
  u_superseded_by: string | null;
  u_sb_reference: string | null;
  u_sb_details: string | null;
  latest: string | null;
}

// Times carried as at this meeting: the meetings of the board up to its date that list the action,
// each a lookup by carried_actions' key (store/listings.ts). For an outstanding action whose kept
// count is up to date it is that count less the later meetings' listings, read from whichever side
// has fewer meetings (for the latest meeting, none).
const timesCarriedSql = (kept: boolean): string => {
  const listed = (when: string): string =>
    `(SELECT count(*) FROM meetings m2 CROSS JOIN carried_actions c2 ON c2.meeting_id = m2.id AND c2.action_id = a.id
      WHERE m2.board_id = a.board_id AND m2.meeting_date ${when} @date)`;
  if (!kept) return listed('<=');
  return `CASE WHEN k.times_carried IS NOT NULL AND @later <= @earlier
      AND NOT EXISTS (SELECT 1 FROM action_summaries_recount r WHERE r.action_id = a.id)
      AND NOT EXISTS (SELECT 1 FROM action_summaries_stale st WHERE st.action_id = a.id)
    THEN k.times_carried - ${listed('>')} ELSE ${listed('<=')} END`;
};

const entriesSql = (kept: boolean): string => `
  SELECT a.id, a.reference, a.details, a.due_kind, a.due_date, a.due_meeting_id, a.due_text, c.status_before,
    om.id AS origin_meeting_id, om.meeting_date AS origin_date, i.id AS item_id, i.number AS item_number, i.title AS item_title,
    (${DUE_DATE_SQL}) AS effective_due,
    ${timesCarriedSql(kept)} AS times_carried,
    u.text AS u_text, u.status AS u_status, u.superseded_by AS u_superseded_by, sa.reference AS u_sb_reference, sa.details AS u_sb_details,
    -- The latest update before this meeting: usually the action's latest of all, read by key.
    CASE WHEN a.last_update_meeting_id IS NULL THEN NULL
      WHEN lum.meeting_date < @date THEN json_object('meetingId', lum.id, 'meetingDate', lum.meeting_date, 'text', lu.text, 'status', lu.status,
        'sbId', ls.id, 'sbReference', ls.reference, 'sbDetails', ls.details)
      ELSE (SELECT json_object('meetingId', um.id, 'meetingDate', um.meeting_date, 'text', pu.text, 'status', pu.status,
          'sbId', ps.id, 'sbReference', ps.reference, 'sbDetails', ps.details)
        FROM action_updates pu JOIN meetings um ON um.id = pu.meeting_id LEFT JOIN actions ps ON ps.id = pu.superseded_by
        WHERE pu.action_id = a.id AND um.meeting_date < @date
        ORDER BY um.meeting_date DESC, um.created_at DESC LIMIT 1) END AS latest
  FROM carried_actions c
  JOIN actions a ON a.id = c.action_id
  JOIN meetings om ON om.id = a.meeting_id
  LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
  LEFT JOIN agenda_items p ON p.id = i.parent_id
  LEFT JOIN action_updates u ON u.action_id = a.id AND u.meeting_id = c.meeting_id
  LEFT JOIN actions sa ON sa.id = u.superseded_by
  LEFT JOIN action_updates lu ON lu.action_id = a.id AND lu.meeting_id = a.last_update_meeting_id
  LEFT JOIN meetings lum ON lum.id = a.last_update_meeting_id
  LEFT JOIN actions ls ON ls.id = lu.superseded_by
  ${kept ? 'LEFT JOIN action_times_carried k ON k.board_id = a.board_id AND k.action_id = a.id' : ''}
  WHERE c.meeting_id = @meetingId`;

// In the order the earlier minutes printed them: by meeting, then item, then action.
const ENTRIES_ORDER = `ORDER BY om.meeting_date, om.created_at, coalesce(p.position, i.position),
  CASE WHEN p.id IS NULL THEN -1 ELSE i.position END, a.position, a.seq`;

interface LatestJson {
  meetingId: string;
  meetingDate: string;
  text: string;
  status: ActionStatus;
  sbId: string | null;
  sbReference: string | null;
  sbDetails: string | null;
}

export function entries(store: Store, meeting: MeetingRow, actionId?: string): MattersArisingEntry[] {
  const kept = countsApart(store.db);
  const sides = store.db
    .prepare('SELECT coalesce(sum(meeting_date > @date), 0) AS later, coalesce(sum(meeting_date <= @date), 0) AS earlier FROM meetings WHERE board_id = @board')
    .get({ date: meeting.meeting_date, board: meeting.board_id }) as { later: number; earlier: number };
  const rows = store.db
    .prepare(`${entriesSql(kept)}${actionId ? ' AND a.id = @actionId' : ''} ${ENTRIES_ORDER}`)
    .all({ meetingId: meeting.id, date: meeting.meeting_date, ...(kept ? sides : {}), ...(actionId ? { actionId } : {}) }) as EntryRow[];
  const owners = ownersByAction(
    store.db,
    rows.map((r) => r.id),
  );
  const reported = sinceLastMeeting(
    store.db,
    meeting,
    rows.map((r) => r.id),
  );
  return rows.map((r): MattersArisingEntry => {
    const latest = r.latest ? (JSON.parse(r.latest) as LatestJson) : null;
    const since = reported.get(r.id) ?? [];
    // Preselected while the minutes are a draft; circulated and agreed ones show what they record.
    const status = r.u_status ?? (meeting.status === 'draft' ? since.at(-1)?.status : undefined) ?? r.status_before;
    const supersededBy: ActionRefSummary | null =
      r.u_superseded_by && r.u_sb_reference ? { id: r.u_superseded_by, reference: r.u_sb_reference, details: r.u_sb_details ?? '' } : null;
    return {
      actionId: r.id,
      reference: r.reference,
      details: r.details,
      owners: owners.get(r.id) ?? [],
      due: dueOf(r),
      dueDate: r.effective_due,
      overdue: isOverdue(r.effective_due, meeting.meeting_date),
      origin: { meetingId: r.origin_meeting_id, meetingDate: r.origin_date, itemId: r.item_id, itemNumber: r.item_number, itemTitle: r.item_title },
      timesCarried: r.times_carried,
      statusBefore: r.status_before,
      latestUpdate: latest
        ? {
            meetingId: latest.meetingId,
            meetingDate: latest.meetingDate,
            text: latest.text,
            status: latest.status,
            supersededBy: latest.sbId && latest.sbReference ? { id: latest.sbId, reference: latest.sbReference, details: latest.sbDetails ?? '' } : null,
          }
        : null,
      sinceLastMeeting: since,
      update: r.u_status ? { text: r.u_text ?? '', status: r.u_status, supersededBy } : null,
      status,
    };
  });
}

export function proposals(store: Store, meeting: MeetingRow): DeferredProposal[] {
  if (meeting.status !== 'draft') return [];
  const rows = store.db
    .prepare(
      `SELECT i.id, i.number, i.title, i.presenter, i.deferred_to_text, m.id AS meeting_id, m.meeting_date, i.position
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.meeting_id = @previous AND i.deferred = 1 AND (i.deferred_to_meeting_id IS NULL OR i.deferred_to_meeting_id = @meeting)
       UNION
       SELECT i.id, i.number, i.title, i.presenter, i.deferred_to_text, m.id AS meeting_id, m.meeting_date, i.position
       FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
       WHERE i.deferred_to_meeting_id = @meeting AND i.deferred = 1`,
    )
    .all({ previous: meeting.previous_meeting_id, meeting: meeting.id }) as Array<{
    id: string;
    number: string;
    title: string;
    presenter: string | null;
    deferred_to_text: string | null;
    meeting_id: string;
    meeting_date: string;
    position: number;
  }>;
  const taken = new Set(store.db.prepare('SELECT from_item_id FROM agenda_items WHERE meeting_id = ? AND from_item_id IS NOT NULL').pluck().all(meeting.id) as string[]);
  const dismissed = new Set(store.db.prepare('SELECT item_id FROM dismissed_deferrals WHERE meeting_id = ?').pluck().all(meeting.id) as string[]);
  return rows
    // Deferring is only ever to a later meeting of the same board; one since moved earlier is not offered.
    .filter((r) => r.meeting_date < meeting.meeting_date && !taken.has(r.id) && !dismissed.has(r.id))
    .sort((a, b) => (a.meeting_date < b.meeting_date ? -1 : a.meeting_date > b.meeting_date ? 1 : a.number.localeCompare(b.number, 'en-GB', { numeric: true })))
    .map((r) => ({
      itemId: r.id,
      meeting: { id: r.meeting_id, date: r.meeting_date },
      number: r.number,
      title: r.title,
      presenter: r.presenter,
      deferredToText: r.deferred_to_text,
    }));
}

export function getMattersArising(store: Store, input: ParsedInputOf<'getMattersArising'>): MattersArising {
  const meeting = meetingRow(store, input.meetingId);
  const list = entries(store, meeting);
  const carrying = meeting.previous_meeting_id !== null || list.length > 0;
  const previous = meeting.previous_meeting_id
    ? (store.db.prepare('SELECT id, meeting_date AS date FROM meetings WHERE id = ?').get(meeting.previous_meeting_id) as MeetingRef | undefined)
    : undefined;
  const own = store.db
    .prepare('SELECT id, reference, details FROM actions WHERE meeting_id = ? ORDER BY seq')
    .all(meeting.id) as ActionRefSummary[];
  return {
    meetingId: meeting.id,
    boardId: meeting.board_id,
    meetingDate: meeting.meeting_date,
    meetingStatus: meeting.status,
    previousMeeting: previous ?? null,
    carrying,
    notListed: carrying ? 0 : outstandingBefore(store, meeting.board_id, meeting.meeting_date).size,
    entries: list,
    proposals: proposals(store, meeting),
    replacements: [...own, ...list.map((e) => ({ id: e.actionId, reference: e.reference, details: e.details }))],
    lockedReason: lockFor(meeting.status).content,
    listLockedReason: listLockedReason(meeting.status),
  };
}
