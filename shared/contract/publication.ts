// The minutes as an accessible PDF, public or full version.
import { PDF_VERSIONS, type PdfVersion } from '../domain/enums';
import { z } from 'zod';
import { id, method } from './common';

export type { PdfVersion };

export interface MinutesPdfExport {
  version: PdfVersion;
  /** A suggested file name, e.g. "SSCB minutes 2014-02-19 (public).pdf". */
  fileName: string;
  bytes: number;
  pages: number;
  /** The PDF itself (base64), when the host hands it to the window to download (browser host). */
  pdfBase64: string | null;
  /** Where the desktop app saved it, when it asked where to save. */
  savedTo: string | null;
  /** True when the save dialog was cancelled: nothing was written. */
  cancelled: boolean;
}

export const publicationMethods = {
  /** The minutes as a PDF: saved where the user chooses (desktop app) or handed back to download. */
  exportMinutesPdf: method<MinutesPdfExport>()(
    z.strictObject({
      meetingId: id,
      version: z.enum(PDF_VERSIONS, { message: 'Choose the public version or the full (confidential) version.' }),
    }),
  ),
} as const;
