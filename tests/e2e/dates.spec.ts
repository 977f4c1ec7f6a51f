// One date rule and message everywhere: 31 February typed as a new meeting's date gets the words
// the due column uses, as it is typed, nothing is created, and what was typed stays.
import { expect, test } from './fixtures';
import { Workspace } from './pages';

test('31 February as a new meeting’s date: the due column’s message, before saving; nothing created; the typing kept', async ({ page, host }) => {
  const app = new Workspace(page);
  await app.open(host.url);
  await app.createBoard('Southwark Safeguarding Children Executive Board', 'SSCB');
  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'New meeting' });
  const date = dialog.getByLabel('Date');
  await date.fill('31/02/2014');
  await expect(dialog.getByText('31 February does not exist (February has 28 days).')).toBeVisible();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await expect(dialog).toBeVisible();
  await expect(date).toHaveValue('31/02/2014');
  await expect(dialog.getByText('Dates are written as YYYY-MM-DD')).toHaveCount(0);

  await date.fill('19 February 2014');
  await expect(dialog.getByText('→ 19 February 2014')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create meeting' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('19 February 2014');
});
