// Actions between meetings, end to end on the fixture meetings: an update reported in March on an
// action of 19 February, recorded from the action log, shows at the next meeting "since the last
// meeting" with its status preselected, is finished there, and the action's page shows both in
// one timeline.
import type { Page } from '@playwright/test';
import type { MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';
import { ActionLogScreen, ArisingSection, MeetingScreen } from './arising-pages';
import { expect, test, type TestHost } from './fixtures';
import { Workspace } from './pages';
import { apiOf } from './seed';

async function februaryEntered(host: TestHost): Promise<{ boardName: string; febActions: EnteredAction[] }> {
  const api = apiOf(host);
  const { board } = (await api('loadSampleBoard', {})) as SampleBoardResult;
  const meetings = (await api('listMeetings', { boardId: board.id })) as MeetingSummary[];
  await api('deleteMeeting', { meetingId: (meetings.find((m) => m.date === '2014-04-10') as MeetingSummary).id });
  const febActions = await enterFixtureMinutes(api, (meetings.find((m) => m.date === '2014-02-19') as MeetingSummary).id, FEBRUARY);
  return { boardName: board.name, febActions };
}

async function openMeeting(page: Page, host: TestHost, boardName: string, date: string): Promise<void> {
  const app = new Workspace(page);
  await app.open(host.url);
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: boardName }).click();
  await app.meetingRows().getByRole('link', { name: date }).click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}

test('an update recorded from the action log in March shows at the next meeting since the last meeting, and is finished there', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { boardName, febActions } = await februaryEntered(host);
  const ref = febActions[1]!.action.reference;

  const app = new Workspace(page);
  await app.open(host.url);
  const log = new ActionLogScreen(page);
  await log.open();
  await page.getByRole('button', { name: `Record an update on ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Record an update on ${ref}` });
  // A date before the action was agreed is refused, with the reason, and nothing is recorded.
  await dialog.getByLabel('Reported on').fill('2014-02-01');
  await dialog.getByLabel('Update', { exact: true }).fill('Terms of reference drafted; circulated to the sub-group chairs');
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog.getByText(`Action ${ref} was agreed on 19 February 2014: an update cannot be dated before that.`)).toBeVisible();
  await dialog.getByLabel('Reported on').fill('2014-03-03');
  await dialog.getByLabel('Status reported').selectOption({ label: 'In progress' });
  await dialog.getByLabel('Reported by').fill('AF by email');
  await dialog.getByRole('button', { name: 'Record update' }).click();
  await expect(dialog).toHaveCount(0);
  const row = log.rows().filter({ has: page.getByRole('link', { name: ref, exact: true }) });
  await expect(row).toContainText('Terms of reference drafted; circulated to the sub-group chairs');
  await expect(row).toContainText('3 March 2014, between meetings (in progress)');

  // The next meeting: listed with what was reported since the last meeting, its status preselected.
  await openMeeting(page, host, boardName, '19 February 2014');
  const meeting = new MeetingScreen(page);
  await meeting.startNextMeeting({ date: '2014-04-10', start: '10:30', end: '12:30' });
  await expect(meeting.heading()).toHaveText('10 April 2014');
  const arising = new ArisingSection(page);
  const entry = arising.entry(ref);
  const since = entry.root.getByRole('group', { name: `Since the last meeting, action ${ref}` });
  await expect(since).toContainText('3 March 2014, AF by email (in progress): Terms of reference drafted; circulated to the sub-group chairs');
  await expect(entry.status).toHaveValue('in_progress');
  await expect(arising.entry(febActions[0]!.action.reference).root.getByRole('group')).toHaveCount(0);

  // Finished at the meeting, with its own update.
  await entry.status.selectOption({ label: 'Done' });
  await entry.update.fill('Terms of reference agreed by all sub-groups.');
  await meeting.saved();
  await expect(entry.status).toHaveValue('done');

  // The action's page: the report and the meeting's update in one timeline, in date order.
  await entry.root.getByRole('link', { name: ref, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: ref })).toBeVisible();
  const timeline = page.locator('ol.action-updates li');
  await expect(timeline).toHaveCount(2);
  await expect(timeline.nth(0)).toContainText('3 March 2014');
  await expect(timeline.nth(0)).toContainText('between meetings, reported by AF by email');
  await expect(timeline.nth(1)).toContainText('10 April 2014');
  await expect(timeline.nth(1)).toContainText('Terms of reference agreed by all sub-groups.');
  // Finished: nothing more is reported between meetings.
  await expect(page.getByRole('button', { name: 'Record an update' })).toHaveCount(0);
});
