// Two laptops, one board: a real sync server on 127.0.0.1 and two browser hosts on their own data
// files. Share on A, join on B with the invitation, type on A and read it on B; with the server
// down both edit, and when it is back both show the merge. Driven through the UI; setup via the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BoardSummary, MeetingDetail } from '../../shared/contract';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { startSyncServer, type SyncServer } from '../../electron/syncServer/server';
import { TEST_KEY_TEXT } from '../helpers/testKey';
import { expectNoAxeViolations } from './axe';
import { startHost, type RunningHost } from './host';
import { MinutesPage } from './minutes-pages';
import { apiOf } from './seed';

const BOARD = 'Shared Safeguarding Board';
let dir: string;
const hosts: RunningHost[] = [];
let server: SyncServer | null = null;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-sync-'));
});

test.afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
  await server?.close();
  server = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const serverFolder = (): string => path.join(dir, 'server');
const startServer = (port = 0): Promise<SyncServer> =>
  startSyncServer({ dataFolder: serverFolder(), port, host: '127.0.0.1', key: TEST_KEY_TEXT as StoreKey, log: () => {} });

async function laptop(name: string): Promise<RunningHost> {
  const host = await startHost(path.join(dir, `${name}.sqlite`));
  hosts.push(host);
  return host;
}

const statusLine = (page: Page) => page.getByRole('status', { name: 'Sync status' });

/**
 * Another laptop's edits and the sync status reach an open page on their own (core pushes what
 * changes outside any call): wait for them, without loading the page again.
 */
async function arrives(check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await check();
  }).toPass({ timeout: 30_000 });
}

