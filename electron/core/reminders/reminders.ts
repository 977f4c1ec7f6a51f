// Reminders to owners, made offline from a selection of the action log: one email draft per
// owner listing their outstanding actions (reference, due, latest update), and a calendar of
// the dues. Nothing is sent and nothing is written to the data file: the files are handed back.
import { createEvents, type EventAttributes } from 'ics';
import type { BetweenUpdate, DueCalendar, OutstandingAction, OwnerDraft, OwnerDrafts, ParsedInputOf, SkippedOwner } from '../../../shared/contract';
import { MAX_DRAFT_OWNERS } from '../../../shared/contract/reminders';
import { filterActionLog, sortActionLog } from '../../../shared/domain/actionLog';
import { ACTION_STATUS_LABEL } from '../../../shared/domain/actionStatus';
import { formatUkDate } from '../../../shared/domain/dates';
import { isToBeConfirmed, ownerSearchText, TBC_LABEL } from '../../../shared/domain/owners';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { outstandingActions } from '../actionLog/actionLog';
import { latestReports } from '../store/betweenUpdates';
import { guestEmail } from '../store/guestContacts';
import { emlMessage, mailbox, mailtoLink } from './eml';
import { calendarDaysBefore } from './setting';
import { safeFileName } from '../../../shared/domain/fileNames';


function selected(store: Store, input: ParsedInputOf<'draftOwnerReminders'>): { rows: OutstandingAction[]; today: string } {
  const log = outstandingActions(store, {});
  return { rows: sortActionLog(filterActionLog(log.actions, input.filter), input.sort), today: log.today };
}

/** One action as a reminder lists it: reference, where from, details, due, latest update and report. */
function actionLines(a: OutstandingAction, report: BetweenUpdate | undefined): string[] {
  const from = `${a.boardName}, ${formatUkDate(a.origin.meetingDate)}${a.origin.itemNumber ? `, item ${a.origin.itemNumber}` : ''}`;
  const due = a.dueDate ? `${formatUkDate(a.dueDate)}${a.overdue ? ' (overdue)' : ''}` : a.due.text || 'no date set';
  const lines = [`${a.reference} (${from})`, a.details || '(no details were minuted)', `Due: ${due}`];
  if (a.latestUpdate) {
    lines.push(`Latest update, ${formatUkDate(a.latestUpdate.meetingDate)} (${ACTION_STATUS_LABEL[a.latestUpdate.status].toLowerCase()}): ${a.latestUpdate.text || 'no words recorded'}`);
  }
  if (report) lines.push(`Reported ${formatUkDate(report.date)} (${ACTION_STATUS_LABEL[report.status].toLowerCase()}): ${report.text}`);
  return lines;
}

export interface OwnerGroup {
  key: string;
  name: string;
  email: string | null;
  reason: string | null;
  actions: OutstandingAction[];
}

/** The selection's actions by owner: a person (with their roster address), a guest (with theirs), a group, or a name as written. */
export function byOwner(store: Store, rows: readonly OutstandingAction[]): OwnerGroup[] {
  const person = store.db.prepare('SELECT p.full_name, p.email FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.id = ?');
  const groups = new Map<string, OwnerGroup>();
  for (const a of rows) {
    for (const o of a.owners) {
      let g = groups.get(o.key);
      if (!g) {
        if (o.kind === 'member') {
          const p = person.get(o.memberId) as { full_name: string; email: string | null } | undefined;
          const name = p?.full_name ?? o.fullName;
          g = { key: o.key, name, email: p?.email ?? null, reason: p?.email ? null : `${name} (${o.initials}) has no email address on the roster: add one on the board’s roster page.`, actions: [] };
        } else if (o.kind === 'guest') {
          const email = guestEmail(store.db, o.attendanceId);
          const named = o.initials ? `${o.fullName} (${o.initials})` : o.fullName;
          const reason = email ? null : `${named} was a guest in attendance and has no email address: add one to their attendance at ${formatUkDate(a.origin.meetingDate)}’s meeting.`;
          g = { key: o.key, name: o.fullName, email, reason, actions: [] };
        } else if (o.kind === 'group') {
          g = { key: o.key, name: o.name, email: null, reason: `${o.name} is a group, which has no one email address: remind its members yourself.`, actions: [] };
        } else if (isToBeConfirmed(o.name)) {
          g = { key: o.key, name: TBC_LABEL, email: null, reason: 'The owner is still to be confirmed: nobody to remind yet.', actions: [] };
        } else {
          g = { key: o.key, name: o.name, email: null, reason: `“${o.name}” is named as written, not someone on the roster, so there is no address for them.`, actions: [] };
        }
        groups.set(o.key, g);
      }
      g.actions.push(a);
    }
  }
  return [...groups.values()];
}

export function draftOwnerReminders(store: Store, input: ParsedInputOf<'draftOwnerReminders'>): OwnerDrafts {
  const { rows, today } = selected(store, input);
  const owners = byOwner(store, rows);
  if (owners.length > MAX_DRAFT_OWNERS) {
    throw new DomainError(
      'conflict',
      `These ${rows.length} actions have ${owners.length} owners; drafts are made for at most ${MAX_DRAFT_OWNERS} owners at a time. Filter the log by board, owner or due dates, and make them in turns. No draft was made.`,
    );
  }
  return { ...draftsFor(store, owners, today), actions: rows.length };
}

