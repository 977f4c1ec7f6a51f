// The minutes as a Word document, written from the same print model as the PDF and in its
// layout: header block, attendance tables, numbered items as real Word headings, discussion
// with lists, declarations, "Decisions and/or actions agreed", matters arising, the agreement
// line and hash, the signature block, corrections; running header and "Page x of y".
import type { PdfVersion } from '../../../shared/contract';
import { formatClockTime, formatTimeRange, formatUkDate } from '../../../shared/domain/dates';
import type { Paragraph, Table } from 'docx';
import { APP_VERSION } from '../version';
import { SIGNATURE_LINES } from './declarationsHtml';
import { blockParagraphs, captionedTable, DocxLists, heading, packDocx, para } from './docxParts';
import { fragmentsOf, runningTexts, stateLine } from './minutesHtml';
import { declarationSentence, shownDeclarations } from './printDeclarations';
import type { PrintArising, PrintItem, PrintModel, PrintPerson } from './printModel';

type Block = Paragraph | Table;

function peopleTable(caption: string, people: PrintPerson[], withInitials: boolean): Block[] {
  if (people.length === 0) return [];
  const headers = withInitials ? ['Name', 'Initials', 'Role'] : ['Name', 'Role'];
  const rows = people.map((p) => (withInitials ? [p.name, p.initials ?? '', p.role ?? ''] : [p.name, p.role ?? '']));
  return captionedTable(caption, headers, rows, withInitials ? [45, 12, 43] : [45, 55]);
}

function declarationsTable(model: PrintModel, version: PdfVersion): Block[] {
  const shown = shownDeclarations(model, version);
  if (shown.length === 0) return [];
  return captionedTable('Declarations of interest', ['Who', 'Item', 'Interest declared', 'For the item'], shown.map((d) => [d.who, d.itemNumber ?? '', d.interest, d.participation]), [25, 10, 35, 30]);
}

function agreedTable(item: PrintItem): Block[] {
  if (item.decisions.length === 0 && item.actions.length === 0) return [];
  const rows = [...item.decisions.map((d) => ['', d, '', '']), ...item.actions.map((a) => [a.reference, a.details, a.owners, a.due])];
  return captionedTable('Decisions and/or actions agreed', ['Reference', 'Details', 'Action', 'Due'], rows, [17, 53, 15, 15]);
}

function arisingTable(rows: PrintArising[]): Block[] {
  if (rows.length === 0) return [];
  return captionedTable('Actions arising from earlier meetings', ['Reference', 'Action', 'Owner', 'Update', 'Status'], rows.map((r) => [r.reference, r.details, r.owners, r.update, r.status]), [17, 28, 15, 28, 12]);
}

function itemBlocks(item: PrintItem, version: PdfVersion, model: PrintModel, arising: Block[], lists: DocxLists): Block[] {
  const level = item.depth === 1 ? 2 : 3;
  if (item.confidential && version === 'public') {
    if (model.confidentialDisplay === 'omit' || item.underConfidential) return [];
    return [heading(`Item ${item.number}: confidential – not for publication`, level)];
  }
  const out: Block[] = [heading(item.title.trim() ? `${item.number}. ${item.title}` : item.number, level)];
  if (item.confidential) out.push(para('Confidential – not for publication', { bold: true, color: '9B1C1C' }));
  if (item.presenter) out.push(para(`Presented by ${item.presenter}`, { color: '444444' }));
  out.push(...blockParagraphs(item.discussion, lists));
  if (item.id === model.standingItemId) out.push(...declarationsTable(model, version));
  else for (const d of shownDeclarations(model, version).filter((x) => x.itemId === item.id)) out.push(para(declarationSentence(d, false), { italics: true }));
  if (item.deferred) out.push(para(`This item was deferred${item.deferredTo ? ` to ${item.deferredTo}` : ''}.`, { color: '444444' }));
  out.push(...arising, ...agreedTable(item));
  return out;
}

