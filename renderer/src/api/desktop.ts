// window.desktop: what only the desktop app offers the window, beside the API (preload
// exposes it; the browser host has none). Its shape is declared once, in shared/contract/desktop.ts.
import type { DesktopBridge } from '../../../shared/contract/desktop';

export type { DesktopBridge, MenuCommand, SaveOutcome } from '../../../shared/contract/desktop';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

/** The desktop bridge, or null in a browser. */
export const desktop = (): DesktopBridge | null => window.desktop ?? null;
