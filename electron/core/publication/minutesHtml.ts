// The minutes as a self-contained print HTML document: running header, present / apologies /
// in attendance, each item with its discussion and its "Decisions and/or actions agreed",
// matters arising, next meeting, agreement and hash, corrections; public or full version.
import type { MinutesCorrection, PdfVersion } from '../../../shared/contract';
import { confidentialFragments } from '../../../shared/domain/confidential';
import { formatClockTime, formatTimeRange, formatUkDate } from '../../../shared/domain/dates';
import type { Store } from '../db/open';
import { blocksToHtml, escapeHtml } from './discussionHtml';
import { fontFaceCss, PRINT_FONT_FAMILY, type PrintResources } from './fonts';
import { draftWatermarkUrl } from './watermark';
import { PRINT_ONLY_CSS } from './printOnly';
import { APP_VERSION } from '../version';
import { headingTitles } from './pdfOutline';
import { DECLARATIONS_CSS, declarationsSectionHtml, itemDeclarationsHtml, signatureHtml } from './declarationsHtml';
import { loadPrintModel, type PrintArising, type PrintItem, type PrintModel, type PrintPerson } from './printModel';
export interface MinutesDocument {
  html: string;
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Passages of the confidential items: none of them may appear in a public version. */
  confidentialFragments: string[];
  /** The headings' own text in document order ("6c. Title"): the PDF's outline is titled from these. */
  outline: string[];
}

const e = escapeHtml;

/** "Agreed as accurate on 10 April 2014" or the draft notice, for the header, footer and body. */
export function stateLine(model: PrintModel): string {
  if (model.agreement) return `Agreed as accurate on ${formatUkDate(model.agreement.agreedOn)}`;
  return 'DRAFT – subject to agreement';
}

