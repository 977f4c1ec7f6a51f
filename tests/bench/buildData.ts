// npm run bench:data: builds the large store (bench/data/large.sqlite) from its seed;
// `npm run bench:data -- --scale 0.5` builds it at a scale (bench/data/large-0.5x.sqlite), for the growth rows.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app';
import { keyForTool, KeyUnavailableError } from '../../electron/core/crypt/keySource';
import { buildLargeStore, LARGE_STORE, scaledSpec, type LargeStoreSpec } from './largeStore';

export const LARGE_STORE_FILE = path.resolve('bench/data/large.sqlite');

/** Where the large store at a scale is kept (1 is the large store itself). */
export function scaledStoreFile(scale: number): string {
  return scale === 1 ? LARGE_STORE_FILE : path.resolve(`bench/data/large-${scale}x.sqlite`);
}

export async function buildLargeStoreFile(file: string = LARGE_STORE_FILE, spec: LargeStoreSpec = LARGE_STORE): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '.lock']) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(path.join(path.dirname(file), 'Matters Arising backups'), { recursive: true, force: true });
  const started = performance.now();
  // Encrypted like every data file: MATTERS_ARISING_KEY, or a passphrase typed on the terminal.
  const key = await keyForTool({ file });
  const core = await startCore(file, { key }, { openedBriefly: true });
  let last = 0;
  const built = buildLargeStore(core, spec, (done, total) => {
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
  const at = process.argv.indexOf('--scale');
  const scale = at > 0 ? Number(process.argv[at + 1]) : 1;
  if (!(scale > 0 && scale <= 4)) {
    console.error('npm run bench:data: --scale takes a number above 0 and at most 4, for example --scale 0.5.');
    process.exit(1);
  }
  buildLargeStoreFile(scaledStoreFile(scale), scaledSpec(scale)).catch((err: unknown) => {
    console.error(err instanceof KeyUnavailableError ? `npm run bench:data: ${err.message}` : err);
    process.exit(1);
  });
}
