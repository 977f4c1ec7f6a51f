// Starting the next meeting: when it is likely to be, and what its matters arising item is
// called. Dates are ISO yyyy-MM-dd calendar days in the UK.
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { formatUkDate } from './dates';
import { meetingDay } from './references';

/** Eight weeks: what a board with no cadence and no history most likely keeps to. */
export const DEFAULT_MEETING_GAP_DAYS = 56;

export type NextDateBasis = 'cadence' | 'gap' | 'default';

export interface NextDateSuggestion {
  date: string;
  basis: NextDateBasis;
  /** Days after the meeting it follows. */
  days: number;
}

/**
 * The date to suggest for the meeting after `fromDate`: the board's usual cadence, else the
 * gap between its last two meetings (up to and including `fromDate`), else eight weeks.
 * `earlierDates` are the board's meeting dates, in any order.
 */
export function suggestNextMeetingDate(fromDate: string, cadenceDays: number | null, earlierDates: readonly string[]): NextDateSuggestion {
  let days = DEFAULT_MEETING_GAP_DAYS;
  let basis: NextDateBasis = 'default';
  if (cadenceDays !== null && cadenceDays > 0) {
    days = cadenceDays;
    basis = 'cadence';
  } else {
    const before = [...new Set(earlierDates.filter((d) => d < fromDate))].sort();
    const previous = before[before.length - 1];
    if (previous) {
      const gap = differenceInCalendarDays(meetingDay(fromDate), meetingDay(previous));
      if (gap > 0) {
        days = gap;
        basis = 'gap';
      }
    }
  }
  return { date: format(addDays(meetingDay(fromDate), days), 'yyyy-MM-dd'), basis, days };
}

/** Why that date: shown under the date field. */
export function describeNextDateBasis(s: NextDateSuggestion): string {
  const weeks = s.days % 7 === 0 ? `${s.days / 7} week${s.days === 7 ? '' : 's'}` : `${s.days} day${s.days === 1 ? '' : 's'}`;
  switch (s.basis) {
    case 'cadence':
      return `Suggested from the board’s usual gap between meetings (${weeks}).`;
    case 'gap':
      return `Suggested from the gap between the board’s last two meetings (${weeks}).`;
    case 'default':
      return `Suggested as ${weeks} after this meeting; set the board’s usual gap in its settings.`;
  }
}

/** The first item of the next meeting: "Minutes and actions arising from 19 February 2014". */
export function mattersArisingTitle(previousDate: string): string {
  return `Minutes and actions arising from ${formatUkDate(previousDate)}`;
}

/** A recurring agenda's own "Minutes and actions arising" (or "Matters arising") item. */
export function isMattersArisingTitle(title: string): boolean {
  return /^\s*(?:(?:the\s+)?(?:draft\s+)?minutes\s+(?:and|&)\s+)?(?:actions|matters)\s+arising\b/i.test(title) || /^\s*minutes\s+of\s+the\s+(?:last|previous)\s+meeting/i.test(title);
}
