// The `search` method: FTS5 over the index the write path keeps (store/searchIndex.ts), ranked by
// bm25 (a word in a title or an action's reference counts four times one in the text), with a
// snippet around the words found, grouped by meeting. Confidential items (and what stems from them:
// their decisions, actions and the progress recorded on those) are found only in the full version.
import { SEARCH_KINDS, type MeetingStatus, type PdfVersion, type SearchKind } from '../../../shared/domain/enums';
import type { ParsedInputOf, SearchHit, SearchMeetingGroup, SearchResult, SnippetPart } from '../../../shared/contract';
import { SEARCH_LIMITS } from '../../../shared/contract/search';
import { DomainError } from '../errors';
import { boardToken, searchIndexExists } from '../store/searchIndex';
import type { ReadHandle } from '../store/write';
import { parseQuery } from './query';

const MARK_START = '\u0001';
const MARK_END = '\u0002';
/** Tokens of context a snippet shows around the words found. */
const SNIPPET_TOKENS = 24;

interface HitRow {
  kind: SearchKind;
  source_id: string;
  meeting_id: string;
  item_id: string | null;
  action_id: string | null;
  snip: string;
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
 * Matches ranked at most: the newest this many (by when they were written) are ranked by bm25 and
 * the best returned. A rare word is ranked over every match; a word on every page of ten years of
 * minutes is ranked over its most recent uses, which keeps a search of the large store well
 * inside its budget (p95 < 20 ms) and is what an administrator looking for it wants first.
 */
export const RANK_WINDOW = 1500;

/** Filters FTS5 cannot apply itself (the board it can: board_token) need the rows joined. */
const CANDIDATES_FILTERED_SQL = `
  SELECT search_fts.rowid AS id, bm25(search_fts, 4.0, 1.0, 0.0) AS score
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

const CANDIDATES_SQL = `
  SELECT rowid AS id, bm25(search_fts, 4.0, 1.0, 0.0) AS score FROM search_fts
  WHERE search_fts MATCH @match ORDER BY rowid DESC LIMIT @window`;

/**
 * One hit, with its snippet: FTS5 makes a snippet only for a row its MATCH is on. The row is named
 * as a range: FTS5 (3.53) ignores \`rowid = ?\` beside MATCH when the value is bound as a number
 * from JavaScript (a REAL), and would hand back every match.
 */
const HIT_SQL = `
  SELECT d.kind, d.source_id, d.meeting_id, d.item_id, d.action_id,
    snippet(search_fts, -1, char(1), char(2), '…', ${SNIPPET_TOKENS}) AS snip,
    m.board_id, b.name AS board_name, m.meeting_date, m.status,
    i.number AS item_number, i.title AS item_title, coalesce(i.confidential, 0) AS confidential, a.reference
  FROM search_fts
  JOIN search_docs d ON d.id = search_fts.rowid
  JOIN meetings m ON m.id = d.meeting_id
  JOIN boards b ON b.id = m.board_id
  LEFT JOIN agenda_items i ON i.id = d.item_id
  LEFT JOIN actions a ON a.id = d.action_id
  WHERE search_fts MATCH @match AND search_fts.rowid >= @id AND search_fts.rowid <= @id`;

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

function toHit(r: HitRow): SearchHit {
  return {
    kind: r.kind,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    reference: r.reference,
    snippet: snippetParts(r.snip),
    confidential: r.confidential === 1,
    target: { meetingId: r.meeting_id, kind: r.kind, id: r.source_id, itemId: r.item_id, actionId: r.action_id },
  };
}

export function search(store: ReadHandle, input: ParsedInputOf<'search'>): SearchResult {
  const version: PdfVersion = input.version ?? 'full';
  const limit = input.limit ?? SEARCH_LIMITS.defaultHits;
  const parsed = parseQuery(input.query);
  const empty: SearchResult = { version, highlight: parsed.highlight, meetings: [], count: 0, more: false, truncated: parsed.truncated };
  const kinds = input.kinds ? [...new Set(input.kinds)] : [...SEARCH_KINDS];
  if (!parsed.match || kinds.length === 0) return empty;
  // Only a file held open at an earlier format (a migration's test) lacks the index: the app
  // upgrades every file it opens.
  if (!searchIndexExists(store.db)) throw new DomainError('store_unavailable', 'This data file has no search index: open it again to upgrade it.');
  // The user's terms look only at the text; the board is one more term, on its own column.
  const textMatch = `{title body} : (${parsed.match})`;
  const match = input.boardId ? `board_token : "${boardToken(input.boardId)}" AND ${textMatch}` : textMatch;
  const filtered = Boolean(input.from || input.to || version !== 'full' || kinds.length !== SEARCH_KINDS.length);
  const candidates = (
    filtered
      ? store.db.prepare(CANDIDATES_FILTERED_SQL).all({
          match,
          from: input.from ?? null,
          to: input.to ?? null,
          allKinds: kinds.length === SEARCH_KINDS.length ? 1 : 0,
          kinds: JSON.stringify(kinds),
          full: version === 'full' ? 1 : 0,
          window: RANK_WINDOW,
        })
      : store.db.prepare(CANDIDATES_SQL).all({ match, window: RANK_WINDOW })
  ) as Array<{ id: number; score: number }>;
  // Best first; among equals, the newer (the window comes newest first, and the sort is stable).
  const best = candidates.sort((a, b) => a.score - b.score).slice(0, limit + 1);
  const hit = store.db.prepare(HIT_SQL);
  const rows = best.map((c) => hit.get({ match: textMatch, id: c.id }) as HitRow);
  const more = rows.length > limit || candidates.length === RANK_WINDOW;
  const groups = new Map<string, SearchMeetingGroup>();
  for (const r of rows.slice(0, limit)) {
    let group = groups.get(r.meeting_id);
    if (!group) {
      group = { meetingId: r.meeting_id, boardId: r.board_id, boardName: r.board_name, date: r.meeting_date, status: r.status, hits: [] };
      groups.set(r.meeting_id, group);
    }
    group.hits.push(toHit(r));
  }
  return { ...empty, meetings: [...groups.values()], count: Math.min(rows.length, limit), more };
}
