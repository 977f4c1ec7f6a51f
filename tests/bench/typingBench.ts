// Bench: keystroke to paint in a 40- and a 120-item meeting, against bare Lexical editors holding
// the same discussions, both pages open at once and typed alternately in short blocks (so both
// meet the same load); then both traced the same way (Chromium's performance trace) to say where
// a keystroke's main-thread time goes.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { startCore, type Core } from '../../electron/core/app';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/pdf/print';
import type { Report } from './harness';
import { spawnHost } from './hostProcess';
import { describeBreakdown, mainThreadBreakdown, startTrace } from './traceSummary';

const TEXT = 'The board agreed the proposal and asked for a report to the next meeting. ';

/**
 * Frames drawn as soon as there is something to draw, not on a 60 Hz clock. On the clock, a
 * keystroke also waits for the next tick (anything from 0 to 16.7 ms, by when in the frame the
 * key happens to come), so the p95 of even an empty page's keystroke-to-paint sat near 16 ms and
 * measured the clock rather than the page. Without it, the figure is the keystroke's own work up
 * to its painted frame, for the app and for bare Lexical alike, in the same browser.
 */
const UNTHROTTLED_FRAMES = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

interface Probe {
  /** keydown (capture, first listener) to the task after the next frame was painted. */
  total: number[];
  /** keydown to that frame's animation-frame callbacks: input handling, then waiting for the frame. */
  toFrame: number[];
  /** the frame's callbacks to the task after it was painted: style, layout, paint. */
  frame: number[];
}

const PROBE = (): void => {
  const w = window as unknown as { __probe: Probe };
  w.__probe = { total: [], toFrame: [], frame: [] };
  document.addEventListener(
    'keydown',
    () => {
      // The page's own clock, named through window: this function runs in the browser, and the
      // bundler may rename a `performance` import of this file.
      const t0 = window.performance.now();
      // rAF runs just before the frame is painted; the task after it runs once it has been.
      requestAnimationFrame(() => {
        const t1 = window.performance.now();
        setTimeout(() => {
          const t2 = window.performance.now();
          w.__probe.toFrame.push(t1 - t0);
          w.__probe.frame.push(t2 - t1);
          w.__probe.total.push(t2 - t0);
        }, 0);
      });
    },
    true,
  );
};

async function typeKeys(page: Page, keys: number, from: number): Promise<void> {
  for (let i = 0; i < keys; i++) {
    await page.keyboard.type(TEXT[(from + i) % TEXT.length] ?? 'x');
    await page.waitForFunction((n) => (window as unknown as { __probe: Probe }).__probe.total.length >= n, from + i + 1);
  }
}

/** Keys typed into each page, after its warm-up. */
const KEYS = 200;
/** The first keys of each page, not counted (the first frames after the caret is placed do more). */
const WARMUP = 10;
/**
 * Keys typed into one page before turning to the other: one. Typed one page and then the other,
 * a change in the machine's load fell between them and the ratio swung 1.05x-1.47x between two
 * runs of the same code (PROFILE.md, round 9); alternating, both pages meet the same load. One
 * key, not a block: a page then waits only for the other page's one key (12-25 ms) between its
 * own, as it did before, while blocks of five left the app pauses of 110-260 ms under load (more
 * when tracing), long enough at times for its pause work (the initials scan after 300 ms, the save
 * after 400 ms) to start between two keys, which continuous typing never meets.
 */
const BLOCK = 1;
/** Keys traced on each page, typed alternately like the measured ones. */
const TRACED_KEYS = 30;
/** Keys profiled on each page (BENCH_CPU_PROFILE). */
const PROFILED_KEYS = 100;

interface Typist {
  page: Page;
  /** Keys typed so far (the probe's count once each has been painted). */
  typed: number;
}

/**
 * Types `keys` characters into each page, `BLOCK` at a time, turning from one page to the other,
 * so both see the same load. Each page's caret is already where the typing goes.
 */
async function typeAlternately(typists: readonly Typist[], keys: number): Promise<void> {
  for (let done = 0; done < keys; done += BLOCK) {
    for (const t of typists) {
      const n = Math.min(BLOCK, keys - done);
      await typeKeys(t.page, n, t.typed);
      t.typed += n;
    }
  }
}

/**
 * Puts the caret at the end of the editor's text; gives back the keys the probe has counted by
 * then (Control and End are keys too), from which the typing's own are counted.
 */
async function caretAtEnd(page: Page, editor: Locator): Promise<number> {
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.total.length >= 2);
  return page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.total.length);
}

