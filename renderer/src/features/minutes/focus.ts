// Moving focus to something React is about to draw (a new item's title, a new action's
// details), without losing what is typed while it is on its way.

/** How long keys typed after "new item" wait for its title before going where focus is. */
const TYPE_AHEAD_MS = 1500;
let typeAhead: { text: string; until: number } | null = null;

/** From now until the next new field takes focus, typed characters are kept for it. */
export function beginTypeAhead(): void {
  typeAhead = { text: '', until: Date.now() + TYPE_AHEAD_MS };
}

/** Ends the wait and gives back what was typed during it. */
export function endTypeAhead(): string {
  const text = typeAhead?.text ?? '';
  typeAhead = null;
  return text;
}

/** Call on keydown (capture): keeps a typed character for the field on its way. */
export function captureTypeAhead(e: KeyboardEvent): boolean {
  if (!typeAhead || Date.now() > typeAhead.until || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (e.key.length === 1 || (e.key === 'Backspace' && typeAhead.text)) {
    typeAhead.text = e.key === 'Backspace' ? typeAhead.text.slice(0, -1) : typeAhead.text + e.key;
    e.preventDefault();
    return true;
  }
  return false;
}

export function focusWhenReady(selector: string, frames = 30): void {
  const attempt = (left: number): void => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
      const typed = endTypeAhead();
      // insertText goes through the field's own input events, so React and undo see it.
      if (typed) document.execCommand('insertText', false, typed);
      return;
    }
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
    else endTypeAhead();
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
