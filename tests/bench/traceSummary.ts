// Bench: where a page's main thread spends its time while something is done to it, from
// Chromium's performance trace (the DevTools timeline categories) taken through a CDP session:
// script by what ran it (each input event's handlers, microtasks, timers, other tasks), style,
// layout (and how much of it script forced), paint and compositing, garbage collection.
import type { Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time spent in the event (what a loaded machine does not stretch). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing'];

type Categories = { add?: readonly string[]; drop?: readonly string[] };

/**
 * Starts tracing the page's browser; `stop()` ends it and gives back the trace's events. Two pages
 * in two browsers can be traced at once this way (the typing bench types them alternately).
 * `categories` adds trace categories to the usual ones, or drops some of them.
 */
export async function startTrace(page: Page, categories: Categories = {}): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const included = [...CATEGORIES, ...(categories.add ?? []), ...(process.env.BENCH_TRACE_EXTRA ?? '').split(',').filter(Boolean)].filter((c) => !categories.drop?.includes(c));
  try {
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: included } });
  } catch (err) {
    await cdp.detach().catch(() => undefined);
    throw err;
  }
  const stop = async (): Promise<TraceEvent[]> => {
    try {
      const complete = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { stream } = await complete;
      if (!stream) return [];
      let text = '';
      for (;;) {
        const chunk = await cdp.send('IO.read', { handle: stream });
        text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
        if (chunk.eof) break;
      }
      await cdp.send('IO.close', { handle: stream });
      const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
      return Array.isArray(parsed) ? parsed : parsed.traceEvents;
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
  return { stop };
}

/**
 * Runs `act` with the page traced; returns the trace's events. `categories` adds trace categories
 * to the usual ones, or drops some of them (for a caller that asks for it, behind its own switch).
 */
export async function traced(page: Page, act: () => Promise<void>, categories: Categories = {}): Promise<TraceEvent[]> {
  const trace = await startTrace(page, categories);
  try {
    await act();
  } catch (err) {
    await trace.stop().catch(() => undefined);
    throw err;
  }
  return trace.stop();
}

/** The bucket an event's own time belongs to; null: its parent's. */
function bucketOf(e: TraceEvent, insideScript: boolean): string | null {
  switch (e.name) {
    case 'EventDispatch':
      return `script: ${e.args?.data?.type ?? 'event'} handlers`;
    case 'RunMicrotasks':
      return 'script: microtasks (Lexical commits, promise callbacks)';
    case 'TimerFire':
      return 'script: timers';
    case 'FireAnimationFrame':
      return 'script: animation frame callbacks';
    case 'FunctionCall':
    case 'EvaluateScript':
    case 'V8.Execute':
      return insideScript ? null : 'script: other tasks (React scheduler, messages)';
    case 'UpdateLayoutTree':
    case 'RecalculateStyles':
    case 'ScheduleStyleRecalculation':
      return insideScript ? 'style, forced by script' : 'style';
    case 'Layout':
      return insideScript ? 'layout, forced by script' : 'layout';
    case 'PrePaint':
    case 'Paint':
    case 'PaintImage':
    case 'Layerize':
    case 'UpdateLayer':
    case 'UpdateLayerTree':
    case 'Commit':
    case 'CompositeLayers':
      return 'paint and compositing';
    case 'HitTest':
      return 'hit testing';
    case 'MinorGC':
    case 'MajorGC':
    case 'BlinkGC.AtomicPhase':
    case 'V8.GC_SCAVENGER':
    case 'V8.GC_MC_BACKGROUND_EVACUATE_COPY':
      return 'garbage collection';
    case 'ThreadControllerImpl::RunTask':
    case 'RunTask':
      return insideScript ? null : 'other (task overhead)';
    default:
      return null;
  }
}

const isScript = (bucket: string | null): boolean => bucket?.startsWith('script') ?? false;

/**
 * The page's renderer main thread: of the renderer main threads in the trace (a browser may keep
 * a spare renderer), the busiest one.
 */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let most = -1;
  for (const m of mains) {
    const count = events.reduce((n, e) => (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' ? n + 1 : n), 0);
    if (count > most) [best, most] = [{ pid: m.pid, tid: m.tid }, count];
  }
  return best;
}

/**
 * Self time (an event's duration less its children's) of the renderer's main thread, summed by
 * bucket, divided by `per` (the keystrokes or steps done while tracing): ms per keystroke. `clock`
 * 'cpu' sums the thread's CPU time (tdur) instead of the wall time: on a loaded machine the wall
 * time stretches with the load, the CPU time far less.
 */
export function mainThreadBreakdown(events: readonly TraceEvent[], per: number, clock: 'wall' | 'cpu' = 'wall'): Array<{ bucket: string; ms: number }> {
  const main = pageMainThread(events);
  if (!main) return [];
  const spans = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const cost = (e: TraceEvent): number => (clock === 'cpu' ? (e.tdur ?? e.dur ?? 0) : (e.dur ?? 0));
  const totals = new Map<string, number>();
  const stack: Array<{ end: number; bucket: string; script: boolean; childTime: number; dur: number }> = [];
  const close = (until: number): void => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
      const done = stack.pop()!;
      totals.set(done.bucket, (totals.get(done.bucket) ?? 0) + Math.max(0, done.dur - done.childTime));
    }
  };
  for (const e of spans) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    const own = bucketOf(e, parent?.script ?? false);
    const bucket = own ?? parent?.bucket ?? 'other (task overhead)';
    if (parent) parent.childTime += cost(e);
    stack.push({ end: e.ts + (e.dur ?? 0), bucket, script: isScript(bucket) || (parent?.script ?? false), childTime: 0, dur: cost(e) });
  }
  close(Number.POSITIVE_INFINITY);
  return [...totals.entries()]
    .map(([bucket, us]) => ({ bucket, ms: us / 1000 / per }))
    .filter((b) => b.ms >= 0.005)
    .sort((a, b) => b.ms - a.ms);
}

/** One line for the bench's notes: "total 3.1 ms: script: input handlers 1.2, layout 0.8, ...". */
export function describeBreakdown(breakdown: ReadonlyArray<{ bucket: string; ms: number }>): string {
  const total = breakdown.reduce((sum, b) => sum + b.ms, 0);
  return `${total.toFixed(2)} ms of main-thread work: ${breakdown.map((b) => `${b.bucket} ${b.ms.toFixed(2)}`).join(', ')}`;
}
