// Things to check after syncing: two laptops (browser hosts on their own files) record different
// statuses for one action while the sync server is down; once it is back, both status lines say
// so, both dialogs list it, "Keep … instead" on one changes the status on both, and Dismiss hides
// it. Then two people given the same initials apart: the entry opens the roster at the one given
// other initials. Recording the statuses, adding the people and sharing are test setup through the
// API; the rest is the UI.
import { expect, test, type Page } from '@playwright/test';
import type { MattersArising, MeetingSummary, RosterMember } from '../../shared/contract';
import { expectNoAxeViolations } from './axe';
import { syncHosts } from './sync-hosts';

const { startServer, stopServer, sampleSharedByTwo } = syncHosts('ma-e2e-sync-conflicts-');

const conflictsLine = (page: Page) => page.locator('.sync-conflicts-line');
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Things to check after syncing' });

test('two statuses recorded apart are listed on both laptops; Keep … instead changes it on both, and Dismiss hides it; same initials given apart open the roster at the person', async ({ browser }) => {
  test.setTimeout(180_000);
  const shared = await sampleSharedByTwo();
  const { a, b, apiA, apiB, board, status } = shared;
  let server = shared.server;
  const port = server.port;

  // An action still open, listed in the draft meeting's matters arising.
  const meetings = (await apiA('listMeetings', { boardId: board.id })) as MeetingSummary[];
  const draft = meetings.find((m) => m.status === 'draft')!;
  const arising = (await apiA('getMattersArising', { meetingId: draft.id })) as MattersArising;
  const entry = arising.entries.find((e) => e.status === 'open' || e.status === 'in_progress')!;
  const actionStatus = async (api: typeof apiA): Promise<string> => ((await api('getActionTimeline', { actionId: entry.actionId })) as { status: string }).status;
  // Joining answers before each meeting's document has arrived: B records its status once it holds the action, as A does.
  const holds = async (api: typeof apiA): Promise<string | null> => {
    try {
      return await actionStatus(api);
    } catch {
      return null;
    }
  };
  await expect.poll(() => holds(apiB), { timeout: 30_000 }).toBe(await actionStatus(apiA));

  // Server down: "deferred" recorded on A, then "done" on B.
  await stopServer();
  for (const api of [apiA, apiB]) await expect.poll(async () => (await status(api)).connected, { timeout: 30_000 }).toBe(false);
  await apiA('recordActionUpdate', { meetingId: draft.id, actionId: entry.actionId, status: 'deferred' });
  await apiB('recordActionUpdate', { meetingId: draft.id, actionId: entry.actionId, status: 'done' });

  const pageA = await (await browser.newContext({ bypassCSP: true })).newPage();
  const pageB = await (await browser.newContext({ bypassCSP: true })).newPage();
  for (const [page, host] of [
    [pageA, a],
    [pageB, b],
  ] as const) {
    await page.goto(host.url);
    // The window has started (and settled its own address) before it is sent elsewhere: sent at once, it could stay on the boards page.
    await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
    await page.goto(`${host.origin}/#/boards/${board.id}`);
    await expect(page.getByRole('heading', { level: 1, name: board.name })).toBeVisible();
    await expect(conflictsLine(page)).toHaveCount(0);
  }

  // The server is back: the conflict reaches both open pages on its own (no reload).
  server = await startServer(port);
  for (const page of [pageA, pageB]) await expect(conflictsLine(page)).toContainText('1 thing to check after syncing', { timeout: 30_000 });
  expect(await actionStatus(apiA)).toBe('done');
  await expect.poll(() => actionStatus(apiB), { timeout: 30_000 }).toBe('done');

  // Listed on both: what happened, when found, where to look, and the other status to keep.
  for (const page of [pageA, pageB]) {
    await conflictsLine(page).getByRole('button', { name: 'See what to check…' }).click();
    const dialog = dialogOf(page);
    await expect(dialog).toBeVisible();
    const item = dialog.getByRole('listitem');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(`action ${entry.reference}`);
    await expect(item).toContainText(/“done”.*is shown.*“deferred”.*was also recorded/);
    await expect(item).toContainText(/Found today at \d\d:\d\d/);
    await expect(item.getByRole('link', { name: `Open action ${entry.reference}` })).toBeVisible();
    await expect(item.getByRole('button', { name: 'Keep ‘deferred’ instead' })).toBeVisible();
    await expect(dialog).toContainText('Dismiss hides an entry on this laptop only');
  }
  await expectNoAxeViolations(pageA, 'the things to check after syncing dialog');

  // Where to look: the action's page; back on the board's page, the list is there again.
  await dialogOf(pageA).getByRole('link', { name: `Open action ${entry.reference}` }).click();
  await expect(pageA).toHaveURL(new RegExp(`#/actions/${entry.actionId}$`));
  await expect(dialogOf(pageA)).toHaveCount(0);
  await expect(pageA.getByRole('heading', { level: 1 })).toContainText(entry.reference);
  await pageA.goBack();
  await conflictsLine(pageA).getByRole('button', { name: 'See what to check…' }).click();

  // Keep "deferred" instead, on A, by keyboard: the status changes on both laptops; A's entry is done with.
  await dialogOf(pageA).getByRole('button', { name: 'Keep ‘deferred’ instead' }).focus();
  await pageA.keyboard.press('Enter');
  await expect(dialogOf(pageA)).toContainText('Nothing left to check.');
  // The keyboard goes on from the dialog, not from the page behind it.
  await expect(dialogOf(pageA).getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(conflictsLine(pageA)).toHaveCount(0);
  expect(await actionStatus(apiA)).toBe('deferred');
  await expect.poll(() => actionStatus(apiB), { timeout: 30_000 }).toBe('deferred');
  await pageA.keyboard.press('Escape');
  await expect(dialogOf(pageA)).toHaveCount(0);

  // B still lists it (dismissing is per laptop), with nothing left to keep: "deferred" is shown now.
  const dialogB = dialogOf(pageB);
  await expect(dialogB.getByRole('button', { name: 'Keep ‘deferred’ instead' })).toHaveCount(0, { timeout: 30_000 });
  await expect(dialogB.getByRole('listitem')).toHaveCount(1);
  await dialogB.getByRole('button', { name: 'Dismiss' }).click();
  await expect(dialogB).toContainText('Nothing left to check.');
  await expect(conflictsLine(pageB)).toHaveCount(0);
  await dialogB.getByRole('button', { name: 'Close' }).click();
  await expect(dialogB).toHaveCount(0);

  // Dismissed on both laptops, nothing is listed anywhere.
  expect(await apiA('syncConflicts', { boardId: board.id })).toEqual([]);
  expect(await apiB('syncConflicts', { boardId: board.id })).toEqual([]);

  // Two people given the same initials apart: the later keeps them numbered, and the entry opens
  // the roster at that person, their Change button focused, to choose other initials.
  await stopServer();
  for (const api of [apiA, apiB]) await expect.poll(async () => (await status(api)).connected, { timeout: 30_000 }).toBe(false);
  const onA = (await apiA('addRosterMember', { boardId: board.id, fullName: 'Zara Quist', initials: 'ZQ' })) as RosterMember;
  const onB = (await apiB('addRosterMember', { boardId: board.id, fullName: 'Zeb Quarles', initials: 'ZQ' })) as RosterMember;
  const later = onA.id > onB.id ? onA : onB;
  server = await startServer(port);
  await expect(conflictsLine(pageA)).toContainText('1 thing to check after syncing', { timeout: 30_000 });
  await conflictsLine(pageA).getByRole('button', { name: 'See what to check…' }).click();
  await expect(dialogOf(pageA).getByRole('listitem')).toContainText(`${later.fullName} is shown as ZQ2`);
  await dialogOf(pageA).getByRole('link', { name: `Open ${later.fullName} on the roster` }).click();
  await expect(pageA).toHaveURL(new RegExp(`#/boards/${board.id}/roster/${later.id}$`));
  await expect(dialogOf(pageA)).toHaveCount(0);
  const row = pageA.locator(`tr[data-member-id="${later.id}"]`);
  await expect(row).toHaveClass(/is-target/);
  await expect(row).toContainText('ZQ2');
  await expect(row.getByRole('button', { name: `Change ${later.fullName}` })).toBeFocused();
  await expectNoAxeViolations(pageA, 'the roster opened at a member');
});
