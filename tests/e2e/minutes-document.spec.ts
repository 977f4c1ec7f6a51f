// Issue 13, point 8: agreed and published minutes read as a document, like the PDF page: no
// boxes, no "Type the discussion…" prompts, no "not on the roster" chips, no inputs; the items,
// decisions and actions are there as text, and a correction changes what the page says.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Workspace } from './pages';
import { RecordPanel } from './publication-pages';

const SAMPLE = 'Southwark Safeguarding Children Executive Board \\(sample\\)';
const meetingLink = (page: Page, date: string) => page.locator('table.meeting-table tbody tr').filter({ hasText: date }).getByRole('link').first();

test('agreed minutes show as the printed document: no textbox, prompt or chip; items, decisions and actions as text', async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  await app.open(host.url);
  await app.sidebarBoard(SAMPLE).click();
  await meetingLink(page, '19 February 2014').click();
  const record = new RecordPanel(page);
  await expect(record.status).toHaveText('Agreed as accurate');
  const content = page.locator('#content');
  const doc = content.getByRole('article', { name: 'The minutes' });
  await expect(doc.getByRole('heading', { level: 2, name: '1. Minutes and actions arising' })).toBeVisible();

  // Nothing to type into, nothing that prompts, nothing that flags a person as unknown.
  await expect(content.getByRole('textbox')).toHaveCount(0);
  await expect(content.getByRole('combobox')).toHaveCount(0);
  await expect(content.getByRole('checkbox')).toHaveCount(0);
  await expect(content.locator('[contenteditable="true"], input, textarea, select')).toHaveCount(0);
  await expect(content.getByText(/Type the discussion/)).toHaveCount(0);
  await expect(content.getByText(/not on the roster/)).toHaveCount(0);
  await expect(content.locator('.owner-chip, .ed-placeholder')).toHaveCount(0);

  // The minutes as text: who was there, an item's discussion, a decision and an action with its owner.
  await expect(doc.getByRole('table', { name: 'Present' })).toContainText("Michael O'Connor (Chair)");
  await expect(doc.getByRole('heading', { level: 3, name: '1a. Update on SSCB sub-groups and s11 process for 2014' })).toBeVisible();
  await expect(doc).toContainText('AF explained the proposals for:');
  await expect(doc.getByRole('listitem').filter({ hasText: 'standard terms of reference for sub groups' })).toBeVisible();
  const agreed = doc.getByRole('table', { name: 'Decisions and/or actions agreed' });
  await expect(agreed.getByRole('row').filter({ hasText: 'The board agreed the standard terms of reference was useful and should be implemented.' })).toBeVisible();
  await expect(agreed.getByRole('row').filter({ hasText: /^2014-02-19\/1\D/ })).toHaveText(/^2014-02-19\/1\s*All recommendations from item 1a agreed\s*AF/);
  await expect(doc).toContainText('Agreed as accurate on 10 April 2014');
  await expect(doc.locator('.hash-value')).toHaveText(/^[0-9a-f]{64}$/);

  // The draft meeting is still the form it is typed in.
  await app.sidebarBoard(SAMPLE).click();
  await meetingLink(page, '10 April 2014').click();
  await expect(page.getByRole('region', { name: 'Minutes' }).getByRole('textbox').first()).toBeEditable();
  await expect(page.locator('#content').getByRole('article', { name: 'The minutes' })).toHaveCount(0);
});

test('a correction recorded beside published minutes shows in the document at once', async ({ page, hosts }) => {
  const host = await hosts.start({ args: ['--sample'] });
  const app = new Workspace(page);
  await app.open(host.url);
  await app.sidebarBoard(SAMPLE).click();
  await meetingLink(page, '19 February 2014').click();
  const record = new RecordPanel(page);
  await record.publish();
  const doc = page.locator('#content').getByRole('article', { name: 'The minutes' });
  await expect(doc.getByRole('heading', { name: 'Corrections' })).toHaveCount(0);
  await record.button('Record a correction…').click();
  const correction = record.dialog('Record a correction');
  await correction.getByLabel('What was corrected').fill('Item 1b, action 2: the owners are AF and EA.');
  await correction.getByLabel('Why').fill('The owners were run together when the minutes were typed.');
  await correction.getByRole('button', { name: 'Record correction' }).click();
  await expect(doc.getByRole('heading', { level: 2, name: 'Corrections' })).toBeVisible();
  await expect(doc).toContainText('The owners were run together when the minutes were typed.');
  await expect(page.locator('#content').getByRole('textbox')).toHaveCount(0);
});