/** The drafts for owners with an address, and why the others have none. */
export function draftsFor(store: Store, owners: readonly OwnerGroup[], today: string): Omit<OwnerDrafts, 'actions'> {
  const reports = latestReports(
    store.db,
    [...new Set(owners.flatMap((g) => g.actions.map((a) => a.id)))],
  );
  const skipped: SkippedOwner[] = [];
  const made: Array<Omit<OwnerDraft, 'mailto'> & { subject: string; body: string }> = [];
  for (const g of owners) {
    const references = g.actions.map((a) => a.reference);
    if (!g.email) {
      skipped.push({ ownerName: g.name, reason: g.reason ?? 'No email address.', references });
      continue;
    }
    const overdue = g.actions.filter((a) => a.overdue).length;
    const subject = `Outstanding actions: ${g.actions.length}${overdue ? `, ${overdue} overdue` : ''}`;
    const body = [
      `Dear ${g.name},`,
      '',
      `These actions from the minutes are outstanding with you, as at ${formatUkDate(today)}:`,
      '',
      ...g.actions.flatMap((a) => [...actionLines(a, reports.get(a.id)), '']),
      'Please reply with any progress, so that it can be recorded before the next meeting.',
      '',
    ].join('\n');
    made.push({
      ownerKey: g.key,
      ownerName: g.name,
      email: g.email,
      filename: `${safeFileName(`Actions for ${g.name} ${today}`)}.eml`,
      eml: emlMessage({ to: mailbox(g.name, g.email), subject, body }),
      references,
      subject,
      body,
    });
  }
  return {
    drafts: made.map(({ subject, body, ...d }) => ({ ...d, mailto: made.length === 1 ? mailtoLink(d.email, subject, body) : null })),
    skipped,
  };
}

const dateArray = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

const nextDay = (iso: string): [number, number, number] => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/** "a reminder 14 days before and on the day", for the boards' settings the calendar used. */
function alarmsInWords(days: readonly number[]): string {
  const set = [...new Set(days)].sort((a, b) => a - b);
  const only = set.length === 1 ? set[0] : undefined;
  if (only === 0) return 'a reminder on the day';
  if (only !== undefined) return `a reminder ${only} ${only === 1 ? 'day' : 'days'} before and on the day`;
  return `a reminder as each board’s setting says (${set[0]} to ${set[set.length - 1]} days before) and on the day`;
}

export function dueCalendar(store: Store, input: ParsedInputOf<'dueCalendar'>): DueCalendar {
  const { rows, today } = selected(store, input);
  const skipped: DueCalendar['skipped'] = [];
  const events: EventAttributes[] = [];
  const daysBefore = new Map<string, number>();
  for (const a of rows) {
    if (!a.dueDate) {
      const reason =
        a.due.kind === 'next_meeting' ? 'due at the next meeting, which is not yet set up' : a.due.text ? `due “${a.due.text}”, which has no date yet` : 'no due date';
      skipped.push({ reference: a.reference, reason });
      continue;
    }
    const owners = a.owners.map((o) => ownerSearchText(o)).join(', ');
    // The board's "remind owners N days before due"; 0 leaves only the reminder on the day.
    let days = daysBefore.get(a.boardId);
    if (days === undefined) daysBefore.set(a.boardId, (days = calendarDaysBefore(store.db, a.boardId)));
    const before: NonNullable<EventAttributes['alarms']> =
      days > 0
        ? [{ action: 'display', description: `Action ${a.reference} is due in ${days} day${days === 1 ? '' : 's'}`, trigger: { hours: days * 24, before: true } }]
        : [];
    events.push({
      uid: `${a.id}@matters-arising`,
      title: `${a.reference}: ${a.details.length > 100 ? `${a.details.slice(0, 100)}…` : a.details || 'action due'}`,
      description: [a.details, owners ? `Action: ${owners}` : '', `${a.boardName}, agreed ${formatUkDate(a.origin.meetingDate)}`].filter(Boolean).join('\n'),
      start: dateArray(a.dueDate),
      end: nextDay(a.dueDate),
      categories: ['Action due'],
      alarms: [
        // Hours, not days: some calendars refuse the "-P7DT" the package writes for days.
        ...before,
        { action: 'display', description: `Action ${a.reference} is due today`, trigger: { hours: 9, before: false } },
      ],
    });
  }
  if (events.length === 0) {
    throw new DomainError('conflict', `None of these ${rows.length} actions has a due date, so there is nothing to add to a calendar.`);
  }
  const { error, value } = createEvents(events, { productId: '-//Matters Arising//Action dues//EN', calName: 'Action dues' });
  if (error || !value) throw new DomainError('conflict', `The calendar could not be made: ${error?.message ?? 'no events'}.`);
  return { filename: `Action dues ${today}.ics`, ics: value, events: events.length, alarms: alarmsInWords([...daysBefore.values()]), skipped };
}
