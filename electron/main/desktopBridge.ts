// The desktop-only bridge between the window and main, beside the API: holding the window's
// close until everything typed is saved. Channel names and the shapes that cross, in one place
// for main and preload.

export const DESKTOP_CHANNELS = {
  /** main -> window: send every change waiting, then answer closeReady with the same id. */
  closeRequested: 'desktop:close-requested',
  /** window -> main: (id, SaveOutcome). */
  closeReady: 'desktop:close-ready',
} as const;

/** What the window says when asked to save before it closes. */
export interface SaveOutcome {
  saved: boolean;
  /** Why not, when not: the save queue's message. */
  message: string | null;
}

/** Whatever the window sent, as a SaveOutcome: anything malformed counts as not saved. */
export function toSaveOutcome(value: unknown): SaveOutcome {
  const v = value as { saved?: unknown; message?: unknown } | null;
  if (v && v.saved === true) return { saved: true, message: null };
  const message = typeof v?.message === 'string' && v.message.trim() ? v.message.slice(0, 500) : 'Some changes could not be saved.';
  return { saved: false, message };
}

/** window.desktop: exposed by preload in the desktop app only. */
export interface DesktopBridge {
  /** Called when the window is about to close: send everything waiting and say how it went. */
  onCloseRequested(saveEverything: () => Promise<SaveOutcome>): void;
}
