// Whether a meeting's minutes were imported from a legacy file, and from which: the one reader
// of the mark the import leaves in the change log (entity 'meeting', action 'import').
import type { Database } from '../db/driver';

export interface ImportedMark {
  file: string;
  format: string;
  importedAt: string;
}

export function importedMark(db: Database, meetingId: string): ImportedMark | null {
  const row = db
    .prepare("SELECT at, detail FROM change_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'import' ORDER BY seq LIMIT 1")
    .get(meetingId) as { at: string; detail: string } | undefined;
  if (!row) return null;
  const detail = JSON.parse(row.detail) as { file?: unknown; format?: unknown };
  return { file: typeof detail.file === 'string' ? detail.file : '', format: typeof detail.format === 'string' ? detail.format : 'text', importedAt: row.at };
}
