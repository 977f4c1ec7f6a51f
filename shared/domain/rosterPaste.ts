// A roster pasted in one go: a table copied from Word or Excel (tab-separated cells, perhaps
// with a header row) or lines as minutes print them ("Michael O'Connor, Independent Chair (MOC)",
// "Tina Hawkins – Board Senior Administrator"), read into one row per person.
import { looksLikeInitials } from './owners';

export interface PastedPerson {
  /** The line it came from, 1-based, so a problem can be pointed at. */
  line: number;
  fullName: string;
  /** Initials as pasted, or null when the paste gives none. */
  initials: string | null;
  role: string | null;
  organisation: string | null;
}

export interface PastedRoster {
  people: PastedPerson[];
  /** Lines that name no one (blank, a header row), with why they were left out. */
  skipped: Array<{ line: number; text: string; reason: string }>;
  /** More than ROSTER_PASTE_MAX people: the rest were left out. */
  truncated: number;
}

/** One paste adds at most this many people: a board's roster, with room to spare. */
export const ROSTER_PASTE_MAX = 300;
/** The most text a paste is read from (a 300-row table with long roles fits easily). */
export const ROSTER_PASTE_MAX_CHARS = 200_000;

const HEADER = /^(name|full name|member|initials|role|title|position|organi[sz]ation|agency|job title)$/i;
const tidy = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const orNull = (s: string): string | null => (s ? s : null);
/** Initials at the end of a line as minutes print them: "(MOC)", "[MOC]". */
const TRAILING_INITIALS = /\s*[([]\s*(\p{L}[\p{L}\p{N}]{0,7})\s*[)\]]\s*$/u;
/** "(Chair)", "(Minutes)" after a name: a mark of that meeting, not part of the name. */
const MEETING_MARK = /\s*\((chair|vice[ -]?chair|minutes)\)\s*/gi;

function fromCells(cells: string[], columns: Record<string, number> | null, line: number): PastedPerson | null {
  if (columns) {
    const at = (k: string): string => (columns[k] === undefined ? '' : tidy(cells[columns[k]]));
    const fullName = at('name').replace(MEETING_MARK, ' ').trim();
    if (!fullName) return null;
    return { line, fullName, initials: orNull(at('initials')), role: orNull(at('role')), organisation: orNull(at('organisation')) };
  }
  const values = cells.map(tidy).filter(Boolean);
  const fullName = (values.shift() ?? '').replace(MEETING_MARK, ' ').trim();
  if (!fullName) return null;
  // Name, then initials if the next cell looks like them, then role and organisation.
  const initials = values[0] && looksLikeInitials(values[0]) ? (values.shift() ?? null) : null;
  return { line, fullName, initials, role: orNull(values.shift() ?? ''), organisation: orNull(values.join(', ')) };
}

function fromText(text: string, line: number): PastedPerson | null {
  let rest = tidy(text).replace(/^[-•*·◦▪]\s+/, '');
  let initials: string | null = null;
  const trailing = TRAILING_INITIALS.exec(rest);
  if (trailing?.[1] && !/^(chair|vice[ -]?chair|minutes)$/i.test(trailing[1])) {
    initials = trailing[1];
    rest = rest.slice(0, trailing.index).trim();
  }
  rest = rest.replace(MEETING_MARK, ' ').replace(/\s+/g, ' ').trim();
  // "Name, Role", "Name – Role", "Name - Role", or "Name<tab-like spaces>Role".
  const split = /^(.+?)(?:\s*,\s*|\s+[–—-]\s+|\s{2,})(.+)$/.exec(rest);
  const fullName = tidy(split ? split[1] : rest);
  if (!fullName) return null;
  return { line, fullName, initials, role: split ? orNull(tidy(split[2])) : null, organisation: null };
}

/** Reads a paste into people, skipping blank lines and a header row. */
export function parseRosterPaste(text: string): PastedRoster {
  const lines = text.slice(0, ROSTER_PASTE_MAX_CHARS).split(/\r\n|\r|\n/);
  const people: PastedPerson[] = [];
  const skipped: PastedRoster['skipped'] = [];
  let columns: Record<string, number> | null = null;
  let truncated = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cells = raw.includes('\t') ? raw.split('\t') : null;
    if (cells && people.length === 0 && !columns && cells.some((c) => HEADER.test(tidy(c)))) {
      columns = {};
      cells.forEach((c, at) => {
        const h = tidy(c).toLowerCase();
        const key = /initials/.test(h) ? 'initials' : /organi[sz]ation|agency/.test(h) ? 'organisation' : /role|title|position/.test(h) ? 'role' : /name|member/.test(h) ? 'name' : null;
        if (key && columns && columns[key] === undefined) columns[key] = at;
      });
      if (columns.name === undefined) columns.name = 0;
      skipped.push({ line, text: tidy(raw), reason: 'The table’s header row.' });
      return;
    }
    const person = cells ? fromCells(cells, columns, line) : fromText(raw, line);
    if (!person) {
      skipped.push({ line, text: tidy(raw), reason: 'No name on this line.' });
      return;
    }
    if (people.length >= ROSTER_PASTE_MAX) {
      truncated++;
      return;
    }
    people.push(person);
  });
  return { people, skipped, truncated };
}
