// Bench diagnostics for the carry forward's tail (`--only carry-tail`): on a copy of the large
// store, carries into new meetings with each suspect of the slow ones switched on or off in turn,
// alternately in the same run, each carry's wall and CPU time, WAL frames, WAL growth and any
// garbage collection inside it recorded; and the disk's own fsync, measured between them. Run the
// process under `strace -f -T -e trace=fsync,fdatasync,access` to see each carry's syncs: every
// carry is bracketed by an access() of a marker path naming it (CARRY_MARKS).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/driver';
import { checkpointIdle } from '../../electron/core/store/checkpoints';
import { must } from './actionLogBench';
import { copyStore, quantile, type Report, settleCopy, settleHeap } from './harness';

/** Paths access()ed before and after each carry, so a syscall trace can be cut into carries. */
export const CARRY_MARKS = '/tmp/ma-carry-mark';

type Mode =
  | 'as the app'
  | 'no fsync (diagnosis only)'
  | 'first write after an idle checkpoint'
  | 'first write after a checkpoint leaving the log to restart'
  | 'fsync of a 128 KB file';

interface Lap {
  wall: number;
  cpu: number;
  frames: number;
  walGrew: number;
  gc: number;
}

/** The wal-index header's mxFrame (frames in the log), read from the -shm file as SQLite keeps it. */
function walFrames(shm: string): number {
  const fd = fs.openSync(shm, 'r');
  try {
    const header = Buffer.alloc(48);
    fs.readSync(fd, header, 0, 48, 0);
    return header.readUInt32LE(16);
  } finally {
    fs.closeSync(fd);
  }
}

