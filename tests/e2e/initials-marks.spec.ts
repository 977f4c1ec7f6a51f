// Unknown initials underlined in a long meeting: every item says which initials are not on the
// roster, but only the items in or near the view draw their marks (drawn over the text, not as
// a CSS highlight: Chromium repainted every highlighted passage in view on each keystroke).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openFixtureMeeting, openMeeting } from './fixture-meeting';
import { apiOf } from './seed';

const ITEMS = 14;
const paragraph = 'ZQ reported on the audit of the sub groups and the board discussed the findings at length. '.repeat(6);
const discussion = JSON.stringify({
  root: { type: 'root', version: 1, children: [0, 1, 2].map(() => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: paragraph }] })) },
});

/** The items (by data-item-card) that show a mark under unknown initials, and the marked words. */
const marked = (page: Page) =>
  page.evaluate(() => {
    const items = new Set<string>();
    const words = new Set<string>();
    for (const mark of document.querySelectorAll<HTMLElement>('.ed-mark')) {
      const card = mark.closest('[data-item-card]');
      if (card) items.add(card.getAttribute('data-item-card') ?? '');
      words.add(mark.dataset.initials ?? '');
    }
    return { items: [...items], words: [...words] };
  });

/** Each mark in the view lies over its initials: the text at the start of the mark's box is the initials it names. */
const underTheMarks = (page: Page, itemId: string) =>
  page.evaluate((id) => {
    const under: string[] = [];
    for (const mark of document.querySelectorAll<HTMLElement>(`[data-item-card="${id}"] .ed-mark`)) {
      const box = mark.getBoundingClientRect();
      const [x, y] = [box.left + 1, box.top + box.height / 2];
      // Only marks in the view and not under the page's sticky bars.
      if (y < 0 || y > window.innerHeight || !document.elementFromPoint(x, y)?.closest('.ed-content')) continue;
      const at = document.caretPositionFromPoint(x, y);
      const text = at?.offsetNode.textContent ?? '';
      under.push(text.slice(at?.offset ?? 0, (at?.offset ?? 0) + (mark.dataset.initials ?? '').length));
    }
    return under;
  }, itemId);

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
  const under = await underTheMarks(page, ids[0]!);
  expect(under.length).toBeGreaterThan(0);
  expect(new Set(under)).toEqual(new Set(['ZQ']));
  expect(atTop.items).not.toContain(ids[ITEMS - 1]);
  expect(atTop.items.length).toBeLessThan(ITEMS);

  await last.scrollIntoViewIfNeeded();
  await expect.poll(async () => (await marked(page)).items).toContain(ids[ITEMS - 1]);
  await expect.poll(async () => (await marked(page)).items).not.toContain(ids[0]);
});
