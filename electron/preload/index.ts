// Exposes the typed API as window.api, and the desktop bridge as window.desktop (the close
// handshake): named functions, never ipcRenderer, and never the IPC event.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, methodNames, type ApiClient } from '../../shared/api';
import { DESKTOP_CHANNELS, toSaveOutcome, type DesktopBridge, type SaveOutcome } from '../main/desktopBridge';

const api = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as ApiClient;

let saveEverything: (() => Promise<SaveOutcome>) | null = null;

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

const desktop: DesktopBridge = {
  onCloseRequested: (handler) => {
    saveEverything = handler;
  },
};

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('desktop', desktop);
