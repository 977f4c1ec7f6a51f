// The action log: every outstanding action across the boards in one indexed query, one
// action's life from the meeting that agreed it to the one that finished it, and the log as
// a PDF grouped by owner for the chair's briefing.
import type {
  ActionHistory,
  ActionLog,
  ActionLogPdf,
  ActionRefSummary,
  ActionStatus,
  MeetingRef,
  MeetingStatus,
  ParsedInputOf,
} from '../../../shared/contract';
import { filterActionLog, isOverdue, londonToday, sortActionLog } from '../../../shared/domain/actionLog';
import { isFinished } from '../../../shared/domain/actionStatus';
import { actionLogFileStem } from '../../../shared/domain/fileNames';
import type { OwnerMatch } from '../../../shared/domain/owners';
import type { Store } from '../db/open';
import type { PdfPrinter } from '../session';
import { DomainError, notFound } from '../errors';
import { DUE_DATE_SQL } from '../arising/actionProgress';
import { dueOf, type DueColumns } from '../store/actions';
import { logRowsWhere } from '../store/actionLogMemo';
import { ownersByAction } from '../store/actionOwners';
import { listingsFrom } from '../store/listings';
import { renderActionLogHtml, ACTION_LOG_PDF_FOOTER, ACTION_LOG_PDF_HEADER } from './actionLogHtml';

// The log as kept by the write path (store/actionSummary.ts): one board's is one range of one
// table, all boards' one pass over it. SQL finds which rows and their order on every call; each
// row is made into the API's row once (store/actionLogRows.ts) and then held in memory until the
// writer changes it or the day changes (store/actionLogMemo.ts).
const ORDER = 'ORDER BY s.origin_date, s.seq, s.action_id';

/** Every outstanding action (open, in progress or deferred), of one board or all, oldest first. */
export function outstandingActions(store: Store, input: ParsedInputOf<'outstandingActions'>): ActionLog {
  const today = londonToday();
  const { db } = store;
  if (input.boardId) {
    const exists = db.prepare('SELECT 1 FROM boards WHERE id = ? AND archived_at IS NULL').get(input.boardId);
    if (!exists) throw notFound('board');
    return { today, actions: logRowsWhere(db, 'WHERE s.board_id = @board', ORDER, { board: input.boardId }, today) };
  }
  return { today, actions: logRowsWhere(db, '', ORDER, {}, today) };
}

// ---------------------------------------------------------------- one action's life

