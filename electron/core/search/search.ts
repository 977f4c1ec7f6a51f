// The `search` method: FTS5 over the index the write path keeps (store/searchIndex.ts), its
// newest matches ranked by BM25 (rank.ts: a word in a title or an action's reference counts four
// times one in the text), with a snippet around the words found, grouped by meeting. Confidential items (and what stems from them:
// their decisions, actions and the progress recorded on those) are found only in the full version.
import { SEARCH_KINDS, type MeetingStatus, type PdfVersion, type SearchKind } from '../../../shared/domain/enums';
import type { ParsedInputOf, SearchHit, SearchMeetingGroup, SearchResult, SnippetPart } from '../../../shared/contract';
import { SEARCH_LIMITS } from '../../../shared/contract/search';
import { DomainError } from '../errors';
import { boardToken, indexSchema, searchIndexExists } from '../store/searchIndex';
import { wordsStartingWith } from '../store/searchWords';
import type { ReadHandle } from '../store/write';
import type { Database } from '../db/driver';
import { parseQuery, type PrefixWords } from './query';
import { rankCandidates, type RankCandidate } from './rank';

const MARK_START = '\u0001';
const MARK_END = '\u0002';

/** Tokens of context a snippet shows around the words found. */
const SNIPPET_TOKENS = 24;

interface HitRow {
  id: number;
  kind: SearchKind;
  source_id: string;
  meeting_id: string;
  item_id: string | null;
  action_id: string | null;
  board_id: string;
  board_name: string;
  meeting_date: string;
  status: MeetingStatus;
  item_number: string | null;
  item_title: string | null;
  confidential: number;
  reference: string | null;
}

/**
 * Matches ranked at most: the newest this many (the index holds a board's record oldest first,
 * so the highest rowids are the latest meetings and the latest edits) are ranked and the best
 * returned. A rare word is ranked over every match; a word on every page of ten years of minutes
 * is ranked over its most recent uses, which keeps a search of the large store inside its budget
 * (p95 < 20 ms) and is what an administrator looking for it wants first.
 */
export const RANK_WINDOW = 300;

/** Filters FTS5 cannot apply itself (the board it can: board_token) need the rows joined. */
const CANDIDATES_FILTERED_SQL = `
  SELECT d.id, d.title, d.body
  FROM search_fts
  JOIN search_docs d ON d.id = search_fts.rowid
  JOIN meetings m ON m.id = d.meeting_id
  LEFT JOIN agenda_items i ON i.id = d.item_id
  WHERE search_fts MATCH @match
    AND (@from IS NULL OR m.meeting_date >= @from)
    AND (@to IS NULL OR m.meeting_date <= @to)
    AND (@allKinds = 1 OR d.kind IN (SELECT value FROM json_each(@kinds)))
    AND (@full = 1 OR coalesce(i.confidential, 0) = 0)
  ORDER BY search_fts.rowid DESC
  LIMIT @window`;

/** The text ranking reads (rank.ts), for each match FTS5 walks newest first. */
const CANDIDATES_SQL = `
  SELECT d.id, d.title, d.body FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match ORDER BY search_fts.rowid DESC LIMIT @window`;

/**
 * The snippets of a page of hits, in one walk of the matches between its lowest and highest
 * rowid (with the board's term, within that board's matches only): FTS5 makes a snippet only for
 * a row its MATCH is on, and snippet() is computed only for the rows the page holds. The bounds
 * are bound as integers (BigInt): FTS5 ignores a rowid bound that arrives as a REAL, which is how
 * a JavaScript number is bound, and would walk every match. Title and text each get theirs (the
 * board's column is never one to show); bestSnippet picks.
 */
const SNIPPETS_SQL = `
  SELECT search_fts.rowid AS id,
    snippet(search_fts, 0, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS title,
    snippet(search_fts, 1, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS body
  FROM search_fts
  WHERE search_fts MATCH @match AND search_fts.rowid >= @low AND search_fts.rowid <= @high
    AND search_fts.rowid + 0 IN (SELECT value FROM json_each(@ids))`;

/** As FTS5 chooses a column for snippet(…, -1, …): the most different words found, then the most found; the title on a tie. */
function bestSnippet(title: string, body: string): string {
  const score = (snip: string): number => {
    const words = snip.split(MARK_START).slice(1).map((part) => part.split(MARK_END)[0]?.toLowerCase() ?? '');
    return 1000 * new Set(words).size + words.length;
  };
  return score(body) > score(title) ? body : title;
}

/** Where each hit of a page sits: its meeting, board, item and action. */
const HITS_SQL = `
  SELECT d.id, d.kind, d.source_id, d.meeting_id, d.item_id, d.action_id,
    m.board_id, b.name AS board_name, m.meeting_date, m.status,
    i.number AS item_number, i.title AS item_title, coalesce(i.confidential, 0) AS confidential, a.reference
  FROM search_docs d
  JOIN meetings m ON m.id = d.meeting_id
  JOIN boards b ON b.id = m.board_id
  LEFT JOIN agenda_items i ON i.id = d.item_id
  LEFT JOIN actions a ON a.id = d.action_id
  WHERE d.id IN (SELECT value FROM json_each(@ids))`;

