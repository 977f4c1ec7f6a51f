// npm run bench:data: builds the large store (bench/data/large.sqlite) from its seed.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app';
import { keyForTool, KeyUnavailableError } from '../../electron/core/crypt/keySource';
import { buildLargeStore, LARGE_STORE } from './largeStore';

export const LARGE_STORE_FILE = path.resolve('bench/data/large.sqlite');

export async function buildLargeStoreFile(file: string = LARGE_STORE_FILE): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(path.join(path.dirname(file), 'Matters Arising backups'), { recursive: true, force: true });
  const started = performance.now();
  // Encrypted like every data file: MATTERS_ARISING_KEY, or a passphrase typed on the terminal.
  const key = await keyForTool({ file });
  const core = await startCore(file, { key }, { noDailyBackup: true });
  let last = 0;
  const built = buildLargeStore(core, LARGE_STORE, (done, total) => {
    const pct = Math.floor((done / total) * 10);
    if (pct !== last) {
      last = pct;
      process.stdout.write(`  ${done} of ${total} meetings (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    }
  });
  core.store?.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  const c = built.counts;
  console.log(
    `Large store: ${built.boards.length} boards, ${c.meetings} meetings, ${c.items} agenda items, ${c.decisions} decisions, ${c.actions} actions, ${c.updates} action updates ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s; ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB at ${path.relative(process.cwd(), file)}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith(path.join('tools', 'bench-data.js'))) {
  buildLargeStoreFile().catch((err: unknown) => {
    console.error(err instanceof KeyUnavailableError ? `npm run bench:data: ${err.message}` : err);
    process.exit(1);
  });
}
