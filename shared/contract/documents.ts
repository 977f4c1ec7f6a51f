// The minutes, the action log and the register of interests as Word (.docx) and accessible
// HTML documents, beside the PDF: saved where the user chooses (desktop) or handed back to download.
import { z } from 'zod';
import { PDF_VERSIONS, type PdfVersion } from '../domain/enums';
import { actionLogFilter, actionLogSort } from './actionLog';
import { id, method } from './common';

export const DOCUMENT_FORMATS = ['docx', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface DocumentExport {
  format: DocumentFormat | 'pdf';
  /** A suggested file name, e.g. "SSCB minutes 2014-02-19 (public).docx". */
  fileName: string;
  mimeType: string;
  bytes: number;
  /** The file itself (base64), when the host hands it to the window to download (browser host). */
  base64: string | null;
  /** Where the desktop app saved it. */
  savedTo: string | null;
  /** The save dialog was cancelled: nothing was written. */
  cancelled: boolean;
}

const format = z.enum(DOCUMENT_FORMATS, { message: 'Choose Word (.docx) or HTML.' });

export const documentsMethods = {
  /** The minutes as Word or accessible HTML, public or full version: the same record and checks as the PDF. */
  exportMinutesDocument: method<DocumentExport>()(
    z.strictObject({
      meetingId: id,
      version: z.enum(PDF_VERSIONS, { message: 'Choose the public version or the full (confidential) version.' }),
      format,
    }),
  ),
  /** The action log, as filtered on screen, as a Word document. */
  exportActionLogDocx: method<DocumentExport>()(z.strictObject({ filter: actionLogFilter, sort: actionLogSort.optional() })),
  /** The board's register of interests as its own document. */
  exportInterestRegister: method<DocumentExport>()(z.strictObject({ boardId: id, format: z.enum(['pdf', 'docx', 'html'], { message: 'Choose PDF, Word or HTML.' }) })),
} as const;

export type { PdfVersion };
