// Moving focus on from an element to the next control in the page's Tab order, as Tab would.
const TABBABLE = 'a[href], button, input, select, textarea, [contenteditable="true"], [tabindex]';

function tabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
  if ((el as HTMLInputElement).type === 'hidden') return false;
  return el.getClientRects().length > 0;
}

/** Focuses the first tabbable control after `from` (outside it); stays put when there is none. */
export function focusNextAfter(from: HTMLElement): void {
  const candidates = Array.from(document.querySelectorAll<HTMLElement>(TABBABLE));
  const next = candidates.find((el) => !from.contains(el) && (from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && tabbable(el));
  if (next) next.focus();
  else from.blur();
}
