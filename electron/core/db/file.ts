// Inspecting a data file without opening it: SQLite header and schema version are read
// straight from the bytes, so a foreign or newer file is never touched.
import fs from 'node:fs';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type FileInspection =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'not_sqlite' }
  | { kind: 'sqlite'; userVersion: number };

export function inspectDataFile(file: string): FileInspection {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw err;
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read === 0) return { kind: 'empty' };
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return { kind: 'not_sqlite' };
    // user_version is the big-endian 32-bit integer at offset 60 of the header.
    return { kind: 'sqlite', userVersion: header.readInt32BE(60) };
  } finally {
    fs.closeSync(fd);
  }
}
