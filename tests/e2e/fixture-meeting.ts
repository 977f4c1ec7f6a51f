// The minutes specs' starting point: a board with the fixture's roster and the meeting of
// 19 February 2014, open at its minutes.
import type { Page } from '@playwright/test';
import { expect, type TestHost } from './fixtures';
import { Workspace } from './pages';
import { MinutesPage } from './minutes-pages';
import { seedBoardRoster } from './seed';

export const BOARD = 'Southwark Safeguarding Children Executive Board';

/** A board with the fixture's roster and the meeting of 19 February 2014, open at its minutes. */
export async function openFixtureMeeting(page: Page, host: TestHost): Promise<{ app: Workspace; minutes: MinutesPage }> {
  const app = new Workspace(page);
  await app.open(host.url);
  await app.createBoard(BOARD, 'SSCB');
  await app.createMeeting({ date: '2014-02-19', start: '11:00', end: '13:00' });
  await expect(page.getByText('11.00 am – 1.00 pm')).toBeVisible();
  // Test setup: the roster (another feature's screens) goes straight into the stopped app's file.
  await host.stop();
  seedBoardRoster(host.dataFile, BOARD, undefined, ['All agencies']);
  await host.start();
  await openMeeting(page, app, host);
  return { app, minutes: new MinutesPage(page) };
}

export async function openMeeting(page: Page, app: Workspace, host: TestHost): Promise<void> {
  await app.open(host.url);
  await app.sidebarBoard(BOARD).click();
  await app.meetingRows().first().getByRole('link').click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}
