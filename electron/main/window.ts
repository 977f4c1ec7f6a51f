// The main window: created with the hardened options and locked down before it loads.
import type { BrowserWindow as BrowserWindowClass } from 'electron';
import { APP_ENTRY, hardenWebContents, windowOptions, type ExternalOpener } from './security';

export function createMainWindow(
  BrowserWindow: typeof BrowserWindowClass,
  preloadPath: string,
  external?: ExternalOpener,
): BrowserWindowClass {
  const win = new BrowserWindow(windowOptions(preloadPath));
  hardenWebContents(win.webContents, external);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
