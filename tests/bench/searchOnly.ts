// Only the "full-text search" rows of the bench, on the large store (bench/data/large.sqlite):
// vite build --ssr tests/bench/searchOnly.ts --outDir out/search-bench && node out/search-bench/searchOnly.js
import { LARGE_STORE_FILE } from './buildData';
import { Report } from './harness';
import { fullTextSearchRows } from './search';

const report = new Report();
fullTextSearchRows(report, LARGE_STORE_FILE, { rebuild: !process.argv.includes('--no-rebuild') })
  .then(() => report.print())
  .catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
