// Host wiring for the Electron side. The Electron runtime cannot run here, so the 'electron'
// module is replaced by a stand-in that records what main and preload ask of it; core and
// the database underneath are real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '../../shared/contract/desktop';
import { ipcChannel, methodNames, type ApiResponse } from '../../shared/contract';
import { PRINT_READY } from '../../electron/core/publication/printOnly';

type Listener = (...args: unknown[]) => unknown;

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-electron-'));
afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

const recorded = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>;
    loaded: string[];
    contentsEvents: Map<string, Listener>;
    openHandler?: Listener;
    html?: string;
    scripts: string[];
    printOptions?: Record<string, unknown>;
    destroyed?: boolean;
  }[],
  saveDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  saveDialogAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  ipc: new Map<string, Listener>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  permissionHandler: undefined as undefined | Listener,
  lockRequested: 0,
  /** The faces the next print window's page reports as unreadable. */
  unreadableFonts: [] as string[],
  ready: undefined as undefined | Promise<void>,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: {
      on: (e: string, l: Listener) => void;
      setWindowOpenHandler: (h: Listener) => void;
      executeJavaScript: (code: string) => Promise<unknown>;
      printToPDF: (options: Record<string, unknown>) => Promise<Buffer>;
    };
    private readonly entry: (typeof recorded.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.entry = { options, loaded: [], contentsEvents: new Map(), scripts: [] };
      recorded.windows.push(this.entry);
      this.webContents = {
        on: (event, listener) => this.entry.contentsEvents.set(event, listener),
        setWindowOpenHandler: (handler) => {
          this.entry.openHandler = handler;
        },
        // PRINT_READY's answer: the faces a test says the page could not read (none unless it sets some).
        executeJavaScript: async (code) => {
          this.entry.scripts.push(code);
          return recorded.unreadableFonts;
        },
        // Chromium's printToPDF stands in as the system Chromium printing the same page.
        printToPDF: async (options) => {
          this.entry.printOptions = options;
          const { printHtmlToPdf } = await import('../../electron/pdf/print');
          return printHtmlToPdf(this.entry.html ?? '', {});
        },
      };
    }
    once(): void {}
    on(): void {}
    show(): void {}
    destroy(): void {
      this.entry.destroyed = true;
    }
    loadURL(url: string): Promise<void> {
      this.entry.loaded.push(url);
      return Promise.resolve();
    }
    async loadFile(file: string): Promise<void> {
      this.entry.loaded.push(file);
      const fs = await import('node:fs');
      this.entry.html = fs.readFileSync(file, 'utf8');
    }
  }
  let readyResolve: () => void = () => {};
  recorded.ready = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  return {
    app: {
      requestSingleInstanceLock: () => {
        recorded.lockRequested++;
        return true;
      },
      on: (event: string, listener: Listener) => recorded.appEvents.set(event, listener),
      quit: () => {},
      whenReady: () => {
        const done = Promise.resolve();
        void done.then(() => setTimeout(readyResolve, 50));
        return done;
      },
      getPath: (name: string) => (name === 'documents' ? `${userData}/Documents` : userData),
      commandLine: { appendSwitch: () => {} },
    },
    BrowserWindow,
    // The system keystore (electron/main/keystore.ts): "sealing" only marks the text.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(`sealed:${text}`),
      decryptStringAsync: async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
    },
    dialog: {
      showMessageBox: async () => ({ response: 1 }),
      showSaveDialog: async (parent: unknown, options?: Record<string, unknown>) => {
        recorded.saveDialogs.push(options ? { parent, options } : { parent: null, options: parent as Record<string, unknown> });
        return recorded.saveDialogAnswer;
      },
    },
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener), on: () => {} },
    ipcRenderer: { invoke: (...args: unknown[]) => recorded.invoked.push(args), on: () => {}, send: () => {} },
    // Menus and the close handshake have their own tests (desktop-shell.test.ts).
    Menu: { buildFromTemplate: () => ({ getMenuItemById: () => null, popup: () => {} }), setApplicationMenu: () => {} },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => recorded.exposed.set(key, value) },
    net: { fetch: async () => new Response('') },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          recorded.permissionHandler = handler;
        },
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        availableSpellCheckerLanguages: ['en-GB'],
        setSpellCheckerLanguages: () => {},
        setSpellCheckerDictionaryDownloadURL: () => {},
        setSpellCheckerEnabled: () => {},
      },
    },
    shell: { openExternal: async () => {} },
  };
});

