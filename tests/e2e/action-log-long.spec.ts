// A long action log (a large store lists thousands): only the rows in view are drawn, the table
// still says how many rows it has, scrolling brings every row into view, and a filter finds one
// far down the list.
import type { BoardSummary, MeetingDetail, MinutesAction } from '../../shared/contract';
import { ActionLogScreen } from './arising-pages';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { apiOf } from './seed';

const COUNT = 260;

test('a log of 260 outstanding actions draws the rows in view, scrolls to the last, and filters to one', async ({ page, host }) => {
  const api = apiOf(host);
  const board = (await api('createBoard', { name: 'Executive Board' })) as BoardSummary;
  const meeting = (await api('createMeeting', { boardId: board.id, date: '2014-02-19' })) as MeetingDetail;
  const { item } = (await api('addAgendaItem', { meetingId: meeting.id, title: 'Performance' })) as { item: { id: string } };
  const actions: MinutesAction[] = [];
  for (let i = 1; i <= COUNT; i++) actions.push((await api('addAction', { itemId: item.id, details: `Report on indicator ${i}`, owners: [{ name: 'tbc' }] })) as MinutesAction);

  await new Workspace(page).open(host.url);
  const log = new ActionLogScreen(page);
  await log.open();
  await expect(log.summary).toContainText(`${COUNT} outstanding actions`);
  const table = page.locator('table.log-table');
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  const drawn = page.locator('table.log-table tbody tr[data-action-id]');
  await expect(drawn.first()).toBeVisible();
  expect(await drawn.count()).toBeLessThan(COUNT);

  // The filter's choices are rendered once per answer about them, not again as the rows' window
  // moves while scrolling (the large store lists 1,793 meetings): React gives a re-rendered
  // element new props, so each choice's props object is kept to compare after scrolling.
  const choices = ['#log-raised-at option:last-child', '#log-owner option:last-child', '.owner-counts button'];
  await page.evaluate((selectors) => {
    const held = selectors.map((selector) => {
      const el = document.querySelector(selector)!;
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))!;
      return { el, key, props: (el as unknown as Record<string, unknown>)[key] };
    });
    (window as unknown as { heldChoices: typeof held }).heldChoices = held;
  }, choices);

  // To the end of the page: the last row is drawn, and the first no longer is.
  // Rows are measured as they are drawn, so the page can grow under a first jump to its end (and
  // rows past core's first window arrive after it): the end is reached again, as a user would.
  const last = page.locator(`table.log-table tbody tr[aria-rowindex="${COUNT + 1}"][data-action-id]`);
  await expect(async () => {
    await page.locator('#content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(last).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('table.log-table tbody tr[aria-rowindex="2"]')).toHaveCount(0);
  // The last rows came in a window core sent after the first: the choices were not rendered again.
  const rendered = await page.evaluate((selectors) => {
    const held = (window as unknown as { heldChoices: Array<{ el: Element; key: string; props: unknown }> }).heldChoices;
    return held.map(({ el, key, props }, i) => ({ same: document.querySelector(selectors[i]!) === el, again: (el as unknown as Record<string, unknown>)[key] !== props }));
  }, choices);
  expect(rendered).toEqual(choices.map(() => ({ same: true, again: false })));

  // A filter that matches one action far down the list shows it alone.
  const far = actions[253]!;
  await log.filter('Look for').fill('indicator 254');
  await expect(drawn).toHaveCount(1);
  await expect(drawn.first()).toContainText(far.reference);
});
