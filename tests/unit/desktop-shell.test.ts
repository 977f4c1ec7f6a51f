// The desktop shell around the window: holding the close until the window's saves are sent,
// the right-click menu with spelling, the application menu, the native open dialog, a failed
// start-up and a second launch. The Electron runtime cannot run here, so 'electron' is a
// stand-in that records what main and preload ask of it and lets the test play the window
// and the person; core and the database underneath are real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../electron/main/appMenu';
import { notSavedQuestion, SAVE_WAIT_MS } from '../../electron/main/closeGuard';
import { contextMenuTemplate, type MenuParams } from '../../electron/main/contextMenu';
import { DESKTOP_CHANNELS, toSaveOutcome } from '../../shared/contract/desktop';
import { ipcChannel, type ApiResponse } from '../../shared/contract';

type Listener = (...args: unknown[]) => unknown;

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-shell-'));
afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

const APP_PAGE = 'app://matters-arising/index.html';

const stand = vi.hoisted(() => {
  const listeners = () => new Map<string, Array<(...args: unknown[]) => unknown>>();
  return {
    listeners,
    windows: [] as Array<{
      options: Record<string, unknown>;
      events: Map<string, Array<(...args: unknown[]) => unknown>>;
      contentsEvents: Map<string, Array<(...args: unknown[]) => unknown>>;
      sent: unknown[][];
      loaded: string[];
      destroyed: boolean;
      closeAttempts: number;
      win: unknown;
    }>,
    /** The window's side of the close handshake: what it answers main, if anything. */
    windowAnswers: undefined as undefined | ((id: unknown) => unknown),
    ipcHandle: new Map<string, (...args: unknown[]) => unknown>(),
    ipcOn: listeners(),
    rendererOn: listeners(),
    rendererSent: [] as unknown[][],
    exposed: new Map<string, unknown>(),
    appEvents: listeners(),
    menus: [] as Array<{ template: unknown[]; popups: unknown[] }>,
    applicationMenu: null as null | { template: unknown[] },
    messageBoxes: [] as Array<Record<string, unknown>>,
    messageBoxAnswers: [] as number[],
    openDialogAnswers: [] as Array<{ canceled: boolean; filePaths: string[] }>,
    errorBoxes: [] as Array<[string, string]>,
    exits: [] as number[],
    quits: 0,
    whenReadyCalls: 0,
    spellingLanguages: [] as string[][],
    dictionary: [] as string[],
    replaced: [] as string[],
    shownInFolder: [] as string[],
    lock: true,
    failAtStart: false,
  };
});