function closingBlocks(model: PrintModel): Block[] {
  const out: Block[] = [];
  if (model.next.date) {
    const when = [formatUkDate(model.next.date), model.next.time ? formatClockTime(model.next.time) : null, model.next.venue].filter(Boolean).join(', ');
    out.push(para(`Next meeting: ${when}`, { bold: true }));
  }
  const a = model.agreement;
  if (!a) out.push(para('DRAFT – subject to agreement. These minutes have not yet been agreed as accurate.', { bold: true }));
  else {
    out.push(para(`Agreed as accurate on ${formatUkDate(a.agreedOn)}, at the meeting of ${formatUkDate(a.atMeetingDate)}.`, { bold: true }));
    if (a.amendments) out.push(para(`Amendments made at agreement: ${a.amendments}`));
    out.push(para(`Content hash (SHA-256): ${a.contentHash}`));
  }
  if (model.signatureBlock) {
    out.push(para(SIGNATURE_LINES[0], { bold: true }), para(`${SIGNATURE_LINES[1]}: ______________________________`), para(`${SIGNATURE_LINES[2]}: ______________________________`));
  }
  if (model.corrections.length) {
    out.push(heading('Corrections', 2), para('Made after these minutes were agreed; the minutes above are as agreed.'));
    out.push(
      ...captionedTable(
        'Corrections',
        ['Date', 'What was corrected', 'Why', 'Agreed at'],
        model.corrections.map((c) => [formatUkDate(c.date), c.what, c.why, c.agreedAtMeetingDate ? `Meeting of ${formatUkDate(c.agreedAtMeetingDate)}` : '']),
      ),
    );
  }
  return out;
}

export interface MinutesDocx {
  bytes: Buffer;
  /** Passages of the confidential items: none of them may be in a public version's text. */
  confidentialFragments: string[];
}

/** The minutes as a .docx, public or full version (the leak check is the caller's, on the file's own text). */
export async function renderMinutesDocx(model: PrintModel, version: PdfVersion): Promise<MinutesDocx> {
  const date = formatUkDate(model.date);
  const times = formatTimeRange(model.startTime, model.endTime);
  const lists = new DocxLists();
  const arising = model.mattersArising.filter((r) => version === 'full' || !r.confidential);
  const arisingItem = arising.length ? model.items.find((i) => i.kind === 'matters_arising' && (version === 'full' || !i.confidential)) : undefined;
  const children: Block[] = [
    heading(`Minutes and Actions – ${model.boardName}`, 1),
    para([date, times, model.venue].filter(Boolean).join(' · '), { bold: true }),
    para(stateLine(model), model.agreement ? {} : { bold: true, color: '9B1C1C' }),
  ];
  if (version === 'full') children.push(para('CONFIDENTIAL – full version including confidential items. Not for publication.', { bold: true, color: '9B1C1C' }));
  children.push(...peopleTable('Present', model.present, true), ...peopleTable('Apologies', model.apologies, false), ...peopleTable('In attendance', model.inAttendance, true));
  const standingShown = model.standingItemId && model.items.some((i) => i.id === model.standingItemId && (version === 'full' || !i.confidential));
  if (!standingShown) children.push(...declarationsTable(model, version));
  if (arising.length && !arisingItem) children.push(heading('Matters arising', 2), ...arisingTable(arising));
  for (const item of model.items) children.push(...itemBlocks(item, version, model, item === arisingItem ? arisingTable(arising) : [], lists));
  children.push(...closingBlocks(model));
  const running = runningTexts(model, version);
  const bytes = await packDocx({
    title: `Minutes and Actions: ${model.boardName}, ${date}${version === 'full' ? ' (full version, confidential)' : ''}`,
    subject: `Minutes of the meeting of ${model.boardName} held on ${date}: ${version === 'public' ? 'public version' : 'full version including confidential items, not for publication'}`,
    keywords: ['minutes', 'actions', model.boardName, model.shortCode, date].filter(Boolean).join(', '),
    creator: `Matters Arising ${APP_VERSION}`,
    header: running.header,
    marker: running.marker.replace(/\n/g, ' '),
    footer: running.footer,
    children,
    lists,
  });
  return { bytes, confidentialFragments: fragmentsOf(model) };
}
