// An action log longer than one window (core sends the screen 150 rows at a time): scrolling to
// the end brings the last rows from core, a sort runs over every row, not only those in view, and
// an update recorded from the log shows in its row in place.
import type { BoardSummary, MeetingDetail, MinutesAction } from '../../shared/contract';
import { ActionLogScreen } from './arising-pages';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { apiOf } from './seed';

const COUNT = 650;

test('a log of 650 actions scrolls to the last row through moving windows, sorts all of them, and shows an update recorded from it', async ({ page, host }) => {
  test.setTimeout(120_000);
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

  // The end of the list is past the first window: its rows come from core as the view nears them.
  const scroller = page.locator('#content');
  for (let step = 0; step < 40; step++) {
    await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight * 3));
    if (await page.locator(`table.log-table tbody tr[aria-rowindex="${COUNT + 1}"][data-action-id]`).count()) break;
  }
  const lastRow = page.locator(`table.log-table tbody tr[aria-rowindex="${COUNT + 1}"]`);
  await expect(lastRow).toHaveAttribute('data-action-id', actions[COUNT - 1]!.id);
  await expect(lastRow).toContainText(actions[COUNT - 1]!.reference);

  // Sorted by reference, newest first: the last action raised heads the list (from core, over all 650).
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Reference' }).click();
  await page.getByRole('button', { name: 'Reference' }).click();
  await expect(page.locator('table.log-table tbody tr[aria-rowindex="2"]')).toHaveAttribute('data-action-id', actions[COUNT - 1]!.id);

  // An update recorded from the log itself shows in its row in place; reported done between
  // meetings, the action stays outstanding until a meeting finishes it.
  const ref = actions[COUNT - 1]!.reference;
  await page.getByRole('button', { name: `Record an update on ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Record an update on ${ref}` });
  await dialog.getByLabel('Reported on').fill('2014-03-03');
  await dialog.getByLabel('Update', { exact: true }).fill('Reported to the board by email');
  await dialog.getByLabel('Status reported').selectOption({ label: 'Done' });
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog).toHaveCount(0);
  const top = page.locator('table.log-table tbody tr[aria-rowindex="2"]');
  await expect(top).toHaveAttribute('data-action-id', actions[COUNT - 1]!.id);
  await expect(top).toContainText('Reported to the board by email');
  await expect(log.summary).toContainText(`${COUNT} outstanding actions`);
});
