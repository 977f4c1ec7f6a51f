// The desktop-only bridge between the window and main, beside the API: holding the window's
// close until everything typed is saved, the native open dialog, and the menu's commands.
// Channel names and the shapes that cross, in one place for main and preload.
import type { Changed } from './common';
import type { ReplicaPush } from './replica';

export const DESKTOP_CHANNELS = {
  /** main -> window: send every change waiting, then answer closeReady with the same id. */
  closeRequested: 'desktop:close-requested',
  /** window -> main: (id, SaveOutcome). */
  closeReady: 'desktop:close-ready',
  /** window -> main (invoke): a native open dialog; the path chosen, or null. */
  chooseDataFile: 'desktop:choose-data-file',
  /** main -> window: a menu item the window carries out (MenuCommand). */
  menuCommand: 'desktop:menu-command',
  /** window -> main: the MenuCommands the screen shown can carry out now. */
  menuCommandsAvailable: 'desktop:menu-commands-available',
  /** main -> window: what changed outside any call (Changed[]: another laptop's edits, a sync status). */
  changes: 'desktop:changes',
} as const;

/** Menu items the window carries out; each is enabled only while a screen can. */
export const WINDOW_MENU_COMMANDS = ['new-board', 'export-pdf', 'show-shortcuts', 'share-board', 'join-shared-board'] as const;
export type MenuCommand = (typeof WINDOW_MENU_COMMANDS)[number];

export const isMenuCommand = (value: unknown): value is MenuCommand => WINDOW_MENU_COMMANDS.includes(value as MenuCommand);

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
  /** A native open dialog for a data file: its path, or null when cancelled. */
  chooseDataFile(): Promise<string | null>;
  /** Called when the window is about to close: send everything waiting and say how it went. */
  onCloseRequested(saveEverything: () => Promise<SaveOutcome>): void;
  /** Called with each menu command chosen for the window. */
  onMenuCommand(handler: (command: MenuCommand) => void): void;
  /** The commands the screen shown can carry out (the others are greyed out in the menu). */
  setMenuCommandsAvailable(commands: MenuCommand[]): void;
  /** Called with what changed outside any call, for the live queries. */
  onChanges(handler: (changes: Changed[]) => void): void;
  /** Called with each update core applied to a shared meeting's document, for the window's replica. */
  onReplicaUpdate(handler: (push: ReplicaPush) => void): void;
}
