// Issue 13, point 7: where you type. The line being typed and the owner suggestions stay
// comfortably in view when the editor is at the window's bottom edge (measured as positions in
// the viewport, not as CSS), and the action's Details column is wide enough for a sentence.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';

const SAMPLE = 'Southwark Safeguarding Children Executive Board \\(sample\\)';
const HEIGHT = 900;
/** "Comfortably": at least this much of the window below the line being typed. */
const ROOM = 150;

async function openApril(page: Page): Promise<MinutesPage> {
  await page.setViewportSize({ width: 1440, height: HEIGHT });
  await page.locator('table.meeting-table tbody tr').filter({ hasText: '10 April 2014' }).getByRole('link').first().click();
  const minutes = new MinutesPage(page);
  await expect(minutes.item('1c').title).toHaveValue('Performance data update');
  return minutes;
}

/** Scrolls the page so that the element's bottom sits right at the window's bottom edge. */
async function toBottomEdge(page: Page, target: Locator): Promise<void> {
  // Cards off screen are laid out only once they come near (content-visibility): settle in a few frames.
  for (let i = 0; i < 6; i++) {
    await target.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          const scroller = document.getElementById('content')!;
          scroller.scrollTop += el.getBoundingClientRect().bottom - (window.innerHeight - 2);
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }),
    );
  }
  const box = (await target.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(HEIGHT - 10);
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
}

/** The caret's line in the viewport (its block's box on an empty line). */
const caretBox = (page: Page) =>
  page.evaluate(() => {
    const selection = window.getSelection()!;
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    if (rect.height > 0) return { top: rect.top, bottom: rect.bottom };
    const node = selection.anchorNode!;
    const block = (node instanceof Element ? node : node.parentElement)!.getBoundingClientRect();
    return { top: block.top, bottom: block.bottom };
  });

test.beforeEach(async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  await app.open(host.url);
  await app.sidebarBoard(SAMPLE).click();
});

test('typing new lines in a discussion at the bottom edge keeps the line comfortably in view', async ({ page }) => {
  const minutes = await openApril(page);
  const discussion = minutes.item('2a').discussion;
  await toBottomEdge(page, discussion);
  const box = (await discussion.boundingBox())!;
  // A real click where the user sees it: a locator's click would scroll the field into view first.
  await page.mouse.click(box.x + box.width - 20, box.y + box.height - 12);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The board asked for the assessment to come back in July.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('CM to circulate the data.');
  await expect(discussion).toContainText('CM to circulate the data.');
  const caret = await caretBox(page);
  expect(caret.bottom, 'the line being typed has room below it').toBeLessThanOrEqual(HEIGHT - ROOM);
  expect(caret.top, 'and is not under the bar at the top').toBeGreaterThan(64);
});

test('the owner suggestions open whole when the action is at the bottom edge', async ({ page }) => {
  const minutes = await openApril(page);
  const owners = minutes.item('1c').action(1).owners;
  await toBottomEdge(page, owners);
  const field = (await owners.boundingBox())!;
  await page.mouse.click(field.x + field.width / 2, field.y + field.height / 2);
  await expect(owners).toBeFocused();
  await page.keyboard.type('R');
  const list = minutes.item('1c').action(1).root.getByRole('listbox', { name: 'Suggestions' });
  await expect(list).toBeVisible();
  await expect(async () => {
    const box = (await list.boundingBox())!;
    expect(box.y + box.height, 'the whole list is inside the window').toBeLessThanOrEqual(HEIGHT);
    const now = (await owners.boundingBox())!;
    expect(now.y, 'and so is the field typed in').toBeGreaterThan(64);
  }).toPass();
});

test('an action’s Details column holds a sentence: the widest column, a long action in two lines at 1440 px', async ({ page }) => {
  const minutes = await openApril(page);
  const row = minutes.item('1c').action(1);
  await expect(row.details).toHaveValue('AF to provide CM with an invite to CAMHS service users to join the shadow safeguarding board');
  const widths = await row.root.locator(':scope > *').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().width));
  const details = widths[1]!;
  const table = widths.reduce((a, b) => a + b, 0);
  expect(details, 'Details is the widest column').toBe(Math.max(...widths));
  expect(details / table, 'and takes most of the table').toBeGreaterThanOrEqual(0.5);
  const lines = await row.details.evaluate((el) => Math.round((el as HTMLTextAreaElement).scrollHeight / parseFloat(getComputedStyle(el).lineHeight)));
  expect(lines, 'the 92-character action reads in two lines').toBeLessThanOrEqual(2);
});
