// A long action log draws only a band of rows, laid out as blocks on the table's columns: to
// assistive technology it is still a table (axe-core finds nothing), its cells stay under their
// headings, scrolling a wheel step at a time down to the end and back never shows an empty
// stretch where rows should be, the focused row stays drawn far from the view, and a narrower
// window re-measures the rows so none overlaps.
import type { BoardSummary, MeetingDetail } from '../../shared/contract';
import { ActionLogScreen } from './arising-pages';
import { expectNoAxeViolations } from './axe';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { apiOf } from './seed';

const COUNT = 320;

// axe-core is injected as a script, which the app's content security policy would refuse.
test.use({ bypassCSP: true });

test('a long log is a table to assistive technology, keeps its columns, always shows rows where the view is, and keeps the focused row', async ({ page, host }) => {
  test.setTimeout(120_000);
  const api = apiOf(host);
  const board = (await api('createBoard', { name: 'Executive Board' })) as BoardSummary;
  const meeting = (await api('createMeeting', { boardId: board.id, date: '2014-02-19' })) as MeetingDetail;
  const { item } = (await api('addAgendaItem', { meetingId: meeting.id, title: 'Performance' })) as { item: { id: string } };
  for (let i = 1; i <= COUNT; i++) {
    // Details of different lengths, so rows are of different heights.
    const details = `Report on indicator ${i}${i % 3 === 0 ? ', with the figures for each quarter and the reasons for any change since the last report to the board' : ''}`;
    await api('addAction', { itemId: item.id, details, owners: [{ name: 'tbc' }] });
  }

  await page.setViewportSize({ width: 1280, height: 800 });
  await new Workspace(page).open(host.url);
  const log = new ActionLogScreen(page);
  await log.open();
  await expect(log.summary).toContainText(`${COUNT} outstanding actions`);

  const table = page.getByRole('table', { name: /Outstanding actions/ });
  await expect(table).toHaveAttribute('aria-rowcount', String(COUNT + 1));
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Latest update' })).toBeVisible();
  const drawn = await table.getByRole('row').count();
  expect(drawn).toBeGreaterThan(2);
  expect(drawn).toBeLessThan(COUNT);
  await expectNoAxeViolations(page, 'a long action log');

  // Every cell of a drawn row starts where its column's heading starts.
  const lined = await page.evaluate(() => {
    const heads = [...document.querySelectorAll('table.log-table thead th')].map((th) => Math.round(th.getBoundingClientRect().left));
    const cells = [...document.querySelectorAll('table.log-table tbody tr[data-action-id]')[0]!.children].map((c) => Math.round(c.getBoundingClientRect().left));
    return { heads, cells };
  });
  expect(lined.cells).toEqual(lined.heads);

  // Down to the end a wheel step at a time, then back up: at every step the view is covered by rows.
  const walk = (direction: 1 | -1) =>
    page.evaluate(async (direction) => {
      const content = document.getElementById('content')!;
      const gaps: string[] = [];
      for (let step = 0; step < 2000; step++) {
        const before = content.scrollTop;
        content.scrollTop += 120 * direction;
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const view = content.getBoundingClientRect();
        const body = document.querySelector('table.log-table tbody')!.getBoundingClientRect();
        for (const share of [0.05, 0.5, 0.95]) {
          const y = view.top + view.height * share;
          if (y < body.top || y > body.bottom) continue;
          const row = document.elementFromPoint(body.left + 30, y)?.closest('tr');
          if (!row?.hasAttribute('data-index')) gaps.push(`${Math.round(content.scrollTop)} px: ${row?.className ?? 'nothing'}`);
        }
        if (content.scrollTop === before) break;
      }
      return gaps;
    }, direction);
  expect(await walk(1)).toEqual([]);
  await expect(page.locator(`table.log-table tbody tr[aria-rowindex="${COUNT + 1}"][data-action-id]`)).toBeVisible();
  expect(await walk(-1)).toEqual([]);
  await expect(page.locator('table.log-table tbody tr[aria-rowindex="2"][data-action-id]')).toBeVisible();

  // The focused row stays drawn however far the view goes from it: the keyboard keeps its place.
  await page.evaluate(() => document.getElementById('content')!.scrollTo(0, 0));
  const focused = page.locator('table.log-table tbody tr[aria-rowindex="3"] th a');
  await focused.focus();
  await page.evaluate(async () => {
    const content = document.getElementById('content')!;
    for (let step = 0; step < 60; step++) {
      content.scrollTop += 240;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
  });
  await expect(page.locator('table.log-table tbody tr[aria-rowindex="4"]')).toHaveCount(0);
  await expect(focused).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('table.log-table tbody tr[aria-rowindex="3"] td.log-raised a')).toBeFocused();

  // A narrower window wraps the rows to other heights: measured again, they still lie one under another.
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect(async () => {
    const overlaps = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('table.log-table tbody tr[data-index]')].map((r) => r.getBoundingClientRect());
      return rows.slice(1).filter((r, i) => Math.abs(r.top - rows[i]!.bottom) > 1).length;
    });
    expect(overlaps).toBe(0);
  }).toPass({ timeout: 5000 });
  expect(await walk(1)).toEqual([]);
});
