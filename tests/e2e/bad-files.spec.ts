// Files and paths that are not a usable data file, through the UI: a lock left on another
// computer (open anyway, after a warning), another program's database, a missing folder. Each
// gets a plain screen, the files are left as they were, and the app stays usable.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Database } from '../../electron/core/db/driver';
import { expect, test } from './fixtures';

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('a lock left on another computer names it, and the file can be opened anyway after a warning', async ({ page, app, host, dataFile }) => {
  await app.createBoard('Executive Board');
  await expect(app.sidebarBoard('Executive Board')).toBeVisible();
  await host.stop();

  fs.writeFileSync(`${dataFile}.lock`, JSON.stringify({ pid: 4242, host: 'BOARD-LAPTOP', since: '2026-02-19T10:31:00.000Z', boot: 'id:11111111-1111-4111-8111-111111111111' }));
  const before = sha(dataFile);
  await host.start();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'The data file is in use on another computer' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('"BOARD-LAPTOP" on 19 February 2026');
  await expect(page.getByRole('heading', { name: 'Restore a backup' })).toHaveCount(0);
  expect(sha(dataFile)).toBe(before);

  await page.getByRole('button', { name: 'Open anyway…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open the data file anyway?' });
  await expect(dialog).toContainText('changes made in one can be lost');
  await dialog.getByRole('button', { name: 'Open anyway' }).click();
  await expect(app.sidebarBoard('Executive Board')).toBeVisible();
});

test('another program’s database is refused, left byte-identical, and another file can be opened', async ({ page, dir, hosts }) => {
  const dataFile = path.join(dir, 'contacts.sqlite');
  const raw = new Database(dataFile);
  raw.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Tina Hawkins', '020 7525 0000')");
  raw.close();
  const before = sha(dataFile);

  const host = await hosts.start({ dataFile });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This is not a Matters Arising data file' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('is a database, but its tables are not the ones Matters Arising keeps minutes in');
  await page.getByRole('button', { name: 'Open another file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open another data file' });
  await dialog.getByLabel('Path of the data file').fill(path.join(dir, 'no such folder', 'minutes.sqlite'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toContainText('The folder of the data file is not there');
  await dialog.getByLabel('Path of the data file').fill(path.join(dir, 'minutes.sqlite'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Start with a board' })).toBeVisible();
  expect(sha(dataFile)).toBe(before);
  expect(fs.existsSync(path.join(dir, 'no such folder'))).toBe(false);
});

test('a data file in a folder that is not there (an unplugged drive) is explained, and nothing is created', async ({ page, dir, hosts }) => {
  const dataFile = path.join(dir, 'USB drive', 'minutes.sqlite');
  const host = await hosts.start({ dataFile });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'The folder of the data file is not there' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('may not be connected');
  await expect(page.getByRole('heading', { name: 'Restore a backup' })).toHaveCount(0);
  expect(fs.readdirSync(dir)).toEqual([]);
});
