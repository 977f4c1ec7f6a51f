// Unknown initials underlined in a long meeting: every item says which initials are not on the
// roster, but only the items in or near the view lend their marks to the page's highlight (the
// browser's paint of every frame grew with every mark in the page, so typing slowed).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openFixtureMeeting, openMeeting } from './fixture-meeting';
import { apiOf } from './seed';

const ITEMS = 14;
const paragraph = 'ZQ reported on the audit of the sub groups and the board discussed the findings at length. '.repeat(6);
const discussion = JSON.stringify({
  root: { type: 'root', version: 1, children: [0, 1, 2].map(() => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: paragraph }] })) },
});

/** The items (by data-item-card) whose text has a mark in the page's unknown-initials highlight, and the marked words. */
const marked = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('unknown-initials');
    const items = new Set<string>();
    const words = new Set<string>();
    for (const range of highlight ?? []) {
      const card = range.startContainer.parentElement?.closest('[data-item-card]');
      if (card) items.add(card.getAttribute('data-item-card') ?? '');
      words.add((range.startContainer.textContent ?? '').slice(range.startOffset, range.endOffset));
    }
    return { items: [...items], words: [...words] };
  });

test('initials nobody on the roster has are named under every item, and underlined where the user is looking', async ({ page, host }) => {
  const { app } = await openFixtureMeeting(page, host);
  const meetingId = /#\/meetings\/([\w-]+)/.exec(page.url())?.[1] ?? '';
  const api = apiOf(host);
  const ids: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const added = (await api('addAgendaItem', { meetingId, title: `Item ${i + 1}`, parentId: null })) as { item: { id: string } };
    await api('saveDiscussion', { itemId: added.item.id, json: discussion });
    ids.push(added.item.id);
  }
  await openMeeting(page, app, host);
  const first = page.locator(`[data-item-card="${ids[0]}"]`);
  const last = page.locator(`[data-item-card="${ids[ITEMS - 1]}"]`);
  await expect(first.getByRole('note')).toHaveText('Not on the board’s roster: ZQ. Check the initials, or add the person to the roster.');
  // Every item names them, the ones far below the view too.
  await expect.poll(() => page.locator('.initials-warning').evaluateAll((notes) => notes.filter((n) => n.textContent?.includes('ZQ')).length)).toBe(ITEMS);

  // The meeting's header, attendance and publication come first: no item is near the view yet.
  expect((await marked(page)).items).toEqual([]);
  await first.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await marked(page)).items).toContain(ids[0]);
  const atTop = await marked(page);
  expect(atTop.words).toEqual(['ZQ']);
  expect(atTop.items).not.toContain(ids[ITEMS - 1]);
  expect(atTop.items.length).toBeLessThan(ITEMS);

  await last.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await marked(page)).items).toContain(ids[ITEMS - 1]);
  await expect.poll(async () => (await marked(page)).items).not.toContain(ids[0]);
});
