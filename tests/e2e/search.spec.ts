// Search from any screen: Ctrl+K opens the box, the hits come grouped by meeting, and opening one
// shows its meeting scrolled to the record with the words highlighted. In a discussion Ctrl+K is
// still "add a link"; the sidebar's button opens search there. Whatever is typed is safe.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { FIXTURE_BOARD, overHttp, seedFixtureMinutes } from '../helpers/fixture-minutes';

/** The text of every range the page highlights as a search hit (CSS Custom Highlight API). */
const highlighted = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const h = CSS.highlights.get('search-hit');
    return h ? [...h].map((r) => r.toString()) : [];
  });

test('Ctrl+K, type, open a hit: its meeting scrolled to the item with the words highlighted', async ({ page, host }) => {
  const seeded = await seedFixtureMinutes(overHttp(host.origin, host.token));
  const app = new Workspace(page);
  await app.open(host.url);

  const dialog = await app.openSearch();
  const box = dialog.getByRole('combobox', { name: 'Words to look for' });
  await expect(box).toBeFocused();
  await box.fill('"private fostering" service');
  const group = dialog.getByRole('group', { name: `${FIXTURE_BOARD}, 19 February 2014` });
  await expect(group).toBeVisible();
  const hit = group.getByRole('option').filter({ hasText: 'Item 6b: Private Fostering' }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText(/private|fostering|service/i);
  await hit.click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${seeded.meetingId}`));
  const card = page.locator(`[data-item-card="${seeded.items['6b']}"]`);
  await expect(card).toBeInViewport();
  await expect(card).toHaveClass(/search-hit-target/);
  await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(['private', 'fostering']));
  const words = (await highlighted(page)).map((w) => w.toLowerCase());
  expect(words.every((w) => ['private', 'fostering', 'service'].includes(w))).toBe(true);
  // The highlight goes when the meeting is left.
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Action log/ }).click();
  await expect.poll(() => highlighted(page)).toEqual([]);
});

test('keys: ↓ and Enter open a hit; in a discussion Ctrl+K adds a link and the sidebar button searches; odd input is safe', async ({ page, host }) => {
  const seeded = await seedFixtureMinutes(overHttp(host.origin, host.token));
  const app = new Workspace(page);
  await app.open(host.url);
  const dialog = await app.openSearch();
  const box = dialog.getByRole('combobox', { name: 'Words to look for' });
  for (const odd of ['"', 'NEAR(', '*', '-', '(((', 'title:x', 'a'.repeat(3000)]) {
    await box.fill(odd);
    await expect(dialog.getByRole('status')).toHaveText(/Nothing found|hits? in|Type words/);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
  }
  await box.fill('Ofsted');
  await expect(dialog.getByRole('listbox', { name: 'Hits' }).getByRole('option').first()).toBeVisible();
  await box.press('ArrowDown');
  await box.press('ArrowUp');
  await box.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/meetings/${seeded.meetingId}`));
  await expect.poll(() => highlighted(page)).toContain('Ofsted');

  // In a discussion, Ctrl+K is the editor's: the link box opens, not search.
  const discussion = page.getByRole('textbox', { name: 'Discussion, item 5', exact: true });
  await discussion.click();
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Search minutes/ }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
