// The window's side of the desktop app's extras: which menu commands the screen shown can
// carry out (and carrying them out), and what the window says when it cannot reach the app.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { unreachableProblem } from '../../renderer/src/app/unreachable';

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('menu commands in the window', () => {
  it('tells the menu which commands the screens shown can carry out, and carries them out with the latest screen', async () => {
    const published: string[][] = [];
    let fromMenu: (command: string) => void = () => {};
    vi.stubGlobal('window', {
      desktop: {
        setMenuCommandsAvailable: (commands: string[]) => published.push(commands),
        onMenuCommand: (handler: (command: string) => void) => {
          fromMenu = handler;
        },
      },
    });
    const { registerMenuCommand, runMenuCommand } = await import('../../renderer/src/app/menuCommands');

    const done: string[] = [];
    const leaveSidebar = registerMenuCommand('new-board', () => done.push('sidebar: new board'));
    const leaveMinutes = registerMenuCommand('export-pdf', () => done.push('minutes: export'));
    expect(published.at(-1)?.sort()).toEqual(['export-pdf', 'new-board']);

    fromMenu('export-pdf');
    // A dialog opened over the minutes registers the same command: it is in front, so it wins.
    const leaveDialog = registerMenuCommand('export-pdf', () => done.push('dialog: export'));
    fromMenu('export-pdf');
    leaveDialog();
    fromMenu('export-pdf');
    expect(done).toEqual(['minutes: export', 'dialog: export', 'minutes: export']);

    leaveMinutes();
    expect(published.at(-1)).toEqual(['new-board']);
    expect(runMenuCommand('export-pdf')).toBe(false);
    leaveSidebar();
    expect(published.at(-1)).toEqual([]);
  });
});

describe('when the window cannot reach the app', () => {
  it('gives the browser host’s advice in a browser, and the desktop app’s in the desktop app', () => {
    expect(unreachableProblem('unauthorised', false).advice).toMatch(/address printed in the terminal/);
    expect(unreachableProblem('unauthorised', true)).toEqual({
      title: 'Matters Arising did not recognise this window',
      advice: 'Close Matters Arising and open it again.',
    });
    expect(unreachableProblem('internal', false).advice).toMatch(/reload this page/);
    expect(unreachableProblem('internal', true).advice).not.toMatch(/terminal|reload|address/);
  });
});
