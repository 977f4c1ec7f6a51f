// Bench: actions between meetings on the large store (issue 14): recording progress reported
// between meetings (a write: measured on a copy, like carrying forward), and reading an action's
// timeline of meeting and between-meeting updates, with the reports just recorded in it. No
// budget is set for either in ARCHITECTURE.md: the rows are printed for the record.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/core/app';
import type { ActionLog } from '../../shared/contract';
import { todayIso } from '../../shared/domain/dates';
import { must } from './actionLogBench';
import { type Report, copyStore, settleCopy, settleHeap, timeRuns } from './harness';

const STATUSES = ['in_progress', 'open', 'deferred'] as const;

export async function betweenMeetingsOnCopy(report: Report, source: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-between-'));
  const copy = path.join(dir, 'large.sqlite');
  copyStore(source, copy);
  const core = await startCore(copy, {}, { openedBriefly: true });
  try {
    await core.store?.integrity;
    settleCopy(dir);
    settleHeap();
    // Outstanding actions across the boards, spread over the log (the most carried ones among them).
    const log = must<ActionLog>(core.call('outstandingActions', {}));
    const step = Math.max(1, Math.floor(log.actions.length / 200));
    const actions = log.actions.filter((_, i) => i % step === 0).slice(0, 200);
    const today = todayIso();
    const samples: number[] = [];
    actions.forEach((a, run) => {
      const start = performance.now();
      must(
        core.call('recordActionProgress', {
          actionId: a.id,
          date: today,
          text: `Reported by email: report ${run} attached, work ${run % 2 ? 'in train' : 'progressing'}.`,
          status: STATUSES[run % STATUSES.length],
          reportedBy: 'Bench Owner',
        }),
      );
      samples.push(performance.now() - start);
    });
    report.add('large store: record progress between meetings (core call recordActionProgress)', samples.slice(5));
    let i = 0;
    report.add(
      "large store: read an action's timeline of meeting and between-meeting updates (core call getActionTimeline)",
      await timeRuns(200, () => must(core.call('getActionTimeline', { actionId: actions[i++ % actions.length]!.id }))),
    );
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
