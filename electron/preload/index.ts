// Exposes the typed API as window.api, and the desktop bridge as window.desktop (the close
// handshake, the open dialog, the menu's commands): named functions, never ipcRenderer, and
// never the IPC event.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, isReplicaPush, methodNames, type ApiClient, type Changed, type ReplicaPush } from '../../shared/contract';
import { DESKTOP_CHANNELS, isMenuCommand, toSaveOutcome, type DesktopBridge, type MenuCommand, type SaveOutcome } from '../../shared/contract/desktop';

const api = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as ApiClient;

let saveEverything: (() => Promise<SaveOutcome>) | null = null;
let onMenuCommand: ((command: MenuCommand) => void) | null = null;
let onChanges: ((changes: Changed[]) => void) | null = null;
let onReplicaUpdate: ((push: ReplicaPush) => void) | null = null;

// Main asks before the window closes; a page that registered nothing has nothing waiting.
ipcRenderer.on(DESKTOP_CHANNELS.closeRequested, (_event, id: unknown) => {
  const answer = async (): Promise<SaveOutcome> => {
    try {
      return saveEverything ? toSaveOutcome(await saveEverything()) : { saved: true, message: null };
    } catch (err) {
      return { saved: false, message: err instanceof Error ? err.message : String(err) };
    }
  };
  void answer().then((outcome) => ipcRenderer.send(DESKTOP_CHANNELS.closeReady, id, outcome));
});

ipcRenderer.on(DESKTOP_CHANNELS.menuCommand, (_event, command: unknown) => {
  if (isMenuCommand(command)) onMenuCommand?.(command);
});

ipcRenderer.on(DESKTOP_CHANNELS.changes, (_event, changes: unknown) => {
  if (Array.isArray(changes)) onChanges?.(changes as Changed[]);
  else if (isReplicaPush((changes as { replica?: unknown } | null)?.replica)) onReplicaUpdate?.((changes as { replica: ReplicaPush }).replica);
});

const desktop: DesktopBridge = {
  chooseDataFile: () => ipcRenderer.invoke(DESKTOP_CHANNELS.chooseDataFile) as Promise<string | null>,
  onCloseRequested: (handler) => {
    saveEverything = handler;
  },
  onMenuCommand: (handler) => {
    onMenuCommand = handler;
  },
  onChanges: (handler) => {
    onChanges = handler;
  },
  onReplicaUpdate: (handler) => {
    onReplicaUpdate = handler;
  },
  setMenuCommandsAvailable: (commands) => ipcRenderer.send(DESKTOP_CHANNELS.menuCommandsAvailable, commands.filter(isMenuCommand)),
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('desktop', desktop);
