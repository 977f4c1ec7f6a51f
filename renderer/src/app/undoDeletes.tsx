// The one way a delete is undone, everywhere: the thing goes from the screen at once, a notice
// says what went ("Decision deleted · Undo") for a few seconds, and only then is it deleted in
// core. Undo (the button, or Ctrl+Z outside a text box) puts it back as it was; if the delete is
// refused when it is sent, it comes back with the reason. Leaving the screen sends it at once.
// Nothing is lost if the app closes in between: the delete simply never happened.
import { useEffect, useSyncExternalStore } from 'react';
import { IS_MAC } from '../editor/shortcutsLabel';

/** How long the notice stays, and the delete waits. */
export const UNDO_SECONDS = 8;

export interface UndoableDelete {
  /** "Decision deleted": what the notice says went. */
  message: string;
  /** Takes it off the screen now. */
  hide: () => void;
  /** Puts it back as it was (Undo, or a refused delete). */
  restore: () => void;
  /** Deletes it in core; a rejection restores it and shows why. */
  commit: () => Promise<void>;
  /** Shows why a delete was refused. */
  onRefused: (message: string) => void;
}

interface Pending extends UndoableDelete {
  id: number;
  timer: ReturnType<typeof setTimeout>;
}

let nextId = 1;
let pending: Pending[] = [];
const listeners = new Set<() => void>();
const changed = (): void => {
  pending = [...pending];
  for (const l of listeners) l();
};

function send(entry: Pending): void {
  clearTimeout(entry.timer);
  pending = pending.filter((p) => p.id !== entry.id);
  changed();
  entry.commit().catch((err: Error) => {
    entry.restore();
    entry.onRefused(err.message);
  });
}

/** Takes the thing off the screen and deletes it in core after the notice, unless undone. */
export function deleteWithUndo(action: UndoableDelete): void {
  action.hide();
  const entry: Pending = { ...action, id: nextId++, timer: setTimeout(() => send(entry), UNDO_SECONDS * 1000) };
  pending.push(entry);
  changed();
}

/** Undoes the latest delete still waiting; false when there is none. */
export function undoLatestDelete(): boolean {
  const entry = pending[pending.length - 1];
  if (!entry) return false;
  clearTimeout(entry.timer);
  pending = pending.filter((p) => p.id !== entry.id);
  entry.restore();
  changed();
  return true;
}

/** Sends every waiting delete now (leaving the screen they belong to). */
export function sendWaitingDeletes(): void {
  for (const entry of [...pending]) send(entry);
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT');
}

/** The notice at the foot of the window, with its Undo button; Ctrl/⌘+Z outside a text box undoes too. */
export function UndoNotice() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = IS_MAC ? e.metaKey : e.ctrlKey;
      if (!mod || e.shiftKey || e.altKey || e.code !== 'KeyZ' || isTyping(e.target)) return;
      if (undoLatestDelete()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const latest = list[list.length - 1];
  return (
    // The live region is always there (so the notice is announced when it appears); only the
    // notice itself is a status, so an empty region never stands in for another screen's status.
    <div className="undo-notice-region" aria-live="polite">
      {latest ? (
        <div className="undo-notice" role="status">
          <span>{latest.message}</span>
          <span aria-hidden="true"> · </span>
          <button type="button" className="undo-button" onClick={() => undoLatestDelete()}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
