// The application menu, by each platform's conventions: on macOS the app menu (About, Hide,
// Quit) and a Window menu, Close Window in File; on Windows and Linux, Quit (Exit on Windows)
// in File, About in Help, and &-mnemonics. Edit is Electron's own, per platform. Items the
// window carries out are greyed out until the screen shown says it can.
import type { Menu, MenuItemConstructorOptions } from 'electron';
import { WINDOW_MENU_COMMANDS, type MenuCommand } from '../../shared/contract/desktop';

export interface MenuActions {
  /** Passes a command to the window. */
  command(command: MenuCommand): void;
  openDataFile(): void;
  showDataFile(): void;
}

const showDataFileLabel = (platform: NodeJS.Platform): string =>
  platform === 'darwin' ? 'Show Data File in Finder' : platform === 'win32' ? 'Show Data File in File Explorer' : 'Show Data File in Folder';

export function applicationMenuTemplate(platform: NodeJS.Platform, actions: MenuActions, options: { development: boolean }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const label = (text: string, mnemonic: string): string => (mac ? text : mnemonic);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const forWindow = (command: MenuCommand, item: MenuItemConstructorOptions): MenuItemConstructorOptions => ({
    ...item,
    id: command,
    enabled: false,
    click: () => actions.command(command),
  });

  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: label('File', '&File'),
      submenu: [
        forWindow('new-board', { label: 'New Board…', accelerator: 'CmdOrCtrl+N' }),
        { label: 'Open Data File…', accelerator: 'CmdOrCtrl+O', click: () => actions.openDataFile() },
        separator,
        // Sharing a board with the other laptops through the council's sync server (features/sync).
        forWindow('share-board', { label: 'Share This Board…' }),
        forWindow('join-shared-board', { label: 'Join a Shared Board…' }),
        separator,
        forWindow('export-pdf', { label: 'Export PDF…' }),
        separator,
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: label('View', '&View'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        // No Reload: a reload would drop changes still waiting to be saved.
        ...(options.development ? [separator, { role: 'toggleDevTools' } as const] : []),
      ],
    },
  );
  if (mac) template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    label: label('Help', '&Help'),
    submenu: [
      // The window handles Ctrl+/ itself (inside the minutes too): the menu only shows it.
      forWindow('show-shortcuts', { label: 'Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', registerAccelerator: false }),
      { label: showDataFileLabel(platform), click: () => actions.showDataFile() },
      ...(mac ? [] : [separator, { role: 'about' } as const]),
    ],
  });
  return template;
}

/** Greys out the window's commands except those the screen shown can carry out. */
export function setWindowCommandsAvailable(menu: Pick<Menu, 'getMenuItemById'>, available: readonly MenuCommand[]): void {
  for (const command of WINDOW_MENU_COMMANDS) {
    const item = menu.getMenuItemById(command);
    if (item) item.enabled = available.includes(command);
  }
}