vi.mock('electron', () => {
  const add = (map: Map<string, Array<(...args: unknown[]) => unknown>>, event: string, listener: (...args: unknown[]) => unknown) =>
    map.set(event, [...(map.get(event) ?? []), listener]);
  const emit = (map: Map<string, Array<(...args: unknown[]) => unknown>>, event: string, ...args: unknown[]) => {
    for (const listener of map.get(event) ?? []) listener(...args);
  };

  class BrowserWindow {
    readonly webContents: Record<string, unknown>;
    readonly entry: (typeof stand.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.entry = { options, events: stand.listeners(), contentsEvents: stand.listeners(), sent: [], loaded: [], destroyed: false, closeAttempts: 0, win: this };
      stand.windows.push(this.entry);
      const entry = this.entry;
      const mainFrame = { url: APP_PAGE };
      this.webContents = {
        mainFrame,
        on: (event: string, listener: Listener) => add(entry.contentsEvents, event, listener),
        setWindowOpenHandler: () => {},
        isCrashed: () => false,
        replaceMisspelling: (word: string) => stand.replaced.push(word),
        session: { addWordToSpellCheckerDictionary: (word: string) => stand.dictionary.push(word) },
        send: (channel: string, ...args: unknown[]) => {
          entry.sent.push([channel, ...args]);
          if (channel === 'desktop:close-requested') {
            const answer = stand.windowAnswers?.(args[0]);
            if (answer !== undefined) {
              const event = { sender: this.webContents, senderFrame: mainFrame };
              queueMicrotask(() => emit(stand.ipcOn, 'desktop:close-ready', event, args[0], answer));
            }
          }
        },
      };
    }
    on(event: string, listener: Listener): this {
      add(this.entry.events, event, listener);
      return this;
    }
    once(event: string, listener: Listener): this {
      return this.on(event, listener);
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return this.entry.destroyed;
    }
    close(): void {
      this.entry.closeAttempts += 1;
      let prevented = false;
      emit(this.entry.events, 'close', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      this.entry.destroyed = true;
      emit(this.entry.events, 'closed');
    }
    destroy(): void {
      this.entry.destroyed = true;
    }
    loadURL(url: string): Promise<void> {
      this.entry.loaded.push(url);
      return Promise.resolve();
    }
  }

  const findById = (items: unknown[], id: string): Record<string, unknown> | null => {
    for (const item of items as Array<Record<string, unknown>>) {
      if (item.id === id) return item;
      const inner = Array.isArray(item.submenu) ? findById(item.submenu, id) : null;
      if (inner) return inner;
    }
    return null;
  };

  return {
    app: {
      requestSingleInstanceLock: () => stand.lock,
      on: (event: string, listener: Listener) => add(stand.appEvents, event, listener),
      quit: () => {
        stand.quits += 1;
      },
      exit: (code: number) => stand.exits.push(code),
      whenReady: () => {
        stand.whenReadyCalls += 1;
        return Promise.resolve();
      },
      getPath: (name: string) => {
        if (stand.failAtStart) throw new Error('The folder for application data could not be created (EACCES).');
        return name === 'documents' ? path.join(userData, 'Documents') : userData;
      },
      commandLine: { appendSwitch: () => {} },
      isPackaged: true,
    },
    BrowserWindow,
    // The system keystore (electron/main/keystore.ts): "sealing" only marks the text.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      encryptStringAsync: async (text: string) => Buffer.from(`sealed:${text}`),
      decryptStringAsync: async (sealed: Buffer) => ({ result: sealed.toString().replace(/^sealed:/, ''), shouldReEncrypt: false }),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        const menu = { template, popups: [] as unknown[], getMenuItemById: (id: string) => findById(template, id), popup: (options: unknown) => menu.popups.push(options) };
        stand.menus.push(menu);
        return menu;
      },
      setApplicationMenu: (menu: { template: unknown[] }) => {
        stand.applicationMenu = menu;
      },
    },
    dialog: {
      showMessageBox: async (_parent: unknown, options: Record<string, unknown>) => {
        stand.messageBoxes.push(options);
        return { response: stand.messageBoxAnswers.shift() ?? 0 };
      },
      showOpenDialog: async () => stand.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] },
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showErrorBox: (title: string, content: string) => stand.errorBoxes.push([title, content]),
    },
    ipcMain: {
      handle: (channel: string, listener: Listener) => stand.ipcHandle.set(channel, listener),
      on: (channel: string, listener: Listener) => add(stand.ipcOn, channel, listener),
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        stand.rendererSent.push(['invoke', ...args]);
        return '/chosen/minutes.sqlite';
      },
      on: (channel: string, listener: Listener) => add(stand.rendererOn, channel, listener),
      send: (...args: unknown[]) => stand.rendererSent.push(['send', ...args]),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => stand.exposed.set(key, value) },
    net: { fetch: async () => new Response('') },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        setDevicePermissionHandler: () => {},
        availableSpellCheckerLanguages: ['en-GB', 'en-US', 'fr'],
        setSpellCheckerLanguages: (languages: string[]) => stand.spellingLanguages.push(languages),
        setSpellCheckerDictionaryDownloadURL: () => {},
        setSpellCheckerEnabled: () => {},
      },
    },
    shell: { openExternal: async () => {}, showItemInFolder: (file: string) => stand.shownInFolder.push(file) },
  };
});

type Win = (typeof stand.windows)[number] & { win: { close(): void; webContents: { mainFrame: unknown } } };

async function startMain(): Promise<Win> {
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(stand.windows).toHaveLength(1));
  return stand.windows[0] as Win;
}

const fromWindow = (win: Win) => {
  const contents = win.win.webContents;
  return { sender: contents, senderFrame: contents.mainFrame };
};

const trigger = (map: Map<string, Listener[]>, event: string, ...args: unknown[]): unknown[] => (map.get(event) ?? []).map((l) => l(...args));

function menuItems(template: unknown[]): Array<MenuItemConstructorOptions & { submenu?: MenuItemConstructorOptions[] }> {
  return template as Array<MenuItemConstructorOptions & { submenu?: MenuItemConstructorOptions[] }>;
}

function findItem(template: unknown[], label: string): MenuItemConstructorOptions {
  for (const top of menuItems(template)) {
    const found = top.submenu?.find((i) => i.label === label);
    if (found) return found;
  }
  throw new Error(`no menu item "${label}"`);
}

