// The action log as a printable HTML document, grouped by owner for the chair's briefing:
// self-contained (inline CSS, no scripts, nothing fetched), with print CSS for A4. Chromium
// turns it into a tagged PDF; core itself needs no DOM.
import type { ActionLogFilter, OutstandingAction } from '../../../shared/contract';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import { describeFilter, dueLabel, NO_OWNER_LABEL, ownerCounts, ownerOptionLabel } from '../../../shared/domain/actionLog';
import { formatUkDate } from '../../../shared/domain/dates';
import { formatOwners } from '../../../shared/domain/owners';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

const TEMPLATE_STYLE = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 14mm;';
/** Repeated at the top of every page. */
export const ACTION_LOG_PDF_HEADER = `<div style="${TEMPLATE_STYLE}">Action log</div>`;
/** Page x of y at the foot of every page. */
export const ACTION_LOG_PDF_FOOTER = `<div style="${TEMPLATE_STYLE} text-align: right;">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

const CSS = `
@page { size: A4; margin: 18mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 10pt; color: #111; }
body { margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2pt; }
.board { font-size: 12pt; margin: 0 0 6pt; }
.summary { margin: 0 0 14pt; color: #333; }
.counts { border-collapse: collapse; margin: 0 0 16pt; }
.counts th, .counts td { text-align: left; padding: 2pt 10pt 2pt 0; font-weight: normal; }
.counts td.n { text-align: right; font-variant-numeric: tabular-nums; }
section.owner { margin: 0 0 14pt; }
h2 { font-size: 12.5pt; margin: 0 0 5pt; padding-top: 4pt; border-top: 1.5pt solid #1f5fbf; break-after: avoid; }
h2 .tally { font-weight: normal; font-size: 10pt; color: #444; }
table.actions { width: 100%; border-collapse: collapse; font-size: 9pt; }
table.actions thead { display: table-header-group; }
table.actions th { text-align: left; font-weight: bold; border-bottom: 1pt solid #999; padding: 3pt 5pt 3pt 0; }
table.actions td { vertical-align: top; border-bottom: 0.5pt solid #ccc; padding: 4pt 5pt 4pt 0; }
table.actions tr { break-inside: avoid; }
.ref { white-space: nowrap; font-weight: bold; }
.shared, .muted { color: #555; }
.overdue { color: #b42318; font-weight: bold; }
.empty { border: 1pt dashed #999; padding: 12pt; }
`;

export interface ActionLogHtmlInput {
  /** The rows to print, filtered and sorted as on screen. */
  rows: readonly OutstandingAction[];
  filter: ActionLogFilter;
  /** Today in Europe/London. */
  today: string;
  boardName: string | null;
  /** Every outstanding action, to name the owner the filter chose. */
  allRows: readonly OutstandingAction[];
  /** The date of the meeting the filter chose, if any. */
  originDate: string | null;
}

function actionRow(a: OutstandingAction, ownerKey: string | null, showBoard: boolean): string {
  const others = a.owners.filter((o) => o.key !== ownerKey);
  const shared = ownerKey && others.length > 0 ? `<div class="shared">Shared with ${escapeHtml(formatOwners(others))}</div>` : '';
  const due = dueLabel(a);
  const raised = `${formatUkDate(a.origin.meetingDate)}${a.origin.itemNumber ? `, item ${escapeHtml(a.origin.itemNumber)}` : ''}`;
  const carried = a.timesCarried > 0 ? `<div class="muted">Carried ${a.timesCarried}</div>` : '';
  const update = a.latestUpdate
    ? `${escapeHtml(a.latestUpdate.text || ACTION_STATUS_LABEL[a.latestUpdate.status])}<div class="muted">${formatUkDate(a.latestUpdate.meetingDate)}</div>`
    : '<span class="muted">None yet</span>';
  return `<tr>
<td class="ref">${escapeHtml(a.reference)}${showBoard ? `<div class="muted">${escapeHtml(a.boardShortCode ?? a.boardName)}</div>` : ''}</td>
<td>${escapeHtml(a.details || '(no details)')}${shared}</td>
<td>${due ? escapeHtml(due) : '<span class="muted">None</span>'}${a.overdue ? '<div class="overdue">Overdue</div>' : ''}</td>
<td>${ACTION_STATUS_LABEL[a.status]}${carried}</td>
<td>${raised}</td>
<td>${update}</td>
</tr>`;
}

const TABLE_HEAD = `<thead><tr><th scope="col">Reference</th><th scope="col">Details</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col">Raised</th><th scope="col">Latest update</th></tr></thead>`;

export function renderActionLogHtml(input: ActionLogHtmlInput): string {
  const { rows, filter, today } = input;
  const counts = ownerCounts(rows);
  const chosenOwner = filter.owner ? ownerCounts(input.allRows).find((c) => c.key === filter.owner) : undefined;
  const description = describeFilter(filter, {
    board: input.boardName ?? undefined,
    owner: chosenOwner ? ownerOptionLabel(chosenOwner) : undefined,
    meeting: input.originDate ? `the meeting of ${formatUkDate(input.originDate)}` : undefined,
  });
  const showBoard = !filter.boardId && new Set(rows.map((r) => r.boardId)).size > 1;
  const overdue = rows.filter((r) => r.overdue).length;
  const title = `Action log${input.boardName ? ` – ${input.boardName}` : ''} – ${formatUkDate(today)}`;

  // Each owner's actions; an action with two owners is listed under both, as each is chasing it.
  const groups: string[] = [];
  const ownerList = filter.owner ? counts.filter((c) => c.key === filter.owner) : counts;
  for (const c of ownerList) {
    const mine = rows.filter((r) => r.owners.some((o) => o.key === c.key));
    groups.push(`<section class="owner">
<h2>${escapeHtml(ownerOptionLabel(c))} <span class="tally">${mine.length} ${mine.length === 1 ? 'action' : 'actions'}${c.overdue ? `, ${c.overdue} overdue` : ''}</span></h2>
<table class="actions">${TABLE_HEAD}<tbody>${mine.map((r) => actionRow(r, c.key, showBoard)).join('')}</tbody></table>
</section>`);
  }
  const unowned = filter.owner ? [] : rows.filter((r) => r.owners.length === 0);
  if (unowned.length > 0) {
    groups.push(`<section class="owner">
<h2>${NO_OWNER_LABEL} <span class="tally">${unowned.length} ${unowned.length === 1 ? 'action' : 'actions'}</span></h2>
<table class="actions">${TABLE_HEAD}<tbody>${unowned.map((r) => actionRow(r, null, showBoard)).join('')}</tbody></table>
</section>`);
  }
  const summaryTable =
    counts.length > 1
      ? `<table class="counts"><caption class="muted" style="text-align:left">Who owes what</caption><tbody>${counts
          .map((c) => `<tr><th scope="row">${escapeHtml(ownerOptionLabel(c))}</th><td class="n">${c.count}</td><td>${c.overdue ? `<span class="overdue">${c.overdue} overdue</span>` : ''}</td></tr>`)
          .join('')}</tbody></table>`
      : '';
  const body =
    rows.length === 0
      ? `<p class="empty">No outstanding action matches: ${escapeHtml(description.charAt(0).toLowerCase() + description.slice(1))}.</p>`
      : `${summaryTable}${groups.join('\n')}`;

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Action log</h1>
<p class="board">${escapeHtml(input.boardName ?? 'All boards')}</p>
<p class="summary">${escapeHtml(description)}, as at ${formatUkDate(today)}: ${rows.length} ${rows.length === 1 ? 'action' : 'actions'}${overdue ? `, ${overdue} overdue` : ''}.</p>
</header>
<main>
${body}
</main>
</body>
</html>
`;
}
