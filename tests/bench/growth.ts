// Bench: how the action log, one board's outstanding actions and search grow with the years of
// minutes kept. The same store at 0.25x, 0.5x, 1x, 2x and 4x the meetings (each built once into
// bench/data/ by `npm run bench:data -- --scale <s>` and reused), each measured the same way, and
// the growth per doubling of the meetings printed: flat (about 1x) or logarithmic is the goal,
// linear only in the rows a call returns.
import fs from 'node:fs';
import path from 'node:path';
import { startCore } from '../../electron/core/app';
import type { ActionLog } from '../../shared/contract';
import { must } from './actionLogBench';
import { scaledStoreFile } from './buildData';
import { Report, timeRuns } from './harness';
import { fullTextSearchRows } from './search';

export const GROWTH_SCALES = [0.25, 0.5, 1, 2, 4] as const;

/**
 * Why a size may not be built on the project's machines (its rows then say so). The 4x store
 * (10,000 meetings, ~3.5 GB with its index) is built like the others, by core's own calls, one
 * meeting at a time: on a 2-core machine the 2x store's 500-meeting boards took 2.8 to 11 min each,
 * growing with the file (each write reads pages the cache no longer holds), 70 min in all; the
 * 4x store's 1,000-meeting boards, on a file twice as large, would take over twice that each:
 * 3 hours or more, longer than a working session. Four sizes a doubling apart, 0.25x to 2x, show the trend.
 */
const NOT_BUILT_HERE: Partial<Record<(typeof GROWTH_SCALES)[number], string>> = {
  4: 'not built on the project machines: 3 hours or more of one core (the 2x store took 70 min); 0.25x to 2x, three doublings, show the trend',
};

interface Figures {
  meetings: number;
  rows: number;
  medians: Map<string, number>;
  /** Each search query's median (all boards), to see which queries grow with the store. */
  perQuery: Map<string, number>;
}

async function measure(file: string): Promise<Figures> {
  const medians = new Map<string, number>();
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const core = await startCore(file, {}, { openedBriefly: true });
  let meetings = 0;
  let rows = 0;
  try {
    await core.store?.integrity; // the check at open runs on another thread: not mixed into the calls measured
    const db = core.store!.db;
    meetings = db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    const board = must<Array<{ id: string }>>(core.call('listBoards', {}))[0]!.id;
    rows = must<ActionLog>(core.call('outstandingActions', {})).actions.length;
    const window = (filter: object, offset: number) => () => must(core.call('actionLogWindow', { filter, offset, limit: 150 }));
    medians.set('the action log screen, all boards: first 150 rows + counts', median(await timeRuns(100, window({}, 0))));
    medians.set('the action log screen, all boards: 150 rows from the middle', median(await timeRuns(100, window({}, Math.floor(rows / 2)))));
    medians.set("the action log screen, one board's first 150 rows", median(await timeRuns(100, window({ boardId: board }, 0))));
    // The common filters and the reverse order, from the middle: positioned from the kept counts too (store/actionLogPositions.ts).
    const middleOf = (filter: object): number => Math.floor(must<{ total: number }>(core.call('actionLogWindow', { filter, offset: 0, limit: 1 })).total / 2);
    const reversed = (filter: object, offset: number) => () => must(core.call('actionLogWindow', { filter, sort: { by: 'due', descending: true }, offset, limit: 150 }));
    medians.set('the action log screen, all boards, not overdue, latest due first: 150 rows from the middle', median(await timeRuns(100, reversed({ overdue: 'not_overdue' }, middleOf({ overdue: 'not_overdue' })))));
    medians.set('the action log screen, all boards, open only: 150 rows from the middle', median(await timeRuns(100, window({ status: 'open' }, middleOf({ status: 'open' })))));
    medians.set("one board's outstanding actions (outstandingActions)", median(await timeRuns(100, () => must(core.call('outstandingActions', { boardId: board })))));
    medians.set('the whole action log as one list (outstandingActions, every row)', median(await timeRuns(20, () => must(core.call('outstandingActions', {})))));
  } finally {
    core.close();
  }
  // Search as the search bench measures it, on this store (the index kept by the write path).
  const searched = new Report();
  await fullTextSearchRows(searched, file, { rebuild: false });
  const perQuery = new Map<string, number>();
  const QUERY_ROW = 'large store: full-text search, all boards: ';
  for (const r of searched.results) {
    if (r.name === 'large store: full-text search, one board (core call)') medians.set('full-text search, one board', r.median);
    if (r.name === 'large store: full-text search, all boards (core call)') medians.set('full-text search, all boards', r.median);
    if (r.name.startsWith(QUERY_ROW)) perQuery.set(r.name.slice(QUERY_ROW.length), r.median);
  }
  return { meetings, rows, medians, perQuery };
}

/** The growth rows: each measurement at each scale built, with its growth per doubling of the meetings. */
export async function growthRows(report: Report): Promise<void> {
  const measured: Array<{ scale: number; figures: Figures }> = [];
  for (const scale of GROWTH_SCALES) {
    const file = scaledStoreFile(scale);
    if (!fs.existsSync(file)) {
      const build = `build it once with npm run bench:data -- --scale ${scale}`;
      report.skip(`growth at ${scale}x`, `no store at ${path.relative(process.cwd(), file)}: ${NOT_BUILT_HERE[scale] ? `${NOT_BUILT_HERE[scale]}; ${build}` : build}`);
      continue;
    }
    measured.push({ scale, figures: await measure(file) });
  }
  for (const { scale, figures } of measured) {
    report.add(`growth ${scale}x: meetings in the store`, [figures.meetings], { unit: 'rows', note: `${figures.rows} outstanding actions` });
  }
  const names = [...(measured[0]?.figures.medians.keys() ?? [])];
  for (const name of names) {
    measured.forEach(({ scale, figures }, i) => {
      const now = figures.medians.get(name) ?? Number.NaN;
      const before = i > 0 ? measured[i - 1]!.figures : null;
      const doublings = before ? Math.log2(figures.meetings / before.meetings) : 0;
      const perDoubling = before && doublings > 0 ? (now / (before.medians.get(name) ?? Number.NaN)) ** (1 / doublings) : null;
      const queries = name === 'full-text search, all boards' ? `; per query: ${[...figures.perQuery].map(([q, ms]) => `${q} ${ms.toFixed(2)}`).join(', ')}` : '';
      report.add(`growth ${scale}x: ${name}`, [now], {
        note: (perDoubling === null ? 'the smallest size measured' : `x${perDoubling.toFixed(2)} per doubling of the meetings (median)`) + queries,
      });
    });
  }
}
