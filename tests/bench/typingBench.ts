// Bench: keystroke to paint in a 40- and a 120-item meeting, against bare Lexical editors holding
// the same discussions, measured the same way in the same browser; then both traced (Chromium's
// performance trace) to say where a keystroke's main-thread time goes.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { startCore, type Core } from '../../electron/core/app';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../electron/pdf/print';
import type { Report } from './harness';
import { spawnHost } from './hostProcess';
import { describeBreakdown, mainThreadBreakdown, traced } from './traceSummary';

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

/** Types `keys` characters at the end of the editor, one at a time, each measured; the first 10 are warm-up. */
async function typeAndMeasure(page: Page, editor: Locator, keys: number): Promise<Probe> {
  await editor.click();
  await page.keyboard.press('Control+End');
  await typeKeys(page, keys, 0);
  const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
  return { total: probe.total.slice(10), toFrame: probe.toFrame.slice(10), frame: probe.frame.slice(10) };
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

/**
 * The same typing, traced: where each keystroke's main-thread time goes. The app first saves what
 * was just typed (the pause before the trace is longer than the save's) and the screens that
 * follow the meeting read again; traced in the middle of that, a keystroke's share would carry a
 * save's round trip that the keystrokes measured above never met.
 */
async function profileTyping(page: Page, keys: number, label: string, settle?: () => Promise<void>): Promise<string> {
  await settle?.();
  const done = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.total.length);
  const events = await traced(page, () => typeKeys(page, keys, done), traceCategories());
  // BENCH_TRACE_DIR keeps the raw traces, to open in Chromium's DevTools (Performance panel).
  const keep = process.env.BENCH_TRACE_DIR;
  if (keep) fs.writeFileSync(path.join(keep, `typing-${label}.json`), JSON.stringify({ traceEvents: events }));
  return describeBreakdown(mainThreadBreakdown(events, keys));
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
  const seed = await startCore(dataFile, {}, { noDailyBackup: true });
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
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...UNTHROTTLED_FRAMES] });
  const { child: host, url: address } = spawnHost(dataFile);
  try {
    const bare = await openPage(browser, `http://127.0.0.1:${port}/bare-lexical.html`);
    const bareEditor = bare.getByTestId('discussion-editor').nth(Math.floor(items / 2));
    await bareEditor.waitFor();
    const bareProbe = await typeAndMeasure(bare, bareEditor, 90);
    const bareProfile = await profileTyping(bare, 30, `bare-${items}`);
    await bare.close();

    const url = await address;
    const app = await openPage(browser, url);
    await app.locator('.board-list a').first().waitFor();
    await app.goto(`${new URL(url).origin}/#/meetings/${meetingId}`);
    const editor = app.getByTestId('discussion-editor').nth(Math.floor(items / 2));
    await editor.waitFor();
    // For trying a change of style or script on the app's page before changing the product
    // (BENCH_APP_SCRIPT is evaluated in the page once it is open, before the typing).
    if (process.env.BENCH_APP_CSS) await app.addStyleTag({ content: process.env.BENCH_APP_CSS });
    if (process.env.BENCH_APP_SCRIPT) await app.evaluate(process.env.BENCH_APP_SCRIPT);
    const appProbe = await typeAndMeasure(app, editor, 90);
    const appProfile = await profileTyping(app, 30, `app-${items}`, async () => {
      await app.getByTestId('save-status').getByText('All changes saved').waitFor();
      // The sections that follow the meeting read again after its save: wait for those answers
      // to land (the host answers slowly on a busy machine) and the page to go quiet (five idle
      // periods in a row with nearly all their time free).
      await app.waitForTimeout(2000);
      await app.evaluate(
        () =>
          new Promise<void>((resolve) => {
            let quiet = 0;
            const tick = (deadline: IdleDeadline): void => {
              quiet = deadline.timeRemaining() >= 40 ? quiet + 1 : 0;
              if (quiet >= 5) resolve();
              else requestIdleCallback(tick);
            };
            requestIdleCallback(tick);
          }),
      );
    });

    report.add(baseline, bareProbe.total, { note: `trace per keystroke: ${bareProfile}` });
    report.add(name, appProbe.total, { budget: 16, maxRatio: 1.2, baseline, note: `trace per keystroke: ${appProfile}` });
    report.add(`  of which keydown to the frame (bare Lexical)`, bareProbe.toFrame);
    report.add(`  of which keydown to the frame (${items} items)`, appProbe.toFrame);
    report.add(`  of which the frame itself (bare Lexical)`, bareProbe.frame);
    report.add(`  of which the frame itself (${items} items)`, appProbe.frame);
  } finally {
    await browser.close();
    host.kill('SIGTERM');
    server.close();
  }
}
