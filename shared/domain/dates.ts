// Dates and times as the minutes print them: "19 February 2014", "11.00 am – 1.00 pm".
// Stored values are ISO dates (yyyy-MM-dd) and 24-hour clock times (HH:mm).
import { format, isValid, parse, parseISO } from 'date-fns';
import { MINUTES_TIME_ZONE } from './references';

export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = parseISO(value);
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** "2014-02-19" -> "19 February 2014" */
export function formatUkDate(iso: string): string {
  return format(parseISO(iso), 'd MMMM yyyy');
}

/** "2014-02-19" -> "Wed 19 Feb 2014", for dense lists. */
export function formatUkDateShort(iso: string): string {
  return format(parseISO(iso), 'EEE d MMM yyyy');
}

/** "13:00" -> "1.00 pm", as the minutes print times. */
export function formatClockTime(hhmm: string): string {
  const d = parse(hhmm, 'HH:mm', new Date(2000, 0, 1));
  return format(d, 'h.mm aaa');
}

/** "11:00", "13:00" -> "11.00 am – 1.00 pm"; either end may be missing. */
export function formatTimeRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatClockTime(start)} – ${formatClockTime(end)}`;
  if (start) return `from ${formatClockTime(start)}`;
  if (end) return `until ${formatClockTime(end)}`;
  return '';
}

/** Today's date in the user's local calendar as yyyy-MM-dd. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/**
 * An instant (ISO, e.g. "2026-11-27T01:10:00.000Z") in words as the minutes' own clock reads it
 * (MINUTES_TIME_ZONE, the same on every laptop, so a description synced between them agrees):
 * "27 November 2026 at 1.10 am". Anything that is not an instant is returned as it is.
 */
export function formatUkInstant(iso: string): string {
  const at = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || !isRealIsoDate(iso.slice(0, 10)) || Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: MINUTES_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatUkDate(`${part('year')}-${part('month')}-${part('day')}`)} at ${formatClockTime(`${part('hour')}:${part('minute')}`)}`;
}
