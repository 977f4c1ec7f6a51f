// window.desktop: what only the desktop app offers the window, beside the API (preload
// exposes it; the browser host has none). The same shape as electron/main/desktopBridge.ts,
// which the renderer may not import; tests/unit/desktop-window.test.ts checks they agree.

export interface SaveOutcome {
  saved: boolean;
  message: string | null;
}

export interface DesktopBridge {
  onCloseRequested(saveEverything: () => Promise<SaveOutcome>): void;
}

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

/** The desktop bridge, or null in a browser. */
export const desktop = (): DesktopBridge | null => window.desktop ?? null;
