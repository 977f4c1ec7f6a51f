// Flushing to the disk what a file swap depends on: the new file's bytes before it is renamed into
// place, and the folder after, so that the rename itself survives a power cut. The one place the
// app's file swaps (a new file made, a backup restored, a file encrypted, free space given back) flush.
import fs from 'node:fs';

/** The file's bytes on the disk before this returns. */
export function flushFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A rename in the folder made durable. Windows cannot open a folder to flush it; there the rename is already durable. */
export function flushFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not possible on Windows (above).
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
