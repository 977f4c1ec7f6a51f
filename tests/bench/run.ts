// npm run bench: measures core calls on a synthetic store and prints one table
// (name, runs, median, p95, budget, pass/fail), also written to bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore, type Core } from '../../electron/core/app';

interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  budgetMs: number | null;
  pass: boolean | null;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function measure(name: string, runs: number, budgetMs: number | null, fn: () => void): Measurement {
  for (let i = 0; i < Math.min(5, runs); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  return { name, runs, medianMs: quantile(times, 0.5), p95Ms: p95, budgetMs, pass: budgetMs === null ? null : p95 < budgetMs };
}

function must<T>(response: ReturnType<Core['call']>): T {
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.value as T;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-'));
  const results: Measurement[] = [];
  let start = performance.now();
  const core = await startCore(path.join(dir, 'bench.sqlite'));
  const openMs = performance.now() - start;
  results.push({ name: 'open a new store (migrate from empty)', runs: 1, medianMs: openMs, p95Ms: openMs, budgetMs: null, pass: null });

  const boards: string[] = [];
  for (let b = 0; b < 10; b++) boards.push(must<{ id: string }>(core.call('createBoard', { name: `Bench board ${b}` })).id);
  start = performance.now();
  for (let i = 0; i < 500; i++) {
    const board = boards[i % boards.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    must(core.call('createMeeting', { boardId: board, date: `${2000 + Math.floor(i / 50)}-${month}-${day}`, startTime: '10:00', endTime: '12:00' }));
  }
  const createMs = (performance.now() - start) / 500;
  results.push({ name: 'create a meeting (core call, mean of 500)', runs: 500, medianMs: createMs, p95Ms: createMs, budgetMs: null, pass: null });
  results.push(measure('list boards (core call)', 200, 5, () => must(core.call('listBoards', {}))));
  results.push(measure('list one board\'s meetings (core call)', 200, 5, () => must(core.call('listMeetings', { boardId: boards[0] }))));

  // A 40-item meeting as typed: items and sub-items, a discussion of ~3,000 characters each,
  // a decision and two actions per item with owners and a due.
  const bigMeeting = must<{ id: string }>(core.call('createMeeting', { boardId: boards[1], date: '2014-02-19', startTime: '11:00', endTime: '13:00' })).id;
  const paragraph = 'MOC welcomed the board. The draft minutes from the previous meeting were reviewed and agreed for accuracy. '.repeat(10);
  const discussion = JSON.stringify({
    root: { type: 'root', version: 1, children: [0, 1, 2].map(() => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: paragraph }] })) },
  });
  let parent: string | null = null;
  for (let i = 0; i < 40; i++) {
    const sub: boolean = i % 4 !== 0 && parent !== null;
    const added: { item: { id: string } } = must(core.call('addAgendaItem', { meetingId: bigMeeting, title: `Agenda item ${i + 1}`, parentId: sub ? parent : null }));
    if (!sub) parent = added.item.id;
    must(core.call('saveDiscussion', { itemId: added.item.id, json: discussion, text: paragraph.repeat(3) }));
    must(core.call('addDecision', { itemId: added.item.id, text: 'All recommendations were accepted' }));
    for (let a = 0; a < 2; a++) must(core.call('addAction', { itemId: added.item.id, details: 'Review the terms of reference', owners: [{ name: 'AF' }, { name: 'tbc' }], due: 'next meeting' }));
  }
  results.push(measure('open a 40-item meeting (core call)', 100, 10, () => must(core.call('getMinutes', { meetingId: bigMeeting }))));
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '—');
  const rows = results.map((r) => [r.name, String(r.runs), fmt(r.medianMs), fmt(r.p95Ms), r.budgetMs === null ? '—' : `< ${r.budgetMs}`, r.pass === null ? '—' : r.pass ? 'pass' : 'FAIL']);
  const header = ['measurement', 'runs', 'median ms', 'p95 ms', 'budget ms', 'result'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\nNot measured yet (they arrive with their capabilities): the large store, outstanding actions, carry-forward, editor keystroke-to-paint (the editor keeps items independent for it), PDF, browser host start.');
  const out = path.resolve('bench/results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
  console.log(`\nWritten to ${path.join(out, 'latest.json')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
