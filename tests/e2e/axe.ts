// axe-core in the page under test: its own source injected as a script (no network), run over
// the whole document or one dialog, every rule at every impact. A violation fails the test with
// the rule, the impact and the elements, so the report says what to fix.
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core over the page (or the open modal dialog, which is all a user can reach) and expects no violation. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const dialog = document.querySelector('dialog[open]');
    const result = await axe.run(dialog ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  expect(violations, `axe-core on ${where}:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
}
