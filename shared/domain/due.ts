// When an action is due, from what the administrator types: "by 22.07", "22/07/2014",
// "next meeting", "to the September meeting", "end of March". Read relative to the date of
// the meeting that agreed the action, as a UK calendar day (Europe/London), day before month.
// Anything not understood is kept exactly as written; a date that cannot exist is refused.
import { addDays, addMonths, addWeeks, format, lastDayOfMonth } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { MINUTES_TIME_ZONE, meetingDay } from './references';

export type DueReading =
  /** Nothing typed. */
  | { kind: 'none' }
  /** A calendar date; `note` says how it was reached when that is not obvious ("end of March"). */
  | { kind: 'date'; date: string; note?: string }
  | { kind: 'next_meeting' }
  /** A meeting in a named month: "to the September meeting"; with `day`, "the 25th November meeting". */
  | { kind: 'meeting'; year: number; month: number; day?: number }
  /** Another group's next meeting ("next Health sub group"): its date is not known here, so the words are kept. */
  | { kind: 'group_meeting'; group: string }
  /** Not understood (ASAP, ongoing, tbc): kept as written. */
  | { kind: 'text' }
  /** Looks like a date but cannot be one (31/02): refused, with the reason. */
  | { kind: 'invalid'; message: string };

export const DUE_TEXT_MAX = 120;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_NAMES = MONTHS.map((m) => m[0]?.toUpperCase() + m.slice(1));
const MONTH_ALT = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*,?';
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, twelve: 12 };

function monthIndex(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
  return i >= 0 ? i + 1 : null;
}

const iso = (d: Date): string => format(d, 'yyyy-MM-dd');

/** The last day of a month as yyyy-MM-dd: the due date of "the September meeting" before it is set up. */
export function lastDayOfMonthIso(year: number, month: number): string {
  return iso(lastDayOfMonth(new TZDate(year, month - 1, 1, MINUTES_TIME_ZONE)));
}

function daysIn(year: number, month: number): number {
  return lastDayOfMonth(new TZDate(year, month - 1, 1, MINUTES_TIME_ZONE)).getDate();
}

/**
 * A date built from day/month/year parts, or the reason it cannot exist: the one rule (and
 * message) for every date the app reads, due or not (calendarDate.ts).
 */
export function dateFrom(day: number, month: number, year: number): DueReading {
  if (month < 1 || month > 12) {
    return { kind: 'invalid', message: `There is no month ${month}. Write dates day first, for example 22/07 for 22 July.` };
  }
  const name = MONTH_NAMES[month - 1] as string;
  if (day < 1 || day > daysIn(year, month)) {
    if (month === 2 && day === 29) return { kind: 'invalid', message: `29 February ${year} does not exist: ${year} is not a leap year.` };
    return { kind: 'invalid', message: `${day} ${name} does not exist${day <= 31 ? ` (${name} has ${daysIn(year, month)} days)` : ''}.` };
  }
  return { kind: 'date', date: iso(new TZDate(year, month - 1, day, MINUTES_TIME_ZONE)) };
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/**
 * A day and month with no year: the first such day on or after the meeting. So 29/02 is
 * refused when that year has no 29 February, rather than silently moved to another year.
 */
function nextDayMonth(day: number, month: number, meeting: TZDate): DueReading {
  const meetingMonth = meeting.getMonth() + 1;
  const passed = month < meetingMonth || (month === meetingMonth && day < meeting.getDate());
  return dateFrom(day, month, passed ? meeting.getFullYear() + 1 : meeting.getFullYear());
}

/** The first (year, month) strictly after the meeting's month: "the September meeting". */
function nextMonthAfter(month: number, meeting: TZDate): { year: number; month: number } {
  const y = meeting.getFullYear();
  return month > meeting.getMonth() + 1 ? { year: y, month } : { year: y + 1, month };
}

/** The end of the first such month that ends on or after the meeting: "end of March". */
function monthEnd(month: number, meeting: TZDate, explicitYear?: number): DueReading {
  const y = explicitYear ?? (month >= meeting.getMonth() + 1 ? meeting.getFullYear() : meeting.getFullYear() + 1);
  const end = lastDayOfMonth(new TZDate(y, month - 1, 1, MINUTES_TIME_ZONE));
  return { kind: 'date', date: iso(end), note: `end of ${MONTH_NAMES[month - 1]}` };
}

/** The end of the first such financial quarter ending on or after the meeting (`fy`: the year its financial year starts). */
function quarterEnd(q: number, meeting: TZDate, fy?: number): DueReading {
  const endMonth = QUARTER_END_MONTH[q - 1] as number;
  const note = `end of Q${q} (${QUARTER_SPAN[q - 1]})`;
  if (fy !== undefined) {
    const year = q === 4 ? fy + 1 : fy;
    return { kind: 'date', date: lastDayOfMonthIso(year, endMonth), note };
  }
  const meetingIso = iso(meeting);
  for (let year = meeting.getFullYear(); ; year++) {
    const date = lastDayOfMonthIso(year, endMonth);
    if (date >= meetingIso) return { kind: 'date', date, note };
  }
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:!]+$/, '')
    .trim();
}

