// Full-text search over everything the boards have recorded: the `search` method, its input and its hits.
import { z } from 'zod';
import { PDF_VERSIONS, SEARCH_KINDS, type MeetingStatus, type PdfVersion, type SearchKind } from '../domain/enums';
import { id, isoDate, method } from './common';

export const SEARCH_LIMITS = {
  /** Characters of query: a pasted paragraph still searches (its first terms), it is not refused. */
  query: 10_000,
  /** Hits returned at most. */
  hits: 200,
  defaultHits: 60,
} as const;

/** A piece of a snippet: the words found are marked. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Where a hit is shown: its meeting's page, at the record named (an item, decision, action, progress or attendance entry). */
export interface SearchTarget {
  meetingId: string;
  kind: SearchKind;
  /** The record's own id (the item, decision, action, progress entry or attendance entry). */
  id: string;
  itemId: string | null;
  actionId: string | null;
}

export interface SearchHit {
  kind: SearchKind;
  itemId: string | null;
  itemNumber: string | null;
  itemTitle: string | null;
  /** The action's reference, for an action or progress on one. */
  reference: string | null;
  /** The passage around the words found. */
  snippet: SnippetPart[];
  /** It belongs to a confidential item: it is left out of the public version, and of a public search. */
  confidential: boolean;
  target: SearchTarget;
}

/** The hits in one meeting; meetings come in the order of their best hit. */
export interface SearchMeetingGroup {
  meetingId: string;
  boardId: string;
  boardName: string;
  date: string;
  status: MeetingStatus;
  hits: SearchHit[];
}

export interface SearchResult {
  /** The version searched: 'full' includes confidential items (each flagged), 'public' leaves them out. */
  version: PdfVersion;
  /** Lower-case words to highlight where a hit is shown; a word ending in * is a prefix. */
  highlight: string[];
  meetings: SearchMeetingGroup[];
  /** Hits in all (at most the limit asked for). */
  count: number;
  /** More hits exist than the limit. */
  more: boolean;
  /** The query had more words than are searched; the first ones were used. */
  truncated: boolean;
}

export const searchInput = z
  .strictObject({
    query: z.string({ message: 'Type what to look for.' }).max(SEARCH_LIMITS.query, {
      message: `Look for at most ${SEARCH_LIMITS.query.toLocaleString('en-GB')} characters.`,
    }),
    boardId: id.nullable().optional(),
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
    kinds: z
      .array(z.enum(SEARCH_KINDS, { message: 'Choose items, decisions, actions, progress or attendance.' }))
      .max(SEARCH_KINDS.length)
      .optional(),
    version: z.enum(PDF_VERSIONS, { message: 'Choose the public version or the full (confidential) version.' }).optional(),
    limit: z.number().int().min(1).max(SEARCH_LIMITS.hits).optional(),
  })
  .refine((s) => !s.from || !s.to || s.from <= s.to, { message: 'The start of the date range must be on or before its end.', path: ['to'] });

export const searchMethods = {
  search: method<SearchResult>()(searchInput),
} as const;