/**
 * Words a prefix stands for beyond this many: FTS5 reads the prefix itself. The list counted may
 * hold words no text holds now (searchWords.ts); a prefix they push over is still found exactly.
 */
export const MAX_PREFIX_WORDS = 64;

/** The indexed words starting with a prefix of plain lower-case letters and digits: a range of the index's word list (store/searchWords.ts). */
function prefixWordsOf(db: Database): PrefixWords {
  return (prefix) => {
    const words = wordsStartingWith(db, indexSchema(db), prefix, MAX_PREFIX_WORDS + 1);
    return words.length > MAX_PREFIX_WORDS ? null : words.filter((w) => w.startsWith(prefix));
  };
}

/** The snippet FTS5 marked, as parts; the marks are taken out of the text. */
export function snippetParts(snip: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snip;
  while (rest.length > 0) {
    const start = rest.indexOf(MARK_START);
    if (start === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), match: false });
    const end = rest.indexOf(MARK_END, start + 1);
    const stop = end === -1 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), match: true });
    rest = rest.slice(stop + 1);
  }
  return parts.map((p) => ({ text: p.text.replaceAll(MARK_START, '').replaceAll(MARK_END, '').replace(/\s+/gu, ' '), match: p.match })).filter((p) => p.text !== '');
}

function toHit(r: HitRow, snip: string): SearchHit {
  return {
    kind: r.kind,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    reference: r.reference,
    snippet: snippetParts(snip),
    confidential: r.confidential === 1,
    target: { meetingId: r.meeting_id, kind: r.kind, id: r.source_id, itemId: r.item_id, actionId: r.action_id },
  };
}

export function search(store: ReadHandle, input: ParsedInputOf<'search'>): SearchResult {
  const version: PdfVersion = input.version ?? 'full';
  const limit = input.limit ?? SEARCH_LIMITS.defaultHits;
  const db = store.db;
  const kinds = input.kinds ? [...new Set(input.kinds)] : [...SEARCH_KINDS];
  // A file whose index could not be made on opening (db/open.ts openSearchIndex) has none; so
  // does a file held open at an earlier format (a migration's test).
  const indexed = searchIndexExists(db);
  const parsed = parseQuery(input.query, indexed ? prefixWordsOf(db) : undefined);
  const empty: SearchResult = { version, highlight: parsed.highlight, meetings: [], count: 0, more: false, truncated: parsed.truncated };
  if (!parsed.match || kinds.length === 0) return empty;
  if (!indexed) {
    throw new DomainError(
      'store_unavailable',
      'Search is not available: its index, kept in a file beside the data file, could not be made (is the disk full?). Your minutes are not affected. Close and reopen Matters Arising to build it again.',
    );
  }
  // The user's terms look only at the text; the board is one more term, on its own column.
  const textMatch = `{title body} : (${parsed.match})`;
  const match = input.boardId ? `board_token : "${boardToken(input.boardId)}" AND ${textMatch}` : textMatch;
  const filtered = Boolean(input.from || input.to || version !== 'full' || kinds.length !== SEARCH_KINDS.length);
  const candidates = (
    filtered
      ? db.prepare(CANDIDATES_FILTERED_SQL).all({
          match,
          from: input.from ?? null,
          to: input.to ?? null,
          allKinds: kinds.length === SEARCH_KINDS.length ? 1 : 0,
          kinds: JSON.stringify(kinds),
          full: version === 'full' ? 1 : 0,
          window: RANK_WINDOW,
        })
      : db.prepare(CANDIDATES_SQL).all({ match, window: RANK_WINDOW })
  ) as RankCandidate[];
  const best = rankCandidates(candidates, parsed.terms).slice(0, limit + 1);
  const page = best.slice(0, limit);
  const more = best.length > limit || candidates.length === RANK_WINDOW;
  if (page.length === 0) return { ...empty, more };
  const ids = JSON.stringify(page);
  const snippets = new Map(
    (
      db.prepare(SNIPPETS_SQL).all({ match, low: BigInt(Math.min(...page)), high: BigInt(Math.max(...page)), ids }) as Array<{ id: number; title: string; body: string }>
    ).map((r) => [r.id, bestSnippet(r.title, r.body)]),
  );
  const rows = new Map((db.prepare(HITS_SQL).all({ ids }) as HitRow[]).map((r) => [r.id, r]));
  const groups = new Map<string, SearchMeetingGroup>();
  for (const id of page) {
    const r = rows.get(id) as HitRow;
    let group = groups.get(r.meeting_id);
    if (!group) {
      group = { meetingId: r.meeting_id, boardId: r.board_id, boardName: r.board_name, date: r.meeting_date, status: r.status, hits: [] };
      groups.set(r.meeting_id, group);
    }
    group.hits.push(toHit(r, snippets.get(id) ?? ''));
  }
  return { ...empty, meetings: [...groups.values()], count: page.length, more };
}
