// A board's action-reference format: date-fns tokens for the meeting date plus {n} for the
// action's sequence in its meeting ("yyyy-MM-dd/{n}" -> "2014-02-19/3"). References must
// name the meeting they came from, so two meetings can never produce the same one.
import { addDays, addMonths, addYears, format, parseISO } from 'date-fns';

export const DEFAULT_REFERENCE_FORMAT = 'yyyy-MM-dd/{n}';
export const MAX_REFERENCE_FORMAT_LENGTH = 60;
const SEQ = '{n}';

/** The reference of action `n` of a meeting held on `meetingDate` (ISO). Throws on a bad format. */
export function formatActionReference(pattern: string, meetingDate: string, n: number): string {
  const date = parseISO(meetingDate);
  return pattern
    .split(SEQ)
    .map((part) => (part.length > 0 ? format(date, part) : ''))
    .join(String(n));
}

function explain(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const letter = /unescaped latin alphabet character `(.)`/.exec(message);
  if (letter) {
    return `"${letter[1]}" is not a date code. Put plain text in single quotes, for example 'SSCB-'yyyy-MM-dd/{n}.`;
  }
  return 'The format could not be read. Use date codes such as yyyy, MM and dd, plus {n} for the action number.';
}

/** Why a format cannot be used, or null when it can. */
export function referenceFormatProblem(pattern: string): string | null {
  if (pattern.trim().length === 0) return 'Enter a reference format, for example yyyy-MM-dd/{n}.';
  if (pattern.length > MAX_REFERENCE_FORMAT_LENGTH) return `A reference format can be at most ${MAX_REFERENCE_FORMAT_LENGTH} characters.`;
  const seqCount = pattern.split(SEQ).length - 1;
  if (seqCount === 0) return 'The format must contain {n}, where the action’s number in its meeting goes.';
  if (seqCount > 1) return 'Use {n} only once in the format.';
  if (/[\r\n\t]/.test(pattern)) return 'The format cannot contain line breaks or tabs.';
  // date-fns refuses these (and warns on the console): week-numbering years and day-of-year.
  if (/[YD]/.test(pattern.replace(/'[^']*'?/g, ''))) {
    return 'Use yyyy for the year and dd for the day of the month (YYYY and DD mean something else).';
  }
  const base = '2014-02-19';
  let outputs: string[];
  try {
    const day = parseISO(base);
    outputs = [day, addDays(day, 1), addMonths(day, 1), addYears(day, 1), addYears(day, 10)].map((d) =>
      formatActionReference(pattern, format(d, 'yyyy-MM-dd'), 1),
    );
  } catch (err) {
    return explain(err);
  }
  if (new Set(outputs).size < outputs.length) {
    return 'The format must include the meeting’s day, month and year (for example yyyy-MM-dd), so references from different meetings never clash.';
  }
  return null;
}
