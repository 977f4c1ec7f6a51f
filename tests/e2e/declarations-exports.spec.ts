// Declarations of interest and the Word and HTML exports through the app: a declaration recorded
// on the meeting of 19 February 2014, then the minutes exported as PDF, Word and HTML (downloads
// in the browser host), each read back: poppler for the PDF, the .docx unzipped, the HTML checked
// by axe-core in Chromium. Only those at the meeting are offered as declaring.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type TestHost } from './fixtures';
import { Workspace } from './pages';
import { boardLink, RecordPanel } from './publication-pages';
import { FIXTURE_BOARD, overHttp, seedFixtureMinutes } from '../helpers/fixture-minutes';
import { pdfTextPages, squashed } from '../helpers/pdf';
import { docxText } from '../../electron/core/publication/docxText';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openFixture(page: Page, host: TestHost): Promise<void> {
  await seedFixtureMinutes(overHttp(host.origin, host.token));
  const app = new Workspace(page);
  await app.open(host.url);
  await boardLink(page, FIXTURE_BOARD).click();
  await app.meetingRows().filter({ hasText: '19 February 2014' }).getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}

async function downloadFrom(page: Page, dir: string, button: ReturnType<Page['getByRole']>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('records a declaration of interest and exports the minutes as PDF, Word and accessible HTML', async ({ page, host, dir, browser }) => {
  await openFixture(page, host);
  const panel = page.getByRole('region', { name: 'Declarations of interest' });
  await expect(panel).toContainText('No declarations of interest recorded.');
  const form = panel.getByRole('form', { name: 'Record a declaration of interest' });

  // Only those at the meeting are offered (Andrew Bland sent apologies); nobody chosen, nothing is recorded.
  await expect(form.getByLabel('Who').locator('option', { hasText: 'Andrew Bland' })).toHaveCount(0);
  await expect(form.getByLabel('Who').locator('option', { hasText: 'Geri Scott' })).toHaveCount(1);
  await form.getByLabel('Interest declared').fill('Landlord of a privately fostered child');
  await form.getByRole('button', { name: 'Record declaration' }).click();
  await expect(panel.getByText('Choose who declared the interest.')).toBeVisible();
  await expect(panel.getByRole('table')).toHaveCount(0);

  await form.getByLabel('Who').selectOption({ label: 'Geri Scott (GS)' });
  await form.getByLabel('Item', { exact: true }).selectOption({ label: '6b Private Fostering' });
  await form.getByLabel('For the item').selectOption({ label: 'Left the room for the item' });
  await form.getByRole('button', { name: 'Record declaration' }).click();
  const row = panel.getByRole('row').filter({ hasText: 'Landlord of a privately fostered child' });
  await expect(row).toContainText('Geri Scott (GS)');
  await expect(row).toContainText('6b Private Fostering');
  const sentence = squashed('Geri Scott (GS) declared an interest: Landlord of a privately fostered child; left the room for the item.');

  const record = new RecordPanel(page);
  const pdf = await record.exportPdf('public', dir);
  expect(squashed(pdfTextPages(pdf).join('\n'))).toContain(sentence);

  const word = await downloadFrom(page, dir, record.root.getByRole('button', { name: 'Word: public version' }));
  expect(path.basename(word)).toBe('SSCB minutes 2014-02-19 (public).docx');
  await expect(record.root.getByRole('status').filter({ hasText: 'The public version as Word was downloaded' })).toBeVisible();
  const text = docxText(fs.readFileSync(word));
  expect(squashed(text.body)).toContain(sentence);
  expect(text.headers).toContain('Minutes and Actions');

  const html = await downloadFrom(page, dir, record.root.getByRole('button', { name: 'HTML: public version' }));
  expect(path.basename(html)).toBe('SSCB minutes 2014-02-19 (public).html');
  // axe-core in Chromium over the file as published (its own CSP keeps scripts out, so axe is let in past it).
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const reader = await context.newPage();
    await reader.goto(`file://${html}`);
    await expect(reader.getByRole('heading', { level: 1 })).toContainText('Minutes and Actions');
    expect(squashed((await reader.locator('body').innerText()) ?? '')).toContain(sentence);
    await reader.addScriptTag({ content: axeSource });
    const violations = await reader.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    // The skip link goes to the minutes.
    await reader.keyboard.press('Tab');
    await expect(reader.getByRole('link', { name: 'Skip to the minutes' })).toBeFocused();
  } finally {
    await context.close();
  }
});

test('keeps the register of interests from the roster, refuses dates that end before they start, and exports it', async ({ page, host, dir }) => {
  await seedFixtureMinutes(overHttp(host.origin, host.token));
  await new Workspace(page).open(host.url);
  await boardLink(page, FIXTURE_BOARD).click();
  await page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name: 'Roster' }).click();
  const register = page.getByRole('region', { name: 'Register of interests' });
  await expect(register).toContainText('No interests registered yet.');
  const form = register.getByRole('form', { name: 'Add an interest' });
  await form.getByLabel('Member').selectOption({ label: 'Geri Scott (GS)' });
  await form.getByLabel('Interest', { exact: true }).fill('Trustee, Southwark Carers');
  await form.getByLabel('Category').selectOption({ label: 'Other registrable interest' });
  await form.getByLabel('From').fill('2014-05-01');
  await form.getByLabel('To').fill('2014-01-01');
  await form.getByRole('button', { name: 'Add interest' }).click();
  await expect(form.getByText('The interest cannot end before it starts: check the dates.')).toBeVisible();
  await expect(register.getByRole('table')).toHaveCount(0);

  await form.getByLabel('To').fill('');
  await form.getByRole('button', { name: 'Add interest' }).click();
  const row = register.getByRole('row').filter({ hasText: 'Trustee, Southwark Carers' });
  await expect(row).toContainText('Geri Scott (GS)');
  await expect(row).toContainText('1 May 2014');

  const file = await downloadFrom(page, dir, register.getByRole('button', { name: 'Export register (Word)' }));
  const text = docxText(fs.readFileSync(file));
  expect(text.body).toContain('Register of interests');
  expect(text.body).toContain('Trustee, Southwark Carers');
  expect(text.body).toContain('Other registrable interest');
});
