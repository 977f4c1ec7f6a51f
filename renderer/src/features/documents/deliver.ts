// Where an exported document went: downloaded (browser host) or saved (desktop app), as one sentence.
import type { DocumentExport } from '../../../../shared/contract';
import { base64Bytes, download } from '../../app/download';

/** Downloads the file if it came back to the window; the sentence to show, or null if the dialog was cancelled. */
export function deliver(result: DocumentExport, what: string): string | null {
  if (result.cancelled) return null;
  if (result.base64) {
    download(result.fileName, base64Bytes(result.base64), result.mimeType);
    return `${what} was downloaded as “${result.fileName}”.`;
  }
  return `${what} was saved to ${result.savedTo}.`;
}
