// The print model: everything the printed minutes show, from the meeting's one record (the same
// one the screen and the content hash read), in the words and order the minutes print them.
import type { ConfidentialDisplay, MeetingStatus, MinutesCorrection, MinutesItem } from '../../../shared/contract';
import { formatUkDate } from '../../../shared/domain/dates';
import { discussionBlocks, discussionPlainText, type DiscussionBlock } from '../../../shared/domain/discussion';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { Store } from '../db/open';
import { correctionsOf } from '../lifecycle/lifecycle';
import { formatOwners } from '../../../shared/domain/owners';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import { readMeetingRecord, type MeetingRecord } from '../store/meetingRecord';
import { readLaterMeetings } from '../store/meetings';
import { deferredToMeetingText } from '../../../shared/domain/format';
import { printedDeclarations, type PrintDeclaration } from './printDeclarations';

export type { PrintDeclaration };
export interface PrintPerson {
  name: string;
  initials: string | null;
  role: string | null;
}

export interface PrintAction {
  reference: string;
  details: string;
  owners: string;
  due: string;
}

export interface PrintItem {
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

export interface PrintArising {
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
  declarations: PrintDeclaration[];
  /** The item titled "Declarations of interest" (declarations made on no item print there), if any. */
  standingItemId: string | null;
  /** The chair's signature block ends the minutes: the board prints it and the minutes are agreed. */
  signatureBlock: boolean;
}


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
  // The chair heads the list, then the vice-chair, as the boards' minutes print them; the rest keep their order.
  const rank = (r: MeetingRecord['attendance'][number]): number => (r.isChair ? 0 : r.isViceChair ? 1 : 2);
  const present = record.attendance.filter((r) => r.status === 'present');
  return {
    present: present.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => person(r)),
    apologies: record.attendance.filter((r) => r.status === 'apologies').map(person),
    inAttendance: record.attendance.filter((r) => r.status === 'in_attendance').map(person),
  };
}

/** A date prints as a date ("2 September 2014", whatever was typed: "02.09"); a meeting as it was named. */
function dueText(due: { kind: string; text: string | null; date: string | null }): string {
  if (due.kind === 'date' && due.date) return formatUkDate(due.date);
  if (due.text) return due.text;
  return due.date ? formatUkDate(due.date) : '';
}

function mattersArising(record: MeetingRecord): PrintArising[] {
  return record.arising.map((r) => ({
    reference: r.reference,
    details: r.details,
    owners: formatOwners(r.owners),
    update: r.update?.text ?? '',
    // The same word the screens use: one label per status (shared/domain/actionStatus.ts).
    status: ACTION_STATUS_LABEL[r.update?.status ?? r.statusBefore],
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
      // Agreed minutes print the words fixed when they were agreed (a later meeting moved does not change them).
      deferredTo: isAgreed(m.status) && i.deferredToText ? i.deferredToText : deferredDate ? deferredToMeetingText(formatUkDate(deferredDate)) : i.deferredToText,
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
    ...printedDeclarations(record),
    signatureBlock: record.board.signatureBlock && isAgreed(m.status),
  };
}