describe('electron/main: the desktop shell', () => {
  it('sets the application menu, with the window’s commands greyed out until the window says it can carry them out', async () => {
    const win = await startMain();
    const template = stand.applicationMenu!.template;
    expect(menuItems(template).map((m) => m.label ?? m.role)).toEqual(['&File', 'editMenu', '&View', '&Help']);
    const newBoard = findItem(template, 'New Board…');
    expect(newBoard.enabled).toBe(false);

    // A foreign frame cannot enable anything; the app's own page can.
    trigger(stand.ipcOn, DESKTOP_CHANNELS.menuCommandsAvailable, { sender: {}, senderFrame: { url: 'https://evil.example/' } }, ['new-board']);
    expect(newBoard.enabled).toBe(false);
    trigger(stand.ipcOn, DESKTOP_CHANNELS.menuCommandsAvailable, fromWindow(win), ['new-board', 'format-disk']);
    expect(newBoard.enabled).toBe(true);
    expect(findItem(template, 'Export PDF…').enabled).toBe(false);

    (newBoard.click as () => void)();
    expect(win.sent).toContainEqual([DESKTOP_CHANNELS.menuCommand, 'new-board']);

    // A reload greys them out again until the new page says otherwise.
    trigger(win.contentsEvents, 'did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(newBoard.enabled).toBe(false);

    (findItem(template, 'Show Data File in Folder').click as () => void)();
    expect(stand.shownInFolder).toEqual([path.join(userData, 'matters-arising.sqlite')]);
  });

  it('spellchecks in UK English and shows suggestions, Add to Dictionary and the edit roles on right-click', async () => {
    const win = await startMain();
    expect(stand.spellingLanguages).toEqual([['en-GB']]);
    const params: MenuParams = {
      isEditable: true,
      selectionText: '',
      misspelledWord: 'recieve',
      dictionarySuggestions: ['receive', 'relieve'],
      editFlags: { canCut: false, canCopy: false, canPaste: true, canSelectAll: true, canUndo: false, canRedo: false, canDelete: false, canEditRichly: true },
    };
    trigger(win.contentsEvents, 'context-menu', {}, params);
    const shown = stand.menus.at(-1)!;
    expect(shown.popups).toHaveLength(1);
    const items = menuItems(shown.template);
    (items.find((i) => i.label === 'receive')!.click as () => void)();
    (items.find((i) => i.label === 'Add to Dictionary')!.click as () => void)();
    expect(stand.replaced).toEqual(['receive']);
    expect(stand.dictionary).toEqual(['recieve']);

    // Nothing to offer (no selection, not editable): no menu at all.
    const before = stand.menus.length;
    trigger(win.contentsEvents, 'context-menu', {}, { ...params, isEditable: false, misspelledWord: '' });
    expect(stand.menus).toHaveLength(before);
  });

  it('opens a native dialog for the problem screen’s “Open another file…”, for the app’s own page only', async () => {
    const win = await startMain();
    const choose = stand.ipcHandle.get(DESKTOP_CHANNELS.chooseDataFile)!;
    stand.openDialogAnswers.push({ canceled: false, filePaths: ['/home/tina/minutes.sqlite'] });
    expect(await choose(fromWindow(win))).toBe('/home/tina/minutes.sqlite');
    stand.openDialogAnswers.push({ canceled: true, filePaths: [] });
    expect(await choose(fromWindow(win))).toBeNull();
    stand.openDialogAnswers.push({ canceled: false, filePaths: ['/etc/passwd'] });
    expect(await choose({ sender: {}, senderFrame: { url: 'https://evil.example/' } })).toBeNull();
    expect(stand.openDialogAnswers).toHaveLength(1);
    stand.openDialogAnswers.length = 0;
  });

  it('File > Open Data File… saves what the window has waiting, switches the data file and starts the window afresh on it', async () => {
    const win = await startMain();
    const other = path.join(userData, 'other', 'minutes.sqlite');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    const asked: unknown[] = [];
    stand.windowAnswers = (id) => {
      asked.push(id);
      return { saved: true, message: null };
    };
    stand.openDialogAnswers.push({ canceled: false, filePaths: [other] });
    (findItem(stand.applicationMenu!.template, 'Open Data File…').click as () => void)();
    await vi.waitFor(() => expect(win.loaded).toEqual([APP_PAGE, APP_PAGE]));
    expect(asked).toHaveLength(1);
    expect(stand.messageBoxes).toEqual([]);
    const status = (await stand.ipcHandle.get(ipcChannel('getAppStatus'))!(fromWindow(win), {})) as ApiResponse<{ dataFile: string; state: string }>;
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', dataFile: other } });
  });

  it('holds the window’s close until the window answers that everything is saved', async () => {
    const win = await startMain();
    let answer: (outcome: unknown) => void = () => {};
    stand.windowAnswers = (id) => {
      answer = (outcome) =>
        trigger(stand.ipcOn, DESKTOP_CHANNELS.closeReady, fromWindow(win), id, outcome);
      return undefined;
    };
    const asks = (): number => win.sent.filter((s) => s[0] === DESKTOP_CHANNELS.closeRequested).length;
    const asksBefore = asks();
    win.win.close();
    expect(win.destroyed).toBe(false);
    expect(win.sent.at(-1)?.[0]).toBe(DESKTOP_CHANNELS.closeRequested);

    // Closing again while it waits changes nothing; an answer from elsewhere is ignored.
    win.win.close();
    expect(asks()).toBe(asksBefore + 1);
    trigger(stand.ipcOn, DESKTOP_CHANNELS.closeReady, { sender: {}, senderFrame: { url: 'https://evil.example/' } }, win.sent.at(-1)?.[1], { saved: true });
    await Promise.resolve();
    expect(win.destroyed).toBe(false);

    // A save that failed: the person is asked, and keeps the window.
    stand.messageBoxAnswers.push(0);
    answer({ saved: false, message: 'The data file is busy.' });
    await vi.waitFor(() => expect(stand.messageBoxes).toHaveLength(1));
    expect(stand.messageBoxes[0]).toMatchObject({ message: 'Some changes are not saved', buttons: ['Keep the Window Open', 'Close Without Saving'] });
    expect(String(stand.messageBoxes[0]!.detail)).toMatch(/^The data file is busy\./);
    await Promise.resolve();
    expect(win.destroyed).toBe(false);

    // Next time the window does not answer in time: Wait, then it answers, and the window closes.
    vi.useFakeTimers();
    stand.messageBoxAnswers.push(0);
    win.win.close();
    await vi.advanceTimersByTimeAsync(SAVE_WAIT_MS);
    expect(stand.messageBoxes[1]).toMatchObject({ message: 'Your latest changes are still being saved', buttons: ['Wait', 'Close Without Saving'] });
    await vi.advanceTimersByTimeAsync(0);
    expect(asks()).toBe(asksBefore + 3);
    answer({ saved: true, message: null });
    await vi.advanceTimersByTimeAsync(0);
    expect(win.destroyed).toBe(true);
    expect(stand.messageBoxes).toHaveLength(2);
  });
});

describe('electron/main: start-up', () => {
  it('shows an error box and exits when start-up fails, so the lock is not kept by an invisible app', async () => {
    vi.resetModules();
    stand.failAtStart = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(stand.exits).toEqual([1]));
    errors.mockRestore();
    stand.failAtStart = false;
    expect(stand.errorBoxes).toEqual([
      ['Matters Arising could not start', expect.stringMatching(/^The folder for application data could not be created \(EACCES\)\.\n\nMatters Arising will close now\./)],
    ]);
  });

  it('a second launch says the app is already open and quits, leaving the first to come to the front', async () => {
    vi.resetModules();
    stand.lock = false;
    const readyBefore = stand.whenReadyCalls;
    const quitsBefore = stand.quits;
    const said = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('../../electron/main/index');
    expect(said).toHaveBeenCalledWith('Matters Arising is already open: its window is brought to the front instead.');
    said.mockRestore();
    expect(stand.quits).toBe(quitsBefore + 1);
    expect(stand.whenReadyCalls).toBe(readyBefore);
    stand.lock = true;
  });
});

