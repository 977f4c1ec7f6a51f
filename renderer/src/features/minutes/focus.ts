// Moving focus to something React is about to draw (a new item's title, a new action's details).
export function focusWhenReady(selector: string, frames = 30): void {
  const attempt = (left: number): void => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  requestAnimationFrame(() => attempt(frames));
}

export const itemTitleSelector = (itemId: string): string => `[data-item-card="${itemId}"] .item-title`;
export const actionDetailsSelector = (actionId: string): string => `[data-action-id="${actionId}"] .action-details`;
export const actionOwnersSelector = (actionId: string): string => `[data-action-id="${actionId}"] .owner-input`;
export const decisionSelector = (decisionId: string): string => `[data-decision-id="${decisionId}"] textarea`;

/** The agenda item the focus is in, if any. */
export function focusedItemId(): string | null {
  const el = document.activeElement?.closest<HTMLElement>('[data-item-card]');
  return el?.dataset.itemCard ?? null;
}
