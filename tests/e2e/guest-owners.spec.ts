// A guest in attendance owning an action, end to end on the fixture meeting of 19 February: the
// guest is added with initials and an email address (an address that is not one is refused with
// the reason, and nothing is added), typing their initials in an action's owners makes them its
// owner (not "not on the roster"), and the action log names them by their initials.
import { ActionLogScreen } from './arising-pages';
import { expect, test } from './fixtures';
import { februaryEntered, openMeeting } from './february-entered';
import { MinutesPage } from './minutes-pages';
import { AttendanceSection } from './roster-pages';

test('a guest given initials and an email address owns an action typed with their initials', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { boardName } = await februaryEntered(host);
  await openMeeting(page, host, boardName, '19 February 2014');
  const attendance = new AttendanceSection(page);
  await attendance.expand();

  const guestForm = page.getByRole('form', { name: 'Add a guest' });
  await guestForm.getByLabel('Guest’s name').fill('Priya Natt');
  await guestForm.getByLabel('Guest’s initials').fill('PN');
  await guestForm.getByLabel('Guest’s email address').fill('priya natt@example');
  await guestForm.getByRole('button', { name: 'Add guest' }).click();
  await expect(guestForm.getByText('That is not an email address: write one address, like name@example.org.')).toBeVisible();
  await expect(attendance.section.getByText('No guests.')).toBeVisible();
  await guestForm.getByLabel('Guest’s email address').fill('priya.natt@example.org');
  await guestForm.getByRole('button', { name: 'Add guest' }).click();
  const guests = attendance.section.locator('.guest-list');
  await expect(guests).toContainText('Priya Natt');
  await expect(guests).toContainText('Initials PN · priya.natt@example.org');

  const item = new MinutesPage(page).item('1a');
  await item.root.getByRole('button', { name: 'Add an action to item 1a' }).click();
  // Item 1a's only action (its number follows the meeting's other actions).
  const row = item.actionRows().first();
  await expect(row.getByRole('textbox', { name: /^Details, action \d+$/ })).toBeFocused();
  await page.keyboard.type('Bring the youth council’s survey to the next meeting');
  const owners = row.getByRole('combobox', { name: /^Owners, action \d+$/ });
  await owners.fill('PN');
  await owners.press('Enter');
  await expect(row.locator('.owner-chip .owner-label')).toHaveText(['PN']);
  await expect(row.getByText('not on the roster')).toHaveCount(0);
  await expect(row.locator('.owner-chip.owner-guest .owner-label')).toHaveAttribute('title', 'Priya Natt, a guest in attendance');
  await expect(guests).toContainText('owns 1 action');

  const log = new ActionLogScreen(page);
  await log.open();
  await expect(log.rows().filter({ hasText: 'Bring the youth council’s survey' })).toContainText('PN');
});

test('a guest removed comes back with Undo or Ctrl+Z, like every other delete; left alone, the removal is saved', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { boardName } = await februaryEntered(host);
  await openMeeting(page, host, boardName, '19 February 2014');
  const attendance = new AttendanceSection(page);
  await attendance.expand();
  const guestForm = page.getByRole('form', { name: 'Add a guest' });
  await guestForm.getByLabel('Guest’s name').fill('Sam Okafor');
  await guestForm.getByRole('button', { name: 'Add guest' }).click();
  const guests = attendance.section.locator('.guest-list');
  await expect(guests).toContainText('Sam Okafor');
  const notice = page.getByRole('status').filter({ hasText: '· Undo' });
  const remove = page.getByRole('button', { name: 'Remove Sam Okafor' });

  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect(notice).toHaveText('Sam Okafor removed from the guests · Undo');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(remove).toBeVisible();

  await remove.click();
  await expect(remove).toHaveCount(0);
  // Focus goes to the guest form's button, outside any text being typed: Ctrl+Z undoes the removal.
  await expect(page.locator(':focus')).toHaveText('Add guest');
  await page.keyboard.press('Control+z');
  await expect(remove).toBeVisible();
  await expect(notice).toHaveCount(0);

  await remove.click();
  await expect(notice).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  await attendance.expand();
  await expect(page.getByRole('form', { name: 'Add a guest' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove Sam Okafor' })).toHaveCount(0);
});
