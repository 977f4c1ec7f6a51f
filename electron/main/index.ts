// The Electron host: app lifecycle, the single-instance lock, the app:// protocol, IPC into
// core, the menus, and holding the window's close until its changes are saved. Thin on
// purpose: no domain logic lives here.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session, shell, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { DESKTOP_OPENED_LINE } from '../../scripts/desktop-launch.mjs';
import { loadSampleOnStart, startCore, type Core } from '../core/app';
import { resolveDataFile } from '../core/paths';
import { applicationMenuTemplate, setWindowCommandsAvailable } from './appMenu';
import { holdCloseUntilSaved, type CloseGuard } from './closeGuard';
import { attachContextMenu, useUkSpelling } from './contextMenu';
import { DESKTOP_CHANNELS, isMenuCommand, type MenuCommand } from '../../shared/contract/desktop';
import { askForDataFile, startupFailure } from './dialogs';
import { registerApi } from './ipc';
import { desktopKeystore } from './keystore';
import { askWhereToSavePdf, printInHiddenWindow } from './pdf';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, createMainWindow, hardenSession, isTrustedSender, resolveAppPath, type ExternalOpener } from './security';

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
let closeGuard: CloseGuard | null = null;
let menu: Menu | null = null;

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

/** A trusted message from the main window's own page (see security.ts). */
const fromMainWindow = (event: IpcMainEvent | IpcMainInvokeEvent): boolean =>
  mainWindow !== null && event.sender === mainWindow.webContents && isTrustedSender(event.senderFrame, event.sender.mainFrame);

const dataFolder = (): string => path.dirname(core?.status.dataFile ?? app.getPath('documents'));

/** File > Open Data File…: saves what is waiting, switches core to the file chosen, and starts the window afresh on it. */
async function openDataFileFromMenu(): Promise<void> {
  const win = mainWindow;
  if (!win || !core) return;
  const file = await askForDataFile(dialog, win, dataFolder());
  if (!file || !(await closeGuard?.savedOrAbandoned('switch'))) return;
  const response = await core.callAsync('openDataFile', { path: file });
  if (!response.ok) {
    await dialog.showMessageBox(win, { type: 'error', message: 'That data file could not be opened', detail: response.error.message });
    return;
  }
  await win.loadURL(APP_ENTRY);
}

function sendToWindow(command: MenuCommand): void {
  mainWindow?.webContents.send(DESKTOP_CHANNELS.menuCommand, command);
}

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
  const keystore = desktopKeystore(safeStorage, app.getPath('userData'));
  core = await startCore(dataFile, { key: await keystore.keyFor(dataFile) }, {
    keyKeptByHost: true,
    keyFor: (file) => keystore.keyFor(file),
    keyAccepted: (file, key) => keystore.remember(file, key),
    quit: () => app.quit(),
    printPdf: printInHiddenWindow(BrowserWindow, app.getPath('temp')),
    choosePdfPath: askWhereToSavePdf(dialog, () => mainWindow, () => app.getPath('documents')),
  });
  if (core.status.state === 'problem') console.error(`[main] ${core.status.problem.title}: ${core.status.problem.message}`);
  if (process.argv.includes('--sample')) console.log(loadSampleOnStart(core));
  registerApi(ipcMain, core);
  // Another laptop's edits and the sync status reach the window without it asking.
  core.onChanges((changes) => mainWindow?.webContents.send(DESKTOP_CHANNELS.changes, changes));
  // Shared meetings' document updates go down the same channel, as an object rather than a list.
  core.onReplicaUpdate((push) => mainWindow?.webContents.send(DESKTOP_CHANNELS.changes, { replica: push }));
  ipcMain.handle(DESKTOP_CHANNELS.chooseDataFile, (event) => (fromMainWindow(event) ? askForDataFile(dialog, mainWindow, dataFolder()) : null));
  ipcMain.on(DESKTOP_CHANNELS.menuCommandsAvailable, (event, commands: unknown) => {
    if (fromMainWindow(event) && menu && Array.isArray(commands)) setWindowCommandsAvailable(menu, commands.filter(isMenuCommand));
  });

  menu = Menu.buildFromTemplate(
    applicationMenuTemplate(
      process.platform,
      {
        command: sendToWindow,
        openDataFile: () => void openDataFileFromMenu(),
        showDataFile: () => {
          if (core) shell.showItemInFolder(core.status.dataFile);
        },
      },
      { development: !app.isPackaged },
    ),
  );
  Menu.setApplicationMenu(menu);

  const win = createMainWindow(BrowserWindow, preloadPath, external);
  mainWindow = win;
  closeGuard = holdCloseUntilSaved(win, ipcMain, dialog);
  attachContextMenu(win, Menu);
  // npm start waits for this line: an exit before it means the desktop app could not start.
  win.once('ready-to-show', () => console.log(DESKTOP_OPENED_LINE));
  // A reloaded page says again what it can do; until then its commands are greyed out.
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument && menu) setWindowCommandsAvailable(menu, []);
  });
  win.on('closed', () => {
    mainWindow = null;
    closeGuard = null;
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
