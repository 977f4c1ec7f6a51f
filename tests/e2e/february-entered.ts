// The setup several end-to-end specs start from, through the running app's API: the sample board
// (roster and attendance of both fixture meetings) without its 10 April meeting, and 19 February's
// items and 13 actions typed in; and opening a meeting of a board from the sidebar.
import type { Page } from '@playwright/test';
import type { MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';
import { expect, type TestHost } from './fixtures';
import { Workspace } from './pages';
import { apiOf } from './seed';

export interface FebruaryEntered {
  api: ReturnType<typeof apiOf>;
  boardId: string;
  boardName: string;
  feb: MeetingSummary;
  febActions: EnteredAction[];
}

export async function februaryEntered(host: TestHost): Promise<FebruaryEntered> {
  const api = apiOf(host);
  const { board } = (await api('loadSampleBoard', { attendanceOnly: true })) as SampleBoardResult;
  const meetings = (await api('listMeetings', { boardId: board.id })) as MeetingSummary[];
  const feb = meetings.find((m) => m.date === '2014-02-19') as MeetingSummary;
  const apr = meetings.find((m) => m.date === '2014-04-10') as MeetingSummary;
  await api('deleteMeeting', { meetingId: apr.id });
  const febActions = await enterFixtureMinutes(api, feb.id, FEBRUARY);
  expect(febActions).toHaveLength(13);
  return { api, boardId: board.id, boardName: board.name, feb, febActions };
}

/** Opens a board's meeting by the date its row shows ("19 February 2014"). */
export async function openMeeting(page: Page, host: TestHost, boardName: string, date: string): Promise<void> {
  const app = new Workspace(page);
  await app.open(host.url);
  await page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: boardName }).click();
  await app.meetingRows().getByRole('link', { name: date }).click();
  await expect(page.getByRole('region', { name: 'Minutes' })).toBeVisible();
}
