// The action log as a Word document: the same rows the screen and the PDF show (filtered and
// sorted the same way), grouped by owner for the chair, who owes what first.
import type { DocumentExport, OutstandingAction, ParsedInputOf } from '../../../shared/contract';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import { describeFilter, dueLabel, filterActionLog, NO_OWNER_LABEL, ownerCounts, ownerOptionLabel, sortActionLog } from '../../../shared/domain/actionLog';
import { formatUkDate } from '../../../shared/domain/dates';
import { actionLogFileStem } from '../../../shared/domain/fileNames';
import { formatOwners } from '../../../shared/domain/owners';
import type { Paragraph, Table } from 'docx';
import type { Store } from '../db/open';
import { outstandingActions } from '../actionLog/actionLog';
import { captionedTable, DOCX_MIME, heading, packDocx, para } from '../publication/docxParts';
import type { ExportHooks } from '../publication/publication';
import { DOCX_FILE } from '../publication/saveFile';
import { APP_VERSION } from '../version';
import { saveOrHandBack } from './minutesDocuments';

const HEAD = ['Reference', 'Details', 'Due', 'Status', 'Raised', 'Latest update'];

function row(a: OutstandingAction, ownerKey: string | null): string[] {
  const others = a.owners.filter((o) => o.key !== ownerKey);
  const shared = ownerKey && others.length ? `\nShared with ${formatOwners(others)}` : '';
  const due = `${dueLabel(a) || 'None'}${a.overdue ? '\nOverdue' : ''}`;
  const status = `${ACTION_STATUS_LABEL[a.status]}${a.timesCarried ? `\nCarried ${a.timesCarried}` : ''}`;
  const raised = `${formatUkDate(a.origin.meetingDate)}${a.origin.itemNumber ? `, item ${a.origin.itemNumber}` : ''}`;
  const update = a.latestUpdate ? `${a.latestUpdate.text || ACTION_STATUS_LABEL[a.latestUpdate.status]}\n${formatUkDate(a.latestUpdate.meetingDate)}` : 'None yet';
  return [a.reference, `${a.details || '(no details)'}${shared}`, due, status, raised, update];
}

export async function buildActionLogDocx(store: Store, input: ParsedInputOf<'exportActionLogDocx'>): Promise<{ bytes: Buffer; fileName: string; count: number }> {
  const log = outstandingActions(store, {});
  const rows = sortActionLog(filterActionLog(log.actions, input.filter), input.sort);
  const boards = new Set(log.actions.map((a) => a.boardId));
  const boardId = input.filter.boardId ?? (boards.size === 1 ? [...boards][0] : null);
  const boardName = boardId
    ? (log.actions.find((a) => a.boardId === boardId)?.boardName ?? (store.db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(boardId) as string | undefined) ?? null)
    : null;
  const counts = ownerCounts(rows);
  const chosen = input.filter.owner ? ownerCounts(log.actions).find((c) => c.key === input.filter.owner) : undefined;
  const children: Array<Paragraph | Table> = [
    heading('Action log', 1),
    para(boardName ?? 'All boards', { bold: true }),
    para(`${describeFilter(input.filter, { board: boardName ?? undefined, owner: chosen ? ownerOptionLabel(chosen) : undefined })}. ${rows.length} ${rows.length === 1 ? 'action' : 'actions'}, ${rows.filter((r) => r.overdue).length} overdue, as at ${formatUkDate(log.today)}.`),
  ];
  if (rows.length === 0) children.push(para('No outstanding action matches.'));
  if (counts.length > 1) children.push(...captionedTable('Who owes what', ['Owner', 'Actions', 'Overdue'], counts.map((c) => [ownerOptionLabel(c), String(c.count), c.overdue ? String(c.overdue) : ''])));
  for (const c of input.filter.owner ? counts.filter((x) => x.key === input.filter.owner) : counts) {
    const mine = rows.filter((r) => r.owners.some((o) => o.key === c.key));
    children.push(heading(`${ownerOptionLabel(c)}: ${mine.length} ${mine.length === 1 ? 'action' : 'actions'}${c.overdue ? `, ${c.overdue} overdue` : ''}`, 2), ...captionedTable('Actions', HEAD, mine.map((r) => row(r, c.key))));
  }
  const unowned = input.filter.owner ? [] : rows.filter((r) => r.owners.length === 0);
  if (unowned.length) children.push(heading(`${NO_OWNER_LABEL}: ${unowned.length}`, 2), ...captionedTable('Actions', HEAD, unowned.map((r) => row(r, null))));
  const bytes = await packDocx({
    title: `Action log${boardName ? ` – ${boardName}` : ''} – ${formatUkDate(log.today)}`,
    subject: 'Outstanding actions by owner',
    keywords: ['action log', boardName].filter(Boolean).join(', '),
    creator: `Matters Arising ${APP_VERSION}`,
    header: ['Action log', boardName ?? 'All boards'],
    footer: `As at ${formatUkDate(log.today)}`,
    children,
  });
  return { bytes, fileName: `${actionLogFileStem(log, input.filter, boardName)}.docx`, count: rows.length };
}

export function exportActionLogDocx(store: Store, input: ParsedInputOf<'exportActionLogDocx'>, hooks: ExportHooks): Promise<DocumentExport> {
  // The name the save dialog suggests, the same as the file's own (the log's rows are kept in memory: a read is cheap).
  const boardName = input.filter.boardId ? ((store.db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(input.filter.boardId) as string | undefined) ?? null) : null;
  return saveOrHandBack('docx', `${actionLogFileStem(outstandingActions(store, {}), input.filter, boardName)}.docx`, DOCX_FILE, DOCX_MIME, hooks, () => buildActionLogDocx(store, input));
}
