// IPC: one handler per contract method, each checking the sender before core sees the payload.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcChannel, methodNames, type ApiResponse } from '../../shared/contract';
import type { Core } from '../core/app';
import { isTrustedSender } from './security';

export const REFUSED_SENDER: ApiResponse<never> = {
  ok: false,
  error: { code: 'unauthorised', message: 'This request did not come from the Matters Arising window.' },
};

export function registerApi(ipcMain: Pick<IpcMain, 'handle'>, core: Pick<Core, 'callAsync'>): string[] {
  return methodNames.map((name) => {
    const channel = ipcChannel(name);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event.senderFrame, event.sender.mainFrame)) return REFUSED_SENDER;
      return core.callAsync(name, payload);
    });
    return channel;
  });
}