function size(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

function mark(name: string): void {
  fs.existsSync(`${CARRY_MARKS}/${name}`);
}

export async function carryTail(report: Report, source: string, rounds = 40): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-carry-tail-'));
  const copy = path.join(dir, 'large.sqlite');
  copyStore(source, copy);
  const probe = path.join(dir, 'probe.bin');
  const block = Buffer.alloc(128 * 1024, 7);
  const gcs: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const core = await startCore(copy, {}, { openedBriefly: true });
  const laps = new Map<Mode, Lap[]>();
  const spans: Array<{ mode: Mode; start: number; end: number; lap: Lap }> = [];
  const idleLaps: number[] = [];
  try {
    await core.store?.integrity;
    settleCopy(dir);
    settleHeap();
    const db = core.store!.db;
    const boards = must<{ id: string }[]>(core.call('listBoards', {}));
    const statements = process.env.MA_CARRY_STATEMENTS ? timeStatements(db) : null;
    const modes: Mode[] = [
      'as the app',
      'no fsync (diagnosis only)',
      'first write after an idle checkpoint',
      'first write after a checkpoint leaving the log to restart',
      'fsync of a 128 KB file',
    ];
    // MA_CARRY_PROFILE=<file>: V8's CPU profile of the whole loop, for where a carry's CPU goes.
    const profile = process.env.MA_CARRY_PROFILE ? new Session() : null;
    if (profile) {
      profile.connect();
      await profile.post('Profiler.enable');
      await profile.post('Profiler.setSamplingInterval', { interval: 100 });
      await profile.post('Profiler.start');
    }
    let run = 0;
    for (let round = 0; round < rounds + 2; round++) {
      for (const mode of modes) {
        let cpu0 = process.cpuUsage();
        let frames0 = walFrames(`${copy}-shm`);
        let wal0 = size(`${copy}-wal`);
        let start: number;
        let end: number;
        if (mode === 'fsync of a 128 KB file') {
          // The disk's own: one write and sync of about what a carry's commit writes.
          mark(`${run}-start`);
          start = performance.now();
          const fd = fs.openSync(probe, 'w');
          fs.writeSync(fd, block);
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          end = performance.now();
          mark(`${run}-end`);
        } else {
          const boardId = boards[run % boards.length]!.id;
          const day = new Date(Date.UTC(2030, 0, 1 + run)).toISOString().slice(0, 10);
          const meeting = must<{ id: string }>(core.call('createMeeting', { boardId, date: day }));
          // The app's idle checkpoint (store/checkpoints.ts), and the bare one it replaced (round 5's).
          if (mode === 'first write after an idle checkpoint') {
            // What the pause's checkpoint and the log's new start cost, on the timer, off the user's path.
            const idle0 = performance.now();
            checkpointIdle(db);
            if (round >= 2) idleLaps.push(performance.now() - idle0);
          }
          if (mode === 'first write after a checkpoint leaving the log to restart') db.pragma('wal_checkpoint(PASSIVE)');
          if (mode === 'no fsync (diagnosis only)') db.pragma('synchronous = OFF');
          // After a checkpoint the log starts again from its first frame: counted from there.
          frames0 = mode === 'first write after a checkpoint leaving the log to restart' ? 0 : walFrames(`${copy}-shm`);
          wal0 = size(`${copy}-wal`);
          cpu0 = process.cpuUsage();
          mark(`${run}-start`);
          if (statements && mode === 'no fsync (diagnosis only)') statements.on = true;
          start = performance.now();
          must(core.call('carryForward', { meetingId: meeting.id }));
          end = performance.now();
          if (statements) statements.on = false;
          mark(`${run}-end`);
          if (mode === 'no fsync (diagnosis only)') db.pragma('synchronous = FULL');
        }
        const cpu = process.cpuUsage(cpu0);
        const lap: Lap = {
          wall: end - start,
          cpu: (cpu.user + cpu.system) / 1000,
          frames: walFrames(`${copy}-shm`) - frames0,
          walGrew: size(`${copy}-wal`) - wal0,
          gc: 0,
        };
        if (round >= 2) spans.push({ mode, start, end, lap });
        run++;
      }
      // Let the observer's callback run, between rounds, never inside a measured call.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (statements) {
      for (const [sql, t] of [...statements.spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
        console.log(`${(t.ms / t.calls).toFixed(3)} ms x ${t.calls}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    if (profile) {
      const { profile: taken } = await profile.post('Profiler.stop');
      fs.writeFileSync(process.env.MA_CARRY_PROFILE!, JSON.stringify(taken));
      profile.disconnect();
    }
  } finally {
    core.close();
    observer.disconnect();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const { mode, start, end, lap } of spans) {
    lap.gc = gcs.filter((g) => g.end > start && g.start < end).length;
    laps.set(mode, [...(laps.get(mode) ?? []), lap]);
  }
  for (const [mode, list] of laps) {
    const pick = (f: (l: Lap) => number): number[] => list.map(f);
    const slow = [...list].sort((a, b) => b.wall - a.wall).slice(0, 3);
    const note = `CPU ${quantile(pick((l) => l.cpu), 0.5).toFixed(2)} / ${quantile(pick((l) => l.cpu), 0.95).toFixed(2)} ms; frames ${Math.min(...pick((l) => l.frames))}–${Math.max(...pick((l) => l.frames))}; WAL file grew in ${list.filter((l) => l.walGrew > 0).length} of ${list.length}; collections inside: ${list.reduce((n, l) => n + l.gc, 0)}; slowest three wall/CPU: ${slow.map((l) => `${l.wall.toFixed(1)}/${l.cpu.toFixed(1)}`).join(', ')}`;
    report.add(`carry's tail: ${mode}`, pick((l) => l.wall), { note });
  }
  report.add("carry's tail: the idle checkpoint after a carry, and the log started again (on the timer)", idleLaps);
}

/**
 * MA_CARRY_STATEMENTS=1: each statement's time within the measured carries (those without a sync,
 * so the commit is not in it), by its SQL, printed after the run.
 */
function timeStatements(db: Database): { on: boolean; spent: Map<string, { ms: number; calls: number }> } {
  const state = { on: false, spent: new Map<string, { ms: number; calls: number }>() };
  const prepare = db.prepare.bind(db);
  const timed = <T>(sql: string, f: () => T): T => {
    if (!state.on) return f();
    const t0 = performance.now();
    try {
      return f();
    } finally {
      const entry = state.spent.get(sql) ?? { ms: 0, calls: 0 };
      entry.ms += performance.now() - t0;
      entry.calls++;
      state.spent.set(sql, entry);
    }
  };
  const wrapped = new WeakSet<object>();
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    // The connection hands back the same statement for the same SQL (db/statements.ts): wrapped once.
    if (wrapped.has(statement)) return statement;
    wrapped.add(statement);
    for (const method of ['run', 'get', 'all'] as const) {
      const original = (statement[method] as (...a: unknown[]) => unknown).bind(statement);
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => timed(sql, () => original(...args));
    }
    return statement;
  }) as Database['prepare'];
  return state;
}