describe('electron/preload: window.desktop', () => {
  it('answers main’s close request with what the window’s handler says, and with “saved” when the page registered none', async () => {
    await import('../../electron/preload/index');
    const desktop = stand.exposed.get('desktop') as {
      onCloseRequested(h: () => Promise<unknown>): void;
      onMenuCommand(h: (c: string) => void): void;
      setMenuCommandsAvailable(c: string[]): void;
      chooseDataFile(): Promise<string | null>;
    };
    const closeReadySent = () => stand.rendererSent.filter((s) => s[0] === 'send' && s[1] === DESKTOP_CHANNELS.closeReady).map((s) => s.slice(2));

    trigger(stand.rendererOn, DESKTOP_CHANNELS.closeRequested, {}, 1);
    await vi.waitFor(() => expect(closeReadySent()).toEqual([[1, { saved: true, message: null }]]));

    desktop.onCloseRequested(async () => ({ saved: false, message: 'Item 3: the due date does not exist.' }));
    trigger(stand.rendererOn, DESKTOP_CHANNELS.closeRequested, {}, 2);
    await vi.waitFor(() => expect(closeReadySent()).toContainEqual([2, { saved: false, message: 'Item 3: the due date does not exist.' }]));

    desktop.onCloseRequested(async () => {
      throw new Error('broken');
    });
    trigger(stand.rendererOn, DESKTOP_CHANNELS.closeRequested, {}, 3);
    await vi.waitFor(() => expect(closeReadySent()).toContainEqual([3, { saved: false, message: 'broken' }]));
  });

  it('passes on only the known menu commands, and asks main for the open dialog', async () => {
    await import('../../electron/preload/index');
    const desktop = stand.exposed.get('desktop') as {
      onMenuCommand(h: (c: string) => void): void;
      setMenuCommandsAvailable(c: string[]): void;
      chooseDataFile(): Promise<string | null>;
    };
    const heard: string[] = [];
    desktop.onMenuCommand((c) => heard.push(c));
    trigger(stand.rendererOn, DESKTOP_CHANNELS.menuCommand, {}, 'export-pdf');
    trigger(stand.rendererOn, DESKTOP_CHANNELS.menuCommand, {}, 'rm -rf');
    expect(heard).toEqual(['export-pdf']);
    desktop.setMenuCommandsAvailable(['new-board', 'nonsense']);
    expect(stand.rendererSent.at(-1)).toEqual(['send', DESKTOP_CHANNELS.menuCommandsAvailable, ['new-board']]);
    expect(await desktop.chooseDataFile()).toBe('/chosen/minutes.sqlite');
    expect(stand.rendererSent.at(-1)).toEqual(['invoke', DESKTOP_CHANNELS.chooseDataFile]);
  });

  it('passes a shared meeting’s document update from the changes channel to the replicas, and lists of changes to the live queries', async () => {
    await import('../../electron/preload/index');
    const desktop = stand.exposed.get('desktop') as {
      onChanges(h: (c: unknown[]) => void): void;
      onReplicaUpdate(h: (p: unknown) => void): void;
    };
    const changes: unknown[] = [];
    const pushes: unknown[] = [];
    desktop.onChanges((c) => changes.push(c));
    desktop.onReplicaUpdate((p) => pushes.push(p));
    const push = { meetingId: '22222222-2222-4222-8222-222222222222', update: 'AQID', from: null };
    trigger(stand.rendererOn, DESKTOP_CHANNELS.changes, {}, { replica: push });
    trigger(stand.rendererOn, DESKTOP_CHANNELS.changes, {}, [{ entity: 'sync', id: 'board-1' }]);
    trigger(stand.rendererOn, DESKTOP_CHANNELS.changes, {}, { replica: { meetingId: 7 } });
    expect(pushes).toEqual([push]);
    expect(changes).toEqual([[{ entity: 'sync', id: 'board-1' }]]);
  });
});

