// Page objects for a board's roster, settings and register, and a meeting's attendance.
import { expect, type Locator, type Page } from '@playwright/test';

export interface PersonInput {
  name: string;
  role?: string | null;
  /** When given, checked against the suggestion (or typed over it when `typeInitials`). */
  initials?: string;
  typeInitials?: boolean;
}

export class BoardScreens {
  constructor(readonly page: Page) {}

  tab(name: 'Meetings' | 'Roster' | 'Attendance register' | 'Settings'): Locator {
    return this.page.getByRole('navigation', { name: 'Board sections' }).getByRole('link', { name, exact: true });
  }

  async openRoster(): Promise<void> {
    await this.tab('Roster').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Roster' })).toBeVisible();
  }

  rosterDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Add someone to the roster' });
  }

  rosterRow(name: string): Locator {
    return this.page.locator('table.roster-table tbody tr').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** Adds someone, keeping the suggested initials unless told to type them. */
  async addPerson(person: PersonInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add person' }).click();
    const dialog = this.rosterDialog();
    await dialog.getByLabel('Full name').fill(person.name);
    const initials = dialog.getByLabel('Initials', { exact: true });
    if (person.initials && person.typeInitials) await initials.fill(person.initials);
    else if (person.initials) await expect(initials).toHaveValue(person.initials);
    if (person.role) await dialog.getByLabel('Role').fill(person.role);
    await dialog.getByRole('button', { name: 'Add to roster' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.rosterRow(person.name)).toBeVisible();
  }

  async openSettings(): Promise<void> {
    await this.tab('Settings').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  }

  async saveSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }
}

export class AttendanceSection {
  readonly section: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Attendance' });
  }

  /** Attendance recorded before the page opened is folded to its summary: opens the list. */
  async expand(): Promise<void> {
    await this.section.getByRole('button', { name: 'Show the attendance list' }).click();
    await expect(this.section.locator('table.attendance-table')).toBeVisible();
  }

  row(name: string): Locator {
    return this.section.locator('table.attendance-table tbody tr').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  choice(name: string, label: 'Present' | 'Apologies' | 'Absent' | 'In attendance' | 'Not recorded'): Locator {
    return this.row(name).getByRole('radiogroup', { name: `Attendance of ${name}` }).getByRole('radio', { name: label, exact: true });
  }

  async everyonePresentExcept(apologies: readonly string[]): Promise<void> {
    await this.section.getByRole('button', { name: 'Everyone present except…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Everyone present except…' });
    for (const name of apologies) await dialog.getByRole('checkbox', { name, exact: false }).check();
    await dialog.getByRole('button', { name: /^Mark \d+ present$/ }).click();
    await expect(dialog).toBeHidden();
  }

  async inAttendanceFor(name: string, note: string): Promise<void> {
    await this.choice(name, 'In attendance').check();
    await this.row(name).getByLabel('For items').fill(note);
  }

  mark(label: 'Chair' | 'Vice-chair' | 'Minutes'): Locator {
    return this.section.getByRole('combobox', { name: label, exact: true });
  }

  async saved(): Promise<void> {
    await expect(this.section.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  }

  quorum(): Locator {
    return this.section.locator('.quorum-state');
  }

  counts(): Locator {
    return this.section.locator('.attendance-counts');
  }
}
