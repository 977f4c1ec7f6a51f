// Native dialogs the desktop app shows besides saving a PDF (pdf.ts): choosing a data file to
// open, and what to say when the app could not start at all.
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';

/** The open dialog for a data file: the path chosen, or null when cancelled. */
export async function askForDataFile(dialog: Pick<Dialog, 'showOpenDialog'>, parent: BrowserWindow | null, folder: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open a data file',
    buttonLabel: 'Open',
    defaultPath: folder,
    filters: [
      { name: 'Matters Arising data file', extensions: ['sqlite'] },
      { name: 'All files', extensions: ['*'] },
    ],
    // Windows lets a new name be typed, which opens a new, empty data file.
    properties: ['openFile', 'promptToCreate'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The error box when start-up fails: the app then exits, so a later launch is not locked out. */
export function startupFailure(err: unknown): { title: string; content: string } {
  const reason = err instanceof Error ? err.message : String(err);
  return {
    title: 'Matters Arising could not start',
    content: `${reason}\n\nMatters Arising will close now. Start it again; if this happens again, tell whoever supports it what this message says.`,
  };
}
