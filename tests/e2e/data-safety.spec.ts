// Backups and bad files through the UI: back up, restore, and recover from a damaged file
// without the damaged file ever being changed or deleted.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Database } from '../../electron/core/db/driver';
import { APPLICATION_ID } from '../../electron/core/db/identify';
import { expect, test } from './fixtures';

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('back up, change things, and restore the backup from the Backups screen', async ({ page, app, dir }) => {
  await app.createBoard('Executive Board');
  await expect(page.getByRole('heading', { level: 1, name: 'Executive Board' })).toBeVisible();

  // The day's first change is backed up on its own, in the background.
  const backupFolder = path.join(dir, 'Matters Arising backups');
  await expect.poll(() => (fs.existsSync(backupFolder) ? fs.readdirSync(backupFolder).filter((f) => f.endsWith('daily.sqlite')) : [])).toHaveLength(1);

  await page.getByRole('link', { name: 'Backups' }).click();
  const rows = page.locator('table.backup-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Daily');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toHaveText('Backup taken.');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Made by you');

  await app.createBoard('Board added after the backup');
  await expect(app.sidebarBoard('Board added after the backup')).toBeVisible();

  await page.getByRole('link', { name: 'Backups' }).click();
  await rows.first().getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('kept as a backup first');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(app.sidebarBoard('Executive Board')).toBeVisible();
  await expect(app.sidebarBoard('Board added after the backup')).toHaveCount(0);
  await page.getByRole('link', { name: 'Backups' }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.locator('table.backup-table')).toContainText('Before a restore');
});

test('a damaged data file opens a clear screen; restoring a backup recovers, and the damaged file is kept as it was', async ({ page, app, host, dir, dataFile }) => {
  await app.createBoard('Executive Board');
  await page.getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toHaveText('Backup taken.');
  await host.stop();

  fs.writeFileSync(dataFile, Buffer.alloc(64 * 1024, 0x42));
  const damaged = sha(dataFile);
  await host.start();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This is not a Matters Arising data file' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Restore a backup' })).toBeVisible();
  await page.locator('table.backup-table tbody tr').first().getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('not changed or deleted');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(app.sidebarBoard('Executive Board')).toBeVisible();

  const aside = fs.readdirSync(dir).filter((f) => f.includes('set aside'));
  expect(aside).toHaveLength(1);
  expect(sha(path.join(dir, aside[0]!))).toBe(damaged);
});

test('a data file from a newer version is refused, left byte-identical, and another file can be opened', async ({ page, dir, hosts }) => {
  const dataFile = path.join(dir, 'newer.sqlite');
  const raw = new Database(dataFile);
  raw.exec('CREATE TABLE from_the_future (x TEXT)');
  // A newer Matters Arising file carries the app's mark (PRAGMA application_id) like every other.
  raw.pragma(`application_id = ${APPLICATION_ID}`);
  raw.pragma('user_version = 99');
  raw.close();
  const before = sha(dataFile);

  const host = await hosts.start({ dataFile });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This data file is from a newer version of Matters Arising' })).toBeVisible();
  await page.getByRole('button', { name: 'Open another file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open another data file' });
  await dialog.getByLabel('Path of the data file').fill(path.join(dir, 'fresh.sqlite'));
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Start with a board' })).toBeVisible();
  expect(sha(dataFile)).toBe(before);
});
