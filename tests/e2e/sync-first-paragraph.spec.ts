// Two laptops apart both click into the same empty discussion for the first time and type: once
// the sync server is back, both open editors and both laptops' tables hold exactly the two texts
// (in the order Yjs gives them), with no empty paragraph beside them (issue 19 (b)). Two browser
// hosts on their own files and a real sync server on 127.0.0.1; the board is shared through the API.
import { expect, test } from '@playwright/test';
import type { BoardSummary, MeetingDetail } from '../../shared/contract';
import { syncHosts } from './sync-hosts';
import { MinutesPage } from './minutes-pages';
import { apiOf } from './seed';

const { startServer, stopServer, laptop } = syncHosts('ma-e2e-sync-first-');

test('an empty discussion first typed into on two laptops apart holds exactly the two texts once they meet', async ({ browser }) => {
  let server = await startServer();
  const port = server.port;
  const a = await laptop('a');
  const b = await laptop('b');
  const board = (await apiOf(a)('createBoard', { name: 'Shared Estates Board' })) as BoardSummary;
  const meeting = (await apiOf(a)('createMeeting', { boardId: board.id, date: '2026-11-19' })) as MeetingDetail;
  await apiOf(a)('addAgendaItem', { meetingId: meeting.id, title: 'Estates strategy' });
  const { invitation } = (await apiOf(a)('shareBoard', { boardId: board.id, serverUrl: server.url })) as { invitation: string };
  await apiOf(b)('joinSharedBoard', { invitation });
  // Joining answers before each meeting's own document has arrived (they come after the board's):
  // this spec is about typing apart, so it starts once laptop b holds the item.
  await expect
    .poll(async () => ((await apiOf(b)('getMinutes', { meetingId: meeting.id })) as { items?: unknown[] }).items?.length ?? 0, { timeout: 30_000 })
    .toBe(1);

  const pageA = await (await browser.newContext()).newPage();
  const pageB = await (await browser.newContext()).newPage();
  await pageA.goto(a.url);
  await pageB.goto(b.url);
  // Each window has started (and settled its own address) before it is sent elsewhere: sent at once, it could stay on the boards page.
  for (const page of [pageA, pageB]) await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await pageA.goto(`${a.origin}/#/meetings/${meeting.id}`);
  await pageB.goto(`${b.origin}/#/meetings/${meeting.id}`);
  const minutesA = new MinutesPage(pageA);
  const minutesB = new MinutesPage(pageB);
  await expect(minutesA.item('1').discussion).toBeVisible();
  await expect(minutesB.item('1').discussion).toBeVisible();

  // The server goes away; each laptop clicks into the empty discussion and types.
  await stopServer();
  await minutesA.item('1').discussion.click();
  await pageA.keyboard.type('The strategy was presented by the director of estates.');
  await minutesA.saved();
  await minutesB.item('1').discussion.click();
  await pageB.keyboard.type('Members asked about the cost of the new depot.');
  await minutesB.saved();

  server = await startServer(port);
  const texts = ['The strategy was presented by the director of estates.', 'Members asked about the cost of the new depot.'];
  const paragraphs = (minutes: MinutesPage) => minutes.item('1').discussion.locator('p');
  for (const minutes of [minutesA, minutesB]) {
    await expect(async () => {
      const shown = await paragraphs(minutes).allTextContents();
      expect([...shown].sort()).toEqual([...texts].sort());
    }).toPass({ timeout: 30_000 });
  }
  // Both show them in the same order, and both laptops' tables hold exactly them.
  const order = await paragraphs(minutesA).allTextContents();
  expect(await paragraphs(minutesB).allTextContents()).toEqual(order);
  for (const host of [a, b]) {
    await expect(async () => {
      const minutes = (await apiOf(host)('getMinutes', { meetingId: meeting.id })) as { items: Array<{ discussionText: string }> };
      expect(minutes.items.map((i) => i.discussionText)).toEqual([order.join('\n')]);
    }).toPass({ timeout: 30_000 });
  }
});
