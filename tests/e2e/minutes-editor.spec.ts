// The minutes editor end to end: item 1a of the 19 February 2014 Executive Board typed live,
// with its four actions, surviving a reload and a crash of the app; and bad input handled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';
import { seedBoardRoster } from './seed';

const BOARD = 'Southwark Safeguarding Children Executive Board';
let dir: string;
let dataFile: string;
let host: RunningHost | undefined;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-minutes-'));
  dataFile = path.join(dir, 'minutes.sqlite');
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A board with the fixture's roster and the meeting of 19 February 2014, open at its minutes. */
async function openFixtureMeeting(page: Page): Promise<{ app: Workspace; minutes: MinutesPage }> {
  host = await startHost(dataFile);
  const app = new Workspace(page);
  await app.open(host.url);
  await app.createBoard(BOARD, 'SSCB');
  await app.createMeeting({ date: '2014-02-19', start: '11:00', end: '13:00' });
  await expect(page.getByText('11.00 am – 1.00 pm')).toBeVisible();
  // Test setup: the roster (another feature's screens) goes straight into the stopped app's file.
  await host.stop();
  seedBoardRoster(dataFile, BOARD, undefined, ['All agencies']);
  host = await startHost(dataFile);
  await openMeeting(page, app);
  return { app, minutes: new MinutesPage(page) };
}

async function openMeeting(page: Page, app: Workspace): Promise<void> {
  if (!host) throw new Error('no host');
  await app.open(host.url);
  await app.sidebarBoard(BOARD).click();
  await app.meetingRows().first().getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}

const DISCUSSION_BULLETS = [
  'standard terms of reference for sub groups',
  'creation of private fostering and children missing sub groups',
  'a challenge panel approach to the s11 safeguarding reporting process for 2014',
  'an independent chair for the audit and learning sub group',
];

const ACTIONS = [
  { details: 'All recommendations from item 1a agreed', owners: 'AF', chips: ['AF'] },
  { details: 'Review processes and terms of reference around new subgroups to ensure they strengthen existing governance arrangements', owners: 'AF & EA', chips: ['AF', 'EA'] },
  { details: 'Independent chair of audit and learning subcommittee to be recruited via the specialist recruitment department', owners: 'AF', chips: ['AF'] },
  { details: 'Feedback on lessons from CDOP to the next executive board', owners: 'AF', chips: ['AF'], due: 'next meeting' },
];

test('types item 1a of 19 February 2014 with its four actions, and finds it all after a reload and after the app is killed', async ({ page }) => {
  const { app, minutes } = await openFixtureMeeting(page);
  await expect(page.getByText('No agenda items yet')).toBeVisible();

  await minutes.addItem();
  const one = minutes.item('1');
  await expect(one.title).toBeFocused();
  await page.keyboard.type('Minutes and actions arising');
  await page.keyboard.press('Control+Shift+Enter');
  const item = minutes.item('1a');
  await expect(item.title).toBeFocused();
  await page.keyboard.type('Update on SSCB sub-groups and s11 process for 2014');
  // Enter in the title goes on to the discussion.
  await page.keyboard.press('Enter');
  await expect(item.discussion).toBeFocused();
  await page.keyboard.type('AF explained the proposals for:');
  await page.keyboard.press('Enter');
  await item.button('Bulleted list').click();
  for (const [i, bullet] of DISCUSSION_BULLETS.entries()) {
    await page.keyboard.type(bullet);
    await page.keyboard.press('Enter');
    if (i === DISCUSSION_BULLETS.length - 1) await page.keyboard.press('Enter');
  }
  await page.keyboard.type('All recommendations were accepted');
  await expect(item.discussion.locator('ul > li')).toHaveCount(4);

  for (const [i, a] of ACTIONS.entries()) {
    await item.root.getByRole('button', { name: 'Add an action to item 1a' }).click();
    const row = item.action(i + 1);
    await expect(row.details).toBeFocused();
    await page.keyboard.type(a.details);
    await row.owners.fill(a.owners);
    await row.owners.press('Enter');
    await expect(row.ownerChips).toHaveText(a.chips);
    if (a.due) {
      await row.due.fill(a.due);
      await expect(row.dueReading).toHaveText('→ the next meeting');
    }
  }
  await minutes.saved();

  await page.reload();
  await expect(minutes.item('1').title).toHaveValue('Minutes and actions arising');
  await expect(item.title).toHaveValue('Update on SSCB sub-groups and s11 process for 2014');
  await expect(item.discussion.locator('ul > li')).toHaveText(DISCUSSION_BULLETS);
  await expect(item.discussion).toContainText('AF explained the proposals for:');
  await expect(item.discussion).toContainText('All recommendations were accepted');
  await expect(item.actionRows().locator('.action-seq')).toHaveText(['1', '2', '3', '4']);
  expect(await item.actionRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')))).toEqual([
    '2014-02-19/1',
    '2014-02-19/2',
    '2014-02-19/3',
    '2014-02-19/4',
  ]);
  for (const [i, a] of ACTIONS.entries()) {
    await expect(item.action(i + 1).details).toHaveValue(a.details);
    await expect(item.action(i + 1).ownerChips).toHaveText(a.chips);
  }
  await expect(item.action(4).due).toHaveValue('next meeting');
  await expect(item.action(4).dueReading).toHaveText('→ the next meeting');

  // A sentence typed, saved, and then the app dies without warning.
  const sentence = 'RB expressed support for the creation of the new sub-groups.';
  await item.discussion.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(sentence);
  await minutes.saved();
  host?.process.kill('SIGKILL');
  await host?.stop();
  host = await startHost(dataFile);
  await openMeeting(page, app);
  await expect(minutes.item('1a').discussion).toContainText(sentence);
  await expect(minutes.item('1a').discussion.locator('ul > li')).toHaveCount(4);

  // The plain text stored beside the JSON keeps the list on its own lines.
  await host.stop();
  host = undefined;
  const db = new Database(dataFile, { readonly: true });
  const text = db.prepare("SELECT discussion_text FROM agenda_items WHERE number = '1a'").pluck().get() as string;
  db.close();
  expect(text).toBe(['AF explained the proposals for:', ...DISCUSSION_BULLETS.map((b) => `- ${b}`), 'All recommendations were accepted', sentence].join('\n'));
});
