// A meeting from the fixture typed with the keyboard alone (no mouse once the meeting is open):
// items and a sub-item, a discussion with a nested list begun by "- " and indented with Tab, a
// table pasted with Ctrl+V, a decision and an action with its owner, the shortcut sheet on the
// way; all of it still there after a reload.
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';

const TABLE_HTML =
  '<table><tr><th>Sub group</th><th>Chair</th></tr><tr><td>Private fostering</td><td>EA</td></tr><tr><td>Audit and learning</td><td>Independent (to be recruited)</td></tr></table>';

test('types item 1a of 19 February 2014 with the keyboard alone, including a nested list and a pasted table', async ({ page, host, context }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const mouse = { used: false };
  await page.exposeFunction('__mouseUsed', () => (mouse.used = true));
  await page.evaluate(() => window.addEventListener('mousedown', () => (window as unknown as { __mouseUsed: () => void }).__mouseUsed(), true));

  await page.keyboard.press('Control+Enter');
  await expect(minutes.item('1').title).toBeFocused();
  await page.keyboard.type('Minutes and actions arising');
  await page.keyboard.press('Control+Shift+Enter');
  const item = minutes.item('1a');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Update on SSCB sub-groups and s11 process for 2014');
  await page.keyboard.press('Enter');
  await expect(item.discussion).toBeFocused();

  await page.keyboard.type('AF explained the proposals for:');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- standard terms of reference for sub groups');
  await page.keyboard.press('Enter');
  await page.keyboard.type('creation of new sub groups:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('private fostering');
  await page.keyboard.press('Enter');
  await page.keyboard.type('children missing');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('a challenge panel approach to the s11 process');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  // The shortcut sheet and back, without losing the place.
  await page.keyboard.press('Control+/');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(item.discussion).toBeFocused();

  // A table copied from elsewhere, pasted with Ctrl+V.
  await page.evaluate(async (html) => {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob(['Sub group\tChair\nPrivate fostering\tEA\nAudit and learning\tIndependent (to be recruited)'], { type: 'text/plain' }),
      }),
    ]);
  }, TABLE_HTML);
  await page.keyboard.press('Control+v');
  await expect(item.discussion.locator('table tr')).toHaveCount(3);

  // A decision and an action, from the keyboard shortcuts.
  await page.keyboard.press('Alt+Shift+D');
  await expect(item.decisions().first()).toBeFocused();
  await page.keyboard.type('The standard terms of reference are to be implemented');
  await page.keyboard.press('Alt+Shift+A');
  await expect(item.action(1).details).toBeFocused();
  await page.keyboard.type('Review processes and terms of reference around new subgroups');
  await page.keyboard.press('Tab');
  await expect(item.action(1).owners).toBeFocused();
  await page.keyboard.type('AF');
  await page.keyboard.press('Enter');
  await expect(item.action(1).ownerChips).toHaveText(['AF']);
  await minutes.saved();

  const check = async (): Promise<void> => {
    const top = item.discussion.locator(':scope > ul');
    await expect(top.locator(':scope > li:not(.ed-nested)')).toHaveText(['standard terms of reference for sub groups', 'creation of new sub groups:', 'a challenge panel approach to the s11 process']);
    await expect(top.locator(':scope > li > ul > li')).toHaveText(['private fostering', 'children missing']);
    await expect(item.discussion.locator('table tr').nth(2).locator('td, th')).toHaveText(['Audit and learning', 'Independent (to be recruited)']);
    await expect(item.decisions()).toHaveValue('The standard terms of reference are to be implemented');
    await expect(item.action(1).details).toHaveValue('Review processes and terms of reference around new subgroups');
    await expect(item.action(1).ownerChips).toHaveText(['AF']);
  };
  await check();
  expect(mouse.used).toBe(false);
  await page.reload();
  await check();
});
