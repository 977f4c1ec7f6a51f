// Bench diagnostics (`--only search-growth`): full-text search at 1x and 2x the large store, both
// open at once and each query run on one then the other, alternately, so that the machine's load
// weighs on both alike (the growth rows open the stores one after the other, minutes apart). Per
// query: both medians, their ratio, and how many matches FTS5 found at each size.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../../electron/core/db/open';
import { search } from '../../electron/core/search/search';
import { parseQuery } from '../../electron/core/search/query';
import { scaledStoreFile } from './buildData';
import { quantile, type Report } from './harness';
import { SEARCH_QUERIES } from './search';

export async function searchGrowth(report: Report, rounds = 30): Promise<void> {
  const files = [scaledStoreFile(1), scaledStoreFile(2)];
  if (!files.every((f) => fs.existsSync(f))) return report.skip('search growth, 1x against 2x', 'both bench/data/large.sqlite and large-2x.sqlite are needed');
  const stores: Store[] = [];
  try {
    for (const file of files) stores.push(await openStore(file));
    await Promise.all(stores.map((s) => s.integrity));
    const laps = new Map<string, [number[], number[]]>();
    for (let round = 0; round < rounds + 3; round++) {
      for (const query of SEARCH_QUERIES) {
        for (const [i, store] of stores.entries()) {
          const start = performance.now();
          search(store, { query });
          const ms = performance.now() - start;
          if (round < 3) continue;
          const pair = laps.get(query) ?? [[], []];
          pair[i]!.push(ms);
          laps.set(query, pair);
        }
      }
    }
    for (const [query, [one, two]] of laps) {
      // Every match FTS5 finds for the query as search() puts it (a prefix left to FTS5 itself).
      const match = parseQuery(query).match;
      const found = stores.map((s) => (match ? (s.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(`{title body} : (${match})`) as number) : 0));
      const ratio = quantile(two, 0.5) / quantile(one, 0.5);
      report.add(`search growth: ${query}, 1x`, one, { note: `${found[0]} matches` });
      report.add(`search growth: ${query}, 2x`, two, { note: `${found[1]} matches; x${ratio.toFixed(2)} the 1x median` });
    }
  } finally {
    for (const s of stores) s.close();
  }
}