async function startMain(): Promise<void> {
  await import('../../electron/main/index');
  await recorded.ready;
  // startCore is async inside whenReady: wait until the window exists.
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
}

describe('electron/main', () => {
  it('takes the single-instance lock and registers app:// as a privileged scheme before ready', async () => {
    await startMain();
    expect(recorded.lockRequested).toBe(1);
    expect(recorded.appEvents.has('second-instance')).toBe(true);
    expect(recorded.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(recorded.protocolHandlers.has('app')).toBe(true);
  });

  it('opens one window with isolation, sandbox and no Node, loading the app:// entry', async () => {
    await startMain();
    const [win] = recorded.windows;
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win!.loaded).toEqual(['app://matters-arising/index.html']);
  });

  it('blocks navigation away from the app, new windows and webviews', async () => {
    await startMain();
    const [win] = recorded.windows;
    const navigate = win!.contentsEvents.get('will-navigate')!;
    const away = { preventDefault: vi.fn() };
    navigate(away, 'https://example.org/');
    expect(away.preventDefault).toHaveBeenCalled();
    const within = { preventDefault: vi.fn() };
    navigate(within, 'app://matters-arising/index.html#/boards');
    expect(within.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    win!.contentsEvents.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(win!.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(win!.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request', async () => {
    await startMain();
    const callback = vi.fn();
    recorded.permissionHandler!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('registers an IPC handler for every contract method and the desktop open dialog, and no others', async () => {
    await startMain();
    expect([...recorded.ipc.keys()].sort()).toEqual([...methodNames.map(ipcChannel), DESKTOP_CHANNELS.chooseDataFile].sort());
  });

  it('answers calls from the app window with real core results and refuses unknown senders', async () => {
    await startMain();
    const handler = recorded.ipc.get(ipcChannel('createBoard'))!;
    const mainFrame = { url: 'app://matters-arising/index.html' };
    const fromApp = (await handler({ senderFrame: mainFrame, sender: { mainFrame } }, { name: 'Executive Board' })) as ApiResponse<{ name: string }>;
    expect(fromApp).toMatchObject({ ok: true, value: { name: 'Executive Board' } });

    const list = recorded.ipc.get(ipcChannel('listBoards'))!;
    const foreign = { url: 'https://evil.example/' };
    for (const event of [
      { senderFrame: foreign, sender: { mainFrame: foreign } },
      { senderFrame: null, sender: { mainFrame } },
      { senderFrame: { url: 'app://matters-arising/index.html' }, sender: { mainFrame } }, // a subframe, not the main frame
      { senderFrame: { url: 'app://matters-arising.evil/index.html' }, sender: { mainFrame: null } },
    ]) {
      expect(await list(event, {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    }
    expect(await handler({ senderFrame: mainFrame, sender: { mainFrame } }, { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'name' },
    });
    expect(fs.existsSync(path.join(userData, 'matters-arising.sqlite'))).toBe(true);
  });
});

describe('electron/main: minutes as PDF', () => {
  it('asks where to save with a save dialog, prints in a hidden locked window once fonts are ready, and saves there', async () => {
    await startMain();
    const mainFrame = { url: 'app://matters-arising/index.html' };
    const fromApp = { senderFrame: mainFrame, sender: { mainFrame } };
    const call = async (method: string, payload: unknown): Promise<unknown> => {
      const response = (await recorded.ipc.get(ipcChannel(method as never))!(fromApp, payload)) as ApiResponse<unknown>;
      if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
      return response.value;
    };
    const { seedFixtureMinutes } = await import('../helpers/fixture-minutes');
    const seeded = await seedFixtureMinutes(call);
    const mainWindow = recorded.windows[0];
    const windowsBefore = recorded.windows.length;

    // Cancelled: nothing is printed, nothing written.
    recorded.saveDialogAnswer = { canceled: true, filePath: '' };
    expect(await call('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'public' })).toMatchObject({ cancelled: true, savedTo: null });
    expect(recorded.windows).toHaveLength(windowsBefore);
    expect(recorded.saveDialogs[0]?.options).toMatchObject({
      defaultPath: `${userData}/Documents/SSCB minutes 2014-02-19 (public).pdf`,
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });

    const target = path.join(userData, 'exported', 'February minutes');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    recorded.saveDialogAnswer = { canceled: false, filePath: target };
    const saved = (await call('exportMinutesPdf', { meetingId: seeded.meetingId, version: 'public' })) as { savedTo: string; pages: number };
    expect(saved.savedTo).toBe(`${target}.pdf`);
    expect(fs.readFileSync(saved.savedTo).subarray(0, 5).toString()).toBe('%PDF-');
    expect(saved.pages).toBeGreaterThan(1);

    const printWindow = recorded.windows[windowsBefore]!;
    expect(recorded.saveDialogs[1]?.parent).toBeDefined();
    expect(mainWindow).not.toBe(printWindow);
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
    });
    expect((printWindow.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(printWindow.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(printWindow.html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
    expect(printWindow.scripts).toEqual([PRINT_READY]);
    expect(printWindow.printOptions).toMatchObject({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true });
    // The window is gone and the page it printed was deleted.
    expect(printWindow.destroyed).toBe(true);
    expect(fs.existsSync(printWindow.loaded[0]!)).toBe(false);

    // A folder that cannot be written: a clear refusal, nothing printed.
    recorded.saveDialogAnswer = { canceled: false, filePath: path.join(userData, 'no such folder', 'minutes.pdf') };
    const refused = (await recorded.ipc.get(ipcChannel('exportMinutesPdf'))!(fromApp, { meetingId: seeded.meetingId, version: 'full' })) as ApiResponse<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/does not exist, so the PDF was not saved/) as unknown } });
    expect(recorded.windows).toHaveLength(windowsBefore + 1);

    // A font the page could not read: no PDF in another font, a clear refusal, nothing saved.
    recorded.unreadableFonts = ['Minutes Sans'];
    const elsewhere = path.join(userData, 'exported', 'March minutes');
    recorded.saveDialogAnswer = { canceled: false, filePath: elsewhere };
    try {
      const unprinted = (await recorded.ipc.get(ipcChannel('exportMinutesPdf'))!(fromApp, { meetingId: seeded.meetingId, version: 'public' })) as ApiResponse<unknown>;
      expect(unprinted).toMatchObject({ ok: false, error: { message: expect.stringMatching(/its font \(Minutes Sans\) could not be loaded/) as unknown } });
    } finally {
      recorded.unreadableFonts = [];
    }
    expect(recorded.windows.at(-1)!.destroyed).toBe(true);
    expect(recorded.windows.at(-1)!.printOptions).toBeUndefined();
    expect(fs.existsSync(`${elsewhere}.pdf`)).toBe(false);
  }, 60_000);
});

describe('electron/preload', () => {
  it('exposes only window.api, with one function per contract method that invokes its channel, and window.desktop', async () => {
    await import('../../electron/preload/index');
    expect([...recorded.exposed.keys()]).toEqual(['api', 'desktop']);
    const api = recorded.exposed.get('api') as Record<string, (input: unknown) => unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    api.createBoard!({ name: 'Main Board' });
    expect(recorded.invoked.at(-1)).toEqual([ipcChannel('createBoard'), { name: 'Main Board' }]);
  });
});
