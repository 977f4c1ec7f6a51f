// Importing legacy minutes: each file read, planned and previewed before anything is written;
// then imported one transaction per file, in date order, each refused whole (with its own
// message) if it cannot be read, clashes with a meeting already there, or no longer matches
// the preview the user accepted.
import type { ImportFileInput, ImportFilePreview, ImportPreview, ImportResult, ParsedInputOf } from '../../../shared/contract';
import { ZodError } from 'zod';
import type { Store } from '../db/open';
import { DomainError } from '../errors';
import { write } from '../store/write';
import { loadPlanState, planFile } from './plan';
import { ImportFileProblem, readImportFile, type ReadFile } from './readFile';
import { writeFilePlan } from './writeImport';

/** A file's bytes, from the text or base64 the API carries. */
export function fileBytes(file: ImportFileInput): Uint8Array {
  return file.encoding === 'base64' ? new Uint8Array(Buffer.from(file.content, 'base64')) : new TextEncoder().encode(file.content);
}

type Read = { name: string; read: ReadFile | null; problem: string | null };

async function readAll(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<Read[]> {
  const out: Read[] = [];
  for (const f of files) {
    try {
      out.push({ name: f.name, read: await readImportFile(f.name, f.bytes), problem: null });
    } catch (err) {
      if (!(err instanceof ImportFileProblem)) throw err;
      out.push({ name: f.name, read: null, problem: err.message });
    }
  }
  // Earlier minutes first: a later meeting's matters arising refer to them.
  const first = (r: Read): string => r.read?.meetings.map((m) => m.date).sort()[0] ?? '9999';
  return out.map((r, i) => ({ r, i })).sort((a, b) => (first(a.r) < first(b.r) ? -1 : first(a.r) > first(b.r) ? 1 : a.i - b.i)).map(({ r }) => r);
}

const failed = (name: string, problem: string, format: ImportFilePreview['format'] = null): ImportFilePreview => ({ name, format, problem, meetings: [], digest: null });

/** What importing these files into the board would write, file by file; nothing is written. */
export async function previewFiles(store: Store, boardName: string, files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): Promise<ImportPreview> {
  const reads = await readAll(files);
  const state = loadPlanState(store.db, boardName);
  const board = { id: state.board.id, name: state.board.name, exists: state.board.id !== null };
  const previews = reads.map((r) => (r.read ? planFile(store.db, state, r.read).preview : failed(r.name, r.problem ?? 'This file could not be read.')));
  return { board, files: previews };
}

/**
 * Imports the files, each in its own transaction: planned again against the data as it is now,
 * checked against the digest of the preview accepted for it (when given), and written whole or
 * not at all.
 */
export async function importFiles(
  store: Store,
  boardName: string,
  files: ReadonlyArray<{ name: string; bytes: Uint8Array; digest: string | null }>,
): Promise<ImportResult> {
  const reads = await readAll(files);
  const result: ImportResult = { boardId: null, files: [] };
  for (const r of reads) {
    if (!r.read) {
      result.files.push({ name: r.name, imported: false, problem: r.problem, meetings: [] });
      continue;
    }
    const read = r.read;
    const expected = files.find((f) => f.name === r.name)?.digest ?? null;
    try {
      const made = write(store, (w) => {
        const state = loadPlanState(store.db, boardName);
        const plan = planFile(store.db, state, read);
        if (plan.preview.problem) throw new ImportFileProblem(plan.preview.problem);
        if (expected && plan.preview.digest !== expected) {
          throw new ImportFileProblem('The data file has changed since this file was previewed, so what it would write is no longer what was shown. Preview it again.');
        }
        const meetings = writeFilePlan(store, w, state, plan, read.format);
        result.boardId = state.board.id;
        return meetings;
      }).value;
      result.files.push({ name: r.name, imported: true, problem: null, meetings: made });
    } catch (err) {
      // The file's transaction was rolled back: whatever stopped it, nothing of it was kept.
      const problem =
        err instanceof ImportFileProblem || err instanceof DomainError
          ? err.message
          : err instanceof ZodError
            ? `Part of this file cannot be stored as minutes: ${err.issues[0]?.message ?? 'a value is not valid'} Nothing from it was kept.`
          : `The import of this file stopped part-way (${err instanceof Error ? err.message : String(err)}), so nothing from it was kept.`;
      result.files.push({ name: r.name, imported: false, problem, meetings: [] });
    }
  }
  result.boardId ??= loadPlanState(store.db, boardName).board.id;
  return result;
}

export const previewImport = (store: Store, input: ParsedInputOf<'previewImport'>): Promise<ImportPreview> =>
  previewFiles(store, input.board, input.files.map((f) => ({ name: f.name, bytes: fileBytes(f) })));

export const importMinutes = (store: Store, input: ParsedInputOf<'importMinutes'>): Promise<ImportResult> =>
  importFiles(store, input.board, input.files.map((f, i) => ({ name: f.name, bytes: fileBytes(f), digest: input.digests[i] ?? null })));
