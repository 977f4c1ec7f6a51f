// Page objects for the screens the tests drive.
import { expect, type Page } from '@playwright/test';

export class Workspace {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('navigation', { name: 'Boards' })).toBeVisible();
  }

  /**
   * Opens search with Ctrl+K, pressing again until the box is there: a page still starting can
   * miss the first key (Ctrl+K only ever opens search, so pressing twice changes nothing).
   */
  async openSearch() {
    const dialog = this.page.getByRole('dialog', { name: 'Search the minutes' });
    await expect(async () => {
      await this.page.keyboard.press('Control+k');
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    return dialog;
  }

  sidebarBoard(name: string) {
    return this.page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(name) });
  }

  async createBoard(name: string, shortCode = ''): Promise<void> {
    await this.page.getByRole('button', { name: 'New board' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New board' });
    await dialog.getByLabel('Board name').fill(name);
    if (shortCode) await dialog.getByLabel('Short code (optional)').fill(shortCode);
    await dialog.getByRole('button', { name: 'Create board' }).click();
  }

  async createMeeting(meeting: { date: string; start?: string; end?: string; venue?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New meeting' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New meeting' });
    await dialog.getByLabel('Date').fill(meeting.date);
    if (meeting.start) await dialog.getByLabel('Starts').fill(meeting.start);
    if (meeting.end) await dialog.getByLabel('Ends').fill(meeting.end);
    if (meeting.venue) await dialog.getByLabel('Venue').fill(meeting.venue);
    await dialog.getByRole('button', { name: 'Create meeting' }).click();
  }

  meetingRows() {
    return this.page.locator('table.meeting-table tbody tr');
  }
}

/**
 * Opens the action in the action log's first row and waits for its page: the page asks core for
 * the action's history and is busy (no heading) until it arrives, so a check made straight after
 * the click could still see the log, or the empty busy page.
 */
export async function openFirstLoggedAction(page: Page): Promise<void> {
  const reference = page.locator('table.log-table tbody tr').first().getByRole('link').first();
  const name = (await reference.textContent())?.trim() ?? '';
  await reference.click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}
