// An attendance row removed on one laptop and changed on another: two laptops (browser hosts on
// their own files) take a member off a meeting's attendance on one, and record them present and
// taking the minutes on the other, while the sync server is down. Once it is back, the row is back
// on both and listed; "Remove … from the attendance" on one removes it on both. Recording the
// attendance and sharing are test setup through the API; the rest is the UI.
import { expect, test, type Page } from '@playwright/test';
import type { MeetingAttendance, MeetingSummary } from '../../shared/contract';
import { syncHosts } from './sync-hosts';

const { startServer, stopServer, sampleSharedByTwo } = syncHosts('ma-e2e-sync-attendance-removed-');

const conflictsLine = (page: Page) => page.locator('.sync-conflicts-line');
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Things to check after syncing' });

test('an attendance row removed on one laptop and changed on another: back on both, listed, and removed again from the list', async ({ browser }) => {
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
  const here = (await attendance(apiA))!;
  const member = here.roster.find((c) => c.onRosterAtMeeting && !here.rows.some((r) => r.memberId === c.memberId))!;
  await apiA('recordAttendance', { meetingId: draft.id, changes: [{ kind: 'member', memberId: member.memberId, status: 'apologies' }] });
  const rowOf = async (api: typeof apiA) => (await attendance(api))?.rows.find((r) => r.memberId === member.memberId) ?? null;
  await expect.poll(async () => (await rowOf(apiB))?.status ?? null, { timeout: 30_000 }).toBe('apologies');

  await stopServer();
  for (const api of [apiA, apiB]) await expect.poll(async () => (await status(api)).connected, { timeout: 30_000 }).toBe(false);
  await apiA('recordAttendance', { meetingId: draft.id, changes: [{ kind: 'member', memberId: member.memberId, status: null }] });
  await apiB('recordAttendance', { meetingId: draft.id, changes: [{ kind: 'member', memberId: member.memberId, status: 'present', isMinuteTaker: true }] });

  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(b.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await page.goto(`${b.origin}/#/boards/${board.id}`);
  await expect(page.getByRole('heading', { level: 1, name: board.name })).toBeVisible();

  server = await startServer(port);
  await expect(conflictsLine(page)).toContainText('1 thing to check after syncing', { timeout: 30_000 });
  await expect.poll(async () => (await rowOf(apiA))?.status ?? null, { timeout: 30_000 }).toBe('present');

  await conflictsLine(page).getByRole('button', { name: 'See what to check…' }).click();
  const item = dialogOf(page).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`${member.fullName}’s attendance at the meeting of`);
  await expect(item).toContainText('is back in the attendance (present, minute-taker)');
  await item.getByRole('button', { name: `Remove ${member.fullName} from the attendance` }).click();
  await expect(dialogOf(page)).toContainText('Nothing left to check.');
  expect(await rowOf(apiB)).toBeNull();
  await expect.poll(() => rowOf(apiA), { timeout: 30_000 }).toBeNull();
});
