// Page objects for matters arising on the meeting page, starting and deleting a meeting, the
// action log and an action's page.
import { expect, type Locator, type Page } from '@playwright/test';

export class MeetingScreen {
  constructor(readonly page: Page) {}

  async startNextMeeting(meeting: { date: string; start?: string; end?: string }): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Start next meeting' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Start the next meeting' });
    await dialog.getByLabel('Date').fill(meeting.date);
    if (meeting.start) await dialog.getByLabel('Starts').fill(meeting.start);
    if (meeting.end) await dialog.getByLabel('Ends').fill(meeting.end);
    await dialog.getByRole('button', { name: 'Start meeting' }).click();
    return dialog;
  }

  heading(): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]');
  }

  async saved(): Promise<void> {
    await expect(this.page.getByTestId('save-status')).toHaveText('All changes saved');
  }
}

export class ArisingSection {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByRole('region', { name: 'Matters arising' });
  }

  entries(): Locator {
    return this.root.locator('li.arising-entry');
  }

  entry(reference: string): ArisingEntry {
    return new ArisingEntry(this.root.locator(`li.arising-entry[data-reference="${reference}"]`), reference);
  }

  async references(): Promise<string[]> {
    return this.entries().evaluateAll((els) => els.map((el) => el.getAttribute('data-reference') ?? ''));
  }

  markAllInProgress(): Locator {
    return this.root.getByRole('button', { name: 'Mark all listed as in progress' });
  }
}

export class ArisingEntry {
  constructor(
    readonly root: Locator,
    readonly reference: string,
  ) {}

  get status(): Locator {
    return this.root.getByRole('combobox', { name: `Status, action ${this.reference}`, exact: true });
  }
  get update(): Locator {
    return this.root.getByRole('textbox', { name: `Update, action ${this.reference}`, exact: true });
  }
  get replacedBy(): Locator {
    return this.root.getByRole('combobox', { name: `Replaced by, action ${this.reference}`, exact: true });
  }
  get carried(): Locator {
    return this.root.locator('.carried-badge');
  }
}

export class ActionLogScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Boards' }).getByRole('link', { name: /Action log/ }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Action log' })).toBeVisible();
  }

  filter(label: string): Locator {
    return this.page.getByRole('form', { name: 'Filter the action log' }).getByLabel(label, { exact: true });
  }

  rows(): Locator {
    return this.page.locator('table.log-table tbody tr');
  }

  async references(): Promise<string[]> {
    return this.page.locator('table.log-table tbody tr th[scope="row"] a').allTextContents();
  }

  get summary(): Locator {
    return this.page.locator('p.log-summary');
  }
}
