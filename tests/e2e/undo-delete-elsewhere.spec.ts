// Issue 13, point 5, beyond the minutes: every delete is undone the same way ("… deleted · Undo",
// or Ctrl+Z outside a text box) for a few seconds: a roster member, an interest in the register,
// a standing group, a declaration made at a meeting, and progress reported between meetings.
// Left alone, the delete is made and stays made.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace, openFirstLoggedAction } from './pages';
import { BoardScreens } from './roster-pages';

const SAMPLE = 'Southwark Safeguarding Children Executive Board \\(sample\\)';
const notice = (page: Page) => page.getByRole('status').filter({ hasText: '· Undo' });

test('a roster member, an interest and a standing group come back with Undo or Ctrl+Z; left alone, the delete is made', async ({ page, app }) => {
  const board = new BoardScreens(page);
  await app.createBoard('Health and Wellbeing Board');
  await board.openRoster();
  await board.addPerson({ name: 'Jackie Cook', initials: 'JC', role: 'Head of Service' });

  // A roster member: no question first, the notice instead.
  await page.getByRole('button', { name: 'Delete Jackie Cook' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(board.rosterRow('Jackie Cook')).toHaveCount(0);
  await expect(notice(page)).toHaveText('Jackie Cook deleted from the roster · Undo');
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(board.rosterRow('Jackie Cook')).toContainText('Head of Service');
  await page.getByRole('button', { name: 'Delete Jackie Cook' }).focus();
  await page.keyboard.press('Enter');
  await expect(board.rosterRow('Jackie Cook')).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveText('Add person');
  await page.keyboard.press('Control+z');
  await expect(board.rosterRow('Jackie Cook')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);

  // An interest in the register.
  const form = page.getByRole('form', { name: 'Add an interest' });
  await form.getByLabel('Member').selectOption({ label: 'Jackie Cook (JC)' });
  await form.getByLabel('Interest', { exact: true }).fill('Trustee of Southwark Carers');
  await form.getByRole('button', { name: 'Add interest' }).click();
  const remove = page.getByRole('button', { name: 'Remove Jackie Cook’s interest: Trustee of Southwark Carers' });
  await remove.click();
  await expect(remove).toHaveCount(0);
  await expect(notice(page)).toHaveText('Jackie Cook’s interest removed · Undo');
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(remove).toBeVisible();

  // A standing group, on the board's settings.
  await board.openSettings();
  await page.getByRole('button', { name: /^Add “All”/ }).click();
  const deleteGroup = page.getByRole('button', { name: 'Delete All agencies' });
  await deleteGroup.click();
  await expect(deleteGroup).toHaveCount(0);
  await expect(notice(page)).toHaveText('All agencies deleted · Undo');
  await page.keyboard.press('Control+z');
  await expect(deleteGroup).toBeVisible();

  // Left alone: the group goes for good once the notice has gone; a reload agrees.
  await deleteGroup.click();
  await expect(notice(page)).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Delete All', exact: true })).toBeVisible();
  await expect(deleteGroup).toHaveCount(0);
  // The roster member and the interest are still there: they were undone.
  await board.openRoster();
  await expect(board.rosterRow('Jackie Cook')).toBeVisible();
  await expect(remove).toBeVisible();
});

test('a declaration of interest and an update reported between meetings come back with Undo; left alone, they go', async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  await app.open(host.url);
  await app.sidebarBoard(SAMPLE).click();
  await page.locator('table.meeting-table tbody tr').filter({ hasText: '10 April 2014' }).getByRole('link').first().click();

  // A declaration made at the meeting.
  const form = page.getByRole('form', { name: 'Record a declaration of interest' });
  await form.getByLabel('Who').selectOption({ index: 1 });
  const who = ((await form.getByLabel('Who').locator('option:checked').textContent()) ?? '').replace(/ \(.*\)$/, '');
  await form.getByLabel('Interest declared').fill('Trustee of a local children’s charity');
  await form.getByRole('button', { name: 'Record declaration' }).click();
  const removeDeclaration = page.getByRole('button', { name: `Remove ${who}’s declaration` });
  await removeDeclaration.click();
  await expect(removeDeclaration).toHaveCount(0);
  await expect(notice(page)).toHaveText(`${who}’s declaration removed · Undo`);
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(removeDeclaration).toBeVisible();
  await removeDeclaration.click();
  await expect(notice(page)).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Declarations of interest' })).toBeVisible();
  await expect(removeDeclaration).toHaveCount(0);

  // Progress reported between meetings, on an action's page.
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Action log/ }).click();
  await openFirstLoggedAction(page);
  await page.getByRole('button', { name: 'Record an update' }).click();
  const dialog = page.getByRole('dialog', { name: /^Record an update on / });
  await dialog.getByLabel('Reported on').fill('2014-06-02');
  await dialog.getByLabel('Update', { exact: true }).fill('Terms of reference circulated to the sub-group chairs');
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog).toHaveCount(0);
  const removeUpdate = page.getByRole('button', { name: 'Remove the update of 2 June 2014' });
  await removeUpdate.click();
  await expect(removeUpdate).toHaveCount(0);
  await expect(page.getByText('Terms of reference circulated to the sub-group chairs')).toHaveCount(0);
  await expect(notice(page)).toHaveText('Update of 2 June 2014 deleted · Undo');
  await notice(page).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Terms of reference circulated to the sub-group chairs')).toBeVisible();
  await removeUpdate.click();
  await expect(notice(page)).toHaveCount(0, { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
  await expect(page.getByText('Terms of reference circulated to the sub-group chairs')).toHaveCount(0);
});
