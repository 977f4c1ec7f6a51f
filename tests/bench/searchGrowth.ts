// Bench diagnostics (`--only search-growth`): full-text search at each size of the large store built
// (growth.ts GROWTH_SCALES), all open at once and each query run on each store in turn, so that the
// machine's load weighs on all alike (the growth rows open the stores one after the other, minutes
// apart). Per query and size: the median, its growth per doubling of the meetings from the size
// below, and how many matches FTS5 found.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openStore, type Store } from '../../electron/core/db/open';
import { search } from '../../electron/core/search/search';
import { parseQuery } from '../../electron/core/search/query';
import { scaledStoreFile } from './buildData';
import { quantile, type Report } from './harness';
import { SEARCH_QUERIES } from './search';
import { GROWTH_SCALES } from './growth';

export async function searchGrowth(report: Report, rounds = 30): Promise<void> {
  const scales = GROWTH_SCALES.filter((scale) => fs.existsSync(scaledStoreFile(scale)));
  if (scales.length < 2) return report.skip('search growth', `at least two of the growth stores are needed (${GROWTH_SCALES.map((x) => `${x}x`).join(', ')}; npm run bench:data -- --scale <s>)`);
  const stores: Store[] = [];
  try {
    for (const scale of scales) stores.push(await openStore(scaledStoreFile(scale)));
    await Promise.all(stores.map((s) => s.integrity));
    const laps = new Map<string, number[][]>();
    for (let round = 0; round < rounds + 3; round++) {
      for (const query of SEARCH_QUERIES) {
        for (const [i, store] of stores.entries()) {
          const start = performance.now();
          search(store, { query });
          const ms = performance.now() - start;
          if (round < 3) continue;
          const times = laps.get(query) ?? stores.map(() => []);
          times[i]!.push(ms);
          laps.set(query, times);
        }
      }
    }
    const meetings = stores.map((s) => s.db.prepare('SELECT count(*) FROM meetings').pluck().get() as number);
    for (const [query, times] of laps) {
      // Every match FTS5 finds for the query as search() puts it (a prefix left to FTS5 itself).
      const match = parseQuery(query).match;
      const found = stores.map((s) => (match ? (s.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(`{title body} : (${match})`) as number) : 0));
      times.forEach((ms, i) => {
        const growth =
          i === 0 ? '' : `; x${((quantile(ms, 0.5) / quantile(times[i - 1]!, 0.5)) ** (1 / Math.log2(meetings[i]! / meetings[i - 1]!))).toFixed(2)} per doubling of the meetings from ${scales[i - 1]}x`;
        report.add(`search growth: ${query}, ${scales[i]}x`, ms, { note: `${found[i]} matches${growth}` });
      });
    }
  } finally {
    for (const s of stores) s.close();
  }
}