/** A page's measured keys: those after its first `start` (the caret's) and the warm-up. */
async function probeOf(page: Page, start: number): Promise<Probe> {
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
  const from = start + WARMUP;
  const to = from + KEYS;
  return { total: probe.total.slice(from, to), toFrame: probe.toFrame.slice(from, to), frame: probe.frame.slice(from, to) };
}

/**
 * Switches for profiling the typing (PROFILE.md, round 8), both off in the bench's own runs:
 * - BENCH_TRACE_LAYOUT=1 adds Blink's layout and invalidation trace events (which nodes each
 *   keystroke dirties, the layout pass's own scopes, layer updates);
 * - BENCH_TRACE_NO_DOM_STATS=1 leaves out the DevTools timeline's detailed category. With it on,
 *   Chromium counts the whole DOM on every frame for the Performance panel ("DOMStats"): work a
 *   page never does untraced, which grows with the page (17,000 elements in a 120-item meeting
 *   against 1,100 for bare Lexical) and so made the app's traced frames look ~0.4 ms dearer than
 *   they are. Without it the trace has no Commit events.
 */
function traceCategories(): { add: string[]; drop: string[] } {
  const layout = ['blink', 'blink.debug', 'disabled-by-default-blink.debug.layout', 'disabled-by-default-devtools.timeline.invalidationTracking'];
  return {
    add: process.env.BENCH_TRACE_LAYOUT === '1' ? layout : [],
    drop: process.env.BENCH_TRACE_NO_DOM_STATS === '1' ? ['disabled-by-default-devtools.timeline'] : [],
  };
}

/** Waits for the page to go quiet: five idle periods in a row with nearly all their time free. */
function quiet(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let calm = 0;
        const tick = (deadline: IdleDeadline): void => {
          calm = deadline.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 5) resolve();
          else requestIdleCallback(tick);
        };
        requestIdleCallback(tick);
      }),
  );
}

/**
 * The same typing, traced, both pages at once and alternately as measured: where each keystroke's
 * main-thread time goes, wall and CPU. The app first saves what was just typed (the pause before
 * the trace is longer than the save's) and the screens that follow the meeting read again; traced
 * in the middle of that, a keystroke's share would carry a save's round trip that the keystrokes
 * measured never met.
 */
async function profileTyping(typists: ReadonlyArray<Typist & { label: string }>): Promise<string[]> {
  for (const t of typists) await quiet(t.page);
  const traces = [];
  for (const t of typists) traces.push(await startTrace(t.page, traceCategories()));
  await typeAlternately(typists, TRACED_KEYS);
  // Both stopped at once: stopped one after the other, the second trace ran on while the first was
  // read out (a second or more under load), long enough for the app's pause work (the initials
  // scan, the save) to land in its trace and be counted against its keys.
  const stopped = await Promise.all(traces.map((trace) => trace.stop()));
  const notes: string[] = [];
  for (const [i, t] of typists.entries()) {
    const events = stopped[i] ?? [];
    // BENCH_TRACE_DIR keeps the raw traces, to open in Chromium's DevTools (Performance panel).
    const keep = process.env.BENCH_TRACE_DIR;
    if (keep) fs.writeFileSync(path.join(keep, `typing-${t.label}.json`), JSON.stringify({ traceEvents: events }));
    const cpu = mainThreadBreakdown(events, TRACED_KEYS, 'cpu').reduce((sum, b) => sum + b.ms, 0);
    notes.push(`${describeBreakdown(mainThreadBreakdown(events, TRACED_KEYS))}; CPU time ${cpu.toFixed(2)} ms`);
  }
  return notes;
}

/**
 * BENCH_CPU_PROFILE=<folder>: V8's sampling profile of both pages through the same alternate
 * typing (one sample every 50 µs), written there as typing-<page>.cpuprofile (DevTools opens them):
 * which functions run per keystroke in the app and not in bare Lexical (PROFILE.md, round 9).
 */
