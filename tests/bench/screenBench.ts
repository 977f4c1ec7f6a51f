// Bench: what the screen costs while it is used (scrolling the action log), measured inside the page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describeBreakdown, mainThreadBreakdown, traced } from './traceSummary';

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
