// Page objects for the minutes editor: items, their discussion editors, decisions and actions.
import { expect, type Locator, type Page } from '@playwright/test';

export class MinutesPage {
  constructor(readonly page: Page) {}

  get status(): Locator {
    return this.page.getByTestId('save-status');
  }

  async saved(): Promise<void> {
    await expect(this.status).toHaveText('All changes saved');
  }

  items(): Locator {
    return this.page.locator('li.item-card:not([hidden])');
  }

  item(number: string): ItemCard {
    return new ItemCard(this.page, this.page.locator('li.item-card').filter({ has: this.page.getByRole('textbox', { name: `Title, item ${number}`, exact: true }) }), number);
  }

  async addItem(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add item', exact: true }).click();
  }

  outline(): Locator {
    return this.page.getByRole('navigation', { name: 'Agenda' });
  }
}

export class ItemCard {
  constructor(
    readonly page: Page,
    readonly root: Locator,
    readonly number: string,
  ) {}

  get title(): Locator {
    return this.root.getByRole('textbox', { name: `Title, item ${this.number}`, exact: true });
  }

  get discussion(): Locator {
    return this.root.getByRole('textbox', { name: `Discussion, item ${this.number}`, exact: true });
  }

  actionRows(): Locator {
    return this.root.locator('tr[data-action-id]');
  }

  action(seq: number): ActionRow {
    return new ActionRow(this.root.locator('tr[data-action-id]').filter({ has: this.page.getByRole('textbox', { name: `Details, action ${seq}`, exact: true }) }), seq);
  }

  decisions(): Locator {
    return this.root.locator('li.decision textarea');
  }

  button(name: string): Locator {
    return this.root.getByRole('toolbar').getByRole('button', { name, exact: true });
  }
}

export class ActionRow {
  constructor(
    readonly root: Locator,
    readonly seq: number,
  ) {}

  get reference(): Locator {
    return this.root.locator('.action-seq');
  }
  get details(): Locator {
    return this.root.getByRole('textbox', { name: `Details, action ${this.seq}`, exact: true });
  }
  get owners(): Locator {
    return this.root.getByRole('combobox', { name: `Owners, action ${this.seq}`, exact: true });
  }
  get ownerChips(): Locator {
    return this.root.locator('.owner-chip .owner-label');
  }
  get due(): Locator {
    return this.root.getByRole('textbox', { name: `Due, action ${this.seq}`, exact: true });
  }
  get dueReading(): Locator {
    return this.root.locator('.due-reading');
  }
}
