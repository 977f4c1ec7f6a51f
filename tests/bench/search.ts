// The "full-text search" rows of npm run bench, on the large store: the search method for one
// board and for all boards (budget p95 < 20 ms), the index's size beside the data file's, and
// building the index from scratch (what opening a file from before the index costs, once).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';
import { rebuildSearchIndex } from '../../electron/core/store/searchIndex';
import { timeRuns, type Report } from './harness';

/** What an administrator looks for: words, a phrase, a prefix, a person, a word left out, an unlikely word. */
export const SEARCH_QUERIES = [
  'fostering',
  '"private fostering"',
  'safeg*',
  'exploitation missing',
  'Hawkins',
  'budget -audit',
  'neglect OR housing',
  '"early help" pathway',
  'commissioning scrutiny protocol',
  'zebrafund',
];

function must<T>(response: ReturnType<Core['call']>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

/**
 * Bytes of the index file's pages holding the search tables (dbstat): FTS5's own (search_fts_*), the
 * entries with their text (search_docs) and the entries' indexes; null when SQLite has no dbstat.
 */
function indexBytes(core: Core): { fts: number; docs: number; docIndexes: number } | null {
  try {
    const rows = core
      .store!.db.prepare(
        `SELECT CASE WHEN name LIKE 'search\\_fts%' ESCAPE '\\' THEN 'fts' WHEN name = 'search_docs' THEN 'docs' ELSE 'docIndexes' END AS part, sum(pgsize) AS bytes
         FROM dbstat('search') WHERE name LIKE 'search\\_%' ESCAPE '\\' OR name LIKE 'sqlite_autoindex_search\\_%' ESCAPE '\\' GROUP BY part`,
      )
      .all() as Array<{ part: 'fts' | 'docs' | 'docIndexes'; bytes: number }>;
    const bytes = { fts: 0, docs: 0, docIndexes: 0 };
    for (const r of rows) bytes[r.part] = r.bytes;
    return bytes;
  } catch {
    return null;
  }
}

/** The timed searches of one store: every query of SEARCH_QUERIES in turn, for one board and for all. */
export interface SearchSamples {
  /** The board the one-board searches looked in (the first listed). */
  boardId: string;
  /** Milliseconds per core call, SEARCH_QUERIES in turn, `rounds` times over. */
  oneBoard: number[];
  allBoards: number[];
  /** Each query on its own, all boards. */
  perQuery: Array<{ query: string; samples: number[] }>;
}

/**
 * Times the search method on an open core (any store size: the growth bench calls it too), as
 * the bench's "full-text search" rows report it. Budget: p95 < 20 ms for one board and for all.
 */
export async function timeSearchQueries(core: Core, options: { rounds?: number; perQueryRuns?: number } = {}): Promise<SearchSamples> {
  const rounds = options.rounds ?? 10;
  const boards = must<Array<{ id: string }>>(core.call('listBoards', {}));
  const boardId = boards[0]!.id;
  let q = 0;
  const oneBoard = await timeRuns(SEARCH_QUERIES.length * rounds, () => must(core.call('search', { query: SEARCH_QUERIES[q++ % SEARCH_QUERIES.length], boardId })));
  q = 0;
  const allBoards = await timeRuns(SEARCH_QUERIES.length * rounds, () => must(core.call('search', { query: SEARCH_QUERIES[q++ % SEARCH_QUERIES.length] })));
  const perQuery: SearchSamples['perQuery'] = [];
  for (const query of SEARCH_QUERIES) perQuery.push({ query, samples: await timeRuns(options.perQueryRuns ?? 10, () => must(core.call('search', { query }))) });
  return { boardId, oneBoard, allBoards, perQuery };
}

export async function fullTextSearchRows(report: Report, file: string, options: { rebuild?: boolean } = {}): Promise<void> {
  const opened = performance.now();
  const core = await startCore(file, {}, { openedBriefly: true });
  const openMs = performance.now() - opened;
  try {
    const db = core.store!.db;
    if (options.rebuild !== false) {
      const start = performance.now();
      rebuildSearchIndex(db);
      report.add('large store: build the search index from scratch (once, on opening an older file)', [performance.now() - start], {
        note: `this open took ${(openMs / 1000).toFixed(1)} s`,
      });
    }
    const samples = await timeSearchQueries(core);
    report.add('large store: full-text search, one board (core call)', samples.oneBoard, { budget: 20, note: `${SEARCH_QUERIES.length} queries in turn: ${SEARCH_QUERIES.join(' | ')}` });
    report.add('large store: full-text search, all boards (core call)', samples.allBoards, { budget: 20 });
    for (const { query, samples: runs } of samples.perQuery) report.add(`large store: full-text search, all boards: ${query}`, runs);
    const docs = db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
    report.add('large store: search index entries', [docs], { unit: 'rows' });
    const bytes = indexBytes(core);
    const fileMb = fs.statSync(file).size / 2 ** 20;
    if (bytes === null) report.skip('large store: search index size', 'this SQLite has no dbstat table');
    else {
      const mb = (n: number): number => n / 2 ** 20;
      const total = mb(bytes.fts + bytes.docs + bytes.docIndexes);
      report.add('large store: search index size', [total], {
        unit: 'MB',
        note:
          `${((total / fileMb) * 100).toFixed(0)}% of the ${fileMb.toFixed(0)} MB data file: FTS5 ${mb(bytes.fts).toFixed(0)} MB, ` +
          `the entries with their text (search_docs) ${mb(bytes.docs).toFixed(0)} MB, their indexes ${mb(bytes.docIndexes).toFixed(0)} MB`,
      });
    }
  } finally {
    core.close();
  }
}
