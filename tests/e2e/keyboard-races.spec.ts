// Keys, clicks and selections faster than the app can answer: a shortcut acts on the selection
// as it is when the key is pressed, and keys pressed before a new item arrives act on it.
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';

/**
 * What a quick typist on a busy machine can do, made certain: keys (each pressed at whatever has
 * focus), clicks and selections in `within`, all in one task of the page, so that nothing the
 * app waits for (a selectionchange event, an answer from core, a frame) comes in between.
 * `text` stands for one key per character; `select` puts the page's selection on a phrase, or a
 * caret at the end when it is null, as a click or a drag does; `click` presses on an element (a
 * selector) and focuses it.
 */
type Step = { key: string; code?: string; ctrlKey?: boolean; altKey?: boolean; shiftKey?: boolean } | { text: string } | { select: string | null } | { click: string };

async function inOneTask(within: Locator, steps: Step[]): Promise<void> {
  await within.evaluate((root, steps) => {
    const press = (init: KeyboardEventInit): void => {
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true, composed: true }));
    };
    const select = (phrase: string | null): void => {
      const range = document.createRange();
      if (phrase === null) {
        range.selectNodeContents(root);
        range.collapse(false);
      } else {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.textContent?.includes(phrase)) node = walker.nextNode();
        if (!node) throw new Error(`“${phrase}” is not there to select`);
        const at = node.textContent?.indexOf(phrase) ?? 0;
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
      }
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    };
    const click = (selector: string): void => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) throw new Error(`${selector} is not there to click`);
      el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, cancelable: true, composed: true }));
      el.focus();
    };
    for (const step of steps) {
      if ('select' in step) select(step.select);
      else if ('click' in step) click(step.click);
      else if ('text' in step) for (const ch of step.text) press({ key: ch, code: /^[a-z]$/i.test(ch) ? `Key${ch.toUpperCase()}` : '' });
      else press(step);
    }
  }, steps);
}

test('a shortcut takes the selection as it is when the key is pressed, even if the editor has not yet heard of the click', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await page.keyboard.press('Control+Enter');
  const item = minutes.item('1');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Performance Management');
  await page.keyboard.press('Enter');
  await expect(item.discussion).toBeFocused();
  const WORDS = 'Health performance measures to be discussed at next Health sub group';
  await page.keyboard.type(WORDS);

  // The whole discussion selected, then a click (a caret) and the shortcut in the same task:
  // the new action has no details, so its details take the focus and what is typed next.
  const selected = () => page.evaluate(() => window.getSelection()?.toString());
  await page.keyboard.press('Control+a');
  await expect.poll(selected).toBe(WORDS);
  await inOneTask(item.discussion, [{ select: null }, { key: 'A', code: 'KeyA', altKey: true, shiftKey: true }]);
  await page.keyboard.type('Circulate the scorecard');
  await expect(item.action(1).details).toBeFocused();
  await expect(item.action(1).details).toHaveValue('Circulate the scorecard');

  // The whole discussion selected, then a phrase selected and the shortcut in the same task:
  // the decision's wording is that phrase, not the paragraph.
  await item.discussion.click();
  await page.keyboard.press('Control+a');
  await expect.poll(selected).toBe(WORDS);
  await inOneTask(item.discussion, [{ select: 'performance measures' }, { key: 'D', code: 'KeyD', altKey: true, shiftKey: true }]);
  await expect(item.decisions().first()).toBeFocused();
  await expect(item.decisions().first()).toHaveValue('performance measures');
  await minutes.saved();
});

test('keys pressed before a new item arrives act on it: new items typed straight on, an item moved twice, a new item indented at once', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  const numbers = () => minutes.outline().locator('li').evaluateAll((rows) => rows.map((r) => r.textContent?.trim()));
  await page.keyboard.press('Control+Enter');
  await expect(minutes.item('1').title).toBeFocused();
  await page.keyboard.type('Performance Management');

  // Two new items and their titles typed in one task: neither item is there yet.
  const newItem = { key: 'Enter', code: 'Enter', ctrlKey: true };
  await inOneTask(page.locator('body'), [newItem, { text: 'Private Fostering' }, newItem, { text: 'Report of the IRO and CP chairs' }]);
  await expect(minutes.item('3').title).toBeFocused();
  await expect(minutes.item('1').title).toHaveValue('Performance Management');
  await expect(minutes.item('2').title).toHaveValue('Private Fostering');
  await expect(minutes.item('3').title).toHaveValue('Report of the IRO and CP chairs');
  await minutes.saved();

  // Up twice in one task: the second move starts from where the first one put the item.
  const up = { key: 'ArrowUp', code: 'ArrowUp', altKey: true, shiftKey: true };
  await inOneTask(page.locator('body'), [up, up]);
  await expect.poll(numbers).toEqual(['1 Report of the IRO and CP chairs', '2 Performance Management', '3 Private Fostering']);
  await expect(minutes.item('1').title).toBeFocused();
  await minutes.saved();

  // A new item made a sub-item at once: the indent acts on the new item, not on item 1.
  const indent = { key: 'ArrowRight', code: 'ArrowRight', altKey: true, shiftKey: true };
  await inOneTask(page.locator('body'), [newItem, { text: 'Sub group reports' }, indent]);
  await expect.poll(numbers).toEqual(['1 Report of the IRO and CP chairs', '1a Sub group reports', '2 Performance Management', '3 Private Fostering']);
  await expect(minutes.item('1a').title).toBeFocused();
  await expect(minutes.item('1a').title).toHaveValue('Sub group reports');

  // A click after a shortcut says where the user is: the decision goes where the click was.
  const decision = { key: 'D', code: 'KeyD', altKey: true, shiftKey: true };
  await inOneTask(page.locator('body'), [newItem, { click: '[aria-label="Title, item 3"]' }, decision, { text: 'Noted' }]);
  await expect.poll(numbers).toEqual(['1 Report of the IRO and CP chairs', '1a Sub group reports', '1b Untitled', '2 Performance Management', '3 Private Fostering']);
  await expect(minutes.item('3').decisions()).toHaveCount(1);
  await expect(minutes.item('3').decisions().first()).toHaveValue('Noted');
  await expect(minutes.item('3').decisions().first()).toBeFocused();
  await expect(minutes.item('1b').decisions()).toHaveCount(0);
  await minutes.saved();
});
