// The bench harness: runs measurements enough times for a stable median, reports p95, the
// budget from ARCHITECTURE.md, and the ratio to a baseline measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchIndexFile } from '../../electron/core/store/searchIndexFile';

export interface Result {
  name: string;
  runs: number;
  median: number;
  p95: number;
  unit: 'ms' | 'MB' | 'KB' | 'rows';
  budget: number | null;
  /** What the budget is checked against: the p95, the median, or a single value. */
  budgetOn: 'p95' | 'median';
  baseline: string | null;
  ratio: number | null;
  maxRatio: number | null;
  pass: boolean | null;
  note?: string;
}

export interface Skipped {
  name: string;
  reason: string;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * A data file copied with its search index file beside it, as a laptop keeps them: without it, opening
 * the copy builds the whole index again first (a minute for the large store), which no laptop shut for
 * a month does, and the benches that write to a copy would time their calls among that build's garbage.
 */
export function copyStore(from: string, to: string): void {
  fs.copyFileSync(from, to);
  if (fs.existsSync(searchIndexFile(from))) fs.copyFileSync(searchIndexFile(from), searchIndexFile(to));
}

/**
 * Writes out what the kernel still holds of the files in `dir`: a store copied for a bench that
 * writes, with its search index file, ~800 MB for the large store. Left to the kernel, that
 * writeback runs under the calls measured next and their commits' syncs wait behind it: the
 * bench's own set-up, not the app's work. Called once the copy is open, before timing.
 */
export function settleCopy(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const fd = fs.openSync(path.join(dir, entry.name), 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

/**
 * Collects the bench process's garbage before a measurement, so that collecting what its set-up
 * left (opening and copying a store, reading the whole log) does not land among the calls timed:
 * they are timed as the app runs them once it has settled after opening. The first young
 * collection after opening a store copies what opening kept (10–18 ms), and a full collection of
 * the earlier steps' garbage held the backup's stall for 33 ms (PROFILE.md, rounds 16 and 17).
 * Needs `node --expose-gc`, as `npm run bench` runs it; without it, does nothing.
 */
export function settleHeap(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function timeRuns(runs: number, fn: () => unknown, warmup = Math.min(5, runs)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

export class Report {
  readonly results: Result[] = [];
  readonly skipped: Skipped[] = [];
  private readonly medians = new Map<string, number>();

  /** Records a measurement; `baseline` names an earlier one whose median the ratio divides by. */
  add(
    name: string,
    samples: readonly number[],
    options: { budget?: number; budgetOn?: 'p95' | 'median'; baseline?: string; maxRatio?: number; unit?: 'ms' | 'MB' | 'KB' | 'rows'; note?: string } = {},
  ): Result {
    const median = quantile(samples, 0.5);
    const p95 = quantile(samples, 0.95);
    const budgetOn = options.budgetOn ?? 'p95';
    const budget = options.budget ?? null;
    const base = options.baseline ? this.medians.get(options.baseline) : undefined;
    const ratio = base ? median / base : null;
    const withinBudget = budget === null ? null : (budgetOn === 'p95' ? p95 : median) < budget;
    const withinRatio = options.maxRatio === undefined || ratio === null ? null : ratio <= options.maxRatio;
    const result: Result = {
      name,
      runs: samples.length,
      median,
      p95,
      unit: options.unit ?? 'ms',
      budget,
      budgetOn,
      baseline: options.baseline ?? null,
      maxRatio: options.maxRatio ?? null,
      ratio,
      pass: withinBudget === null && withinRatio === null ? null : withinBudget !== false && withinRatio !== false,
      ...(options.note ? { note: options.note } : {}),
    };
    this.medians.set(name, median);
    this.results.push(result);
    return result;
  }

  skip(name: string, reason: string): void {
    this.skipped.push({ name, reason });
  }

  print(): void {
    const fmt = (n: number): string => (!Number.isFinite(n) ? '—' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
    const header = ['measurement', 'runs', 'median', 'p95', 'budget', 'ratio to baseline', 'result'];
    const rows = this.results.map((r) => [
      r.name,
      String(r.runs),
      `${fmt(r.median)} ${r.unit}`,
      `${fmt(r.p95)} ${r.unit}`,
      (r.budget === null ? '—' : `${r.budgetOn} < ${r.budget} ${r.unit}`) + (r.maxRatio ? `, ≤ ${r.maxRatio}x` : ''),
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}x ${r.baseline}`,
      r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of rows) console.log(line(row));
    for (const r of this.results.filter((x) => x.note)) console.log(`  note: ${r.name}: ${r.note}`);
    if (this.skipped.length > 0) {
      console.log('\nSkipped:');
      for (const s of this.skipped) console.log(`  ${s.name}: ${s.reason}`);
    }
  }

  write(file: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = {
      at: new Date().toISOString(),
      machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      results: this.results,
      skipped: this.skipped,
    };
    fs.writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  }
}
