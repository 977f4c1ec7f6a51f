// A discussion in a shared board's meeting, bound to the window's replica of the meeting's
// document: undo and redo take back and restore the typing (and core's tables follow), and agreed
// minutes open as the record, with nothing to type in. One laptop and a real sync server on 127.0.0.1; setup via the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { BoardSummary, MeetingDetail, Minutes } from '../../shared/contract';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { startSyncServer, type SyncServer } from '../../electron/syncServer/server';
import { TEST_KEY_TEXT } from '../helpers/testKey';
import { startHost, type RunningHost } from './host';
import { MinutesPage } from './minutes-pages';
import { apiOf } from './seed';

let dir: string;
let host: RunningHost | null = null;
let server: SyncServer | null = null;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-sync-editor-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = null;
  await server?.close();
  server = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a shared meeting’s discussion undoes and redoes its typing, and agreed minutes open as the record', async ({ page }) => {
  server = await startSyncServer({ dataFolder: path.join(dir, 'server'), port: 0, host: '127.0.0.1', key: TEST_KEY_TEXT as StoreKey, log: () => {} });
  host = await startHost(path.join(dir, 'a.sqlite'));
  const api = apiOf(host);
  const board = (await api('createBoard', { name: 'Shared Safeguarding Board' })) as BoardSummary;
  const meeting = (await api('createMeeting', { boardId: board.id, date: '2026-11-19' })) as MeetingDetail;
  const later = (await api('createMeeting', { boardId: board.id, date: '2026-12-17' })) as MeetingDetail;
  await api('addAgendaItem', { meetingId: meeting.id, title: 'Safeguarding audit' });
  // TEST SETUP ONLY: shared through the API (the dialog is sync.spec.ts's).
  await api('shareBoard', { boardId: board.id, serverUrl: server.url });
  const discussionOf = async (): Promise<string> => ((await api('getMinutes', { meetingId: meeting.id })) as Minutes).items[0]?.discussionText ?? '';

  await page.goto(host.url);
  // The window has started (and settled its own address) before it is sent elsewhere: sent at once, it could stay on the boards page.
  await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await page.goto(`${host.origin}/#/meetings/${meeting.id}`);
  const minutes = new MinutesPage(page);
  const item = minutes.item('1');
  await item.discussion.click();
  await page.keyboard.type('First sentence.');
  await minutes.saved();
  expect(await discussionOf()).toBe('First sentence.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second sentence.');
  await minutes.saved();
  expect(await discussionOf()).toContain('Second sentence.');

  await page.keyboard.press('Control+z');
  await expect(item.discussion).not.toContainText('Second sentence.');
  await expect(item.discussion).toContainText('First sentence.');
  await minutes.saved();
  expect(await discussionOf()).not.toContain('Second sentence.');
  await page.keyboard.press('Control+y');
  await expect(item.discussion).toContainText('Second sentence.');
  await minutes.saved();
  expect(await discussionOf()).toContain('Second sentence.');

  await api('circulateMinutes', { meetingId: meeting.id });
  await api('agreeMinutes', { meetingId: meeting.id, atMeetingId: later.id });
  await page.reload();
  // Agreed minutes are the record: shown as such, with no discussion editor to type in.
  const record = page.getByRole('article', { name: 'The minutes' });
  await expect(record).toContainText('First sentence.');
  await expect(record).toContainText('Second sentence.');
  await expect(page.getByRole('textbox', { name: 'Discussion, item 1' })).toHaveCount(0);
});
