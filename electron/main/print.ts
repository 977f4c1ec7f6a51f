// PDFs in the desktop app: Chromium's own print pipeline (webContents.printToPDF) in a hidden,
// sandboxed window with no script and no network, given a self-contained document by core.
import type { BrowserWindow as BrowserWindowClass, Session } from 'electron';
import type { PdfPrinter } from '../core/session';
import { hardenSession, hardenWebContents } from './security';

/** A printer for core (SessionHooks.printPdf), made once the app is ready. */
export function electronPrinter(BrowserWindow: typeof BrowserWindowClass, fromPartition: (partition: string) => Session): PdfPrinter {
  return async (html, options) => {
    const partition = 'matters-arising-print';
    const session = fromPartition(partition);
    hardenSession(session);
    // The document carries everything it needs: nothing is fetched from anywhere.
    session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        partition,
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    hardenWebContents(win.webContents);
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const headerFooter = options.headerTemplate !== undefined || options.footerTemplate !== undefined;
      return await win.webContents.printToPDF({
        printBackground: true,
        preferCSSPageSize: true,
        landscape: options.landscape ?? false,
        displayHeaderFooter: headerFooter,
        headerTemplate: options.headerTemplate ?? '<span></span>',
        footerTemplate: options.footerTemplate ?? '<span></span>',
        generateTaggedPDF: options.tagged ?? true,
        generateDocumentOutline: options.outline ?? false,
      });
    } finally {
      win.destroy();
    }
  };
}
