// The chair's briefing for one board, and one person's actions across every board: read from the
// action log (the one reader of outstanding actions), the between-meeting reports, and the
// meetings' own record of what they opened, finished and found overdue.
import type { Briefing, BriefingOwner, MeetingCounts, OutstandingAction, ParsedInputOf, PersonActions, PersonChoice } from '../../../shared/contract';
import { ownerCounts, ownerKey, ownerOptionLabel } from '../../../shared/domain/actionLog';
import type { Store } from '../db/open';
import { notFound } from '../errors';
import { DUE_DATE_SQL } from '../arising/actionProgress';
import { outstandingActions } from '../actionLog/actionLog';
import { sinceLastMeeting } from '../store/betweenUpdates';

/** Meetings the chart shows: enough to see a trend on one page. */
export const CHART_MEETINGS = 8;

/** Overdue first, the longest overdue first; then by due date (none last), then reference. */
export function chaseOrder(a: OutstandingAction, b: OutstandingAction): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const ad = a.dueDate ?? '9999-99-99';
  const bd = b.dueDate ?? '9999-99-99';
  if (ad !== bd) return ad < bd ? -1 : 1;
  return a.reference.localeCompare(b.reference, 'en-GB', { numeric: true });
}

function perMeeting(store: Store, boardId: string, today: string): MeetingCounts[] {
  const rows = store.db
    .prepare(
      `SELECT m.id AS meetingId, m.meeting_date AS date,
         (SELECT count(*) FROM actions a WHERE a.meeting_id = m.id) AS opened,
         (SELECT count(*) FROM action_updates u WHERE u.meeting_id = m.id AND u.status = 'done') AS done,
         (SELECT count(*) FROM carried_actions c JOIN actions a ON a.id = c.action_id JOIN meetings om ON om.id = a.meeting_id
            WHERE c.meeting_id = m.id AND (${DUE_DATE_SQL}) < m.meeting_date) AS overdue
       FROM meetings m WHERE m.board_id = ? AND m.cancelled = 0 AND m.meeting_date <= ?
       ORDER BY m.meeting_date DESC, m.created_at DESC LIMIT ${CHART_MEETINGS}`,
    )
    .all(boardId, today) as MeetingCounts[];
  return rows.reverse();
}

export function getBriefing(store: Store, input: ParsedInputOf<'getBriefing'>): Briefing {
  const board = store.db.prepare('SELECT id, name FROM boards WHERE id = ? AND archived_at IS NULL').get(input.boardId) as { id: string; name: string } | undefined;
  if (!board) throw notFound('board');
  const log = outstandingActions(store, { boardId: board.id });
  const today = log.today;
  const rows = [...log.actions].sort(chaseOrder);
  const owners: BriefingOwner[] = ownerCounts(rows)
    .map((c) => ({ key: c.key, label: ownerOptionLabel(c), overdue: c.overdue, actions: rows.filter((r) => r.owners.some((o) => o.key === c.key)) }))
    // The owners with most overdue first: who the chair chases first.
    .sort((a, b) => b.overdue - a.overdue || b.actions.length - a.actions.length || a.label.localeCompare(b.label, 'en-GB'));
  const last = store.db
    .prepare('SELECT id, meeting_date AS date FROM meetings WHERE board_id = ? AND cancelled = 0 AND meeting_date <= ? ORDER BY meeting_date DESC, created_at DESC LIMIT 1')
    .get(board.id, today) as { id: string; date: string } | undefined;
  // What was reported from the last meeting up to today, as the next meeting will show it.
  const reports = sinceLastMeeting(
    store.db,
    { board_id: board.id, meeting_date: `${today}~` },
    rows.map((r) => r.id),
  );
  const changedSince = rows
    .flatMap((r) => (reports.get(r.id) ?? []).map((update) => ({ update, reference: r.reference, details: r.details })))
    .sort((a, b) => (a.update.date < b.update.date ? 1 : a.update.date > b.update.date ? -1 : 0));
  const openedAtLast = last ? (store.db.prepare('SELECT count(*) FROM actions WHERE meeting_id = ?').pluck().get(last.id) as number) : 0;
  return {
    boardId: board.id,
    boardName: board.name,
    today,
    lastMeeting: last ?? null,
    totals: { outstanding: rows.length, overdue: rows.filter((r) => r.overdue).length },
    owners,
    unowned: rows.filter((r) => r.owners.length === 0),
    changedSince,
    openedAtLast,
    perMeeting: perMeeting(store, board.id, today),
  };
}

export function listPeople(store: Store): PersonChoice[] {
  const rows = store.db
    .prepare(
      `SELECT p.id AS person_id, p.full_name, bm.initials, coalesce(b.short_code, b.name) AS board
       FROM people p JOIN board_members bm ON bm.person_id = p.id JOIN boards b ON b.id = bm.board_id
       WHERE b.archived_at IS NULL ORDER BY p.full_name COLLATE NOCASE, b.name`,
    )
    .all() as Array<{ person_id: string; full_name: string; initials: string; board: string }>;
  const people = new Map<string, PersonChoice>();
  for (const r of rows) {
    const p = people.get(r.person_id) ?? { personId: r.person_id, fullName: r.full_name, boards: [], ownerKey: ownerKey({ kind: 'member', personId: r.person_id }) };
    p.boards.push(`${r.initials} (${r.board})`);
    people.set(r.person_id, p);
  }
  return [...people.values()];
}

export function myActions(store: Store, input: ParsedInputOf<'myActions'>): PersonActions {
  const person = listPeople(store).find((p) => p.personId === input.personId);
  if (!person) throw notFound('person');
  const log = outstandingActions(store, {});
  return { person, today: log.today, actions: log.actions.filter((a) => a.owners.some((o) => o.key === person.ownerKey)).sort(chaseOrder) };
}
