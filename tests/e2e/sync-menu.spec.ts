// The desktop menu's File > Share This Board… and Join a Shared Board…, as the window carries them
// out: the page runs in a browser host with a stand-in for the desktop bridge (what preload gives
// the window), which records the commands the page says it can carry out and sends it commands as
// the menu does. Main's side of the menu is tested in tests/unit/desktop-shell.test.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BoardSummary } from '../../shared/contract';
import type { MenuCommand } from '../../shared/contract/desktop';
import { startHost, type RunningHost } from './host';
import { apiOf } from './seed';

let dir: string;
let host: RunningHost | undefined;

test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-sync-menu-'));
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

interface MenuStandIn {
  available: MenuCommand[];
  run: ((command: MenuCommand) => void) | null;
}

/** The bridge preload would expose, reduced to the menu (changes still arrive through the page's own answers). */
async function withMenu(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const menu: MenuStandIn = { available: [], run: null };
    (window as unknown as { menu: MenuStandIn }).menu = menu;
    (window as unknown as { desktop: unknown }).desktop = {
      chooseDataFile: () => Promise.resolve(null),
      onCloseRequested: () => undefined,
      onMenuCommand: (handler: (command: MenuCommand) => void) => {
        menu.run = handler;
      },
      setMenuCommandsAvailable: (commands: MenuCommand[]) => {
        menu.available = [...commands];
      },
      onChanges: () => undefined,
      onReplicaUpdate: () => undefined,
    };
  });
}

const available = (page: Page): Promise<MenuCommand[]> => page.evaluate(() => (window as unknown as { menu: MenuStandIn }).menu.available);
const choose = (page: Page, command: MenuCommand): Promise<void> => page.evaluate((c) => (window as unknown as { menu: MenuStandIn }).menu.run?.(c), command);

test('File > Share This Board… is enabled on an unshared board’s page and shares it; Join a Shared Board… opens from anywhere', async ({ page }) => {
  host = await startHost(path.join(dir, 'a.sqlite'));
  const board = (await apiOf(host)('createBoard', { name: 'Menu Board' })) as BoardSummary;
  await withMenu(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Your boards' })).toBeVisible();
  await expect.poll(() => available(page)).toContain('join-shared-board');
  expect(await available(page)).not.toContain('share-board');

  // Join a Shared Board… from the menu: the same dialog as the boards page's button.
  await choose(page, 'join-shared-board');
  const join = page.getByRole('dialog', { name: 'Join a shared board' });
  await expect(join).toBeVisible();
  await join.getByRole('button', { name: 'Cancel' }).click();
  await expect(join).toHaveCount(0);

  // On the board's page Share This Board… is enabled, and opens the dialog.
  await page.getByRole('link', { name: /Menu Board/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Menu Board' })).toBeVisible();
  await expect.poll(() => available(page)).toContain('share-board');
  await choose(page, 'share-board');
  const share = page.getByRole('dialog', { name: 'Share this board' });
  await expect(share).toBeVisible();
  await share.getByRole('textbox', { name: 'Sync server address' }).fill('ws://127.0.0.1:9');
  await share.getByRole('button', { name: 'Share' }).click();
  const shown = page.getByRole('dialog', { name: 'Invitation to Menu Board' });
  await expect(shown).toBeVisible();
  expect(await shown.getByRole('textbox', { name: 'Invitation' }).inputValue()).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:9#${board.id}\\.`));
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);

  // Shared now: the menu item is greyed out, and the page offers Stop sharing instead.
  await expect.poll(() => available(page)).not.toContain('share-board');
  await expect(page.getByRole('button', { name: 'Stop sharing…' })).toBeVisible();
  expect(await available(page)).toContain('join-shared-board');
});
