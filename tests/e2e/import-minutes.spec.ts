// Import minutes… end to end: choose the fixture text and a file in another layout, see each
// meeting previewed with its warnings before anything is written, accept them, import, and open
// an imported meeting: agreed minutes, marked imported, with the references as printed.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const BOARD = 'Southwark Safeguarding Children Executive Board';
const FIXTURE = path.resolve('tests/fixtures/sscb-2014-02-19-and-04-10.txt');

test('preview the fixture minutes with their warnings, import them, and open an imported meeting', async ({ page, app }, testInfo) => {
  const letter = testInfo.outputPath('letter.txt');
  fs.writeFileSync(letter, 'Dear Tina,\nThe room for the next meeting is booked.\n');
  await app.createBoard(BOARD);
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();

  await page.getByRole('button', { name: 'Import minutes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import minutes' });
  await dialog.getByTestId('import-files').setInputFiles([FIXTURE, letter]);
  await dialog.getByRole('button', { name: 'Preview' }).click();

  const meetings = dialog.getByTestId('import-meeting');
  await expect(meetings).toHaveCount(2);
  await expect(meetings.nth(0)).toContainText('19 February 2014');
  await expect(meetings.nth(0)).toContainText('10 items, 10 decisions, 13 actions, 16 present, 3 for particular items, 7 apologies');
  await expect(dialog.getByText(/Cannot be imported: This file does not look like minutes/)).toBeVisible();
  await meetings.nth(0).locator(':scope > summary').click();
  await expect(meetings.nth(0).getByText('MH is named in item 2 but is not in the attendance of this meeting.')).toBeVisible();
  await expect(meetings.nth(0).getByRole('table', { name: 'Actions of item 6a' })).toContainText('2014-02-19/10');
  await expect(app.meetingRows()).toHaveCount(0);

  const importButton = dialog.getByRole('button', { name: 'Import 2 meetings' });
  await expect(importButton).toBeDisabled();
  await dialog.getByLabel(/Import as printed, accepting the 16 warnings/).check();
  await importButton.click();
  await expect(dialog.getByText(/Imported sscb-2014-02-19-and-04-10.txt/)).toBeVisible();
  await expect(dialog.getByText(/Not imported letter.txt/)).toHaveCount(0);

  // The board's meetings follow at once (live queries), and the imported minutes are the record.
  await expect(app.meetingRows()).toHaveCount(2);
  await dialog.getByRole('link', { name: '19 February 2014' }).click();
  await expect(page.getByTestId('minutes-status')).toContainText('Agreed');
  await expect(page.getByTestId('minutes-imported')).toContainText('Imported from “sscb-2014-02-19-and-04-10.txt”');
});
