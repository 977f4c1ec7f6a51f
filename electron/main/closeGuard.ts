// Holds the main window's close (and with it quitting, and switching data file) until the
// window has sent every change waiting in its save queues. The save queue sends one change
// per round trip, so main asks and waits for the answer rather than guessing a delay; past a
// time limit, or when a save failed, the person decides: keep the window open, or close and
// lose what was not saved.
import type { BrowserWindow, Dialog, IpcMain, IpcMainEvent, MessageBoxOptions } from 'electron';
import { DESKTOP_CHANNELS, toSaveOutcome, type SaveOutcome } from '../../shared/contract/desktop';
import { isTrustedSender } from './security';

/** How long the window has to send what is waiting before the person is asked. */
export const SAVE_WAIT_MS = 10_000;

type Answer = SaveOutcome | 'no-answer';

/** The question when changes are not confirmed saved; button 0 keeps the window, 1 goes on regardless. */
export function notSavedQuestion(answer: Answer, leaving: 'close' | 'switch'): MessageBoxOptions {
  const goOn = leaving === 'close' ? 'Close Without Saving' : 'Open Without Saving';
  if (answer === 'no-answer') {
    return {
      type: 'warning',
      buttons: ['Wait', goOn],
      defaultId: 0,
      cancelId: 0,
      message: 'Your latest changes are still being saved',
      detail: `The window has not confirmed that they are saved after ${SAVE_WAIT_MS / 1000} seconds. Wait, or ${leaving === 'close' ? 'close' : 'open the other file'} now and lose what is not saved yet.`,
    };
  }
  return {
    type: 'warning',
    buttons: ['Keep the Window Open', goOn],
    defaultId: 0,
    cancelId: 0,
    message: 'Some changes are not saved',
    detail: `${answer.message ?? 'Some changes could not be saved.'}\n\nKeep the window open to see them (what you typed is still on screen), or go on and lose them.`,
  };
}

export interface CloseGuard {
  /**
   * Asks the window to send everything waiting; true once it has, or once the person chose
   * to go on without it; false when they chose to keep the window as it is.
   */
  savedOrAbandoned(leaving: 'close' | 'switch'): Promise<boolean>;
}

export function holdCloseUntilSaved(
  win: BrowserWindow,
  ipcMain: Pick<IpcMain, 'on'>,
  dialog: Pick<Dialog, 'showMessageBox'>,
  waitMs: number = SAVE_WAIT_MS,
): CloseGuard {
  let nextId = 0;
  const waiting = new Map<number, (answer: SaveOutcome) => void>();

  ipcMain.on(DESKTOP_CHANNELS.closeReady, (event: IpcMainEvent, id: unknown, outcome: unknown) => {
    if (event.sender !== win.webContents || !isTrustedSender(event.senderFrame, event.sender.mainFrame)) return;
    if (typeof id !== 'number') return;
    waiting.get(id)?.(toSaveOutcome(outcome));
  });

  const ask = (): Promise<Answer> => {
    // A window whose page is gone has nothing left to send.
    if (win.isDestroyed() || win.webContents.isCrashed()) return Promise.resolve({ saved: true, message: null });
    const id = (nextId += 1);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve('no-answer');
      }, waitMs);
      waiting.set(id, (answer) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(answer);
      });
      win.webContents.send(DESKTOP_CHANNELS.closeRequested, id);
    });
  };

  const savedOrAbandoned = async (leaving: 'close' | 'switch'): Promise<boolean> => {
    for (;;) {
      const answer = await ask();
      if (answer !== 'no-answer' && answer.saved) return true;
      if (win.isDestroyed()) return true;
      const { response } = await dialog.showMessageBox(win, notSavedQuestion(answer, leaving));
      if (response === 1) return true;
      // "Wait" asks again; "Keep the Window Open" stays.
      if (answer !== 'no-answer') return false;
    }
  };

  let closing = false;
  let mayClose = false;
  win.on('close', (event) => {
    if (mayClose) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void savedOrAbandoned('close')
      .then((go) => {
        if (!go || win.isDestroyed()) return;
        mayClose = true;
        win.close();
      })
      .finally(() => {
        closing = false;
      });
  });

  return { savedOrAbandoned };
}
