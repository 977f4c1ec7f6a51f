// `npm run export`: a meeting's minutes to PDF, Word or HTML (chosen by the output file's
// extension) from the command line, through the same core rendering and checks as the app;
// PDFs are printed by the system Chromium.
//   npm run export -- --data <file> --meeting <id|yyyy-mm-dd> --out <file.pdf|.docx|.html> [--public] [--board <name or short code>]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCore } from './core/app';
import { keyForTool, KeyUnavailableError } from './core/crypt/keySource';
import { argValue } from './core/paths';
import { DomainError } from './core/errors';
import { buildMinutesPdf } from './core/publication/publication';
import { checkPdfTarget, writePdfFile } from './core/publication/pdfFile';
import { buildMinutesDocx, buildMinutesWebHtml } from './core/documents/minutesDocuments';
import { checkSaveTarget, DOCX_FILE, HTML_FILE, writeSavedFile } from './core/publication/saveFile';
import type { Store } from './core/db/open';
import { closePrinter, printHtmlToPdf } from './pdf/print';

const USAGE = 'Usage: npm run export -- --data <file> --meeting <meeting id or date yyyy-mm-dd> --out <file.pdf, file.docx or file.html> [--public] [--board <board name or short code>]';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ExportProblem extends Error {}

/** The meeting meant by an id, or by a date (and a board when two boards met that day). */
export function findMeeting(store: Store, which: string, board?: string): string {
  if (UUID.test(which)) {
    if (!store.db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(which)) throw new ExportProblem(`There is no meeting with the id ${which} in this data file.`);
    return which;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(which)) throw new ExportProblem(`--meeting must be a meeting's id or its date as yyyy-mm-dd, not "${which}".`);
  const found = store.db
    .prepare(
      `SELECT m.id, b.name, b.short_code FROM meetings m JOIN boards b ON b.id = m.board_id
       WHERE m.meeting_date = ? AND (? IS NULL OR b.name = ? COLLATE NOCASE OR b.short_code = ? COLLATE NOCASE) ORDER BY b.name`,
    )
    .all(which, board ?? null, board ?? null, board ?? null) as Array<{ id: string; name: string; short_code: string | null }>;
  if (found.length === 0) throw new ExportProblem(`There is no meeting on ${which}${board ? ` of the board "${board}"` : ''} in this data file.`);
  if (found.length > 1) {
    throw new ExportProblem(`Several boards met on ${which}: ${found.map((f) => f.short_code ?? f.name).join(', ')}. Say which with --board, or give the meeting's id.`);
  }
  return (found[0] as { id: string }).id;
}

export async function runExport(argv: readonly string[]): Promise<string> {
  const dataFile = argValue(argv, 'data');
  const meeting = argValue(argv, 'meeting');
  const out = argValue(argv, 'out');
  if (!dataFile || !meeting || !out) throw new ExportProblem(USAGE);
  const data = path.resolve(dataFile);
  // Exporting never creates a data file: a mistyped path would otherwise become an empty one.
  if (!fs.existsSync(data)) throw new ExportProblem(`There is no data file at ${data}.`);
  const version = argv.includes('--public') ? 'public' : 'full';
  let key;
  try {
    key = await keyForTool({ file: data });
  } catch (err) {
    if (err instanceof KeyUnavailableError) throw new ExportProblem(err.message);
    throw err;
  }
  const core = await startCore(data, { key }, { openedBriefly: true });
  try {
    if (core.status.state !== 'ready' || !core.store) {
      const problem = core.status.state === 'problem' ? core.status.problem : null;
      throw new ExportProblem(problem ? `${problem.title}. ${problem.message} ${problem.advice}` : 'The data file could not be opened.');
    }
    const meetingId = findMeeting(core.store, meeting, argValue(argv, 'board'));
    const ext = path.extname(out).toLowerCase();
    if (ext === '.docx' || ext === '.html' || ext === '.htm') {
      const kind = ext === '.docx' ? DOCX_FILE : HTML_FILE;
      checkSaveTarget(out, kind);
      const built = ext === '.docx' ? await buildMinutesDocx(core.store, meetingId, version) : buildMinutesWebHtml(core.store, meetingId, version);
      const saved = writeSavedFile(out, built.bytes, kind);
      return `Saved the ${version} version of the minutes as ${ext === '.docx' ? 'a Word document' : 'HTML'} to ${saved}`;
    }
    if (ext !== '.pdf' && ext !== '') throw new ExportProblem(`--out must end in .pdf, .docx or .html (the format is chosen from it), not "${path.basename(out)}".`);
    checkPdfTarget(out);
    const pdf = await buildMinutesPdf(core.store, { meetingId, version }, printHtmlToPdf);
    const saved = writePdfFile(out, pdf.bytes);
    return `Saved the ${version} version of the minutes (${pdf.pages} page${pdf.pages === 1 ? '' : 's'}) to ${saved}`;
  } finally {
    await closePrinter();
    core.close();
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  runExport(process.argv.slice(2)).then(
    (message) => console.log(message),
    (err: unknown) => {
      const expected = err instanceof ExportProblem || err instanceof DomainError;
      console.error(`Matters Arising could not export the minutes: ${err instanceof Error ? err.message : String(err)}`);
      if (!expected) console.error(err);
      process.exitCode = expected ? 2 : 1;
    },
  );
}