export function getActionHistory(store: Store, input: ParsedInputOf<'getActionHistory'>): ActionHistory {
  const row = store.db
    .prepare(
      `SELECT a.id, a.board_id, b.name AS board_name, a.reference, a.details, a.due_kind, a.due_date, a.due_meeting_id, a.due_text,
         a.status, a.superseded_by, a.closed_at_meeting_id, om.id AS origin_id, om.meeting_date AS origin_date, om.status AS origin_status,
         i.id AS item_id, i.number AS item_number, i.title AS item_title, (${DUE_DATE_SQL}) AS effective_due
       FROM actions a JOIN meetings om ON om.id = a.meeting_id JOIN boards b ON b.id = a.board_id
       LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
       WHERE a.id = ?`,
    )
    .get(input.actionId) as
    | (DueColumns & {
        id: string;
        board_id: string;
        board_name: string;
        reference: string;
        details: string;
        status: ActionStatus;
        origin_id: string;
        origin_date: string;
        item_id: string | null;
        item_number: string | null;
        item_title: string | null;
        effective_due: string | null;
        superseded_by: string | null;
        closed_at_meeting_id: string | null;
        origin_status: MeetingStatus;
      })
    | undefined;
  if (!row) throw notFound('action');
  const today = londonToday();
  const summary = (id: string | null): ActionRefSummary | null =>
    id ? ((store.db.prepare('SELECT id, reference, details FROM actions WHERE id = ?').get(id) as ActionRefSummary | undefined) ?? null) : null;
  const updates = (
    store.db
      .prepare(
        `SELECT u.meeting_id, m.meeting_date, u.text, u.status, u.superseded_by, u.recorded_at
         FROM action_updates u JOIN meetings m ON m.id = u.meeting_id
         WHERE u.action_id = ? ORDER BY m.meeting_date, m.created_at`,
      )
      .all(row.id) as Array<{ meeting_id: string; meeting_date: string; text: string; status: ActionStatus; superseded_by: string | null; recorded_at: string }>
  ).map((u) => ({
    meetingId: u.meeting_id,
    meetingDate: u.meeting_date,
    text: u.text,
    status: u.status,
    supersededBy: summary(u.superseded_by),
    recordedAt: u.recorded_at,
  }));
  const carriedTo = store.db
    .prepare(
      `SELECT m.id, m.meeting_date AS date FROM ${listingsFrom('@action', '@board')} ORDER BY m.meeting_date, m.created_at`,
    )
    .all({ action: row.id, board: row.board_id }) as MeetingRef[];
  const closedAt = row.closed_at_meeting_id
    ? ((store.db.prepare('SELECT id, meeting_date AS date FROM meetings WHERE id = ?').get(row.closed_at_meeting_id) as MeetingRef | undefined) ?? null)
    : null;
  const supersedes = store.db.prepare('SELECT id, reference, details FROM actions WHERE superseded_by = ? ORDER BY reference').all(row.id) as ActionRefSummary[];
  const finished = isFinished(row.status);
  const owners: OwnerMatch[] = ownersByAction(store.db, [row.id]).get(row.id) ?? [];
  return {
    id: row.id,
    boardId: row.board_id,
    boardName: row.board_name,
    reference: row.reference,
    details: row.details,
    owners,
    due: dueOf(row),
    dueDate: row.effective_due,
    overdue: !finished && isOverdue(row.effective_due, today),
    status: row.status,
    origin: {
      meetingId: row.origin_id,
      meetingDate: row.origin_date,
      meetingStatus: row.origin_status,
      itemId: row.item_id,
      itemNumber: row.item_number,
      itemTitle: row.item_title,
    },
    closedAt,
    supersededBy: summary(row.superseded_by),
    supersedes,
    updates,
    carriedTo,
    today,
  };
}

// ---------------------------------------------------------------- the PDF for the chair

export async function exportActionLogPdf(store: Store, input: ParsedInputOf<'exportActionLogPdf'>, print: PdfPrinter | undefined): Promise<ActionLogPdf> {
  if (!print) throw new DomainError('conflict', 'Printing to PDF is not available in this window. Export the CSV instead, or open the app itself.');
  const log = outstandingActions(store, {});
  const rows = sortActionLog(filterActionLog(log.actions, input.filter), input.sort);
  const boards = new Set(log.actions.map((a) => a.boardId));
  // One board in view (chosen, or the only one with outstanding actions): the log is that board's.
  const boardId = input.filter.boardId ?? (boards.size === 1 ? [...boards][0] : null);
  const boardName = boardId ? (log.actions.find((a) => a.boardId === boardId)?.boardName ?? boardNameOf(store, boardId)) : null;
  const html = renderActionLogHtml({ rows, filter: input.filter, today: log.today, boardName, allRows: log.actions, originDate: originDateOf(store, input.filter.originMeetingId) });
  let pdf: Uint8Array;
  try {
    pdf = await print(html, { headerTemplate: ACTION_LOG_PDF_HEADER, footerTemplate: ACTION_LOG_PDF_FOOTER, tagged: true, outline: true, landscape: false });
  } catch (err) {
    console.error('[pdf] printing the action log failed', err);
    throw new DomainError('conflict', 'The PDF could not be made: the built-in Chromium did not print it. Try again, or export the CSV instead.');
  }
  return { filename: `${actionLogFileStem(log, input.filter, boardName)}.pdf`, pdfBase64: Buffer.from(pdf).toString('base64'), count: rows.length };
}

function boardNameOf(store: Store, boardId: string): string | null {
  return (store.db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(boardId) as string | undefined) ?? null;
}

function originDateOf(store: Store, meetingId: string | null | undefined): string | null {
  if (!meetingId) return null;
  return (store.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(meetingId) as string | undefined) ?? null;
}