describe('the right-click menu', () => {
  const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canUndo: true, canRedo: true, canDelete: true, canEditRichly: true };
  const none = { replaceMisspelling: () => {}, addToDictionary: () => {} };
  const shape = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role ?? i.type);

  it('offers up to six suggestions for a misspelt word, or says there are none', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const many = contextMenuTemplate({ isEditable: true, selectionText: '', misspelledWord: 'x', dictionarySuggestions: words, editFlags: flags }, none);
    expect(shape(many).slice(0, 9)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'separator', 'Add to Dictionary', 'separator']);
    const nothing = contextMenuTemplate({ isEditable: true, selectionText: '', misspelledWord: 'qqq', dictionarySuggestions: [], editFlags: flags }, none);
    expect(nothing[0]).toEqual({ label: 'No Spelling Suggestions', enabled: false });
  });

  it('offers the edit roles where text can be edited, as far as they apply, and Copy on selected text elsewhere', () => {
    const editable = contextMenuTemplate(
      { isEditable: true, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: { ...flags, canCut: false, canCopy: false } },
      none,
    );
    expect(editable).toEqual([
      { role: 'cut', enabled: false },
      { role: 'copy', enabled: false },
      { role: 'paste', enabled: true },
      { role: 'pasteAndMatchStyle', enabled: true },
      { type: 'separator' },
      { role: 'selectAll', enabled: true },
    ]);
    expect(contextMenuTemplate({ isEditable: false, selectionText: 'Quorum', misspelledWord: '', dictionarySuggestions: [], editFlags: flags }, none)).toEqual([
      { role: 'copy', enabled: true },
    ]);
    expect(contextMenuTemplate({ isEditable: false, selectionText: ' ', misspelledWord: '', dictionarySuggestions: [], editFlags: flags }, none)).toEqual([]);
  });
});

