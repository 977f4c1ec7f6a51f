// window.desktop: what only the desktop app offers the window, beside the API (preload
// exposes it; the browser host has none). The same shape as electron/main/desktopBridge.ts,
// which the renderer may not import; tests/unit/desktop-window.test.ts checks they agree.

export type MenuCommand = 'new-board' | 'export-pdf' | 'show-shortcuts';

export interface SaveOutcome {
  saved: boolean;
  message: string | null;
}

export interface DesktopBridge {
  chooseDataFile(): Promise<string | null>;
  onCloseRequested(saveEverything: () => Promise<SaveOutcome>): void;
  onMenuCommand(handler: (command: MenuCommand) => void): void;
  setMenuCommandsAvailable(commands: MenuCommand[]): void;
}

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

/** The desktop bridge, or null in a browser. */
export const desktop = (): DesktopBridge | null => window.desktop ?? null;
