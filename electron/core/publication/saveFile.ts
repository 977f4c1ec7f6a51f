// Saving an exported file (PDF, Word, HTML) where the user asked: the folder checked before
// anything is made, then the file written all or nothing (a temporary file beside it, renamed
// over), with a message that says what went wrong and that nothing was written.
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../errors';

/** What the messages call the file, and an example name. */
export interface FileKind {
  noun: string;
  example: string;
}

export const PDF_FILE: FileKind = { noun: 'PDF', example: 'minutes.pdf' };
export const DOCX_FILE: FileKind = { noun: 'Word document', example: 'minutes.docx' };
export const HTML_FILE: FileKind = { noun: 'HTML file', example: 'minutes.html' };

const refuseSave = (message: string): never => {
  throw new DomainError('invalid_input', message, 'out');
};

/** Checks, before anything is made, that the file can be saved there: the folder exists and can be written. */
export function checkSaveTarget(target: string, kind: FileKind): string {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(dir);
  } catch {
    refuseSave(`The folder ${dir} does not exist, so the ${kind.noun} was not saved. Choose another folder.`);
  }
  if (!stat?.isDirectory()) refuseSave(`${dir} is not a folder, so the ${kind.noun} was not saved.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) refuseSave(`${file} is a folder. Give the ${kind.noun} a file name, for example ${kind.example}.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    refuseSave(`The folder ${dir} cannot be written to, so the ${kind.noun} was not saved. Choose a folder you can write to.`);
  }
  return file;
}

/**
 * Writes the file where the user asked, all or nothing: into a temporary file beside it, then
 * renamed over. A folder that does not exist or cannot be written is refused with a clear
 * message, and no file (not even a partial one) is left behind.
 */
export function writeSavedFile(target: string, bytes: Buffer, kind: FileKind): string {
  const file = checkSaveTarget(target, kind);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.part`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOSPC') refuseSave(`The disk is full, so the ${kind.noun} was not saved. Free some space and try again.`);
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code)) {
      refuseSave(`The folder ${dir} cannot be written to, so the ${kind.noun} was not saved. Choose a folder you can write to.`);
    }
    refuseSave(`The ${kind.noun} could not be saved to ${file} (${code}), so nothing was written.`);
  }
  return file;
}