describe('the application menu', () => {
  const actions = { command: () => {}, openDataFile: () => {}, showDataFile: () => {} };
  const outline = (platform: NodeJS.Platform, development = false) =>
    menuItems(applicationMenuTemplate(platform, actions, { development })).map((m) => ({
      menu: m.label ?? m.role,
      items: m.submenu?.map((i) => i.label ?? i.role ?? i.type),
    }));

  it('follows macOS: the app menu, Close Window in File, a Window menu, Help without About', () => {
    expect(outline('darwin')).toEqual([
      { menu: 'appMenu', items: undefined },
      { menu: 'File', items: ['New Board…', 'Open Data File…', 'separator', 'Share This Board…', 'Join a Shared Board…', 'separator', 'Export PDF…', 'separator', 'close'] },
      { menu: 'editMenu', items: undefined },
      { menu: 'View', items: ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'] },
      { menu: 'windowMenu', items: undefined },
      { menu: 'Help', items: ['Keyboard Shortcuts', 'Show Data File in Finder'] },
    ]);
  });

  it('follows Windows and Linux: mnemonics, Quit (Exit) in File, About in Help', () => {
    for (const [platform, reveal] of [
      ['win32', 'Show Data File in File Explorer'],
      ['linux', 'Show Data File in Folder'],
    ] as const) {
      expect(outline(platform)).toEqual([
        { menu: '&File', items: ['New Board…', 'Open Data File…', 'separator', 'Share This Board…', 'Join a Shared Board…', 'separator', 'Export PDF…', 'separator', 'quit'] },
        { menu: 'editMenu', items: undefined },
        { menu: '&View', items: ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'] },
        { menu: '&Help', items: ['Keyboard Shortcuts', reveal, 'separator', 'about'] },
      ]);
    }
  });

  it('passes Share This Board… and Join a Shared Board… to the window, greyed out until it says it can carry them out', () => {
    const sent: string[] = [];
    const template = applicationMenuTemplate('linux', { ...actions, command: (c) => sent.push(c) }, { development: false });
    for (const [label, command] of [
      ['Share This Board…', 'share-board'],
      ['Join a Shared Board…', 'join-shared-board'],
    ] as const) {
      const item = findItem(template, label);
      expect(item).toMatchObject({ id: command, enabled: false });
      (item.click as () => void)();
      expect(sent.at(-1)).toBe(command);
    }
  });

  it('never offers Reload (it would drop changes waiting to be saved); developer tools only in development', () => {
    expect(JSON.stringify(applicationMenuTemplate('linux', actions, { development: true }))).not.toMatch(/reload/i);
    expect(outline('linux', true)[2]!.items).toContain('toggleDevTools');
    const shortcuts = findItem(applicationMenuTemplate('linux', actions, { development: false }), 'Keyboard Shortcuts');
    expect(shortcuts).toMatchObject({ accelerator: 'CmdOrCtrl+/', registerAccelerator: false, enabled: false });
  });
});

describe('the close handshake’s words', () => {
  it('reads what the window sent, treating anything malformed as not saved', () => {
    expect(toSaveOutcome({ saved: true, message: 'ignored' })).toEqual({ saved: true, message: null });
    expect(toSaveOutcome({ saved: false, message: 'Busy.' })).toEqual({ saved: false, message: 'Busy.' });
    expect(toSaveOutcome('yes')).toEqual({ saved: false, message: 'Some changes could not be saved.' });
    expect(toSaveOutcome(null)).toEqual({ saved: false, message: 'Some changes could not be saved.' });
  });

  it('asks about opening another file in the same terms as closing', () => {
    expect(notSavedQuestion({ saved: false, message: 'Busy.' }, 'switch').buttons).toEqual(['Keep the Window Open', 'Open Without Saving']);
    expect(notSavedQuestion('no-answer', 'close')).toMatchObject({ defaultId: 0, cancelId: 0, detail: expect.stringMatching(/after 10 seconds/) as unknown });
  });
});
