// The foundation end to end: a real browser host on a fresh data file, driven through the UI.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';

const BOARD = 'Southwark Safeguarding Children Executive Board';

test('create a board and a meeting, restart the host, and find them still there', async ({ page, app, host }) => {
  await expect(page.getByRole('heading', { name: 'Start with a board' })).toBeVisible();

  await app.createBoard(BOARD, 'SSCB');
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await expect(page.getByText('No meetings yet')).toBeVisible();

  await app.createMeeting({ date: '2014-02-19', start: '11:00', end: '13:00', venue: '160 Tooley Street, SE1' });
  // The new meeting opens at its header page.
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await expect(page.getByText('19 February 2014').first()).toBeVisible();
  await expect(page.getByText('11.00 am – 1.00 pm')).toBeVisible();

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: BOARD }).click();
  await expect(app.meetingRows()).toHaveCount(1);
  await expect(app.meetingRows().first()).toContainText('19 February 2014');
  await expect(app.meetingRows().first()).toContainText('11.00 am – 1.00 pm');
  await expect(app.meetingRows().first()).toContainText('160 Tooley Street, SE1');
  await expect(app.meetingRows().first()).toContainText('Draft');

  await host.restart();
  await app.open(host.url);
  await app.sidebarBoard(BOARD).click();
  await expect(app.meetingRows()).toHaveCount(1);
  await expect(app.meetingRows().first()).toContainText('19 February 2014');
  await app.meetingRows().first().getByRole('link').click();
  await expect(page.getByText('160 Tooley Street, SE1')).toBeVisible();
  // A reload keeps the same screen and stays signed in.
  await page.reload();
  await expect(page.getByText('160 Tooley Street, SE1')).toBeVisible();
});

test('bad input gets a clear message and saves nothing', async ({ page, app }) => {
  await app.createBoard('B'.repeat(130));
  const dialog = page.getByRole('dialog', { name: 'New board' });
  await expect(dialog.getByText('A board name can be at most 120 characters.')).toBeVisible();
  await dialog.getByLabel('Board name').fill('   ');
  await dialog.getByRole('button', { name: 'Create board' }).click();
  await expect(dialog.getByText('Enter a board name.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No boards yet.')).toBeVisible();

  await app.createBoard(BOARD);
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await app.createBoard(BOARD.toLowerCase());
  await expect(page.getByRole('dialog', { name: 'New board' }).getByText(`There is already a board called`)).toBeVisible();
  await page.getByRole('dialog', { name: 'New board' }).getByRole('button', { name: 'Cancel' }).click();

  await app.sidebarBoard(BOARD).click();
  await app.createMeeting({ date: '2014-02-19', start: '13:00', end: '11:00' });
  const meetingDialog = page.getByRole('dialog', { name: 'New meeting' });
  await expect(meetingDialog.getByText('The meeting must end after it starts.')).toBeVisible();
  await meetingDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No meetings yet')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Boards' }).getByRole('link')).toHaveCount(1);
});

test('a file that is not a Matters Arising data file gets a clear screen and is left untouched', async ({ page, dir, dataFile, hosts }) => {
  fs.writeFileSync(dataFile, 'Minutes and Actions\n19 February 2014\n'.repeat(50));
  const before = createHash('sha256').update(fs.readFileSync(dataFile)).digest('hex');
  const host = await hosts.start();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This is not a Matters Arising data file' })).toBeVisible();
  await expect(page.getByText('The file has not been changed.')).toBeVisible();
  expect(host.output()).toContain('This is not a Matters Arising data file');
  await host.stop();
  expect(createHash('sha256').update(fs.readFileSync(dataFile)).digest('hex')).toBe(before);
  expect(fs.readdirSync(dir)).toEqual(['minutes.sqlite']);
});

test('a page without the run token is kept out', async ({ page, host }) => {
  await page.goto(host.origin);
  await expect(page.getByRole('heading', { name: 'Open Matters Arising from its own link' })).toBeVisible();
});