function peopleTable(caption: string, people: PrintPerson[], withInitials: boolean): string {
  if (people.length === 0) return '';
  const rows = people
    .map((p) => `<tr><td>${e(p.name)}</td>${withInitials ? `<td class="initials">${e(p.initials ?? '')}</td>` : ''}<td>${e(p.role ?? '')}</td></tr>`)
    .join('');
  return (
    `<table class="people"><caption>${e(caption)}</caption><thead><tr><th scope="col">Name</th>` +
    `${withInitials ? '<th scope="col">Initials</th>' : ''}<th scope="col">Role</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function agreedTable(item: PrintItem): string {
  if (item.decisions.length === 0 && item.actions.length === 0) return '';
  const decisionRows = item.decisions.map((d) => `<tr class="decision"><td></td><td>${e(d)}</td><td></td><td></td></tr>`).join('');
  const actionRows = item.actions
    .map(
      (a) =>
        `<tr class="action"><td class="reference">${e(a.reference)}</td><td>${e(a.details).replace(/\n/g, '<br>')}</td>` +
        `<td>${e(a.owners)}</td><td>${e(a.due)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="agreed"><caption>Decisions and/or actions agreed</caption><thead><tr><th scope="col" class="reference">Reference</th>` +
    `<th scope="col">Details</th><th scope="col">Action</th><th scope="col">Due</th></tr></thead><tbody>${decisionRows}${actionRows}</tbody></table>`
  );
}

function arisingTable(rows: PrintArising[]): string {
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td class="reference">${e(r.reference)}</td><td>${e(r.details)}</td><td>${e(r.owners)}</td>` +
        `<td>${e(r.update).replace(/\n/g, '<br>')}</td><td>${e(r.status)}</td></tr>`,
    )
    .join('');
  return (
    `<table class="arising"><caption>Actions arising from earlier meetings</caption><thead><tr><th scope="col" class="reference">Reference</th>` +
    `<th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Update</th><th scope="col">Status</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function itemHtml(item: PrintItem, version: PdfVersion, model: PrintModel, arising: string): string {
  const h = item.depth === 1 ? 'h2' : 'h3';
  if (item.confidential && version === 'public') {
    // Under a confidential item, its placeholder stands for its sub-items too.
    if (model.confidentialDisplay === 'omit' || item.underConfidential) return '';
    return `<section class="item depth-${item.depth} withheld"><${h}>Item ${e(item.number)}: confidential – not for publication</${h}></section>`;
  }
  const title = item.title.trim() ? `${e(item.number)}. ${e(item.title)}` : e(item.number);
  const parts = [`<${h}>${title}</${h}>`];
  if (item.confidential) parts.push('<p class="confidential-mark">Confidential – not for publication</p>');
  if (item.presenter) parts.push(`<p class="presenter">Presented by ${e(item.presenter)}</p>`);
  const discussion = blocksToHtml(item.discussion);
  if (discussion) parts.push(`<div class="discussion">${discussion}</div>`);
  parts.push(itemDeclarationsHtml(model, item, version));
  if (item.deferred) parts.push(`<p class="deferred">This item was deferred${item.deferredTo ? ` to ${e(item.deferredTo)}` : ''}.</p>`);
  parts.push(arising);
  parts.push(agreedTable(item));
  return `<section class="item depth-${item.depth}${item.confidential ? ' confidential' : ''}">${parts.join('')}</section>`;
}

function nextMeetingHtml(next: PrintModel['next']): string {
  if (!next.date) return '';
  const when = [formatUkDate(next.date), next.time ? formatClockTime(next.time) : null, next.venue].filter(Boolean).join(', ');
  return `<p class="next-meeting"><strong>Next meeting:</strong> ${e(when)}</p>`;
}

function agreementHtml(model: PrintModel): string {
  const a = model.agreement;
  if (!a) {
    return '<section class="agreement draft"><p><strong>DRAFT – subject to agreement.</strong> These minutes have not yet been agreed as accurate.</p></section>';
  }
  const parts = [
    `<p><strong>Agreed as accurate on ${e(formatUkDate(a.agreedOn))}</strong>, at the meeting of ${e(formatUkDate(a.atMeetingDate))}.</p>`,
    a.amendments ? `<p>Amendments made at agreement: ${e(a.amendments)}</p>` : '',
    `<p class="hash">Content hash (SHA-256): <span class="hash-value">${e(a.contentHash)}</span></p>`,
  ];
  return `<section class="agreement">${parts.join('')}</section>`;
}

function correctionsHtml(corrections: MinutesCorrection[]): string {
  if (corrections.length === 0) return '';
  const rows = corrections
    .map(
      (c) =>
        `<tr><td>${e(formatUkDate(c.date))}</td><td>${e(c.what)}</td><td>${e(c.why)}</td>` +
        `<td>${c.agreedAtMeetingDate ? `Meeting of ${e(formatUkDate(c.agreedAtMeetingDate))}` : ''}</td></tr>`,
    )
    .join('');
  return (
    `<section class="corrections"><h2>Corrections</h2><p>Made after these minutes were agreed; the minutes above are as agreed.</p>` +
    `<table><thead><tr><th scope="col">Date</th><th scope="col">What was corrected</th><th scope="col">Why</th><th scope="col">Agreed at</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></section>`
  );
}

/** A CSS string literal that is safe inside <style>: quotes, backslashes, line breaks and < > escaped. */
export function cssString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  const body = text.replace(/[\\"<>\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\A ' : `\\${c.charCodeAt(0).toString(16).toUpperCase()} `));
  return `"${body}"`;
}

/**
 * The running header and footer are @page margin boxes, not Chromium's header templates: they
 * are printed in the document's own embedded font, on every page, and stay out of the tagged
 * structure (they repeat what the first page says).
 */
/** The running header's lines, its mark (top right) and its footer: the same on every page, in every format. */
export function runningTexts(model: PrintModel, version: PdfVersion): { header: string[]; marker: string; footer: string } {
  const times = formatTimeRange(model.startTime, model.endTime);
  return {
    header: ['Minutes and Actions', model.boardName, [formatUkDate(model.date), times].filter(Boolean).join(', ')],
    marker: version === 'full' ? 'CONFIDENTIAL – full version\nnot for publication' : model.agreement ? '' : 'DRAFT – subject to agreement',
    footer: `${stateLine(model)} · ${version === 'full' ? 'CONFIDENTIAL – full version' : 'Public version'}`,
  };
}

function pageCss(model: PrintModel, version: PdfVersion): string {
  const running = runningTexts(model, version);
  const header = running.header.join('\n');
  const { marker, footer } = running;
  const box = `font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: 7.5pt; line-height: 1.3; white-space: pre-wrap;`;
  return `
@page { size: A4; margin: 31mm 16mm 22mm 16mm;
  @top-left { content: ${cssString(header)}; ${box} vertical-align: bottom; padding-bottom: 5mm; width: 70%; }
  @top-right { content: ${cssString(marker)}; ${box} vertical-align: bottom; padding-bottom: 5mm; text-align: right; color: #9b1c1c; font-weight: 700; }
  @bottom-left { content: ${cssString(footer)}; ${box} vertical-align: top; padding-top: 5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 5mm; text-align: right; }
}`;
}

const DOCUMENT_CSS = `
html { font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: 10pt; line-height: 1.4; color: #000;
  font-variant-ligatures: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h1 .board { display: block; font-size: 12pt; margin-top: 2pt; }
h1 .title-joiner { display: none; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; break-inside: avoid; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; break-inside: avoid; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
.when { margin: 0 0 4pt; font-weight: 700; }
.state { margin: 0 0 10pt; }
.state.draft, .confidential-mark { color: #9b1c1c; font-weight: 700; }
.full-version { border: 1.5pt solid #9b1c1c; color: #9b1c1c; padding: 4pt 6pt; font-weight: 700; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
caption { text-align: left; font-weight: 700; font-size: 10pt; padding: 2pt 0; caption-side: top; break-after: avoid; break-inside: avoid; }
/* A caption and the column headings go over with the first row: never alone at a page's foot. */
thead, tbody > tr:first-child { break-before: avoid; }
th, td { border: 0.6pt solid #777; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
thead th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
table.people th, table.people td { border: none; border-bottom: 0.4pt solid #ccc; padding: 1.5pt 4pt 1.5pt 0; }
table.people thead th { background: none; border-bottom: 0.8pt solid #777; }
td.initials { width: 12%; }
.reference { width: 17%; }
table.agreed td:nth-child(3), table.agreed td:nth-child(4) { width: 15%; }
.discussion ul, .discussion ol { margin: 0 0 6pt; padding-left: 18pt; }
.discussion li { margin: 0 0 2pt; }
.discussion a { color: #1a4f8b; }
.discussion-table th { background: #eee; }
.discussion-table p { margin: 0; }
.presenter, .deferred, section.withheld h2, section.withheld h3 { color: #444; font-weight: 400; }
.next-meeting { margin-top: 14pt; }
.agreement { margin-top: 14pt; border-top: 0.8pt solid #777; padding-top: 6pt; break-inside: avoid; }
/* The agreement and hash close the minutes: they take the last lines above with them, never a page of their own. */
.agreement, .next-meeting, .corrections { break-before: avoid; }
.hash-value { font-size: 8.5pt; word-break: break-all; }
`;

/**
 * The draft watermark across every page: a picture (an element fixed to the page repeats on
 * each one), so it never mixes into the text a reader or a screen reader gets; the words
 * themselves are printed as text in the header of every page and under the title.
 */
const watermarkCss = (resources: PrintResources): string =>
  `.watermark { position: fixed; top: 0; right: 0; bottom: 0; left: 0; background: url(${draftWatermarkUrl(resources)}) center / 92% auto no-repeat; z-index: -1; }`;

/** On screen the page is a readable column, in the reader's own sans-serif; printed, it is the PDF's layout. */
const WEB_CSS = `
@media screen { body { max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; } html { font-size: 12pt; } }
.skip-link { position: absolute; left: -10000px; top: 0; background: #fff; color: #1a4f8b; padding: 4pt 8pt; }
.skip-link:focus { left: 8pt; top: 8pt; z-index: 1; outline: 2pt solid #1a4f8b; }
`;

/** The passages that would give a confidential item away (and matters arising that stem from one). */
export function fragmentsOf(model: PrintModel): string[] {
  const texts: string[] = [];
  for (const item of model.items) {
    if (!item.confidential) continue;
    texts.push(item.title, item.discussionText, ...item.decisions, ...item.actions.map((a) => a.details));
  }
  for (const r of model.mattersArising) if (r.confidential) texts.push(r.details, r.update);
  return confidentialFragments(texts);
}

/** For the web (the accessible HTML publication) rather than for printing to PDF. */
export interface WebOptions {
  /** A skip link and one <main> around everything after the header; no watermark picture, no embedded fonts. */
  web: boolean;
  /**
   * For printing only: the fonts and the watermark named as files (file: URLs) rather than
   * carried inside; the printer loads the document from a file. Never for a document handed over.
   */
  resources?: PrintResources;
}

/** The minutes as one self-contained HTML document (fonts embedded), with its running header and footer. */
export function renderMinutesHtml(model: PrintModel, version: PdfVersion, options: WebOptions = { web: false }): MinutesDocument {
  const { web } = options;
  const resources = options.resources ?? 'embedded';
  const date = formatUkDate(model.date);
  const times = formatTimeRange(model.startTime, model.endTime);
  const title = `Minutes and Actions: ${model.boardName}, ${date}${version === 'full' ? ' (full version, confidential)' : ''}`;
  const subject = `Minutes of the meeting of ${model.boardName} held on ${date}: ${version === 'public' ? 'public version' : 'full version including confidential items, not for publication'}`;
  const keywords = ['minutes', 'actions', model.boardName, model.shortCode, date].filter(Boolean).join(', ');
  const arising = model.mattersArising.filter((r) => version === 'full' || !r.confidential);
  const arisingItem = arising.length ? model.items.find((i) => i.kind === 'matters_arising' && (version === 'full' || !i.confidential)) : undefined;
  const body: string[] = [];
  const watermarked = !model.agreement && !web;
  if (watermarked) body.push('<div class="watermark" aria-hidden="true"></div>');
  if (web) body.push('<a class="skip-link" href="#minutes">Skip to the minutes</a>');
  body.push(
    // The dash joins the two lines in the outline (headingTitles reads it); printed, the board's
    // name is its own line, so the dash is not shown dangling at the end of the first.
    `<header><h1>Minutes and Actions<span class="title-joiner"> – </span><span class="board">${e(model.boardName)}</span></h1>`,
    `<p class="when">${e([date, times, model.venue].filter(Boolean).join(' · '))}</p>`,
    `<p class="state${model.agreement ? '' : ' draft'}">${e(stateLine(model))}</p>`,
    version === 'full' ? '<p class="full-version">CONFIDENTIAL – full version including confidential items. Not for publication.</p>' : '',
    '</header>',
    web ? '<main id="minutes">' : '',
    '<section class="attendance" aria-label="Attendance">',
    peopleTable('Present', model.present, true),
    peopleTable('Apologies', model.apologies, false),
    peopleTable('In attendance', model.inAttendance, true),
    '</section>',
    declarationsSectionHtml(model, version),
  );
  if (arising.length && !arisingItem) body.push(`<section class="item depth-1"><h2>Matters arising</h2>${arisingTable(arising)}</section>`);
  body.push(web ? '<div class="items">' : '<main>');
  for (const item of model.items) body.push(itemHtml(item, version, model, item === arisingItem ? arisingTable(arising) : ''));
  body.push(web ? '</div>' : '</main>', nextMeetingHtml(model.next), agreementHtml(model), signatureHtml(model), correctionsHtml(model.corrections), web ? '</main>' : '');
  const bodyHtml = body.join('');
  const html =
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; ${resources === 'files' ? 'font-src file:; img-src file:' : 'font-src data:; img-src data:'}">` +
    `<title>${e(title)}</title><meta name="author" content="${e(model.boardName)}"><meta name="subject" content="${e(subject)}">` +
    `<meta name="keywords" content="${e(keywords)}"><meta name="generator" content="Matters Arising ${e(APP_VERSION)}">` +
    `<style>${web ? WEB_CSS : fontFaceCss(/<em>/.test(bodyHtml), resources)}${pageCss(model, version)}${DOCUMENT_CSS}${watermarked ? watermarkCss(resources) : ''}${DECLARATIONS_CSS}${resources === 'files' ? PRINT_ONLY_CSS : ''}</style></head><body>${bodyHtml}</body></html>`;
  return {
    html,
    title,
    author: model.boardName,
    subject,
    keywords,
    confidentialFragments: fragmentsOf(model),
    outline: headingTitles(bodyHtml),
  };
}

/**
 * A meeting's print HTML straight from the store: the core half of "minutes to PDF", kept apart
 * from Chromium's printing so each can be measured.
 */
export function renderMeetingHtml(store: Store, meetingId: string, version: PdfVersion = 'full'): MinutesDocument {
  return renderMinutesHtml(loadPrintModel(store, meetingId), version);
}
