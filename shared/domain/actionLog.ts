// The action log a chair reads before each meeting: every outstanding action, who owes it and
// whether it is overdue. Filtering, sorting, counts per owner and the CSV export live here so
// that the screen, the CSV and the PDF all show exactly the same rows.
import { format } from 'date-fns';
import { tz } from '@date-fns/tz';
import type { ActionLogFilter, ActionLogOwner, ActionLogSort, ActionLogSortKey, ActionStatus, OutstandingAction, OwnerCount } from '../contract';
import { ACTION_STATUS_LABEL } from './actionStatus';
import { toCsv, ukCsvDate } from './csv';
import { formatUkDate } from './dates';
import { formatOwners, isToBeConfirmed, ownerFullName, ownerLabel, ownerSearchText, TBC_LABEL } from './owners';
import { MINUTES_TIME_ZONE } from './references';

export const DEFAULT_SORT: ActionLogSort = { by: 'due', descending: false };

/** Today's date in the UK (yyyy-MM-dd), whatever the computer's own time zone: what "overdue" is measured against. */
export function londonToday(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd', { in: tz(MINUTES_TIME_ZONE) });
}

/** Overdue: due before the day in question (an action due today is not overdue yet). */
export function isOverdue(dueDate: string | null, asOf: string): boolean {
  return dueDate !== null && dueDate < asOf;
}

/** The key an owner is filtered by: one person across every board, one group, one name as written. */
export function ownerKey(
  owner: { kind: 'member'; personId: string } | { kind: 'guest'; attendanceId: string } | { kind: 'group'; groupId: string } | { kind: 'name'; name: string },
): string {
  if (owner.kind === 'member') return `person:${owner.personId}`;
  // A guest is one person at one meeting: their attendance row.
  if (owner.kind === 'guest') return `guest:${owner.attendanceId}`;
  if (owner.kind === 'group') return `group:${owner.groupId}`;
  // Every way of writing "to be confirmed" is one owner in the filters and counts.
  if (isToBeConfirmed(owner.name)) return 'tbc';
  return `name:${owner.name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB')}`;
}

/** How the log's "look for" compares text: case and compatibility forms folded. */
export const foldLogText = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('en-GB');
const fold = foldLogText;

/** The parts of a row the log's "look for" searches. */
export type LogTextParts = Pick<OutstandingAction, 'reference' | 'details' | 'boardName' | 'boardShortCode' | 'owners'> & {
  due: Pick<OutstandingAction['due'], 'text'>;
  latestUpdate: { text: string } | null;
  origin: Pick<OutstandingAction['origin'], 'itemTitle'>;
};

/** Whether a row holds `needle` (already folded by foldLogText) anywhere the log shows text. */
export function matchesText(a: LogTextParts, needle: string): boolean {
  const haystack = [
    a.reference,
    a.details,
    a.boardName,
    a.boardShortCode ?? '',
    a.due.text ?? '',
    a.latestUpdate?.text ?? '',
    a.origin.itemTitle ?? '',
    ...a.owners.map((o) => ownerSearchText(o)),
  ].join('\n');
  return fold(haystack).includes(needle);
}

/** The rows a filter keeps. Every part of the filter must match (an empty part matches all). */
export function filterActionLog(rows: readonly OutstandingAction[], filter: ActionLogFilter): OutstandingAction[] {
  const needle = fold((filter.text ?? '').trim());
  return rows.filter(
    (a) =>
      (!filter.boardId || a.boardId === filter.boardId) &&
      (!filter.owner || a.owners.some((o) => o.key === filter.owner)) &&
      (!filter.status || a.status === filter.status) &&
      (!filter.overdue || filter.overdue === 'any' || (filter.overdue === 'overdue') === a.overdue) &&
      (!filter.dueFrom || (a.dueDate !== null && a.dueDate >= filter.dueFrom)) &&
      (!filter.dueTo || (a.dueDate !== null && a.dueDate <= filter.dueTo)) &&
      (!filter.originMeetingId || a.origin.meetingId === filter.originMeetingId) &&
      (!needle || matchesText(a, needle)),
  );
}

const STATUS_ORDER: Record<ActionStatus, number> = { open: 0, in_progress: 1, deferred: 2, done: 3, dropped: 4, superseded: 5 };
const text = (a: string, b: string): number => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true });

const binary = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Where an action was raised: its meeting's date, then its number there, then its id (two boards
 * meeting on one day). Plain comparisons only, so that SQL orders the log's windows the same way
 * (electron/core/actionLog/window.ts).
 */
function byRaised(a: OutstandingAction, b: OutstandingAction): number {
  return binary(a.origin.meetingDate, b.origin.meetingDate) || a.seq - b.seq || binary(a.id, b.id);
}

function compareBy(key: ActionLogSortKey, a: OutstandingAction, b: OutstandingAction): number {
  switch (key) {
    case 'due':
      // No due date sorts after every date, whichever way the rest is sorted.
      if (a.dueDate === b.dueDate) return 0;
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    case 'reference':
      return text(a.boardShortCode ?? a.boardName, b.boardShortCode ?? b.boardName) || byRaised(a, b);
    case 'raised':
      return byRaised(a, b);
    case 'owner':
      return text(firstOwnerSortLabel(a.owners), firstOwnerSortLabel(b.owners));
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'carried':
      return a.timesCarried - b.timesCarried;
    case 'board':
      return text(a.boardName, b.boardName);
  }
}

