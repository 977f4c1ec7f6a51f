// Typing a roster entry with Tab: the suggestions shown for clashing initials are out of the Tab
// order, so Tab goes from Initials to Role and nothing typed lands on a suggestion; ↓ in Initials
// takes one.
import { expect, test } from './fixtures';
import { BoardScreens } from './roster-pages';

test('Tab goes from clashing initials straight to Role, and ↓ takes a free suggestion', async ({ page, app }) => {
  const board = new BoardScreens(page);
  await app.createBoard('Southwark Safeguarding Children Executive Board');
  await board.openRoster();
  await board.addPerson({ name: 'Jackie Cook', initials: 'JC', role: 'Head of Social Work Improvement and Quality Assurance' });

  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = board.rosterDialog();
  await expect(dialog.getByLabel('Full name')).toBeFocused();
  await page.keyboard.type('Jim Crook');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Initials', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('JC');
  await expect(dialog.getByText('JC is already used by Jackie Cook.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use JCr' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Role')).toBeFocused();
  await page.keyboard.type('Service Manager');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Organisation')).toBeFocused();
  await page.keyboard.type('Southwark Council');
  await expect(dialog.getByLabel('Role')).toHaveValue('Service Manager');
  await expect(dialog.getByLabel('Organisation')).toHaveValue('Southwark Council');

  await dialog.getByLabel('Initials', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Initials', { exact: true })).toHaveValue('JCr');
  await expect(dialog.getByText('is already used by')).toBeHidden();
  await dialog.getByRole('button', { name: 'Add to roster' }).click();
  await expect(dialog).toBeHidden();
  await expect(board.rosterRow('Jim Crook')).toContainText('JCr');
  await expect(board.rosterRow('Jim Crook')).toContainText('Southwark Council');
});
