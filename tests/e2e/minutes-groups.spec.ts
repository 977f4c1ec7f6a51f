// The item cards are drawn in groups of ten (features/minutes/ItemGroups.tsx), so that typing in a
// long meeting does not lay out every card. A card that moves into another group as items come and
// move keeps its editor as it was: what was typed, the caret, the undo history; and the page is
// still one list of every item.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openFixtureMeeting, openMeeting } from './fixture-meeting';
import { apiOf } from './seed';

const ITEMS = 12;


/** Which group (0 = first) holds the card of `itemId`. */
const groupOf = (page: Page, itemId: string) =>
  page.evaluate((id) => {
    const group = document.querySelector(`[data-item-card="${id}"]`)?.closest('.item-group');
    return group ? [...document.querySelectorAll('.item-group')].indexOf(group) : -1;
  }, itemId);

test('a card moved into another group keeps its text, caret, focus and undo, and the page stays one list', async ({ page, host }) => {
  const { app } = await openFixtureMeeting(page, host);
  const meetingId = /#\/meetings\/([\w-]+)/.exec(page.url())?.[1] ?? '';
  const api = apiOf(host);
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const added = (await api('addAgendaItem', { meetingId, title: `Item ${i + 1}`, parentId: null })) as { item: { id: string } };
    ids.push(added.item.id);
  }
  await openMeeting(page, app, host);
  // One list of every item, for screen readers and the keyboard alike.
  const list = page.getByRole('list').filter({ has: page.locator('[data-item-card]') });
  await expect(list.getByRole('listitem').filter({ has: page.locator('.ed-content') })).toHaveCount(ITEMS);

  // The eleventh card: the first of the second group.
  const eleventh = ids[10]!;
  expect(await groupOf(page, eleventh)).toBe(1);
  const editor = page.locator(`[data-item-card="${eleventh}"] .ed-content`);
  await editor.click();
  await page.keyboard.type('The board agreed');
  await expect(page.getByTestId('save-status').getByText('All changes saved')).toBeVisible();

  // Moved up one place, it becomes the tenth item: the last card of the first group.
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Title, item 10', exact: true })).toHaveValue('Item 11');
  await expect.poll(() => groupOf(page, eleventh)).toBe(0);

  // The caret is where it was: the typing goes on at the end of the same words.
  await expect(editor).toBeFocused();
  await page.keyboard.type(' the report');
  await expect(editor).toHaveText('The board agreed the report');
  // The editor's undo history came with it (a new editor would have nothing to undo or redo).
  await page.keyboard.press('Control+z');
  await expect(editor).not.toHaveText('The board agreed the report');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor).toHaveText('The board agreed the report');
  await expect(list.getByRole('listitem').filter({ has: page.locator('.ed-content') })).toHaveCount(ITEMS);
});
