// `npm run import`: legacy minutes (plain text in the published layout, or Word .docx) into a
// board from the command line, through the same core reading, planning and writing as the app.
// Prints what it found per meeting, then imports each file in one transaction.
//   npm run import -- --data <file> --board <name> [--dry-run] <files…>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFilePreview, ImportMeetingPreview, ImportResult } from '../shared/contract';
import { formatUkDate } from '../shared/domain/dates';
import { keyForTool, KeyUnavailableError } from './core/crypt/keySource';
import { startCore, type Core } from './core/app';
import { argValue } from './core/paths';
import { DomainError } from './core/errors';
import { importFiles, previewFiles } from './core/import/importMinutes';
import type { Store } from './core/db/open';

const USAGE = 'Usage: npm run import -- --data <file> --board <board name> [--dry-run] <minutes.txt|minutes.docx …>';

export class ImportProblem extends Error {}

/** The files named on the command line: every argument that is not an option or an option's value. */
export function fileArguments(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--data' || a === '--board') i++;
    else if (!a.startsWith('--')) out.push(a);
  }
  return out;
}

/**
 * The one place this tool opens the data file (as the export tool does: core started on the
 * file, no automatic backup), with the key every tool takes (keyForTool).
 */
async function openToolStore(dataFile: string): Promise<{ core: Core; store: Store }> {
  let key;
  try {
    key = await keyForTool({ file: dataFile });
  } catch (err) {
    if (err instanceof KeyUnavailableError) throw new ImportProblem(err.message);
    throw err;
  }
  const core = await startCore(dataFile, { key }, { openedBriefly: true });
  if (core.status.state !== 'ready' || !core.store) {
    const problem = core.status.state === 'problem' ? core.status.problem : null;
    core.close();
    throw new ImportProblem(problem ? `${problem.title}. ${problem.message} ${problem.advice}` : 'The data file could not be opened.');
  }
  return { core, store: core.store };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeMeeting(m: ImportMeetingPreview): string[] {
  const c = m.counts;
  const lines = [
    `  ${formatUkDate(m.date)} (${m.boardName}): ${plural(c.items, 'item')}, ${plural(c.decisions, 'decision')}, ${plural(c.actions, 'action')}; ` +
      `attendance ${c.present} present, ${c.inAttendance} for particular items, ${c.apologies} apologies; ` +
      `${plural(m.updates.length, 'matters-arising update')}; ${plural(c.warnings, 'warning')}`,
  ];
  const added = m.attendance.filter((a) => a.roster === 'new');
  if (added.length) lines.push(`    adds to the roster: ${added.map((a) => `${a.name} (${a.rosterInitials})`).join(', ')}`);
  for (const w of m.warnings) lines.push(`    warning${w.item ? ` (item ${w.item})` : ''}: ${w.message}`);
  return lines;
}

function describeFile(f: ImportFilePreview): string[] {
  if (f.problem) return [`${f.name}: cannot be imported. ${f.problem}`];
  return [`${f.name} (${f.format === 'docx' ? 'Word document' : 'text'}): ${plural(f.meetings.length, 'meeting')}`, ...f.meetings.flatMap(describeMeeting)];
}

export async function runImport(argv: readonly string[]): Promise<{ output: string; ok: boolean }> {
  const dataFile = argValue(argv, 'data');
  const board = argValue(argv, 'board')?.trim();
  const names = fileArguments(argv);
  if (!dataFile || !board || names.length === 0) throw new ImportProblem(USAGE);
  const files = names.map((name) => {
    const full = path.resolve(name);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) throw new ImportProblem(`There is no file at ${full}.`);
    return { name: path.basename(full), bytes: new Uint8Array(fs.readFileSync(full)) };
  });
  const { core, store } = await openToolStore(path.resolve(dataFile));
  try {
    const preview = await previewFiles(store, board, files);
    const lines = [`Board: ${preview.board.name}${preview.board.exists ? '' : ' (new: it will be created)'}`, ...preview.files.flatMap(describeFile)];
    if (argv.includes('--dry-run')) return { output: [...lines, 'Dry run: nothing was imported.'].join('\n'), ok: preview.files.every((f) => !f.problem) };
    const digests = new Map(preview.files.map((f) => [f.name, f.digest]));
    const result: ImportResult = await importFiles(store, board, files.map((f) => ({ ...f, digest: digests.get(f.name) ?? null })));
    for (const f of result.files) {
      lines.push(
        f.imported
          ? `Imported ${f.name}: ${f.meetings.map((m) => formatUkDate(m.date)).join(', ')} (agreed minutes, marked imported).`
          : `Not imported ${f.name}: ${f.problem} Nothing from it was written.`,
      );
    }
    return { output: lines.join('\n'), ok: result.files.every((f) => f.imported) };
  } finally {
    core.close();
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  runImport(process.argv.slice(2)).then(
    ({ output, ok }) => {
      console.log(output);
      if (!ok) process.exitCode = 2;
    },
    (err: unknown) => {
      const expected = err instanceof ImportProblem || err instanceof DomainError;
      console.error(`Matters Arising could not import the minutes: ${err instanceof Error ? err.message : String(err)}`);
      if (!expected) console.error(err);
      process.exitCode = expected ? 2 : 1;
    },
  );
}
