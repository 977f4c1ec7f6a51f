// A stand-in for the 'electron' module (the runtime cannot run here): it records what main asks
// of it, so the host's wiring can be checked. Use with
//   vi.mock('electron', async () => (await import('../helpers/electron-stand-in')).electronStandIn());
// Core and the database underneath stay real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export interface RecordedWindow {
  options: Record<string, unknown>;
  loaded: string[];
  contentsEvents: Map<string, Listener>;
  openHandler?: Listener;
}

export const recorded = {
  userData: fs.mkdtempSync(path.join(os.tmpdir(), 'ma-electron-stand-in-')),
  windows: [] as RecordedWindow[],
  ipc: new Map<string, Listener>(),
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  appEvents: new Map<string, Listener>(),
  permissionRequestHandler: undefined as undefined | Listener,
  permissionCheckHandler: undefined as undefined | Listener,
  devicePermissionHandler: undefined as undefined | Listener,
  dictionaryDownloadUrls: [] as string[],
  spellCheckerEnabled: [] as boolean[],
  fetched: [] as string[],
  lockRequested: 0,
  ready: null as null | Promise<void>,
};

export function electronStandIn(): Record<string, unknown> {
  class BrowserWindow {
    readonly webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const entry: RecordedWindow = { options, loaded: [], contentsEvents: new Map() };
      recorded.windows.push(entry);
      this.webContents = {
        on: (event: string, listener: Listener) => entry.contentsEvents.set(event, listener),
        setWindowOpenHandler: (handler: Listener) => {
          entry.openHandler = handler;
        },
      };
      this.loadURL = (url: string) => {
        entry.loaded.push(url);
        return Promise.resolve();
      };
    }
    loadURL: (url: string) => Promise<void>;
    once(): void {}
    on(): void {}
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return false;
    }
    destroy(): void {}
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
        void done.then(() => setImmediate(readyResolve));
        return done;
      },
      exit: () => {},
      getPath: () => recorded.userData,
      commandLine: { appendSwitch: () => {} },
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template, popup: () => {}, getMenuItemById: () => null }),
      setApplicationMenu: () => {},
    },
    BrowserWindow,
    // The system keystore: "sealing" here only marks the text, so a test can see it was asked.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(`sealed:${text}`),
      decryptStringAsync: async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
    },
    dialog: {
      showMessageBox: async () => ({ response: 1 }),
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: () => {},
    },
    ipcMain: { handle: (channel: string, listener: Listener) => recorded.ipc.set(channel, listener), on: () => {} },
    net: {
      fetch: async (url: string) => {
        recorded.fetched.push(url);
        return new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } });
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.schemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => {
          recorded.permissionRequestHandler = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          recorded.permissionCheckHandler = handler;
        },
        setDevicePermissionHandler: (handler: Listener) => {
          recorded.devicePermissionHandler = handler;
        },
        setSpellCheckerDictionaryDownloadURL: (url: string) => recorded.dictionaryDownloadUrls.push(url),
        setSpellCheckerEnabled: (enabled: boolean) => recorded.spellCheckerEnabled.push(enabled),
        availableSpellCheckerLanguages: ['en-GB'],
        setSpellCheckerLanguages: () => {},
      },
    },
    shell: { openExternal: async () => {}, showItemInFolder: () => {} },
  };
}
