// The model of legacy minutes as read from a file (plain text in the published layout, or a Word
// document turned into that text): what was printed, verbatim, before anything is written.
import type { ImportWarningKind } from '../enums';

export interface LegacyPerson {
  name: string;
  /** As printed; null when the list gives none (apologies usually do not). */
  initials: string | null;
  role: string | null;
  /** "Chair", "Vice Chair", "Minutes", "Item 3": the mark printed beside the name. */
  note: string | null;
}

export interface LegacyAction {
  /** The reference as printed ("10"), before any suffix a duplicate needs. */
  ref: string;
  details: string;
  /** The Action (owner) column as printed. */
  owner: string;
  /** The Due column as printed, when the table has one. */
  due: string | null;
}

export interface LegacyItem {
  number: string;
  title: string;
  /** Paragraphs as printed; consecutive "- " lines are one paragraph of list lines. */
  discussion: string[];
  /** The sentences of the discussion that record what was agreed. */
  decisions: string[];
  actions: LegacyAction[];
  deferred: boolean;
}

export interface LegacyWarning {
  kind: ImportWarningKind;
  /** The item it concerns, when there is one. */
  item: string | null;
  message: string;
}

export interface LegacyMeeting {
  board: string;
  date: string;
  start: string | null;
  end: string | null;
  venue: string | null;
  present: LegacyPerson[];
  apologies: LegacyPerson[];
  inAttendance: LegacyPerson[];
  items: LegacyItem[];
  /** "Next meeting: 02.09.14 10.30 – 12.30 Room G02b, 160 Tooley Street, SE1", as far as it can be read. */
  next: { date: string | null; time: string | null; venue: string | null } | null;
  warnings: LegacyWarning[];
}

/** Why a file could not be read as minutes at all: nothing from it is imported. */
export class NotMinutesError extends Error {}