async function cpuProfiles(typists: ReadonlyArray<Typist & { label: string }>, dir: string): Promise<void> {
  const sessions = [];
  for (const t of typists) {
    const cdp = await t.page.context().newCDPSession(t.page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    sessions.push(cdp);
  }
  await typeAlternately(typists, PROFILED_KEYS);
  for (const [i, t] of typists.entries()) {
    const { profile } = await sessions[i]!.send('Profiler.stop');
    fs.writeFileSync(path.join(dir, `typing-${t.label}.cpuprofile`), JSON.stringify(profile));
    await sessions[i]!.detach();
  }
}

function servePages(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.json') ? 'application/json' : 'text/html' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(PROBE);
  await page.goto(url);
  return page;
}

/** Keystroke to paint in a meeting of `items` items, against bare Lexical editors holding the same text. */
export async function keystrokeToPaint(
  report: Report,
  dir: string,
  items: number,
  makeMeeting: (core: Core, boardId: string, count: number) => Promise<string>,
): Promise<void> {
  const name = `keystroke to paint in a ${items}-item meeting`;
  const baseline = `keystroke to paint: bare Lexical, same ${items} discussions (baseline)`;
  if (!fs.existsSync(CHROMIUM_PATH)) return report.skip(name, `no Chromium at ${CHROMIUM_PATH}`);
  const pagesDir = path.join(process.cwd(), 'out/bench-pages');
  if (!fs.existsSync(path.join(pagesDir, 'bare-lexical.html'))) return report.skip(name, 'the baseline page is not built (vite.bench-pages.config.ts)');
  const dataFile = path.join(dir, `editor-${items}.sqlite`);
  const seed = await startCore(dataFile, {}, { openedBriefly: true });
  const created = seed.call('createBoard', { name: 'Executive Board' });
  if (!created.ok) throw new Error(created.error.message);
  const meetingId = await makeMeeting(seed, (created.value as { id: string }).id, items);
  const minutes = seed.call('getMinutes', { meetingId });
  if (!minutes.ok) throw new Error(minutes.error.message);
  seed.close();
  const discussions = (minutes.value as { items: { discussionJson: string | null }[] }).items.map((i) => i.discussionJson);
  fs.writeFileSync(path.join(pagesDir, 'content.json'), JSON.stringify(discussions));

  const { chromium } = await import('playwright-core');
  const server = await servePages(pagesDir);
  const port = (server.address() as { port: number }).port;
  // One browser each: two renderer processes, each traced on its own, neither page's timers or
  // saves on the other's main thread.
  const launch = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...UNTHROTTLED_FRAMES] });
  const browsers = [await launch(), await launch()] as const;
  const { child: host, url: address } = spawnHost(dataFile);
  try {
    const bare = await openPage(browsers[0], `http://127.0.0.1:${port}/bare-lexical.html`);
    const bareEditor = bare.getByTestId('discussion-editor').nth(Math.floor(items / 2));
    await bareEditor.waitFor();

    const url = await address;
    const app = await openPage(browsers[1], url);
    await app.locator('.board-list a').first().waitFor();
    await app.goto(`${new URL(url).origin}/#/meetings/${meetingId}`);
    const editor = app.getByTestId('discussion-editor').nth(Math.floor(items / 2));
    await editor.waitFor();
    // For trying a change of style or script on the app's page before changing the product
    // (BENCH_APP_SCRIPT is evaluated in the page once it is open, before the typing).
    if (process.env.BENCH_APP_CSS) await app.addStyleTag({ content: process.env.BENCH_APP_CSS });
    if (process.env.BENCH_APP_SCRIPT) await app.evaluate(process.env.BENCH_APP_SCRIPT);

    const bareStart = await caretAtEnd(bare, bareEditor);
    const appStart = await caretAtEnd(app, editor);
    const typists = [
      { page: bare, typed: bareStart, label: `bare-${items}` },
      { page: app, typed: appStart, label: `app-${items}` },
    ];
    await typeAlternately(typists, WARMUP + KEYS);
    const bareProbe = await probeOf(bare, bareStart);
    const appProbe = await probeOf(app, appStart);
    await app.getByTestId('save-status').getByText('All changes saved').waitFor();
    // The sections that follow the meeting read again after its save: wait for those answers to
    // land (the host answers slowly on a busy machine) before the page's quiet is waited for.
    await app.waitForTimeout(2000);
    const [bareProfile, appProfile] = await profileTyping(typists);
    if (process.env.BENCH_CPU_PROFILE) await cpuProfiles(typists, process.env.BENCH_CPU_PROFILE);

    report.add(baseline, bareProbe.total, { note: `trace per keystroke: ${bareProfile}` });
    report.add(name, appProbe.total, { budget: 16, maxRatio: 1.2, baseline, note: `trace per keystroke: ${appProfile}` });
    report.add(`  of which keydown to the frame (bare Lexical)`, bareProbe.toFrame);
    report.add(`  of which keydown to the frame (${items} items)`, appProbe.toFrame);
    report.add(`  of which the frame itself (bare Lexical)`, bareProbe.frame);
    report.add(`  of which the frame itself (${items} items)`, appProbe.frame);
  } finally {
    for (const b of browsers) await b.close();
    host.kill('SIGTERM');
    server.close();
  }
}
