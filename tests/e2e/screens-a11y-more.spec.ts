// Issue 13, point 5: axe-core (0 violations at any impact) on the screens and dialogs added
// since the first pass (screens-a11y.spec.ts has the rest): search (Ctrl+K) with its results,
// the Import minutes preview, the briefing, My actions, the declarations of interest, the
// recovery passphrase, an action's page with the between-meeting progress dialog, the undo
// notice, and agreed minutes shown as the document.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './axe';
import { Workspace, openFirstLoggedAction } from './pages';

// The app's Content-Security-Policy refuses inline scripts (rightly): axe-core's source is
// injected by the test, so this spec's pages let the test's own script in.
test.use({ bypassCSP: true });

const SAMPLE = 'Southwark Safeguarding Children Executive Board \\(sample\\)';
const meetingLink = (page: Page, date: string) => page.locator('table.meeting-table tbody tr').filter({ hasText: date }).getByRole('link').first();

test('the later screens and dialogs pass axe-core with no violation at any impact', async ({ page, hosts }) => {
  test.setTimeout(240_000);
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  await app.open(host.url);

  // Search, with its results.
  const search = await app.openSearch();
  await search.getByRole('combobox', { name: 'Words to look for' }).fill('private fostering');
  await expect(search.getByRole('group', { name: /19 February 2014$/ }).getByRole('option').first()).toBeVisible();
  await expectNoAxeViolations(page, 'the search box with its results');
  await search.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(search).toBeHidden();

  // Import minutes: the preview of a file, with its warnings.
  await app.sidebarBoard(SAMPLE).click();
  await page.getByRole('button', { name: 'Import minutes…' }).click();
  const importing = page.getByRole('dialog', { name: 'Import minutes' });
  await expectNoAxeViolations(page, 'the Import minutes dialog');
  await importing.getByTestId('import-files').setInputFiles([path.resolve('tests/fixtures/sscb-2014-02-19-and-04-10.txt')]);
  await importing.getByRole('button', { name: 'Preview' }).click();
  // The sample board has these meetings already: the preview says so, per file, before anything is written.
  await expect(importing.getByRole('region', { name: 'File sscb-2014-02-19-and-04-10.txt' }).getByRole('alert')).toContainText('already has a meeting');
  await expectNoAxeViolations(page, 'the Import minutes preview');
  await page.keyboard.press('Escape');
  await expect(importing).toBeHidden();

  // The draft meeting: declarations of interest with one recorded, and the undo notice.
  await meetingLink(page, '10 April 2014').click();
  const declare = page.getByRole('form', { name: 'Record a declaration of interest' });
  await declare.getByLabel('Who').selectOption({ index: 1 });
  await declare.getByLabel('Interest declared').fill('Trustee of a local children’s charity');
  await declare.getByRole('button', { name: 'Record declaration' }).click();
  await expect(page.getByRole('button', { name: /’s declaration$/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the declarations of interest, one recorded');
  await page.getByRole('button', { name: /’s declaration$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: '· Undo' })).toBeVisible();
  await expectNoAxeViolations(page, 'the meeting with the undo notice showing');
  await page.getByRole('status').filter({ hasText: '· Undo' }).getByRole('button', { name: 'Undo' }).click();

  // Agreed minutes, shown as the printed document.
  await app.sidebarBoard(SAMPLE).click();
  await meetingLink(page, '19 February 2014').click();
  await expect(page.getByRole('article', { name: 'The minutes' })).toBeVisible();
  await expectNoAxeViolations(page, 'the agreed minutes of 19 February 2014 as a document');

  // An action's page, and the progress dialog.
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Action log/ }).click();
  await openFirstLoggedAction(page);
  await page.getByRole('button', { name: 'Record an update' }).click();
  await expect(page.getByRole('dialog', { name: /^Record an update on / })).toBeVisible();
  await expectNoAxeViolations(page, 'the Record an update dialog');
  await page.keyboard.press('Escape');

  // My actions, for one person.
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Action log/ }).click();
  await page.getByRole('link', { name: 'My actions' }).click();
  await page.getByLabel('Whose actions').selectOption({ index: 1 });
  await expect(page.getByRole('heading', { level: 1, name: 'My actions' })).toBeVisible();
  await expectNoAxeViolations(page, 'My actions');

  // The board's briefing.
  const boardHref = (await app.sidebarBoard(SAMPLE).getAttribute('href')) ?? '';
  await page.evaluate((href) => (window.location.hash = `${href.replace(/^#/, '')}/briefing`), boardHref);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#content')).toContainText(/overdue/i);
  await expectNoAxeViolations(page, 'the briefing');

  // The recovery passphrase (encryption), from Backups.
  await page.getByRole('link', { name: 'Backups' }).click();
  await page.getByRole('button', { name: 'Recovery passphrase…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoAxeViolations(page, 'the recovery passphrase dialog');
  await page.keyboard.press('Escape');
});
