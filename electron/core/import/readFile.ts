// A file offered for import, as bytes, read into legacy meetings: plain text in the published
// layout, or a Word .docx (mammoth -> HTML -> the same text layout -> the same reader). Every
// way a file can fail to be minutes ends in one ImportFileProblem with a message for its user.
import mammoth from 'mammoth';
import { htmlToLegacyText } from '../../../shared/domain/legacy/html';
import { NotMinutesError, type LegacyMeeting } from '../../../shared/domain/legacy/model';
import { parseLegacyText, readPrintedDate } from '../../../shared/domain/legacy/textMinutes';
import { docxHeaderLines } from './docxHeader';

const HEADER_LINE = /^minutes\s+(?:and|&)\s+actions$/i;

export class ImportFileProblem extends Error {}

export type ImportFormat = 'text' | 'docx';

export interface ReadFile {
  name: string;
  format: ImportFormat;
  meetings: LegacyMeeting[];
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Compound File Binary: an old .doc, or a .docx saved with a password (Word encrypts it into one). */
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];

function formatOf(name: string, bytes: Uint8Array): ImportFormat {
  const lower = name.toLowerCase();
  if (startsWith(bytes, CFB)) {
    throw new ImportFileProblem(
      lower.endsWith('.docx')
        ? 'This Word file is password-protected. Open it in Word, remove the password (File › Info › Protect Document), save it and import it again.'
        : 'This is an older Word file (.doc) or a password-protected one. Open it in Word and save it as a .docx without a password, then import that.',
    );
  }
  if (startsWith(bytes, PDF)) {
    throw new ImportFileProblem('PDF files cannot be imported. Open the PDF, copy all of its text into a plain-text (.txt) file, and import that, or import the original Word file.');
  }
  if (startsWith(bytes, ZIP)) return 'docx';
  if (lower.endsWith('.docx')) throw new ImportFileProblem('This .docx file is damaged: it is not a Word document Matters Arising can open. Open it in Word, save it again and import that copy.');
  return 'text';
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  // Word's "Unicode text" and Notepad's "Unicode" are UTF-16 with a byte-order mark.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Older exports are often Windows-1252; its text still reads correctly.
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.includes('\u0000')) throw new ImportFileProblem('This is not a text file or a Word document: import the minutes as a .txt or .docx file.');
  return text.replace(/^\uFEFF/, '');
}

async function docxText(bytes: Uint8Array): Promise<string> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
  } catch {
    throw new ImportFileProblem('This Word file is damaged and could not be read. Open it in Word, save it again and import that copy.');
  }
  const body = htmlToLegacyText(html);
  // The running header usually lives in Word's page header: put it back in front of the body,
  // where the published text has it, unless the body already starts with it.
  const header = await docxHeaderLines(bytes);
  const firstLine = body.split('\n').find((l) => l.trim())?.trim() ?? '';
  if (header.some((l) => readPrintedDate(l)) && !(HEADER_LINE.test(firstLine) && body.includes(header.find((l) => readPrintedDate(l)) ?? ''))) {
    const lines = HEADER_LINE.test(header[0] ?? '') ? header : ['Minutes and Actions', ...header];
    return `${lines.join('\n')}\n\n${body}`;
  }
  return body;
}

/** Reads one file into its meetings, or says why it cannot be imported. */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.byteLength === 0) throw new ImportFileProblem('This file is empty.');
  const format = formatOf(name, bytes);
  const text = format === 'docx' ? await docxText(bytes) : decodeText(bytes);
  try {
    return { name, format, meetings: parseLegacyText(text) };
  } catch (err) {
    if (err instanceof NotMinutesError) {
      const what = format === 'docx' ? 'This Word document does not look like minutes in the expected layout' : 'This file does not look like minutes in the expected layout';
      throw new ImportFileProblem(`${what}: ${err.message}`);
    }
    throw err;
  }
}
