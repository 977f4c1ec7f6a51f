// Inspecting a data file without opening it: SQLite header, application id and schema
// version are read straight from the bytes, so a foreign or newer file is never touched. An
// encrypted file has no readable header at all: only its size and its bytes say it may be one.
import fs from 'node:fs';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export type FileInspection =
  | { kind: 'absent' }
  | { kind: 'empty' }
  | { kind: 'not_sqlite' }
  /** No SQLite header, whole 4096-byte pages of bytes that are not text: an encrypted file (or noise). */
  | { kind: 'encrypted' }
  | { kind: 'truncated'; expectedBytes: number; actualBytes: number }
  | { kind: 'sqlite'; userVersion: number; applicationId: number };

/** SQLCipher pages are 4096 bytes and start with a random salt; a text file is mostly printable. */
const ENCRYPTED_PAGE = 4096;

function looksEncrypted(header: Buffer, size: number): boolean {
  if (size < ENCRYPTED_PAGE || size % ENCRYPTED_PAGE !== 0) return false;
  let printable = 0;
  for (const byte of header) if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09) printable++;
  return printable < header.length * 0.9;
}

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
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      return looksEncrypted(header, fs.fstatSync(fd).size) ? { kind: 'encrypted' } : { kind: 'not_sqlite' };
    }
    // Header fields are big-endian: page size at 16 (1 means 65536), page count at 28 (valid
    // when the change counter at 24 equals the version-valid-for number at 92).
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const pageCount = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
    const actualBytes = fs.fstatSync(fd).size;
    if (pageSize >= 512 && pageCount > 0 && actualBytes < pageSize * pageCount) {
      return { kind: 'truncated', expectedBytes: pageSize * pageCount, actualBytes };
    }
    // user_version and application_id are the big-endian 32-bit integers at offsets 60 and 68.
    return { kind: 'sqlite', userVersion: header.readInt32BE(60), applicationId: header.readInt32BE(68) };
  } finally {
    fs.closeSync(fd);
  }
}
