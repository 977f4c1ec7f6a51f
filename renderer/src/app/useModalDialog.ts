// Opening a native <dialog> as a modal and giving focus back when it goes: React removes the
// dialog from the page rather than closing it, so the browser's own return of focus never runs
// and the next keys would go to the page body. Focus goes back to where it was (into a discussion
// editor at its caret), or to the element standing in its place if React replaced it.
import { useEffect, type RefObject } from 'react';

interface LexicalHost extends HTMLElement {
  __lexicalEditor?: { focus: () => void };
}

function restore(opener: HTMLElement | null, openerId: string | null): void {
  const target = opener?.isConnected ? opener : openerId ? document.getElementById(openerId) : null;
  if (!target) return;
  // Focused at once, so the very next key lands here; Lexical then puts its own caret back.
  target.focus({ preventScroll: true });
  (target as LexicalHost).__lexicalEditor?.focus();
}

/** Shows the dialog modally once; the first `[data-autofocus]` inside it takes focus. */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): void {
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const openerId = opener?.id || null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      // After React has finished with the page: the dialog's removal must not take focus again.
      const lost = (): boolean => document.activeElement === null || document.activeElement === document.body || !document.activeElement.isConnected;
      queueMicrotask(() => {
        if (lost()) restore(opener, openerId);
      });
      // Once more after the frame, in case the dialog's removal moved focus after the first try.
      requestAnimationFrame(() => {
        if (lost()) restore(opener, openerId);
      });
    };
  }, [ref]);
}
