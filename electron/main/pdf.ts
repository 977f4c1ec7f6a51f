// The desktop app's part in exporting minutes as PDF: where to save (a save dialog) and the
// printing itself (Chromium's printToPDF, in a hidden window). Core renders, checks, finishes
// and writes the file; this only asks and prints.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow as BrowserWindowClass, Dialog } from 'electron';
import type { PdfPrinter } from '../core/publication/publication';
import { fontsUnreadable, PRINT_READY } from '../core/publication/printOnly';
import { createPrintWindow } from './security';

/** Prints core's HTML in a hidden window once its fonts are in (PRINT_READY, never a timer); a font that cannot be read stops it. */
export function printInHiddenWindow(BrowserWindow: typeof BrowserWindowClass, tempRoot: string = os.tmpdir()): PdfPrinter {
  return async (html, options) => {
    // The document is several megabytes with its fonts: too long for a data: URL, so a private file.
    const dir = fs.mkdtempSync(path.join(tempRoot, 'matters-arising-print-'));
    const file = path.join(dir, 'minutes.html');
    const win = createPrintWindow(BrowserWindow);
    try {
      fs.writeFileSync(file, html, { mode: 0o600 });
      await win.loadFile(file);
      const failed = (await win.webContents.executeJavaScript(PRINT_READY)) as string[];
      if (failed.length > 0) throw fontsUnreadable(failed);
      const withHeader = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
      return await win.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: withHeader,
        ...(withHeader ? { headerTemplate: options.headerTemplate ?? '<span></span>', footerTemplate: options.footerTemplate ?? '<span></span>' } : {}),
        landscape: options.landscape ?? false,
        generateTaggedPDF: options.tagged ?? true,
        generateDocumentOutline: options.outline ?? true,
      });
    } finally {
      win.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

const SAVE_KINDS: Record<string, { title: string; button: string; filter: string; extension: string }> = {
  pdf: { title: 'Save the minutes as PDF', button: 'Save PDF', filter: 'PDF document', extension: 'pdf' },
  docx: { title: 'Save as a Word document', button: 'Save', filter: 'Word document', extension: 'docx' },
  html: { title: 'Save as a web page (HTML)', button: 'Save', filter: 'Web page', extension: 'html' },
};

/** The save dialog: the path chosen (".pdf" added by core if missing), or null when cancelled. */
export function askWhereToSavePdf(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  parent: () => BrowserWindowClass | null,
  folder: () => string,
): (suggestedName: string) => Promise<string | null> {
  return async (suggestedName) => {
    // The same dialog saves the Word and HTML exports: its filter follows the name core suggests.
    const kind = SAVE_KINDS[path.extname(suggestedName).slice(1).toLowerCase()] ?? SAVE_KINDS.pdf!;
    const options = {
      title: kind.title,
      buttonLabel: kind.button,
      defaultPath: path.join(folder(), suggestedName),
      filters: [{ name: kind.filter, extensions: [kind.extension] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
    };
    const window = parent();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
