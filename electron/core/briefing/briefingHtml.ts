// The chair's briefing as a printable one-page HTML document: totals, the chart (inline SVG, drawn
// from the same geometry as the screen), what changed since the last meeting, and who owes what,
// overdue first. Self-contained, printed by the publication printer like every PDF.
import type { Briefing, OutstandingAction } from '../../../shared/contract';
import { dueLabel } from '../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import { CHART_SERIES, chartGeometry } from '../../../shared/domain/briefingChart';
import { formatUkDate } from '../../../shared/domain/dates';
import { escapeHtml } from '../actionLog/actionLogHtml';

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 9pt; color: #111; }
body { margin: 0; }
h1 { font-size: 15pt; margin: 0; }
.board { font-size: 11pt; margin: 0 0 4pt; }
.totals { margin: 0 0 8pt; }
.top { display: flex; gap: 14pt; align-items: flex-start; margin-bottom: 8pt; }
.top > div { flex: 1; }
h2 { font-size: 10.5pt; margin: 6pt 0 3pt; border-bottom: 1pt solid #1f5fbf; }
ul.changes { margin: 0; padding-left: 12pt; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 2pt 4pt 2pt 0; border-bottom: 0.5pt solid #ccc; }
th { border-bottom: 1pt solid #999; }
.ref { white-space: nowrap; font-weight: bold; }
.overdue { color: #b42318; font-weight: bold; }
.muted { color: #555; }
.legend span { margin-right: 8pt; }
.key { display: inline-block; width: 7pt; height: 7pt; margin-right: 2pt; }
`;

function chartSvg(b: Briefing): string {
  const g = chartGeometry(b.perMeeting);
  const bars = g.bars.map((r) => `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${r.colour}"><title>${escapeHtml(r.title)}</title></rect>`);
  const labels = g.labels.map((l) => `<text x="${l.x}" y="${g.height - 3}" font-size="8" text-anchor="middle">${escapeHtml(l.text)}</text>`);
  const legend = CHART_SERIES.map((s) => `<span><span class="key" style="background:${s.colour}"></span>${s.label}</span>`).join('');
  return `<figure style="margin:0"><svg role="img" aria-label="${escapeHtml(g.summary)}" width="${g.width}" height="${g.height}" viewBox="0 0 ${g.width} ${g.height}">
<line x1="0" y1="${g.baseline}" x2="${g.width}" y2="${g.baseline}" stroke="#999" stroke-width="0.5"/>${bars.join('')}${labels.join('')}</svg>
<figcaption class="legend">${legend}</figcaption></figure>`;
}

function row(a: OutstandingAction): string {
  const update = a.latestUpdate ? `${escapeHtml(a.latestUpdate.text || ACTION_STATUS_LABEL[a.latestUpdate.status])} <span class="muted">(${formatUkDate(a.latestUpdate.meetingDate)})</span>` : '';
  return `<tr><td class="ref">${escapeHtml(a.reference)}</td><td>${escapeHtml(a.details || '(no details)')}</td>
<td>${escapeHtml(dueLabel(a) || 'None')}${a.overdue ? ' <span class="overdue">Overdue</span>' : ''}</td><td>${update}</td></tr>`;
}

export function renderBriefingHtml(b: Briefing): string {
  const title = `Chair’s briefing – ${b.boardName} – ${formatUkDate(b.today)}`;
  const changes = b.changedSince.length
    ? `<ul class="changes">${b.changedSince
        .map((c) => `<li><strong>${escapeHtml(c.reference)}</strong> ${formatUkDate(c.update.date)} (${ACTION_STATUS_LABEL[c.update.status].toLowerCase()}): ${escapeHtml(c.update.text)}</li>`)
        .join('')}</ul>`
    : '<p class="muted">Nothing reported between meetings.</p>';
  const owners = b.owners
    .map(
      (o) => `<tr><th colspan="4">${escapeHtml(o.label)} – ${o.actions.length} ${o.actions.length === 1 ? 'action' : 'actions'}${o.overdue ? `, <span class="overdue">${o.overdue} overdue</span>` : ''}</th></tr>
${o.actions.map(row).join('')}`,
    )
    .join('');
  const unowned = b.unowned.length ? `<tr><th colspan="4">No owner – ${b.unowned.length}</th></tr>${b.unowned.map(row).join('')}` : '';
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
<h1>Chair’s briefing</h1>
<p class="board">${escapeHtml(b.boardName)}, ${formatUkDate(b.today)}</p>
<p class="totals">${b.totals.outstanding} outstanding ${b.totals.outstanding === 1 ? 'action' : 'actions'}, <span class="overdue">${b.totals.overdue} overdue</span>${
    b.lastMeeting ? `; ${b.openedAtLast} opened at the last meeting, ${formatUkDate(b.lastMeeting.date)}` : ''
  }.</p>
</header>
<main>
<div class="top">
<div><h2>Opened, done and overdue at each meeting</h2>${chartSvg(b)}</div>
<div><h2>Since the last meeting${b.lastMeeting ? ` (${formatUkDate(b.lastMeeting.date)})` : ''}</h2>${changes}</div>
</div>
<h2>Who owes what, overdue first</h2>
${b.totals.outstanding ? `<table><thead><tr><th>Reference</th><th>Details</th><th>Due</th><th>Latest update</th></tr></thead><tbody>${owners}${unowned}</tbody></table>` : '<p>No outstanding actions.</p>'}
</main>
</body>
</html>
`;
}
