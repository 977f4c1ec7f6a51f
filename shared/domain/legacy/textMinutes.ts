// Reads legacy minutes in the layout their published text has (the fixtures' layout): the header
// block, Present / Apologies tables, numbered items, "Decisions and/or actions agreed" tables,
// and the running page header repeated mid-text, which is removed and the split sentence joined.
import { isRealIsoDate } from '../dates';
import { decisionSentences } from './decisions';
import { LINE_IN_CELL } from './html';
import { NotMinutesError, type LegacyAction, type LegacyItem, type LegacyMeeting, type LegacyPerson } from './model';
import { meetingWarnings } from './warnings';

const HEADER = /^minutes\s+(?:and|&)\s+actions\s*$/i;
const SUBHEADER = /^minutes\s+(?:and|&)\s+actions\s*$/i;
const TABLE_TITLE = /^decisions\s+(?:and\/or|and|or|&)\s+actions\s+agreed\s*$/i;
const ITEM_HEADING = /^(\d{1,2}(?:[a-z]|\.\d{1,2})?)\.?\s+([A-Z'"‘“(].{0,299})$/;
const DEFERRED = /\b(?:this\s+)?item\s+was\s+deferred\b/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "19 February 2014" (or "Wednesday 19th February 2014") as yyyy-MM-dd; null if not a date. */
export function readPrintedDate(line: string): string | null {
  const m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$/.exec(line.trim());
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.startsWith((m[2] as string).toLowerCase().slice(0, 3)) && (m[2] as string).length >= 3);
  if (month < 0) return null;
  const iso = `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
  return isRealIsoDate(iso) ? iso : null;
}

/** "11.00 am – 1.00pm", "1.00pm – 3.00pm", "10:30 - 12:30" as 24-hour start and end. */
export function readPrintedTimes(line: string): { start: string; end: string | null } | null {
  const part = /(\d{1,2})(?:[.:](\d{2}))?\s*(am|pm|noon)?/i;
  const [first, second] = line.split(/\s*[–—-]\s*|\s+to\s+/i);
  const a = first ? part.exec(first.trim()) : null;
  if (!a || !/^\s*\d/.test(first ?? '')) return null;
  const b = second ? part.exec(second.trim()) : null;
  const clock = (h: number, min: number, suffix: string | undefined): string | null => {
    let hour = h;
    const s = suffix?.toLowerCase();
    if (s === 'pm' && hour < 12) hour += 12;
    if (s === 'am' && hour === 12) hour = 0;
    if (hour > 23 || min > 59) return null;
    return `${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  };
  const endSuffix = b?.[3];
  // "10.30 – 12.30pm": a start without its own am/pm takes the end's when that keeps it earlier.
  const startSuffix = a[3] ?? (endSuffix && Number(a[1]) <= Number(b?.[1] ?? 0) && Number(b?.[1]) !== 12 ? endSuffix : undefined);
  const start = clock(Number(a[1]), Number(a[2] ?? 0), startSuffix);
  if (!start) return null;
  const end = b ? clock(Number(b[1]), Number(b[2] ?? 0), endSuffix) : null;
  return { start, end: end && end > start ? end : null };
}

/** "Next meeting: 02.09.14 10.30 – 12.30 Room G02b, 160 Tooley Street, SE1": date, start time, venue. */
export function readNextMeeting(line: string): { date: string | null; time: string | null; venue: string | null } {
  let rest = line.replace(/^next\s+meeting\s*:?\s*/i, '').trim();
  let date: string | null = null;
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b\s*/.exec(rest);
  const words = /^(?:[A-Za-z]+,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\b\s*/.exec(rest);
  if (numeric) {
    const year = (numeric[3] as string).length === 2 ? `20${numeric[3]}` : (numeric[3] as string);
    const iso = `${year}-${(numeric[2] as string).padStart(2, '0')}-${(numeric[1] as string).padStart(2, '0')}`;
    date = isRealIsoDate(iso) ? iso : null;
    rest = rest.slice(numeric[0].length);
  } else if (words) {
    date = readPrintedDate(words[0].replace(/,/g, ''));
    rest = rest.slice(words[0].length);
  }
  rest = rest.replace(/^[,;\s]+/, '');
  const times = /^(\d{1,2}[.:]\d{2}\s*(?:am|pm)?(?:\s*[–—-]\s*\d{1,2}[.:]\d{2}\s*(?:am|pm)?)?)\s*,?\s*/i.exec(rest);
  const time = times ? (readPrintedTimes(times[1] as string)?.start ?? null) : null;
  if (times) rest = rest.slice(times[0].length);
  const venue = rest.replace(/^[,;\s]+/, '').trim();
  return { date, time, venue: venue || null };
}

interface HeaderBlock {
  board: string;
  date: string;
  start: string | null;
  end: string | null;
  /** Lines the block takes, from its first. */
  length: number;
}

/** The running header at line `i`: "Minutes and Actions" / board / date / time [/ "Minutes and actions"], blank lines between allowed. */
function headerAt(lines: readonly string[], i: number): HeaderBlock | null {
  if (!HEADER.test(lines[i] ?? '')) return null;
  const next = (from: number): number => {
    let j = from;
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    return j;
  };
  const boardAt = next(i + 1);
  const dateAt = next(boardAt + 1);
  const board = (lines[boardAt] ?? '').trim();
  const date = readPrintedDate(lines[dateAt] ?? '');
  if (!board || !date) return null;
  const timesAt = next(dateAt + 1);
  const times = readPrintedTimes(lines[timesAt] ?? '');
  let end = times ? timesAt + 1 : dateAt + 1;
  const sub = next(end);
  if (SUBHEADER.test(lines[sub] ?? '')) end = sub + 1;
  return { board, date, start: times?.start ?? null, end: times?.end ?? null, length: end - i };
}

/** A table row's cells; a cell's own lines (LINE_IN_CELL, from a Word table) are kept as lines. */
const cells = (line: string): string[] =>
  line.split('\t').map((c) =>
    c
      .split(LINE_IN_CELL)
      .map((l) => l.replace(/[ \t\r\n\f\v\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n'),
  );

const NOTE = /^(.*?)\s*(?:\((chair|vice[- ]chair|minutes)\)|\s[–—-]\s*((?:items?)\s+[\w ,&]+))\s*$/i;

function personRow(line: string, withInitials: boolean): LegacyPerson | null {
  const [rawName = '', second = '', ...rest] = cells(line);
  if (!rawName) return null;
  const m = NOTE.exec(rawName);
  const name = (m ? (m[1] as string) : rawName).trim();
  const mark = m ? (m[2] ?? m[3] ?? null) : null;
  const note = mark ? (/^vice/i.test(mark) ? 'Vice Chair' : /^items?\b/i.test(mark) ? mark.replace(/^items?/i, (w) => w[0]?.toUpperCase() + w.slice(1).toLowerCase()) : mark[0]?.toUpperCase() + mark.slice(1).toLowerCase()) : null;
  const initials = withInitials && second ? second : null;
  const role = (withInitials ? rest : [second, ...rest]).filter(Boolean).join(', ') || (withInitials ? null : null);
  return { name, initials: initials || null, role: role || null, note };
}

/** Action details with list markup left by a PDF extraction: the list becomes "- " lines. */
function cleanDetails(details: string): { text: string; hadMarkup: boolean } {
  if (!/<\/?(?:ul|ol|li)\b[^>]*>/i.test(details)) return { text: details, hadMarkup: false };
  const stripped = details.replace(/<\/?(?:ul|ol|li)\b[^>]*>/gi, ' ');
  const [lead = '', ...entries] = stripped.split(/\s+-\s+/);
  const lines = [lead.trim(), ...entries.map((e) => `- ${e.trim()}`)].filter((l) => l && l !== '-');
  return { text: lines.join('\n'), hadMarkup: true };
}

interface Block {
  kind: 'para' | 'row';
  text: string;
  /** After a page header: may continue the sentence before it. */
  afterPageBreak: boolean;
}

/** Joins the paragraph split by a page header: the part before it ends mid-sentence. */
function pushPara(blocks: Block[], text: string, afterPageBreak: boolean): void {
  const last = blocks[blocks.length - 1];
  if (afterPageBreak && last && last.kind === 'para' && !/[.!?:]["')]?$/.test(last.text) && !TABLE_TITLE.test(last.text)) {
    last.text = `${last.text} ${text}`;
    return;
  }
  blocks.push({ kind: 'para', text, afterPageBreak });
}

/** Splits text holding one or more meetings into each meeting's lines, page headers removed. */
function splitMeetings(text: string): Array<{ header: HeaderBlock; body: Array<{ line: string; afterPageBreak: boolean }> }> {
  // A form feed (a page break in text taken out of a PDF) ends a line like any other.
  const lines = text.replace(/\r\n?|\f/g, '\n').replace(/\u00a0/g, ' ').split('\n');
  const meetings: Array<{ header: HeaderBlock; body: Array<{ line: string; afterPageBreak: boolean }> }> = [];
  let pageBreak = false;
  for (let i = 0; i < lines.length; ) {
    const header = headerAt(lines, i);
    const current = meetings[meetings.length - 1];
    if (header) {
      if (!current || current.header.date !== header.date || current.header.board !== header.board) {
        meetings.push({ header, body: [] });
        pageBreak = false;
      } else {
        pageBreak = true;
      }
      i += header.length;
      continue;
    }
    const line = (lines[i] ?? '').replace(/\s+$/, '');
    i++;
    if (!current) {
      if (line.trim()) throw new NotMinutesError('This file does not start like minutes: the first lines should be "Minutes and Actions", the board, the date and the time.');
      continue;
    }
    if (line.trim() === '') continue;
    current.body.push({ line, afterPageBreak: pageBreak });
    pageBreak = false;
  }
  return meetings;
}

function readMeeting(header: HeaderBlock, body: Array<{ line: string; afterPageBreak: boolean }>): LegacyMeeting {
  const meeting: LegacyMeeting = {
    board: header.board,
    date: header.date,
    start: header.start,
    end: header.end,
    venue: null,
    present: [],
    apologies: [],
    inAttendance: [],
    items: [],
    next: null,
    warnings: [],
  };
  let section: 'none' | 'present' | 'apologies' | 'attendance' | 'item' | 'table' = 'none';
  let item: { head: LegacyItem; blocks: Block[] } | null = null;
  const items: Array<{ head: LegacyItem; blocks: Block[] }> = [];
  let markupRefs: string[] = [];
  for (const { line, afterPageBreak } of body) {
    const trimmed = line.trim();
    if (/^present\s*:?\s*$/i.test(trimmed)) {
      section = 'present';
      continue;
    }
    if (/^apologies\s*:?\s*$/i.test(trimmed)) {
      section = 'apologies';
      continue;
    }
    if (/^in\s+attendance\s*:?\s*$/i.test(trimmed)) {
      section = 'attendance';
      continue;
    }
    if (/^next\s+meeting\s*:/i.test(trimmed)) {
      meeting.next = readNextMeeting(trimmed);
      continue;
    }
    const heading = ITEM_HEADING.exec(trimmed);
    if (heading && !line.includes('\t') && !/[.]$/.test(heading[2] as string)) {
      item = { head: { number: heading[1] as string, title: (heading[2] as string).trim(), discussion: [], decisions: [], actions: [], deferred: false }, blocks: [] };
      items.push(item);
      section = 'item';
      continue;
    }
    if (section === 'present' || section === 'apologies' || section === 'attendance') {
      const person = personRow(line, section !== 'apologies');
      if (person) (section === 'present' ? meeting.present : section === 'apologies' ? meeting.apologies : meeting.inAttendance).push(person);
      continue;
    }
    if (!item) continue;
    const row = cells(line);
    if (TABLE_TITLE.test(row[0] ?? '')) {
      section = 'table';
      continue;
    }
    if (section === 'table') {
      if (/^ref(?:erence)?\.?$/i.test(row[0] ?? '')) continue;
      if (/^\d+[a-z]?$/.test(row[0] ?? '') && row.length >= 2) {
        const cleaned = cleanDetails(row[1] ?? '');
        if (cleaned.hadMarkup) markupRefs.push(row[0] as string);
        const action: LegacyAction = { ref: row[0] as string, details: cleaned.text, owner: row[2] ?? '', due: row[3] ? row[3] : null };
        item.head.actions.push(action);
        continue;
      }
      section = 'item';
    }
    pushPara(item.blocks, trimmed, afterPageBreak);
  }
  for (const { head, blocks } of items) {
    const paragraphs: string[] = [];
    for (const b of blocks) {
      const prev = paragraphs[paragraphs.length - 1];
      if (/^[-•]\s/.test(b.text) && prev !== undefined && /^[-•]\s/.test(prev)) paragraphs[paragraphs.length - 1] = `${prev}\n${b.text.replace(/^•/, '-')}`;
      else paragraphs.push(b.text.replace(/^•\s/, '- '));
    }
    head.discussion = paragraphs;
    head.decisions = decisionSentences(paragraphs);
    head.deferred = paragraphs.some((p) => DEFERRED.test(p));
    meeting.items.push(head);
  }
  meeting.warnings = meetingWarnings(meeting, markupRefs);
  markupRefs = [];
  return meeting;
}

/** Every meeting in a text file of legacy minutes; a file in another layout is refused whole. */
export function parseLegacyText(text: string): LegacyMeeting[] {
  const found = splitMeetings(text);
  if (found.length === 0) {
    throw new NotMinutesError('No minutes were found in this file: minutes start with "Minutes and Actions", then the board, the date and the time.');
  }
  const meetings = found.map(({ header, body }) => readMeeting(header, body));
  for (const m of meetings) {
    if (m.items.length === 0) {
      throw new NotMinutesError(`The minutes of ${m.date} have no numbered items ("1. Minutes and actions arising"), so this does not look like minutes in the expected layout.`);
    }
  }
  return meetings;
}
