// Every Electron security setting in one place, each covered by tests/unit/security.test.ts
// and tests/unit/electron-checklist.test.ts: isolation, sandbox, CSP, navigation/redirect/
// new-window/webview blocking, permission requests and checks, IPC sender checks, the app://
// protocol with its path-traversal guard, and a spellchecker that never reaches the network.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow as BrowserWindowClass, Session, WebContents, WebFrameMain } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'matters-arising';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * Spellcheck without the network: on macOS Electron uses the system's own spellchecker and
 * downloads nothing. On Windows and Linux it would download Hunspell dictionaries from
 * Google's servers, and the app ships none (Chromium needs its own .bdic format), so there
 * spellcheck is off.
 */
export function spellcheckFromSystem(platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'darwin';
}

/** Where Electron would fetch dictionaries from: inside the app, where there are none, so never the network. */
export const DICTIONARY_DOWNLOAD_URL = `${APP_ORIGIN}/no-dictionary-downloads/`;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The main window. The options are written out here, literally, so that reviewers and
 * electronegativity can see every one of them at the call site.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowClass,
  preloadPath: string,
  external?: ExternalOpener,
): BrowserWindowClass {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Matters Arising',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // middle-click would otherwise open links in a new window
      disableBlinkFeatures: 'Auxclick',
      spellcheck: spellcheckFromSystem(),
    },
  });
  hardenWebContents(win.webContents, external);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}

/**
 * The hidden window the minutes are printed in (webContents.printToPDF). It shows only the
 * self-contained document core rendered (its own CSP allows no script and no network): no
 * preload, sandboxed, isolated, and locked like the main window.
 */
export function createPrintWindow(BrowserWindow: typeof BrowserWindowClass): BrowserWindowClass {
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  hardenWebContents(win.webContents);
  return win;
}

/** True only for our own app:// origin, parsed, never by substring. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** IPC is answered only for the main frame of our own page. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url'> | null | undefined, mainFrame?: unknown): boolean {
  if (!frame) return false;
  if (mainFrame !== undefined && frame !== mainFrame) return false;
  return isAppUrl(frame.url);
}

/** Links the user may open in their browser, after confirming. */
export function isExternalLinkAllowed(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when the URL is foreign,
 * tries to climb out (../, encoded or not), or reaches a file through a symbolic link.
 */
export function resolveAppPath(raw: string, rendererDir: string): string | null {
  if (!isAppUrl(raw)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(raw).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const target = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  if (!target.startsWith(root + path.sep)) return null;
  try {
    // Only the renderer's own files: a link inside the folder (to the file or a folder on its way) is not followed.
    const realRoot = fs.realpathSync(root);
    if (fs.realpathSync(target) !== path.join(realRoot, path.relative(root, target))) return null;
  } catch {
    // Not there: the protocol handler answers 404.
  }
  return target;
}

export interface ExternalOpener {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** Locks a window's web contents to the app: no navigation, pop-ups, redirects or webviews. */
export function hardenWebContents(contents: WebContents, external?: ExternalOpener): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (external && isExternalLinkAllowed(url)) {
      void external.confirm(url).then((ok) => (ok ? external.open(url) : undefined));
    }
    return { action: 'deny' };
  });
}

/**
 * Denies every permission request and check (camera, notifications, geolocation...): the app
 * needs none. Keeps the spellchecker off the network: dictionaries could only come from inside
 * the app, and where the system has no spellchecker of its own it is off.
 */
export function hardenSession(session: Session, platform: NodeJS.Platform = process.platform): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.setSpellCheckerDictionaryDownloadURL(DICTIONARY_DOWNLOAD_URL);
  session.setSpellCheckerEnabled(spellcheckFromSystem(platform));
}
