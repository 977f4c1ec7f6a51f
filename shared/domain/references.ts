// Action references: unique within a board, never reused, and readable because they name
// the meeting they came from. A board's format is date-fns tokens applied to the meeting
// date, plus {n} for the action's sequence in that meeting: 'yyyy-MM-dd/{n}' -> 2014-02-19/4.
import { addDays, addMonths, addYears, format } from 'date-fns';
import { TZDate } from '@date-fns/tz';

export const DEFAULT_REFERENCE_FORMAT = 'yyyy-MM-dd/{n}';
export const REFERENCE_FORMAT_MAX = 60;
export const SEQUENCE_TOKEN = '{n}';
export const MINUTES_TIME_ZONE = 'Europe/London';

/** date-fns letters that make sense for a meeting date (no times, no time zones). */
const DATE_TOKEN_LETTERS = new Set(['y', 'Y', 'u', 'R', 'G', 'Q', 'q', 'M', 'L', 'w', 'I', 'd', 'D', 'E', 'e', 'c', 'i']);

export type FormatCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks a reference format before a board adopts it. Letters outside single quotes are
 * date parts; anything else is printed as written.
 */
export function checkReferenceFormat(fmt: string): FormatCheck {
  if (fmt.trim() !== fmt || fmt.length === 0) return { ok: false, message: 'Enter a reference format, without spaces at either end.' };
  if (fmt.length > REFERENCE_FORMAT_MAX) {
    return { ok: false, message: `A reference format can be at most ${REFERENCE_FORMAT_MAX} characters.` };
  }
  const parts = fmt.split(SEQUENCE_TOKEN);
  if (parts.length !== 2) {
    return {
      ok: false,
      message:
        parts.length < 2
          ? 'A reference format needs {n} where the action’s number goes, for example yyyy-MM-dd/{n}.'
          : 'A reference format can have {n} only once.',
    };
  }
  if (/[\r\n\t]/.test(fmt)) return { ok: false, message: 'A reference format must be on one line.' };
  for (const part of parts) {
    const problem = checkDatePart(part);
    if (problem) return { ok: false, message: problem };
  }
  // date-fns refuses these (and warns on the console): week-numbering years and day-of-year.
  if (/[YD]/.test(fmt.replace(/'[^']*'?/g, ''))) {
    return { ok: false, message: 'Use yyyy for the year and dd for the day of the month (YYYY and DD mean something else).' };
  }
  let outputs: string[];
  try {
    const day = meetingDay('2014-02-19');
    outputs = [day, addDays(day, 1), addMonths(day, 1), addYears(day, 1), addYears(day, 10)].map((d) => formatReference(fmt, format(d, 'yyyy-MM-dd'), 1));
  } catch {
    return { ok: false, message: 'That reference format cannot be used; try one like yyyy-MM-dd/{n}.' };
  }
  // A reference must name its meeting: two different meeting days may never give the same one.
  if (new Set(outputs).size < outputs.length) {
    return {
      ok: false,
      message: 'The format must include the meeting’s day, month and year (for example yyyy-MM-dd), so references from different meetings never clash.',
    };
  }
  return { ok: true };
}

/** Why a format cannot be used, or null when it can (the form the settings screen shows). */
export function referenceFormatProblem(fmt: string): string | null {
  const check = checkReferenceFormat(fmt);
  return check.ok ? null : check.message;
}

function checkDatePart(part: string): string | null {
  let quoted = false;
  for (let i = 0; i < part.length; i += 1) {
    const ch = part[i] as string;
    if (ch === "'") {
      if (part[i + 1] === "'") {
        i += 1;
        continue;
      }
      quoted = !quoted;
      continue;
    }
    if (quoted || !/[A-Za-z]/.test(ch)) continue;
    if (!DATE_TOKEN_LETTERS.has(ch)) {
      return `“${ch}” is not a part of a date. Put letters you want printed as they are in single quotes, for example 'SSCB'-yyyy-MM-dd/{n}.`;
    }
  }
  if (quoted) return 'A quoted part of the reference format is not closed: add the closing single quote.';
  return null;
}

/** A meeting date (yyyy-MM-dd) as a calendar day in the UK, whatever the computer's zone. */
export function meetingDay(iso: string): TZDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, MINUTES_TIME_ZONE);
}

/** The reference of action number `n` of a meeting held on `meetingDate`. */
export function formatReference(fmt: string, meetingDate: string, n: number): string {
  const [before = '', after = ''] = fmt.split(SEQUENCE_TOKEN);
  const day = meetingDay(meetingDate);
  const render = (part: string): string => (part === '' ? '' : format(day, part));
  return `${render(before)}${n}${render(after)}`;
}

/**
 * The next sequence number to issue in a meeting: after every number ever issued there,
 * skipping any whose reference the board has already issued (two meetings on one day, or a
 * format that names only the month). Never returns a number whose reference is taken.
 */
export function nextReference(
  fmt: string,
  meetingDate: string,
  seqIssued: number,
  isTaken: (reference: string) => boolean,
  limit = 10_000,
): { seq: number; reference: string } {
  for (let seq = seqIssued + 1; seq <= seqIssued + limit; seq += 1) {
    const reference = formatReference(fmt, meetingDate, seq);
    if (!isTaken(reference)) return { seq, reference };
  }
  throw new RangeError('No free action reference could be found for this meeting.');
}
