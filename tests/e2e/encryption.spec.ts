// Encryption in the window: a file without its key gets the problem screen, where a wrong
// recovery passphrase is refused (the file unchanged) and the right one opens it; a plain file
// from before encryption is offered "Encrypt this file", then the removal of its plain backup.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';
import { apiOf } from './seed';
import { recoveryPassphrase, type StoreKey } from '../../electron/core/crypt/cipher';
import { decryptedCopy, TEST_KEY_TEXT } from '../helpers/testKey';

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

test('an encrypted file without its key asks for the recovery passphrase, refuses a wrong one and opens with the right one', async ({ page, hosts, dataFile }) => {
  const first = await hosts.start();
  await apiOf(first)('createBoard', { name: 'Safeguarding Executive' });
  await first.stop();
  const before = sha(dataFile);

  const host = await hosts.start({ env: { MATTERS_ARISING_KEY: '' } });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'This data file is encrypted' })).toBeVisible();
  const passphrase = page.getByRole('textbox', { name: 'Recovery passphrase' });
  await passphrase.fill('1234-5678-not-it');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText('That passphrase does not open this data file')).toBeVisible();
  expect(sha(dataFile)).toBe(before);

  await passphrase.fill(recoveryPassphrase(TEST_KEY_TEXT as StoreKey));
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Safeguarding Executive/ })).toBeVisible();
});

test('a plain file is offered encryption; afterwards its plain backup is removed when the user says so', async ({ page, hosts, dataFile }) => {
  const first = await hosts.start();
  await apiOf(first)('createBoard', { name: 'Safeguarding Executive' });
  await first.stop();
  // The same file as an earlier version left it: plain.
  decryptedCopy(dataFile, `${dataFile}.plain`);
  fs.renameSync(`${dataFile}.plain`, dataFile);
  const host = await hosts.start();
  await page.goto(host.url);
  const offer = page.getByRole('region', { name: 'Encryption' });
  await expect(offer).toContainText('This data file is not encrypted');
  await offer.getByRole('button', { name: 'Encrypt this file…' }).click();
  await page.getByRole('dialog', { name: 'Encrypt this data file?' }).getByRole('button', { name: 'Encrypt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The data file is now encrypted' })).toBeVisible();
  await expect(offer).toHaveCount(0);
  expect(fs.readFileSync(dataFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  await expect(page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Safeguarding Executive/ })).toBeVisible();

  const plain = page.getByRole('region', { name: 'Unencrypted backups' });
  await plain.getByRole('button', { name: 'Remove unencrypted backups…' }).click();
  await page.getByRole('dialog', { name: 'Remove the unencrypted backups?' }).getByRole('button', { name: 'Remove them' }).click();
  await expect(plain).toHaveCount(0);
});
