// A shared board shown here under a local form of its name: laptop B (a browser host on its own
// file) has a board of its own called what laptop A renames the shared board to, so B shows the
// shared board as "… (shared)" and lists it to check. The entry opens the shared board's settings,
// where renaming it here shows the new name at once and ends the entry. Making the boards and the
// rename on A are test setup through the API; the rest is the UI.
import { expect, test, type Page } from '@playwright/test';
import type { BoardSummary } from '../../shared/contract';
import { expectNoAxeViolations } from './axe';
import { syncHosts } from './sync-hosts';

const { sampleSharedByTwo } = syncHosts('ma-e2e-sync-board-name-');

const conflictsLine = (page: Page) => page.locator('.sync-conflicts-line');
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Things to check after syncing' });

test('a board shown under a local form of its name: the entry opens its settings, where renaming it ends the entry', async ({ browser }) => {
  test.setTimeout(180_000);
  const { b, apiA, apiB, board } = await sampleSharedByTwo();
  await apiB('createBoard', { name: 'Finance Committee' });
  await apiA('renameBoard', { boardId: board.id, name: 'Finance Committee' });

  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(b.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await page.goto(`${b.origin}/#/boards/${board.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Finance Committee (shared)' })).toBeVisible({ timeout: 30_000 });
  await expect(conflictsLine(page)).toContainText('1 thing to check after syncing', { timeout: 30_000 });
  await conflictsLine(page).getByRole('button', { name: 'See what to check…' }).click();
  await expect(dialogOf(page).getByRole('listitem')).toContainText('so this laptop shows it as “Finance Committee (shared)”');

  await dialogOf(page).getByRole('link', { name: 'Open the settings of Finance Committee (shared) (name and short code)' }).click();
  await expect(page).toHaveURL(new RegExp(`#/boards/${board.id}/settings$`));
  await expect(dialogOf(page)).toHaveCount(0);
  const name = page.getByRole('textbox', { name: 'Board name' });
  await expect(name).toHaveValue('Finance Committee (shared)');
  await expectNoAxeViolations(page, 'the board settings opened from the things to check');

  await name.fill('Finance and Audit Committee');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  await page.locator('.eyebrow').getByRole('link', { name: 'Finance and Audit Committee' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Finance and Audit Committee' })).toBeVisible();
  await expect(conflictsLine(page)).toHaveCount(0);
  // Every laptop shows the new name.
  await expect.poll(async () => ((await apiA('listBoards', {})) as BoardSummary[]).map((x) => x.name), { timeout: 30_000 }).toContain('Finance and Audit Committee');
});
