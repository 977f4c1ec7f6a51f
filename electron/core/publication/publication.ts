// Publishing minutes: a meeting rendered to a self-contained print HTML document (running
// header, present / apologies / in attendance, each item with its discussion and its
// "Decisions and/or actions agreed", matters arising, next meeting, agreement and hash,
// corrections), in a public version without confidential items or a full one marked
// confidential; then printed by the host's Chromium, finished (document information) and
// checked: a public PDF that contains text of a confidential item is refused.
import path from 'node:path';
import type { ActionStatus, ConfidentialDisplay, MeetingStatus, MinutesCorrection, MinutesItem, MinutesPdfExport, ParsedInputOf, PdfVersion } from '../../../shared/contract';
import { confidentialFragments, findLeaks, squash } from '../../../shared/domain/confidential';
import { formatClockTime, formatTimeRange, formatUkDate } from '../../../shared/domain/dates';
import { discussionBlocks, discussionPlainText, type DiscussionBlock } from '../../../shared/domain/discussion';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { Store } from '../db/open';
import { blocksToHtml, escapeHtml } from './discussionHtml';
import { conflict, notFound } from '../errors';
import { fontFaceCss, PRINT_FONT_FAMILY } from './fonts';
import { correctionsOf } from '../lifecycle/lifecycle';
import { formatOwners } from '../../../shared/domain/owners';
import { readMeetingRecord, type MeetingRecord } from '../store/meetingRecord';
import { readLaterMeetings } from '../store/meetings';
import { APP_VERSION } from '../version';
import { checkPdfTarget, pdfPageCount, setPdfInfo, writePdfFile } from './pdfFile';
import { pdfPageTexts } from './pdfText';
import { headingTitles, setPdfOutlineTitles } from './pdfOutline';

// ---------------------------------------------------------------- the printer (a host hook)

/** What core asks of the host's Chromium; electron/pdf/print.ts and the desktop app's printToPDF both do it. */
export interface PdfPrintOptions {
  headerTemplate?: string;
  footerTemplate?: string;
  tagged?: boolean;
  outline?: boolean;
  landscape?: boolean;
}

export type PdfPrinter = (html: string, options: PdfPrintOptions) => Promise<Uint8Array>;

// ---------------------------------------------------------------- the print model

interface PrintPerson {
  name: string;
  initials: string | null;
  role: string | null;
}

interface PrintAction {
  reference: string;
  details: string;
  owners: string;
  due: string;
}

interface PrintItem {
  id: string;
  number: string;
  title: string;
  depth: number;
  kind: MinutesItem['kind'];
  presenter: string | null;
  /** Confidential itself or as part of a confidential item. */
  confidential: boolean;
  /** The item it belongs to is confidential too (so a placeholder stands for both). */
  underConfidential: boolean;
  deferredTo: string | null;
  deferred: boolean;
  /** The discussion as the one walker of its JSON reads it: the HTML is printed from it... */
  discussion: DiscussionBlock[];
  /** ...and the check for confidential text reads its plain text, derived from the same blocks. */
  discussionText: string;
  decisions: string[];
  actions: PrintAction[];
}

interface PrintArising {
  reference: string;
  details: string;
  owners: string;
  update: string;
  status: string;
  /** The action was agreed under a confidential item: left out of the public version. */
  confidential: boolean;
}

export interface PrintModel {
  meetingId: string;
  boardName: string;
  shortCode: string | null;
  date: string;
  startTime: string | null;
  endTime: string | null;
  venue: string | null;
  status: MeetingStatus;
  next: { date: string | null; time: string | null; venue: string | null };
  agreement: { agreedOn: string; atMeetingDate: string; amendments: string | null; contentHash: string } | null;
  present: PrintPerson[];
  apologies: PrintPerson[];
  inAttendance: PrintPerson[];
  items: PrintItem[];
  mattersArising: PrintArising[];
  corrections: MinutesCorrection[];
  confidentialDisplay: ConfidentialDisplay;
}

/** How the printed matters arising name each status ("Completed", as the boards' minutes do). */
const ACTION_STATUS_PRINTED: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Completed',
  deferred: 'Deferred',
  dropped: 'Dropped',
  superseded: 'Superseded',
};