/** A stable sort: ties fall back to due date, then where the action was raised. */
export function sortActionLog(rows: readonly OutstandingAction[], sort: ActionLogSort = DEFAULT_SORT): OutstandingAction[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const primary = compareBy(sort.by, a, b);
    // "No due date" stays last even when the dates run newest first.
    if (sort.by === 'due' && (a.dueDate === null) !== (b.dueDate === null)) return primary;
    return sign * primary || compareBy('due', a, b) || byRaised(a, b);
  });
}

export type { OwnerCount };

/** Who owes what: each owner with their actions among the rows (an action shared by two counts for both). */
export function ownerCounts(rows: readonly OutstandingAction[]): OwnerCount[] {
  const counts = new Map<string, OwnerCount>();
  for (const a of rows) {
    for (const o of a.owners) {
      let c = counts.get(o.key);
      if (!c) {
        c = ownerCount(o, 0, 0);
        counts.set(o.key, c);
      }
      c.count += 1;
      if (a.overdue) c.overdue += 1;
    }
  }
  return sortOwnerCounts([...counts.values()]);
}

/** One owner's count as the log shows it (a "to be confirmed" name under one label). */
export function ownerCount(o: ActionLogOwner, count: number, overdue: number): OwnerCount {
  return { key: o.key, label: o.kind === 'name' && isToBeConfirmed(o.name) ? TBC_LABEL : ownerLabel(o), fullName: ownerFullName(o), kind: o.kind, count, overdue };
}

/** Most actions first, then most overdue, then by name; two owners under one label (the same initials on two boards) by their key, so every reader lists them alike. */
export function sortOwnerCounts(counts: OwnerCount[]): OwnerCount[] {
  return counts.sort((a, b) => b.count - a.count || b.overdue - a.overdue || text(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The order the log's text sorts use (boards, owners): letters before case, numbers as numbers. */
export const compareLogText = (a: string, b: string): number => text(a, b);

/** The label an action is sorted by under "owner": its first owner's, or after everyone when it has none. */
export const firstOwnerSortLabel = (owners: readonly ActionLogOwner[]): string => (owners[0] ? ownerLabel(owners[0]) : NO_OWNER_SORTS_AS);
const NO_OWNER_SORTS_AS = '\uffff';

/** The order of the statuses under "status". */
export const STATUS_SORT_ORDER = STATUS_ORDER;

/** Actions nobody owns: the chair's first question. */
export const NO_OWNER_LABEL = 'No owner';

/** "EA – Elaine Allegretti", "CSE subgroup", "tbc": how an owner is offered in the filter. */
export function ownerOptionLabel(c: Pick<OwnerCount, 'label' | 'fullName'>): string {
  return c.fullName ? `${c.label} – ${c.fullName}` : c.label;
}

/** How a due is shown in lists: the date if known, else what was typed, else nothing. */
export function dueLabel(a: Pick<OutstandingAction, 'due' | 'dueDate'>): string {
  if (a.dueDate) {
    if (a.due.kind === 'next_meeting') return `Next meeting (${formatUkDate(a.dueDate)})`;
    return formatUkDate(a.dueDate);
  }
  if (a.due.kind === 'next_meeting') return 'Next meeting (not yet set)';
  return a.due.text ?? '';
}

/** A sentence describing the filter, for the PDF and the empty state: "Owner EA; overdue only". */
export function describeFilter(filter: ActionLogFilter, names: { board?: string; owner?: string; meeting?: string }): string {
  const parts: string[] = [];
  if (filter.boardId) parts.push(`board: ${names.board ?? 'one board'}`);
  if (filter.owner) parts.push(`owner: ${names.owner ?? 'one owner'}`);
  if (filter.status) parts.push(`status: ${ACTION_STATUS_LABEL[filter.status].toLowerCase()}`);
  if (filter.overdue === 'overdue') parts.push('overdue only');
  if (filter.overdue === 'not_overdue') parts.push('not overdue');
  if (filter.dueFrom && filter.dueTo) parts.push(`due ${formatUkDate(filter.dueFrom)} to ${formatUkDate(filter.dueTo)}`);
  else if (filter.dueFrom) parts.push(`due on or after ${formatUkDate(filter.dueFrom)}`);
  else if (filter.dueTo) parts.push(`due by ${formatUkDate(filter.dueTo)}`);
  if (filter.originMeetingId) parts.push(`raised at ${names.meeting ?? 'one meeting'}`);
  if (filter.text?.trim()) parts.push(`containing “${filter.text.trim()}”`);
  return parts.length === 0 ? 'All outstanding actions' : `Outstanding actions, ${parts.join('; ')}`;
}

export const ACTION_LOG_CSV_HEADER = [
  'Reference',
  'Board',
  'Details',
  'Owners',
  'Due',
  'Due date',
  'Overdue',
  'Status',
  'Raised at meeting',
  'Item',
  'Times carried',
  'Latest update',
  'Latest update at',
] as const;

/** The action log as CSV for Excel, one row per action, in the order given. */
export function actionLogCsv(rows: readonly OutstandingAction[]): string {
  return toCsv(
    ACTION_LOG_CSV_HEADER,
    rows.map((a) => [
      a.reference,
      a.boardName,
      a.details,
      formatOwners(a.owners),
      a.due.text ?? (a.due.kind === 'next_meeting' ? 'next meeting' : ''),
      ukCsvDate(a.dueDate),
      a.overdue ? 'Yes' : 'No',
      ACTION_STATUS_LABEL[a.status],
      ukCsvDate(a.origin.meetingDate),
      a.origin.itemNumber ? `${a.origin.itemNumber}${a.origin.itemTitle ? ` ${a.origin.itemTitle}` : ''}` : '',
      a.timesCarried,
      a.latestUpdate?.text ?? '',
      ukCsvDate(a.latestUpdate?.meetingDate ?? null),
    ]),
  );
}
