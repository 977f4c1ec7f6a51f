// A calendar date as typed into any date field (a meeting's date, joined and left, a correction):
// day first, as in the UK ("19/02/2014", "19.2.14", "19 February 2014", "Wed 19 Feb 2014"), or
// ISO as a date picker gives it. Whether the day exists is decided by the due column's rule
// (due.ts), so "31 February" gets the same message wherever it is typed.
import { format, parseISO } from 'date-fns';
import { dateFrom, MONTH_NAMES } from './due';
import { isRealIsoDate } from './dates';

export type DateReading = { kind: 'none' } | { kind: 'date'; date: string } | { kind: 'invalid'; message: string };

export const DATE_EXAMPLE = 'for example 19/02/2014 or 19 February 2014';

const MONTH_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$/;

function fullYear(y: string): number {
  return y.length <= 2 ? 2000 + Number(y) : Number(y);
}

function fromParts(day: number, month: number, year: number): DateReading {
  const reading = dateFrom(day, month, year);
  if (reading.kind === 'date') return { kind: 'date', date: reading.date };
  if (reading.kind === 'invalid') return { kind: 'invalid', message: reading.message };
  return { kind: 'invalid', message: `That is not a date: write it day first, ${DATE_EXAMPLE}.` };
}

/** Reads a typed date; nothing typed is `none`, anything else a date or the reason it is not one. */
export function readCalendarDate(typed: string): DateReading {
  const t = typed.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { kind: 'none' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$/.exec(t);
  if (m) return fromParts(Number(m[1]), Number(m[2]), fullYear(m[3] as string));
  const words = t.replace(/,/g, ' ').split(' ').filter(Boolean);
  // An optional weekday first ("Wednesday 19 February 2014"); then day, month, year in either order.
  if (words.length === 4 && /^[a-z]+$/.test(words[0] as string) && !MONTH_WORD.test(words[0] as string)) words.shift();
  if (words.length === 3) {
    const [a, b, c] = words as [string, string, string];
    const dayFirst = /^(\d{1,2})(st|nd|rd|th)?$/.exec(a);
    const daySecond = /^(\d{1,2})(st|nd|rd|th)?$/.exec(b);
    const month = (w: string): number => MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(w.slice(0, 3))) + 1;
    if (dayFirst && MONTH_WORD.test(b) && /^\d{4}$/.test(c)) return fromParts(Number(dayFirst[1]), month(b), Number(c));
    if (daySecond && MONTH_WORD.test(a) && /^\d{4}$/.test(c)) return fromParts(Number(daySecond[1]), month(a), Number(c));
  }
  if (/^\d{1,2}\s*[./-]\s*\d{1,2}$/.test(t) || /^\d{1,2}(st|nd|rd|th)? [a-z]+$/.test(t)) {
    return { kind: 'invalid', message: `Give the year too, ${DATE_EXAMPLE}.` };
  }
  return { kind: 'invalid', message: `That is not a date: write it day first, ${DATE_EXAMPLE}.` };
}

/** How a stored ISO date is shown in a date field: "19/02/2014". */
export function typedDate(iso: string): string {
  return isRealIsoDate(iso) ? format(parseISO(iso), 'dd/MM/yyyy') : iso;
}

/** The message for an ISO date that does not exist (the API's check), worded as everywhere else. */
export function isoDateProblem(iso: string): string | null {
  if (iso.trim() === '') return 'Enter a date.';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return `That is not a date: write it day first, ${DATE_EXAMPLE}.`;
  const reading = fromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return reading.kind === 'invalid' ? reading.message : null;
}