/** Present, apologies and in attendance as the meeting's attendance recorded them. */
function attendance(record: MeetingRecord): Pick<PrintModel, 'present' | 'apologies' | 'inAttendance'> {
  const items = new Map(record.rows.agenda_items.map((i) => [i.id, i]));
  const person = (r: MeetingRecord['attendance'][number]): PrintPerson => {
    const marks = [r.isChair ? 'Chair' : null, r.isViceChair ? 'Vice Chair' : null, r.isMinuteTaker ? 'Minutes' : null].filter(Boolean);
    const numbers = r.forItemIds
      .map((id) => items.get(id))
      .filter((i) => i !== undefined)
      .sort((a, b) => a.position - b.position || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
      .map((i) => i.number);
    const forItems = r.forItemsNote ?? (numbers.length ? `${numbers.length === 1 ? 'Item' : 'Items'} ${numbers.join(', ')}` : null);
    const name = `${r.displayName}${marks.length ? ` (${marks.join(', ')})` : ''}${forItems ? ` – ${forItems}` : ''}`;
    const role = [r.role, r.organisation && !(r.role ?? '').includes(r.organisation) ? r.organisation : null].filter(Boolean).join(', ');
    return { name, initials: r.initials, role: role || null };
  };
  return {
    present: record.attendance.filter((r) => r.status === 'present').map(person),
    apologies: record.attendance.filter((r) => r.status === 'apologies').map(person),
    inAttendance: record.attendance.filter((r) => r.status === 'in_attendance').map(person),
  };
}

function dueText(due: { text: string | null; date: string | null }): string {
  if (due.text) return due.text;
  return due.date ? formatUkDate(due.date) : '';
}

function mattersArising(record: MeetingRecord): PrintArising[] {
  return record.arising.map((r) => ({
    reference: r.reference,
    details: r.details,
    owners: formatOwners(r.owners),
    update: r.update?.text ?? '',
    status: ACTION_STATUS_PRINTED[r.update?.status ?? r.statusBefore] ?? r.update?.status ?? r.statusBefore,
    confidential: r.confidential,
  }));
}

/** What the minutes print of a discussion, and its plain text, from one reading of the stored JSON. */
function printedDiscussion(json: string | null, storedText: string): Pick<PrintItem, 'discussion' | 'discussionText'> {
  // The stored plain text is read only where a row has no JSON to read: it is never trusted beside one.
  const discussion = discussionBlocks(json, storedText);
  return { discussion, discussionText: discussionPlainText(discussion) };
}

/** Everything the printed minutes show: the meeting's record (the same one the screen and the content hash read). */
export function loadPrintModel(store: Store, meetingId: string): PrintModel {
  const record = readMeetingRecord(store.db, meetingId);
  const m = record.meeting;
  const laterDates = new Map(readLaterMeetings(store.db, m).map((l) => [l.id, l.date]));
  const confidentialIds = new Set(record.items.filter((i) => i.confidential).map((i) => i.id));
  const items: PrintItem[] = record.items.map((i) => {
    const underConfidential = i.parentId !== null && confidentialIds.has(i.parentId);
    const deferredDate = i.deferredToMeetingId ? laterDates.get(i.deferredToMeetingId) : undefined;
    return {
      id: i.id,
      number: i.number,
      title: i.title,
      depth: i.depth,
      kind: i.kind,
      presenter: i.presenter,
      confidential: i.confidential || underConfidential,
      underConfidential,
      deferred: i.deferred,
      deferredTo: deferredDate ? `the meeting of ${formatUkDate(deferredDate)}` : i.deferredToText,
      ...printedDiscussion(i.discussionJson, i.discussionText),
      decisions: i.decisions.map((d) => d.text).filter((t) => t.trim() !== ''),
      // The Action column exactly as the screen shows it.
      actions: i.actions.map((a) => ({ reference: a.reference, details: a.details, owners: formatOwners(a.owners), due: dueText(a.due) })),
    };
  });
  const a = record.agreement;
  return {
    meetingId: m.id,
    boardName: m.boardName,
    shortCode: record.board.shortCode,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    venue: m.venue,
    status: m.status,
    next: m.nextMeeting,
    agreement:
      isAgreed(m.status) && a && a.contentHash ? { agreedOn: a.agreedOn, atMeetingDate: a.atMeetingDate, amendments: a.amendments, contentHash: a.contentHash } : null,
    ...attendance(record),
    items,
    mattersArising: mattersArising(record),
    corrections: correctionsOf(store, meetingId),
    confidentialDisplay: record.board.confidentialDisplay,
  };
}

// ---------------------------------------------------------------- the HTML

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
function stateLine(model: PrintModel): string {
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
function pageCss(model: PrintModel, version: PdfVersion): string {
  const times = formatTimeRange(model.startTime, model.endTime);
  const header = ['Minutes and Actions', model.boardName, [formatUkDate(model.date), times].filter(Boolean).join(', ')].join('\n');
  const marker = version === 'full' ? 'CONFIDENTIAL – full version\nnot for publication' : model.agreement ? '' : 'DRAFT – subject to agreement';
  const footer = `${stateLine(model)} · ${version === 'full' ? 'CONFIDENTIAL – full version' : 'Public version'}`;
  const box = `font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: 7.5pt; line-height: 1.3; white-space: pre-wrap;`;
  return `
@page { size: A4; margin: 31mm 16mm 22mm 16mm;
  @top-left { content: ${cssString(header)}; ${box} vertical-align: bottom; padding-bottom: 5mm; width: 70%; }
  @top-right { content: ${cssString(marker)}; ${box} vertical-align: bottom; padding-bottom: 5mm; text-align: right; color: #9b1c1c; font-weight: 700; }
  @bottom-left { content: ${cssString(footer)}; ${box} vertical-align: top; padding-top: 5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 5mm; text-align: right; }
}`;
}

/**
 * The draft watermark across every page: a picture (an element fixed to the page repeats on
 * each one), so it never mixes into the text a reader or a screen reader gets; the words
 * themselves are printed as text in the header of every page and under the title.
 */
const WATERMARK = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="840" viewBox="0 0 600 840">' +
    // The filter makes Chromium paint the words as an image: no stray rotated text in the PDF.
    '<defs><filter id="image"><feOffset dx="0" dy="0"/></filter></defs>' +
    '<text filter="url(#image)" x="300" y="420" text-anchor="middle" transform="rotate(-35 300 420)" font-family="DejaVu Sans, Verdana, Arial, sans-serif" ' +
    'font-size="40" font-weight="700" fill="#f3d9d9">DRAFT – subject to agreement</text></svg>',
).toString('base64')}`;

const DOCUMENT_CSS = `
html { font-family: '${PRINT_FONT_FAMILY}', sans-serif; font-size: 10pt; line-height: 1.4; color: #000;
  font-variant-ligatures: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
h1 .board { display: block; font-size: 12pt; margin-top: 2pt; }
h2 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; }
p { margin: 0 0 6pt; orphans: 3; widows: 3; }
.when { margin: 0 0 4pt; font-weight: 700; }
.state { margin: 0 0 10pt; }
.state.draft, .confidential-mark { color: #9b1c1c; font-weight: 700; }
.full-version { border: 1.5pt solid #9b1c1c; color: #9b1c1c; padding: 4pt 6pt; font-weight: 700; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt; font-size: 9pt; }
caption { text-align: left; font-weight: 700; font-size: 10pt; padding: 2pt 0; caption-side: top; }
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
.presenter, .deferred, section.withheld h2, section.withheld h3 { color: #444; font-weight: 400; }
.next-meeting { margin-top: 14pt; }
.agreement { margin-top: 14pt; border-top: 0.8pt solid #777; padding-top: 6pt; }
.hash-value { font-size: 8.5pt; word-break: break-all; }
.watermark { position: fixed; top: 0; right: 0; bottom: 0; left: 0; background: url(${WATERMARK}) center / 92% auto no-repeat; z-index: -1; }
`;

/** The passages that would give a confidential item away (and matters arising that stem from one). */
function fragmentsOf(model: PrintModel): string[] {
  const texts: string[] = [];
  for (const item of model.items) {
    if (!item.confidential) continue;
    texts.push(item.title, item.discussionText, ...item.decisions, ...item.actions.map((a) => a.details));
  }
  for (const r of model.mattersArising) if (r.confidential) texts.push(r.details, r.update);
  return confidentialFragments(texts);
}

/** The minutes as one self-contained HTML document (fonts embedded), with its running header and footer. */
export function renderMinutesHtml(model: PrintModel, version: PdfVersion): MinutesDocument {
  const date = formatUkDate(model.date);
  const times = formatTimeRange(model.startTime, model.endTime);
  const title = `Minutes and Actions: ${model.boardName}, ${date}${version === 'full' ? ' (full version, confidential)' : ''}`;
  const subject = `Minutes of the meeting of ${model.boardName} held on ${date}: ${version === 'public' ? 'public version' : 'full version including confidential items, not for publication'}`;
  const keywords = ['minutes', 'actions', model.boardName, model.shortCode, date].filter(Boolean).join(', ');
  const arising = model.mattersArising.filter((r) => version === 'full' || !r.confidential);
  const arisingItem = arising.length ? model.items.find((i) => i.kind === 'matters_arising' && (version === 'full' || !i.confidential)) : undefined;
  const body: string[] = [];
  if (!model.agreement) body.push('<div class="watermark" aria-hidden="true"></div>');
  body.push(
    `<header><h1>Minutes and Actions –&nbsp;<br><span class="board">${e(model.boardName)}</span></h1>`,
    `<p class="when">${e([date, times, model.venue].filter(Boolean).join(' · '))}</p>`,
    `<p class="state${model.agreement ? '' : ' draft'}">${e(stateLine(model))}</p>`,
    version === 'full' ? '<p class="full-version">CONFIDENTIAL – full version including confidential items. Not for publication.</p>' : '',
    '</header>',
    '<section class="attendance" aria-label="Attendance">',
    peopleTable('Present', model.present, true),
    peopleTable('Apologies', model.apologies, false),
    peopleTable('In attendance', model.inAttendance, true),
    '</section>',
  );
  if (arising.length && !arisingItem) body.push(`<section class="item depth-1"><h2>Matters arising</h2>${arisingTable(arising)}</section>`);
  body.push('<main>');
  for (const item of model.items) body.push(itemHtml(item, version, model, item === arisingItem ? arisingTable(arising) : ''));
  body.push('</main>', nextMeetingHtml(model.next), agreementHtml(model), correctionsHtml(model.corrections));
  const bodyHtml = body.join('');
  const html =
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">` +
    `<title>${e(title)}</title><meta name="author" content="${e(model.boardName)}"><meta name="subject" content="${e(subject)}">` +
    `<meta name="keywords" content="${e(keywords)}"><meta name="generator" content="Matters Arising ${e(APP_VERSION)}">` +
    `<style>${fontFaceCss(/<em>/.test(bodyHtml))}${pageCss(model, version)}${DOCUMENT_CSS}</style></head><body>${bodyHtml}</body></html>`;
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

// ---------------------------------------------------------------- the PDF

/** The readable text of our own HTML (tags dropped, entities decoded): what a reader would see. */
export function htmlText(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/i, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<\/?(strong|em|u|s|sub|sup|code|a|span)\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|emsp|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? ' ');
}

function refuseLeaks(leaks: string[], model: PrintModel, where: string): void {
  if (leaks.length === 0) return;
  const item = model.items.find((i) => i.confidential && leaks.some((l) => [i.title, i.discussionText, ...i.decisions, ...i.actions.map((a) => a.details)].some((t) => t.includes(l))));
  const example = leaks[0] as string;
  throw conflict(
    `The public version was not exported: ${where} contains text from ${item ? `confidential item ${item.number}` : 'a confidential item'} (“${example.length > 80 ? `${example.slice(0, 77)}…` : example}”). ` +
      'Take that text out of the items that are not confidential, or export the full version for members instead.',
  );
}

export function pdfFileName(model: Pick<PrintModel, 'shortCode' | 'boardName' | 'date'>, version: PdfVersion): string {
  // eslint-disable-next-line no-control-regex -- characters no file system takes in a name
  const name = (model.shortCode ?? model.boardName).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${name} minutes ${model.date} (${version === 'public' ? 'public' : 'full, confidential'}).pdf`;
}

export interface MinutesPdf {
  bytes: Buffer;
  fileName: string;
  pages: number;
}

/**
 * The minutes as a finished PDF: rendered, checked (public version: no confidential text in
 * the HTML before printing, nor in the PDF's own text after), printed tagged with an outline,
 * and given its document information. Nothing is written anywhere: the caller saves it.
 */
export async function buildMinutesPdf(store: Store, input: ParsedInputOf<'exportMinutesPdf'>, print: PdfPrinter): Promise<MinutesPdf> {
  const model = loadPrintModel(store, input.meetingId);
  if (model.items.length === 0) {
    throw conflict('These minutes have no agenda items yet, so there is nothing to print. Add the items first.');
  }
  const doc = renderMinutesHtml(model, input.version);
  const checking = input.version === 'public' && doc.confidentialFragments.length > 0;
  if (checking) refuseLeaks(findLeaks(doc.confidentialFragments, htmlText(doc.html)), model, 'the document');
  const printed = Buffer.from(await print(doc.html, { tagged: true, outline: true }));
  const bytes = setPdfInfo(setPdfOutlineTitles(printed, doc.outline), { title: doc.title, author: doc.author, subject: doc.subject, keywords: doc.keywords, creator: `Matters Arising ${APP_VERSION}` });
  if (input.version === 'public') {
    const text = pdfPageTexts(bytes).join('\n');
    // If the printed text cannot be read back, it cannot be checked: better no file than an unchecked one.
    if (!squash(text).includes(squash('Minutes and Actions'))) {
      throw conflict('The public version was not exported: its printed text could not be read back to check it for confidential items.');
    }
    if (checking) refuseLeaks(findLeaks(doc.confidentialFragments, text), model, 'the printed PDF');
  }
  return { bytes, fileName: pdfFileName(model, input.version), pages: pdfPageCount(bytes) };
}

export interface ExportHooks {
  printPdf?: PdfPrinter;
  choosePdfPath?: (suggestedName: string) => Promise<string | null>;
}

/**
 * exportMinutesPdf: in the desktop app, asks where to save (nothing is printed if the dialog
 * is cancelled) and writes the file there; in the browser host, hands the PDF back to download.
 */
export async function exportMinutesPdf(store: Store, input: ParsedInputOf<'exportMinutesPdf'>, hooks: ExportHooks): Promise<MinutesPdfExport> {
  if (!hooks.printPdf) throw conflict('This copy of Matters Arising cannot print PDFs: no Chromium was found to print with.');
  const naming = store.db
    .prepare('SELECT b.short_code AS shortCode, m.board_name AS boardName, m.meeting_date AS date FROM meetings m JOIN boards b ON b.id = m.board_id WHERE m.id = ?')
    .get(input.meetingId) as { shortCode: string | null; boardName: string; date: string } | undefined;
  if (!naming) throw notFound('meeting');
  const fileName = pdfFileName(naming, input.version);
  let target: string | null = null;
  if (hooks.choosePdfPath) {
    target = await hooks.choosePdfPath(fileName);
    if (!target) return { version: input.version, fileName, bytes: 0, pages: 0, pdfBase64: null, savedTo: null, cancelled: true };
    if (!path.extname(target)) target = `${target}.pdf`;
    checkPdfTarget(target);
  }
  const pdf = await buildMinutesPdf(store, input, hooks.printPdf);
  if (target) {
    const savedTo = writePdfFile(target, pdf.bytes);
    return { version: input.version, fileName: path.basename(savedTo), bytes: pdf.bytes.length, pages: pdf.pages, pdfBase64: null, savedTo, cancelled: false };
  }
  return { version: input.version, fileName, bytes: pdf.bytes.length, pages: pdf.pages, pdfBase64: pdf.bytes.toString('base64'), savedTo: null, cancelled: false };
}
