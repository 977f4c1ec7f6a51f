// The Electron host: app lifecycle, the single-instance lock, the app:// protocol, IPC into
// core, and holding the window's close until its changes are saved. Thin on purpose: no
// domain logic lives here.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { DESKTOP_OPENED_LINE } from '../../scripts/desktop-launch.mjs';
import { loadSampleOnStart, startCore, type Core } from '../core/app';
import { resolveDataFile } from '../core/paths';
import { holdCloseUntilSaved } from './closeGuard';
import { attachContextMenu, useUkSpelling } from './contextMenu';
import { startupFailure } from './dialogs';
import { registerApi } from './ipc';
import { askWhereToSavePdf, printInHiddenWindow } from './pdf';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, createMainWindow, hardenSession, resolveAppPath, type ExternalOpener } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// Minutes are written in UK English: date pickers and spellcheck follow the app's locale.
app.commandLine.appendSwitch('lang', 'en-GB');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

const external: ExternalOpener = {
  async confirm(url) {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this link in your web browser?',
      detail: url,
    });
    return response === 0;
  },
  open: (url) => shell.openExternal(url),
};

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  useUkSpelling(session.defaultSession, process.platform);
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, rendererDir);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  const dataFile = resolveDataFile(process.argv, process.env, app.getPath('userData'));
  core = await startCore(dataFile, {}, {
    quit: () => app.quit(),
    printPdf: printInHiddenWindow(BrowserWindow, app.getPath('temp')),
    choosePdfPath: askWhereToSavePdf(dialog, () => mainWindow, () => app.getPath('documents')),
  });
  if (core.status.state === 'problem') console.error(`[main] ${core.status.problem.title}: ${core.status.problem.message}`);
  if (process.argv.includes('--sample')) console.log(loadSampleOnStart(core));
  registerApi(ipcMain, core);
  mainWindow = createMainWindow(BrowserWindow, preloadPath, external);
  holdCloseUntilSaved(mainWindow, ipcMain, dialog);
  attachContextMenu(mainWindow, Menu);
  // npm start waits for this line: an exit before it means the desktop app could not start.
  mainWindow.once('ready-to-show', () => console.log(DESKTOP_OPENED_LINE));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // The first copy (still starting, or open) gets 'second-instance' and comes to the front.
  console.log('Matters Arising is already open: its window is brought to the front instead.');
  app.quit();
} else {
  app.on('second-instance', () => {
    // While the first copy is still starting there is no window yet: it shows itself when ready.
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    core?.close();
    core = null;
  });

  // A failure here would otherwise leave a process with no window holding the single-instance
  // lock, and every later launch would hand over to it and exit silently.
  void app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[main] Matters Arising could not start:', err);
      const { title, content } = startupFailure(err);
      dialog.showErrorBox(title, content);
      app.exit(1);
    });
}
