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
