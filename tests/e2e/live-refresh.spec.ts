// Screens refresh themselves: what a write changed reaches every screen that shows it,
// without a reload. Driven through the UI on a real browser host with a fresh data file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BoardSummary, MeetingDetail, MinutesAction, MinutesItem } from '../../shared/contract';
import { ArisingSection } from './arising-pages';
import { startHost, type RunningHost } from './host';
import { MinutesPage } from './minutes-pages';
import { Workspace } from './pages';
import { apiOf } from './seed';

const BOARD = 'Live Refresh Board';
let dir: string;
let host: RunningHost | undefined;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-live-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** TEST SETUP ONLY: a board whose first meeting agreed one action, through the running app's API. */
async function boardWithOneAction(): Promise<{ api: ReturnType<typeof apiOf>; meeting: MeetingDetail; item: MinutesItem; reference: string }> {
  host = await startHost(path.join(dir, 'minutes.sqlite'));
  const api = apiOf(host);
  const board = (await api('createBoard', { name: BOARD })) as BoardSummary;
  const meeting = (await api('createMeeting', { boardId: board.id, date: '2014-02-19' })) as MeetingDetail;
  const { item } = (await api('addAgendaItem', { meetingId: meeting.id, title: 'Safeguarding audit' })) as { item: MinutesItem };
  const action = (await api('addAction', { itemId: item.id, details: 'Circulate the audit findings' })) as MinutesAction;
  return { api, meeting, item, reference: action.reference };
}

async function openMeeting(page: Page, date: string): Promise<void> {
  const app = new Workspace(page);
  await app.open((host as RunningHost).url);
  await app.sidebarBoard(BOARD).click();
  await app.meetingRows().getByRole('link', { name: date }).click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}

test('a meeting made with New meeting lists its matters arising when asked, without a reload', async ({ page }) => {
  const { reference } = await boardWithOneAction();
  const app = new Workspace(page);
  await app.open((host as RunningHost).url);
  await app.sidebarBoard(BOARD).click();
  await app.createMeeting({ date: '2014-04-10' });
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('10 April 2014');

  const arising = new ArisingSection(page);
  await expect(arising.root).toContainText('1 action is still outstanding from earlier meetings and not listed here.');
  await arising.root.getByRole('button', { name: 'List them as matters arising' }).click();

  await expect(arising.entries()).toHaveCount(1);
  expect(await arising.references()).toEqual([reference]);
  await expect(arising.root).toContainText('1 action from earlier meetings; 1 still open.');
  await expect(arising.root.getByRole('button', { name: 'List them as matters arising' })).toHaveCount(0);
});

test('a new date typed in the header gives the minutes’ actions their new references, without a reload', async ({ page }) => {
  const { reference } = await boardWithOneAction();
  expect(reference).toBe('2014-02-19/1');
  await openMeeting(page, '19 February 2014');
  const minutes = new MinutesPage(page);
  const action = minutes.item('1').actionRows().first();
  await expect(action).toHaveAttribute('data-reference', '2014-02-19/1');

  await page.getByText('Meeting details').click();
  await page.locator('#header-date').fill('2014-02-20');
  await expect(action).toHaveAttribute('data-reference', '2014-02-20/1');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]')).toHaveText('20 February 2014');
  await minutes.saved();
});

test('an item deferred last time, taken in from matters arising, joins the minutes on screen', async ({ page }) => {
  const { api, meeting, item } = await boardWithOneAction();
  await api('updateAgendaItem', { itemId: item.id, deferred: true, deferredToText: 'the next meeting' });
  await api('startNextMeeting', { fromMeetingId: meeting.id, date: '2014-04-10' });
  await openMeeting(page, '10 April 2014');
  const minutes = new MinutesPage(page);
  await expect(minutes.items()).toHaveCount(1);

  const arising = new ArisingSection(page);
  await arising.root.getByRole('button', { name: 'Add “Safeguarding audit” to this agenda' }).click();
  await expect(minutes.items()).toHaveCount(2);
  await expect(minutes.item('2').title).toHaveValue('Safeguarding audit');
  await expect(arising.root.getByRole('button', { name: 'Add “Safeguarding audit” to this agenda' })).toHaveCount(0);
  await minutes.saved();
});
