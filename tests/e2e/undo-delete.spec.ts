// Every delete in the minutes can be undone for a few seconds, the same way: "Decision deleted ·
// Undo" (the button, or Ctrl+Z outside a text box) puts it back as it was; left alone, the delete
// is made and stays made after a reload.
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';

test('a deleted decision or action comes back with Undo or Ctrl+Z, and is gone for good once the notice has gone', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await page.keyboard.type('Performance Management');
  await item.root.getByRole('button', { name: 'Add a decision to item 1' }).click();
  await expect(item.decisions().first()).toBeFocused();
  await page.keyboard.type('The scorecard was agreed');
  await item.root.getByRole('button', { name: 'Add an action to item 1' }).click();
  await expect(item.action(1).details).toBeFocused();
  await page.keyboard.type('Health performance measures to the Health sub group');
  await minutes.saved();

  const notice = page.getByRole('status').filter({ hasText: 'deleted' });
  const deleteDecision = item.root.getByRole('button', { name: 'Delete decision 1, item 1' });

  await deleteDecision.click();
  await expect(item.decisions()).toHaveCount(0);
  await expect(notice).toHaveText('Decision deleted · Undo');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toHaveCount(0);
  await expect(item.decisions()).toHaveValue('The scorecard was agreed');

  // From the keyboard: the delete button, then Ctrl+Z (focus is on "+ Decision", not in a text box).
  await deleteDecision.focus();
  await page.keyboard.press('Enter');
  await expect(item.decisions()).toHaveCount(0);
  await expect(item.root.getByRole('button', { name: 'Add a decision to item 1' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(item.decisions()).toHaveValue('The scorecard was agreed');

  // An action, the same way.
  await item.root.getByRole('button', { name: /^Delete action 1/ }).click();
  await expect(item.actionRows()).toHaveCount(0);
  await expect(notice).toHaveText('Action deleted · Undo');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(item.action(1).details).toHaveValue('Health performance measures to the Health sub group');

  // Left alone, the delete is made once the notice goes, and a reload does not bring it back.
  await deleteDecision.click();
  await expect(notice).toHaveText('Decision deleted · Undo');
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  await minutes.saved();
  await page.reload();
  await expect(item.title).toHaveValue('Performance Management');
  await expect(item.decisions()).toHaveCount(0);
  await expect(item.action(1).details).toHaveValue('Health performance measures to the Health sub group');
});

test('a deleted agenda item, with its sub-item and action, comes back as typed with Undo or Ctrl+Z, and is gone for good after the notice', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  const outlineNumbers = () => minutes.outline().getByRole('button').allTextContents();
  await minutes.addItem();
  await page.keyboard.type('Performance Management');
  await minutes.addItem();
  await page.keyboard.type('Private Fostering');
  await minutes.item('2').discussion.click();
  await page.keyboard.type('AF introduced the proposed governance around private fostering.');
  await minutes.item('2').root.getByRole('button', { name: 'Add an action to item 2' }).click();
  await page.keyboard.type('Terms of reference to the next meeting');
  // A sub-item under 2, and an item after it.
  await minutes.item('2').title.focus();
  await page.keyboard.press('Control+Shift+Enter');
  await page.keyboard.type('Missing children');
  await minutes.item('2').title.focus();
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Horizon scan');
  await expect(minutes.item('3').title).toHaveValue('Horizon scan');
  await minutes.saved();

  const notice = page.getByRole('status').filter({ hasText: 'deleted' });
  const deleteTwo = minutes.item('2').root.getByRole('button', { name: 'Delete item 2' });
  await deleteTwo.click();
  // No question first: it goes at once, with its sub-item, and the notice says what went.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(notice).toHaveText('Item 2 deleted, with its 1 sub-item and 1 action · Undo');
  await expect(minutes.items()).toHaveCount(2);
  await expect(minutes.outline()).not.toContainText('Private Fostering');
  await expect(minutes.outline()).not.toContainText('Missing children');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toHaveCount(0);
  await expect(minutes.item('2').title).toHaveValue('Private Fostering');
  await expect(minutes.item('2').discussion).toHaveText('AF introduced the proposed governance around private fostering.');
  await expect(minutes.item('2').action(1).details).toHaveValue('Terms of reference to the next meeting');
  await expect(minutes.item('2a').title).toHaveValue('Missing children');
  expect(await outlineNumbers()).toHaveLength(4);

  // From the keyboard: focus rests on the next item's card (not a text box), so Ctrl+Z undoes.
  await deleteTwo.focus();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText('Item 2 deleted, with its 1 sub-item and 1 action · Undo');
  await expect(page.locator('li.item-card:focus').getByRole('textbox', { name: /^Title, item/ })).toHaveValue('Horizon scan');
  await page.keyboard.press('Control+z');
  await expect(minutes.item('2').title).toHaveValue('Private Fostering');

  // Left alone, the delete is made: the items after it are renumbered and a reload agrees.
  await deleteTwo.click();
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  await expect(minutes.item('2').title).toHaveValue('Horizon scan');
  await minutes.saved();
  await page.reload();
  await expect(minutes.items()).toHaveCount(2);
  await expect(minutes.item('1').title).toHaveValue('Performance Management');
  await expect(minutes.item('2').title).toHaveValue('Horizon scan');
});
