// Moving focus to something React is about to draw (a new item's title, a new action's
// details), without losing what is typed while it is on its way.

/** How long keys typed after "new item" wait for its title before going where focus is. */
const TYPE_AHEAD_MS = 1500;

/** The keys typed for one new field on its way. */
export interface TypeAhead {
  text: string;
  until: number;
}

/**
 * The fields on their way, oldest first. Keys go to the newest: a second "new item" pressed
 * before the first one's title is there starts its own wait, and the first keeps what was
 * typed for it.
 */
const waiting: TypeAhead[] = [];

/** From now until this field takes focus, typed characters are kept for it. */
export function beginTypeAhead(): TypeAhead {
  const wait = { text: '', until: Date.now() + TYPE_AHEAD_MS };
  waiting.push(wait);
  return wait;
}

/**
 * Ends one wait and gives back what was typed during it ('' if it had already ended). The
 * fields still on their way are answered one at a time after this one, so their wait starts
 * again from now.
 */
export function endTypeAhead(wait: TypeAhead): string {
  const at = waiting.indexOf(wait);
  if (at < 0) return '';
  waiting.splice(at, 1);
  const until = Date.now() + TYPE_AHEAD_MS;
  for (const later of waiting) later.until = Math.max(later.until, until);
  return wait.text;
}

/** Call on keydown (capture): keeps a typed character for the newest field on its way. */
export function captureTypeAhead(e: KeyboardEvent): boolean {
  const wait = waiting[waiting.length - 1];
  if (!wait || Date.now() > wait.until || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return false;
  if (e.key.length === 1 || (e.key === 'Backspace' && wait.text)) {
    wait.text = e.key === 'Backspace' ? wait.text.slice(0, -1) : wait.text + e.key;
    e.preventDefault();
    return true;
  }
  return false;
}

/**
 * Focuses what `selector` finds once React has drawn it, and types into it what was typed
 * while it was on its way (`wait`). Resolves once focus is there (false if it never came).
 */
export function focusWhenReady(selector: string, wait: TypeAhead | null = null, frames = 30): Promise<boolean> {
  return new Promise((resolve) => {
    const attempt = (left: number): void => {
      const el = document.querySelector<HTMLElement>(selector);
      if (el) {
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
        const typed = wait ? endTypeAhead(wait) : '';
        // insertText goes through the field's own input events, so React and undo see it.
        if (typed) document.execCommand('insertText', false, typed);
        resolve(true);
        return;
      }
      if (left > 0) requestAnimationFrame(() => attempt(left - 1));
      else {
        if (wait) endTypeAhead(wait);
        resolve(false);
      }
    };
    requestAnimationFrame(() => attempt(frames));
  });
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