const LEAD = /^(?:(?:by|before|for|to|at|on|in|due|until|till|no later than|not later than|ready for|report(?:ed)? (?:back )?to|(?:come )?back to|bring (?:back )?to|the)\s+)+/;

/** What names a board's own meeting after a month: "meeting", "board", or a board's initials (SSCB, LSCB, SAB). */
const MEETING_WORD = '(?:meeting|board|exec|executive|session|[a-z]{1,5}(?:cb|ab|sb|wb))';
/** What names another group, whose meetings this board does not hold. */
const GROUP_WORD = /\b(?:sub[- ]?groups?|groups?|panels?|committees?|forums?|networks?)$/;

/** UK financial-year quarters: Q1 April to June ... Q4 January to March; each by the month it ends. */
const QUARTER_END_MONTH = [6, 9, 12, 3] as const;
const QUARTER_SPAN = ['April to June', 'July to September', 'October to December', 'January to March'] as const;

/** Reads what was typed in the due column. `meetingDate` is the meeting's yyyy-MM-dd date. */
export function readDue(typed: string, meetingDate: string): DueReading {
  const raw = normalise(typed);
  if (raw === '' || raw === '-' || raw === '–') return { kind: 'none' };
  const meeting = meetingDay(meetingDate);
  const t = raw.replace(LEAD, '').replace(/\s+(?:at the latest|latest|please)$/, '').trim();

  // Another group's next meeting ("next Health sub group"): kept as written, with no date.
  const group = /^next\s+(.+?)(?:\s+meeting)?$/.exec(t);
  if (group?.[1] && GROUP_WORD.test(group[1])) {
    // The group as typed (its capitals kept): the words after "next", without a closing "meeting".
    const asTyped = /\bnext\s+(.+?)(?:\s+meeting)?[\s.,;:!]*$/i.exec(typed.replace(/\s+/g, ' '));
    return { kind: 'group_meeting', group: asTyped?.[1] ?? group[1] };
  }

  // Meetings: "next meeting", "the next board", "next exec board meeting", "September meeting",
  // "April's SSCB", "November board", "the 25th November meeting".
  if (/\bnext\b/.test(t) && /\b(?:meeting|board|exec|executive|session)\b/.test(t)) return { kind: 'next_meeting' };
  const monthMeeting = new RegExp(
    `^(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${MONTH_ALT})(?:\\s+(\\d{4}))?(?:'s)?\\s+(?:[a-z]+\\s+){0,3}?${MEETING_WORD}$`,
  ).exec(t);
  if (monthMeeting?.[2]) {
    const month = monthIndex(monthMeeting[2]) as number;
    if (monthMeeting[1]) {
      const day = Number(monthMeeting[1]);
      const on = monthMeeting[3] ? dateFrom(day, month, Number(monthMeeting[3])) : nextDayMonth(day, month, meeting);
      if (on.kind !== 'date') return on;
      return { kind: 'meeting', year: Number(on.date.slice(0, 4)), month, day };
    }
    if (monthMeeting[3]) return { kind: 'meeting', year: Number(monthMeeting[3]), month };
    return { kind: 'meeting', ...nextMonthAfter(month, meeting) };
  }

  // Quarters of the financial year: "Q2", "by Q3 2014/15".
  const quarter = /^q([1-4])(?:\s+(\d{4})(?:\s*[/-]\s*\d{2,4})?)?$/.exec(t);
  if (quarter?.[1]) return quarterEnd(Number(quarter[1]), meeting, quarter[2] ? Number(quarter[2]) : undefined);

  // ISO, as the date picker gives it.
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return dateFrom(Number(m[3]), Number(m[2]), Number(m[1]));

  // Day first: 22/07/2014, 22.07.14, 2-9-14, and 22.07 (the next 22 July).
  m = /^(?:(?:w\/?c|week commencing)\s+)?(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    return m[3] ? dateFrom(day, month, fullYear(m[3])) : nextDayMonth(day, month, meeting);
  }

  // Words: "22 July 2014", "22nd July", "Friday 22 July", "July 22", "July 22nd 2014".
  m = new RegExp(`^(?:(?:w\\/?c|week commencing)\\s+)?(?:${WEEKDAY}\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(${MONTH_ALT})(?:\\s+(\\d{4}|'\\d{2}))?$`).exec(t);
  if (m?.[2]) {
    const month = monthIndex(m[2]) as number;
    return m[3] ? dateFrom(Number(m[1]), month, fullYear(m[3].replace("'", ''))) : nextDayMonth(Number(m[1]), month, meeting);
  }
  m = new RegExp(`^(?:${WEEKDAY}\\s+)?(${MONTH_ALT})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`).exec(t);
  if (m?.[1]) {
    const month = monthIndex(m[1]) as number;
    return m[3] ? dateFrom(Number(m[2]), month, Number(m[3])) : nextDayMonth(Number(m[2]), month, meeting);
  }

  // Ends of periods: "end of March", "end March", "March end", "end of the month", "end of year".
  m = new RegExp(`^(?:the\\s+)?(?:end\\s+(?:of\\s+)?(?:the\\s+)?(${MONTH_ALT})|(${MONTH_ALT})\\s+end)(?:\\s+(\\d{4}))?$`).exec(t);
  if (m) {
    const word = (m[1] ?? m[2]) as string;
    return monthEnd(monthIndex(word) as number, meeting, m[3] ? Number(m[3]) : undefined);
  }
  if (/^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month$/.test(t)) return monthEnd(meeting.getMonth() + 1, meeting);
  if (/^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:calendar\s+)?year$/.test(t)) {
    return { kind: 'date', date: `${meeting.getFullYear()}-12-31`, note: 'end of the year' };
  }
  if (/^(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?financial\s+year$/.test(t)) {
    const y = meeting.getMonth() + 1 <= 3 ? meeting.getFullYear() : meeting.getFullYear() + 1;
    return { kind: 'date', date: `${y}-03-31`, note: 'end of the financial year' };
  }

  // A month on its own: "April", "April 2015" means by the end of it.
  m = new RegExp(`^(?:the\\s+)?(${MONTH_ALT})(?:\\s+(\\d{4}))?$`).exec(t);
  if (m?.[1]) return monthEnd(monthIndex(m[1]) as number, meeting, m[2] ? Number(m[2]) : undefined);

  // Periods after the meeting: "within 2 weeks", "in one month", "next week", "10 days".
  if (/^next\s+week$/.test(t)) return { kind: 'date', date: iso(addWeeks(meeting, 1)), note: 'a week after the meeting' };
  if (/^next\s+month$/.test(t)) return monthEnd(((meeting.getMonth() + 1) % 12) + 1, meeting);
  m = /^(?:within\s+|in\s+)?(\d{1,3}|a|an|one|two|three|four|five|six|eight|twelve)\s+(day|week|month)s?(?:\s+time)?$/.exec(t);
  if (m?.[1] && m[2]) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : (NUMBER_WORDS[m[1]] as number);
    const unit = m[2];
    const date = unit === 'day' ? addDays(meeting, n) : unit === 'week' ? addWeeks(meeting, n) : addMonths(meeting, n);
    return { kind: 'date', date: iso(date), note: `${n} ${unit}${n === 1 ? '' : 's'} after the meeting` };
  }

  // Something date-like that failed every reading above is still kept as written.
  return { kind: 'text' };
}

/** How a reading is shown beside the due column: "→ 22 July 2014", "→ the next meeting". */
export function describeDue(reading: DueReading): string {
  switch (reading.kind) {
    case 'none':
      return '';
    case 'date': {
      const d = format(meetingDay(reading.date), 'd MMMM yyyy');
      return reading.note ? `→ ${d} (${reading.note})` : `→ ${d}`;
    }
    case 'next_meeting':
      return '→ the next meeting';
    case 'meeting':
      return reading.day
        ? `→ the meeting of ${reading.day} ${MONTH_NAMES[reading.month - 1]} ${reading.year}`
        : `→ the ${MONTH_NAMES[reading.month - 1]} ${reading.year} meeting`;
    case 'group_meeting':
      return `Kept as written: the next meeting of ${reading.group} has no date here`;
    case 'text':
      return 'Kept as written (not read as a date or a meeting)';
    case 'invalid':
      return reading.message;
  }
}
