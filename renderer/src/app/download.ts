// Hands a file the app made to the browser as a download, through a Blob link.

export function download(filename: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { safeFileName } from '../../../shared/domain/fileNames';

/** Bytes sent as base64 (a PDF from the browser host) back to bytes. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
