// Page object for the meeting's "Agreement and publication" panel: the state of the minutes,
// the next step's dialogs, the PDF exports (downloads in the browser host) and verification.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** A board in the sidebar by its exact name ("(sample)" and all). */
export function boardLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
}

export class RecordPanel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Agreement and publication' });
  }

  get status(): Locator {
    return this.root.getByTestId('minutes-status');
  }

  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  async circulate(): Promise<void> {
    await this.button('Circulate to members…').click();
    await this.dialog(/^Circulate the minutes of/).getByRole('button', { name: 'Circulate' }).click();
    await expect(this.status).toHaveText('Circulated');
  }

  async agree(atMeeting: string | null, amendments = ''): Promise<void> {
    await this.button('Record as agreed…').click();
    const dialog = this.dialog(/agreed as accurate$/);
    if (atMeeting) await dialog.getByLabel('Agreed at the meeting of').selectOption({ label: atMeeting });
    if (amendments) await dialog.getByLabel('Amendments made at agreement (optional)').fill(amendments);
    await dialog.getByRole('button', { name: 'Record as agreed' }).click();
    await expect(this.status).toHaveText('Agreed as accurate');
  }

  async publish(): Promise<void> {
    await this.button('Mark as published…').click();
    await this.dialog('Mark the minutes as published?').getByRole('button', { name: 'Mark as published' }).click();
    await expect(this.status).toHaveText('Published');
  }

  /** Exports a version and saves the download into `dir`; returns the file. */
  async exportPdf(version: 'public' | 'full', dir: string): Promise<string> {
    const name = version === 'public' ? 'Public version' : 'Full version (confidential)';
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button(name).click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect(this.root.getByRole('status').filter({ hasText: `The ${version} version` })).toBeVisible();
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    return file;
  }
}
