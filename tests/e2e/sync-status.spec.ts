// A shared board's status line in each state a laptop meets, and what it says to do: synced,
// offline with changes waiting, locked out by a new invitation made on another laptop (with what
// to do, and Use a new invitation… to do it), and synced again. Two browser hosts and a sync
// server on 127.0.0.1; sharing and joining are test setup through the API.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import type { BoardSummary, SyncStatus } from '../../shared/contract';
import { expectNoAxeViolations } from './axe';
import { syncHosts } from './sync-hosts';
import { apiOf } from './seed';

const { startServer, stopServer, laptop } = syncHosts('ma-e2e-sync-status-');

const statusLine = (page: Page) => page.getByRole('status', { name: 'Sync status' });

test('the status line says how a board stands, and a laptop locked out by a new invitation is told what to do and joins again', async ({ browser }) => {
  test.setTimeout(120_000);
  let server = await startServer();
  const port = server.port;
  const a = await laptop('a');
  const b = await laptop('b');
  const board = (await apiOf(a)('createBoard', { name: 'Status Board' })) as BoardSummary;
  const { invitation } = (await apiOf(a)('shareBoard', { boardId: board.id, serverUrl: server.url })) as { invitation: string };
  // The server has the board once A has sent it (the invitation is shown before that).
  await expect.poll(async () => ((await apiOf(a)('syncStatus', { boardId: board.id })) as SyncStatus).lastSyncedAt, { timeout: 30_000 }).not.toBeNull();
  await apiOf(b)('joinSharedBoard', { invitation });
  // Joining answers before every change has settled on B: its pages open once B says it holds everything.
  await expect
    .poll(async () => {
      const status = (await apiOf(b)('syncStatus', { boardId: board.id })) as SyncStatus;
      return status.connected && status.pending === 0 && status.lastSyncedAt !== null;
    }, { timeout: 30_000 })
    .toBe(true);

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
    await expect(statusLine(page)).toHaveText(/^Synced · last synced \d\d:\d\d$/, { timeout: 30_000 });
  }

  // Offline: since when, and how many changes wait; nothing to do but carry on.
  await stopServer();
  await expect(statusLine(pageB)).toHaveText(/^Offline since \d\d:\d\d$/, { timeout: 30_000 });
  await apiOf(b)('renameBoard', { boardId: board.id, name: 'Status Board (renamed on B)' });
  await expect(statusLine(pageB)).toHaveText(/^Offline since \d\d:\d\d · 1 change waiting$/);
  await expect(pageB.locator('.sync-advice')).toHaveCount(0);

  // Back, and A makes a new invitation: B is locked out, and told why and what to do.
  server = await startServer(port);
  await expect(statusLine(pageA)).toHaveText(/^Synced · last synced \d\d:\d\d$/, { timeout: 30_000 });
  await expect(pageA.getByRole('heading', { level: 1 })).toHaveText('Status Board (renamed on B)', { timeout: 30_000 });
  await pageA.getByRole('button', { name: 'Make a new invitation' }).click();
  const shown = pageA.getByRole('dialog', { name: /^Invitation to / });
  const replacement = await shown.getByRole('textbox', { name: 'Invitation' }).inputValue();
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(statusLine(pageB)).toHaveText(/^Not syncing: The sync server refused this board: wrong or revoked token for this board\.$/, { timeout: 30_000 });
  await expect(pageB.locator('.sync-advice')).toContainText('Ask whoever shares the board for the new invitation');
  await expectNoAxeViolations(pageB, 'a board locked out by a new invitation');

  // The old invitation again is refused, with why; the new one brings B back.
  await pageB.getByRole('button', { name: 'Use a new invitation…' }).click();
  const again = pageB.getByRole('dialog', { name: 'Use a new invitation' });
  await expect(again).toBeVisible();
  await expectNoAxeViolations(pageB, 'the Use a new invitation dialog');
  await again.getByRole('textbox', { name: 'Invitation' }).fill(`${server.url}#${randomUUID()}.${'A'.repeat(43)}`);
  await again.getByRole('button', { name: 'Use it' }).click();
  await expect(again).toContainText('This invitation is to another board');
  await again.getByRole('textbox', { name: 'Invitation' }).fill(invitation);
  await again.getByRole('button', { name: 'Use it' }).click();
  await expect(again).toContainText('Nothing was changed', { timeout: 30_000 });
  await again.getByRole('textbox', { name: 'Invitation' }).fill(replacement);
  await again.getByRole('button', { name: 'Use it' }).click();
  await expect(again).toHaveCount(0, { timeout: 30_000 });
  await expect(statusLine(pageB)).toHaveText(/^Synced · last synced \d\d:\d\d$/, { timeout: 30_000 });
  await expect(pageB.locator('.sync-advice')).toHaveCount(0);
  await expect(pageB.getByRole('button', { name: 'Use a new invitation…' })).toHaveCount(0);
});
