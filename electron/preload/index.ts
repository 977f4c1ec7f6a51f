// Exposes the typed API as window.api, and nothing else: named functions, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, methodNames, type ApiClient } from '../../shared/contract';

const api = Object.fromEntries(
  methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input)]),
) as ApiClient;

contextBridge.exposeInMainWorld('api', api);
