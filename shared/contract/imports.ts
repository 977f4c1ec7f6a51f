// Importing legacy minutes (plain text in the published layout, or Word .docx): a preview of
// exactly what each file would write, then the import itself, one transaction per file.
import { z } from 'zod';
import type { ActionStatus, AttendanceStatus } from '../domain/enums';
import type { LegacyWarning } from '../domain/legacy/model';
import { boardName, method } from './common';

export type ImportWarning = LegacyWarning;

/** An owner as the import resolves it: someone on the roster, someone it adds, a group, or a name kept as written. */
export interface ImportOwnerPreview {
  label: string;
  kind: 'member' | 'new_member' | 'group' | 'name';
}

export interface ImportActionPreview {
  /** As printed in the Reference column. */
  printedRef: string;
  /** The reference it gets on the board: the printed number in the board's format (with a suffix if printed twice). */
  reference: string;
  details: string;
  /** The Action column as printed. */
  ownerText: string;
  owners: ImportOwnerPreview[];
  /** The Due column as printed, if any. */
  due: string | null;
}

export interface ImportItemPreview {
  number: string;
  title: string;
  discussion: string[];
  decisions: string[];
  actions: ImportActionPreview[];
  deferred: boolean;
}

export interface ImportPersonPreview {
  name: string;
  /** As printed; the roster's when the minutes print none. */
  initials: string | null;
  role: string | null;
  status: AttendanceStatus;
  note: string | null;
  /** Already on the board's roster, or added to it by this import (with `rosterInitials`). */
  roster: 'existing' | 'new' | 'guest';
  rosterInitials: string | null;
}

/** Progress on an earlier action that the minutes' matters arising record. */
export interface ImportUpdatePreview {
  itemNumber: string;
  /** The earlier action's reference on the board. */
  reference: string;
  actionDetails: string;
  status: ActionStatus;
  text: string;
}

export interface ImportMeetingPreview {
  date: string;
  /** The board's name as these minutes print it. */
  boardName: string;
  startTime: string | null;
  endTime: string | null;
  items: ImportItemPreview[];
  attendance: ImportPersonPreview[];
  updates: ImportUpdatePreview[];
  /** The next meeting as these minutes print it, as far as it could be read. */
  nextMeeting: { date: string | null; time: string | null; venue: string | null } | null;
  /** Earlier unfinished actions listed in its matters arising. */
  carried: number;
  /** The date of the meeting recorded as agreeing these minutes (a later one imported with them, or their own). */
  agreedOn: string;
  warnings: ImportWarning[];
  counts: { items: number; decisions: number; actions: number; present: number; apologies: number; inAttendance: number; warnings: number };
}

export interface ImportFilePreview {
  name: string;
  format: 'text' | 'docx' | null;
  /** Why nothing from this file can be imported; null when it can. */
  problem: string | null;
  meetings: ImportMeetingPreview[];
  /** Names exactly what the file would write; the import refuses a file whose plan has changed since. */
  digest: string | null;
}

export interface ImportPreview {
  board: { id: string | null; name: string; exists: boolean };
  files: ImportFilePreview[];
}

export interface ImportResult {
  boardId: string | null;
  files: Array<{ name: string; imported: boolean; problem: string | null; meetings: Array<{ id: string; date: string }> }>;
}

/** 25 MB of file text (or base64 of a Word file) per file: far more than any year of minutes. */
export const IMPORT_FILE_MAX = 25_000_000;

const importFile = z.strictObject({
  name: z.string().trim().min(1, 'Each file needs a name.').max(255, 'A file name is at most 255 characters.'),
  encoding: z.enum(['text', 'base64']),
  content: z.string().max(IMPORT_FILE_MAX, 'This file is too large to import (at most 25 MB).'),
});

export type ImportFileInput = z.output<typeof importFile>;

const importInput = z.strictObject({
  board: boardName,
  files: z.array(importFile).min(1, 'Choose at least one file to import.').max(100, 'Import at most 100 files at a time.'),
});

export const importsMethods = {
  previewImport: method<ImportPreview>()(importInput),
  importMinutes: method<ImportResult>()(
    importInput.extend({
      /** Each file's digest from the preview that was accepted, in the same order; null imports without a check. */
      digests: z.array(z.string().max(128).nullable()).max(100),
    }),
  ),
} as const;