test('share on one laptop, join on another, and edits made on both, also while the server is down, meet on both', async ({ browser }) => {
  server = await startServer();
  const port = server.port;
  const a = await laptop('a');
  const b = await laptop('b');
  const api = apiOf(a);
  const board = (await api('createBoard', { name: BOARD })) as BoardSummary;
  const meeting = (await api('createMeeting', { boardId: board.id, date: '2026-11-19' })) as MeetingDetail;
  await api('addAgendaItem', { meetingId: meeting.id, title: 'Safeguarding audit' });
  await api('addAgendaItem', { meetingId: meeting.id, title: 'Training' });

  // Each laptop its own browser; the CSP is bypassed only so that axe-core can be injected.
  const pageA = await (await browser.newContext({ bypassCSP: true })).newPage();
  const pageB = await (await browser.newContext({ bypassCSP: true })).newPage();

  // A shares the board: the address, then the invitation, shown once.
  await pageA.goto(a.url);
  await pageA.getByRole('link', { name: new RegExp(BOARD) }).first().click();
  await expect(pageA.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await expect(statusLine(pageA)).toHaveCount(0);
  await pageA.getByRole('button', { name: 'Share this board…' }).click();
  const share = pageA.getByRole('dialog', { name: 'Share this board' });
  await expect(share).toBeVisible();
  await expectNoAxeViolations(pageA, 'the Share this board dialog');
  await share.getByRole('textbox', { name: 'Sync server address' }).fill('http://not-a-sync-server');
  await share.getByRole('button', { name: 'Share' }).click();
  await expect(share.getByText('The server address starts with wss://')).toBeVisible();
  await share.getByRole('textbox', { name: 'Sync server address' }).fill(server.url);
  await share.getByRole('button', { name: 'Share' }).click();
  const shown = pageA.getByRole('dialog', { name: `Invitation to ${BOARD}` });
  await expect(shown).toBeVisible();
  await expect(shown).toContainText('It is not shown again.');
  const invitation = await shown.getByRole('textbox', { name: 'Invitation' }).inputValue();
  expect(invitation.startsWith(`${server.url}#${board.id}.`)).toBe(true);
  await expectNoAxeViolations(pageA, 'the invitation dialog');
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  await expect(pageA.getByRole('button', { name: 'Share this board…' })).toHaveCount(0);
  await expect(pageA.getByRole('button', { name: 'Stop sharing…' })).toBeVisible();
  await arrives(() => expect(statusLine(pageA)).toHaveText(/^Synced · last synced \d\d:\d\d$/, { timeout: 2_000 }));
  await expectNoAxeViolations(pageA, 'a shared board’s page with its status line');

  // B joins with the invitation: the board arrives and opens.
  await pageB.goto(b.url);
  await pageB.getByRole('button', { name: 'Join a shared board…' }).click();
  const join = pageB.getByRole('dialog', { name: 'Join a shared board' });
  await join.getByRole('textbox', { name: 'Invitation' }).fill('ws://127.0.0.1:1');
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(join.getByRole('alert').or(join.locator('.field-error'))).toBeVisible();
  await join.getByRole('textbox', { name: 'Invitation' }).fill(invitation);
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(pageB.getByRole('heading', { level: 1, name: BOARD })).toBeVisible({ timeout: 30_000 });
  await expect(pageB.getByRole('link', { name: /19 November 2026|19 Nov 2026|2026/ }).first()).toBeVisible();
  await expect(statusLine(pageB)).toContainText(/Synced|Connected/);

  // Both laptops have the meeting open; typed on A, it appears in B's open editor as it arrives.
  // Joining answers before each meeting's document has arrived: B's page says so while it does
  // (the line goes once its items are in), and the typing starts once B holds both items.
  await pageA.goto(`${a.origin}/#/meetings/${meeting.id}`);
  const minutesA = new MinutesPage(pageA);
  await pageB.goto(`${b.origin}/#/meetings/${meeting.id}`);
  const minutesB = new MinutesPage(pageB);
  await expect.poll(async () => ((await apiOf(b)('getMinutes', { meetingId: meeting.id })) as { items?: unknown[] }).items?.length ?? 0, { timeout: 30_000 }).toBe(2);
  await expect(pageB.getByRole('status', { name: 'Changes arriving' })).toHaveCount(0, { timeout: 30_000 });
  await expect(minutesB.item('2').discussion).toBeVisible();
  await expect(minutesB.item('1').discussion).toBeVisible();
  await minutesA.item('1').discussion.click();
  await pageA.keyboard.type('The audit found gaps in the referral records.');
  await minutesA.saved();
  await arrives(() => expect(minutesB.item('1').discussion).toHaveText('The audit found gaps in the referral records.', { timeout: 2_000 }));

  // B types a second paragraph of the same discussion while A goes on with the first: A's words
  // arrive in B's editor without moving B's caret, and B's reach A's.
  // Clicked at the far end of the line: Enter acts where Lexical last saw the caret (a key press
  // such as Control+End may not have reached it yet), unlike typed text, which goes where the page's caret is.
  const lastLine = minutesB.item('1').discussion.locator('p').last();
  const box = await lastLine.boundingBox();
  await lastLine.click({ position: { x: (box?.width ?? 2) - 2, y: (box?.height ?? 2) / 2 } });
  await pageB.keyboard.press('Enter');
  await pageB.keyboard.type('Referrals');
  await minutesA.item('1').discussion.click();
  await pageA.keyboard.press('Control+End');
  await pageA.keyboard.type(' The chair asked for a plan.');
  await minutesA.saved();
  await arrives(() => expect(minutesB.item('1').discussion).toContainText('The chair asked for a plan.', { timeout: 2_000 }));
  await pageB.keyboard.type(' are to be checked monthly.');
  await minutesB.saved();
  const itemOne = ['The audit found gaps in the referral records. The chair asked for a plan.', 'Referrals are to be checked monthly.'];
  const paragraphs = (minutes: MinutesPage) => minutes.item('1').discussion.locator('p');
  await expect(paragraphs(minutesB)).toHaveText(itemOne);
  await arrives(() => expect(paragraphs(minutesA)).toHaveText(itemOne, { timeout: 2_000 }));

  // The server goes down; each laptop edits the same discussion (and B another) on its own, editors open throughout.
  // Each laptop's board page in a second tab (signed in through the host's address, as the first).
  const boardPageA = await pageA.context().newPage();
  await boardPageA.goto(a.url);
  const boardPageB = await pageB.context().newPage();
  await boardPageB.goto(b.url);
  await server.close();
  server = null;
  await minutesA.item('1').discussion.locator('p').first().click();
  await pageA.keyboard.press('End');
  await pageA.keyboard.type(' Written while offline on A.');
  await minutesA.saved();
  await boardPageA.goto(`${a.origin}/#/boards/${board.id}`);
  await expect(statusLine(boardPageA)).toHaveText(/^Offline since \d\d:\d\d · \d+ changes? waiting$/);
  await minutesB.item('1').discussion.click();
  await pageB.keyboard.press('Control+End');
  await pageB.keyboard.type(' Added offline on B.');
  await minutesB.item('2').discussion.click();
  await pageB.keyboard.type('Training dates agreed while offline on B.');
  await minutesB.saved();
  await boardPageB.goto(`${b.origin}/#/boards/${board.id}`);
  await expect(statusLine(boardPageB)).toHaveText(/^Offline since \d\d:\d\d · \d+ changes? waiting$/);
  await expectNoAxeViolations(boardPageB, 'the status line of a board offline');

  // Back on the same address: both open editors show both laptops' edits, each paragraph once.
  server = await startServer(port);
  const mergedOne = ['The audit found gaps in the referral records. The chair asked for a plan. Written while offline on A.', 'Referrals are to be checked monthly. Added offline on B.'];
  const merged = async (minutes: MinutesPage): Promise<void> => {
    await expect(paragraphs(minutes)).toHaveText(mergedOne, { timeout: 2_000 });
    await expect(minutes.item('2').discussion).toHaveText('Training dates agreed while offline on B.', { timeout: 2_000 });
  };
  await arrives(() => merged(minutesA));
  await arrives(() => merged(minutesB));
  await arrives(() => expect(statusLine(boardPageA)).toHaveText(/^Synced · last synced \d\d:\d\d$/, { timeout: 2_000 }));
  // What the tables hold (the record, search, the PDFs) is the same merge, on both laptops.
  for (const host of [a, b]) {
    const minutes = (await apiOf(host)('getMinutes', { meetingId: meeting.id })) as { items: Array<{ discussionText: string }> };
    expect(minutes.items.map((i) => i.discussionText)).toEqual([mergedOne.join('\n'), 'Training dates agreed while offline on B.']);
  }
});

test('Make a new invitation shows a different one, once, and Stop sharing asks first', async ({ browser }) => {
  server = await startServer();
  const a = await laptop('a');
  const board = (await apiOf(a)('createBoard', { name: BOARD })) as BoardSummary;
  // TEST SETUP ONLY: shared through the API (the dialog is the first test's).
  const { invitation } = (await apiOf(a)('shareBoard', { boardId: board.id, serverUrl: server.url })) as { invitation: string };

  const pageA = await (await browser.newContext({ bypassCSP: true })).newPage();
  await pageA.goto(a.url);
  await pageA.getByRole('link', { name: new RegExp(BOARD) }).first().click();
  await expect(pageA.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await expect(statusLine(pageA)).toBeVisible();

  await pageA.getByRole('button', { name: 'Make a new invitation' }).click();
  const shown = pageA.getByRole('dialog', { name: `Invitation to ${BOARD}` });
  await expect(shown).toContainText('The old invitation no longer works');
  const replacement = await shown.getByRole('textbox', { name: 'Invitation' }).inputValue();
  expect(replacement).not.toBe(invitation);
  expect(replacement.startsWith(`${server.url}#${board.id}.`)).toBe(true);
  await shown.getByRole('button', { name: 'Done' }).click();

  // Stop sharing asks first; Cancel changes nothing.
  await pageA.getByRole('button', { name: 'Stop sharing…' }).click();
  const confirm = pageA.getByRole('dialog', { name: 'Stop sharing this board?' });
  await expect(confirm).toContainText('Everything already here stays');
  await expectNoAxeViolations(pageA, 'the Stop sharing confirmation');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(statusLine(pageA)).toBeVisible();
  await pageA.getByRole('button', { name: 'Stop sharing…' }).click();
  await confirm.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(statusLine(pageA)).toHaveCount(0);
  await expect(pageA.getByRole('button', { name: 'Share this board…' })).toBeVisible();
  await expect(pageA.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
});
