// Bench: what the screen costs while it is used (scrolling the action log), measured inside the page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeBreakdown, mainThreadBreakdown, traced } from './traceSummary';
import { BROWSER_TOKEN_HEADER } from '../../shared/contract';

/**
 * Scrolls the page's scrolling area one step at a time (a mouse wheel's 120 px) and measures,
 * inside the page, from the scroll event (the start of the frame that shows the step) to the
 * task after that frame painted: the work one frame of scrolling costs, without the wait for it.
 */
export async function scrollSteps(page: Page, steps: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const content = document.getElementById('content') as HTMLElement;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const scrolled = new Promise<number>((resolve) => content.addEventListener('scroll', () => resolve(window.performance.now()), { once: true, capture: true }));
      content.scrollTop += 120;
      const t0 = await scrolled;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      times.push(window.performance.now() - t0);
    }
    return times.slice(10);
  }, steps);
}

/** The same steps, traced: where one step's main-thread time goes (script, style, layout, paint). */
export async function profileScrolling(page: Page, steps: number): Promise<string> {
  const events = await traced(page, async () => {
    await scrollSteps(page, steps + 10);
  });
  // BENCH_TRACE_DIR keeps the raw trace, to open in Chromium's DevTools (Performance panel).
  if (process.env.BENCH_TRACE_DIR) fs.writeFileSync(path.join(process.env.BENCH_TRACE_DIR, 'scrolling.json'), JSON.stringify({ traceEvents: events }));
  return describeBreakdown(mainThreadBreakdown(events, steps + 10));
}

/**
 * Main-thread script time (Chromium's own count: CDP Performance metrics) while the action log is
 * scrolled a long way, `steps` wheel steps each waited to its painted frame, so core's window moves
 * many times (every 50 rows); per 100 steps. What the page renders when the window moves shows
 * here (the filters' 1,793 options did: PROFILE.md, round 9), where the step times hide it in noise.
 */
export async function scriptWhileScrolling(page: Page, steps: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const script = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
    const before = await script();
    await scrollSteps(page, steps);
    return (((await script()) - before) * 1000 * 100) / steps;
  } finally {
    await cdp.detach();
  }
}

/**
 * The screen while the app backs up the file it has open: the user asks for a backup (the
 * contract's backUpNow, as the Backups screen's button does) and goes on scrolling the action
 * log, one step after another, until the backup has been written. Measured as `scrollSteps` is
 * (scroll event to the task after the frame painted). The backup's own time comes back too.
 */
export async function scrollWhileBackingUp(page: Page, token: string): Promise<{ steps: number[]; backupMs: number; backup: { name: string } }> {
  return page.evaluate(
    async ({ token, header }) => {
      const content = document.getElementById('content') as HTMLElement;
      const started = window.performance.now();
      let backupMs = 0;
      let answer: unknown = null;
      const backup = fetch('/api/backUpNow', { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body: '{}' })
        .then((r) => r.json())
        .then((a: unknown) => {
          answer = a;
          backupMs = window.performance.now() - started;
        });
      let done = false;
      void backup.finally(() => (done = true));
      const steps: number[] = [];
      while (!done) {
        // Back to the top at the end of the log, and on.
        if (content.scrollTop + content.clientHeight >= content.scrollHeight - 240) content.scrollTop = 0;
        const scrolled = new Promise<number>((resolve) => content.addEventListener('scroll', () => resolve(window.performance.now()), { once: true, capture: true }));
        content.scrollTop += 120;
        const t0 = await scrolled;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        steps.push(window.performance.now() - t0);
      }
      await backup;
      const result = answer as { ok?: boolean; value?: { name: string }; error?: { message: string } };
      if (!result.ok || !result.value) throw new Error(`backUpNow failed: ${result.error?.message ?? JSON.stringify(result)}`);
      return { steps, backupMs, backup: result.value };
    },
    { token, header: BROWSER_TOKEN_HEADER },
  );
}
