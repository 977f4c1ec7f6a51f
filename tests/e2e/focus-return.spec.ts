// Focus after a dialog: it goes back where it was (into the discussion at its caret, or to the
// button that opened the dialog), so the next keys land where the minute-taker expects.
import { expect, test } from './fixtures';
import { openFixtureMeeting } from './fixture-meeting';
import { AttendanceSection } from './roster-pages';

test('the shortcut sheet opened with Ctrl+/ from the discussion gives focus back to the discussion, at the caret', async ({ page, host }) => {
  const { minutes } = await openFixtureMeeting(page, host);
  await minutes.addItem();
  const item = minutes.item('1');
  await page.keyboard.type('Performance Management');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The board');
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(item.discussion).toBeFocused();
  await page.keyboard.type(' agreed');

  // Closed with its button (Enter on it) rather than Escape: the same.
  await page.keyboard.press('Control+/');
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(sheet).toHaveCount(0);
  await expect(item.discussion).toBeFocused();
  await page.keyboard.type(' the scorecard.');
  await expect(item.discussion).toHaveText('The board agreed the scorecard.');
});

test('a dialog opened from a button gives focus back to it; "Everyone present except…" opens on the first name', async ({ page, host }) => {
  await openFixtureMeeting(page, host);
  const numbering = page.getByRole('button', { name: 'Numbering and references' });
  await numbering.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Numbering and references' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(numbering).toBeFocused();

  const attendance = new AttendanceSection(page);
  const except = attendance.section.getByRole('button', { name: 'Everyone present except…' });
  await except.focus();
  await page.keyboard.press('Enter');
  const everyone = page.getByRole('dialog', { name: 'Everyone present except…' });
  await expect(everyone).toBeVisible();
  // The first Space ticks the first name.
  await page.keyboard.press('Space');
  await expect(everyone.getByRole('checkbox').first()).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(everyone).toHaveCount(0);
  await expect(except).toBeFocused();
});
