// Two chairs named apart: two laptops (browser hosts on their own files) name different chairs for
// one meeting while the sync server is down. Once it is back, both keep the same chair and list the
// other laptop's choice; "Make … the chair instead" on one makes it the chair on both. Naming the
// chairs and sharing are test setup through the API; the rest is the UI.
import { expect, test, type Page } from '@playwright/test';
import type { MeetingAttendance, MeetingSummary } from '../../shared/contract';
import { syncHosts } from './sync-hosts';

const { startServer, stopServer, sampleSharedByTwo } = syncHosts('ma-e2e-sync-chair-');

const conflictsLine = (page: Page) => page.locator('.sync-conflicts-line');
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Things to check after syncing' });

test('different chairs named apart: one kept on both, the other listed, and made the chair from the list', async ({ browser }) => {
  test.setTimeout(180_000);
  const shared = await sampleSharedByTwo();
  const { b, apiA, apiB, board, status } = shared;
  let server = shared.server;
  const port = server.port;
  const draft = ((await apiA('listMeetings', { boardId: board.id })) as MeetingSummary[]).find((m) => m.status === 'draft')!;
  const attendance = async (api: typeof apiA): Promise<MeetingAttendance | null> => {
    try {
      return (await api('getAttendance', { meetingId: draft.id })) as MeetingAttendance;
    } catch {
      return null;
    }
  };
  await expect.poll(async () => (await attendance(apiB))?.rows.length ?? -1, { timeout: 30_000 }).toBe((await attendance(apiA))!.rows.length);
  const [first, second] = (await attendance(apiA))!.roster.filter((c) => c.onRosterAtMeeting);
  const chair = async (api: typeof apiA): Promise<string | null> => (await attendance(api))?.rows.find((r) => r.isChair)?.memberId ?? null;

  await stopServer();
  for (const api of [apiA, apiB]) await expect.poll(async () => (await status(api)).connected, { timeout: 30_000 }).toBe(false);
  await apiA('recordAttendance', { meetingId: draft.id, changes: [{ kind: 'member', memberId: first!.memberId, status: 'present', isChair: true }] });
  await apiB('recordAttendance', { meetingId: draft.id, changes: [{ kind: 'member', memberId: second!.memberId, status: 'present', isChair: true }] });

  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(b.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await page.goto(`${b.origin}/#/boards/${board.id}`);
  await expect(page.getByRole('heading', { level: 1, name: board.name })).toBeVisible();

  server = await startServer(port);
  await expect(conflictsLine(page)).toContainText('1 thing to check after syncing', { timeout: 30_000 });
  const kept = await chair(apiB);
  expect([first!.memberId, second!.memberId]).toContain(kept);
  await expect.poll(() => chair(apiA), { timeout: 30_000 }).toBe(kept);
  const other = kept === first!.memberId ? second! : first!;

  await conflictsLine(page).getByRole('button', { name: 'See what to check…' }).click();
  const item = dialogOf(page).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Two laptops named a different chair');
  await item.getByRole('button', { name: `Make ${other.fullName} the chair instead` }).click();
  await expect(dialogOf(page)).toContainText('Nothing left to check.');
  expect(await chair(apiB)).toBe(other.memberId);
  await expect.poll(() => chair(apiA), { timeout: 30_000 }).toBe(other.memberId);
});
