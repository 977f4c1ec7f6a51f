// The declarations table: the interests declared at a meeting, each by someone who attended it,
// on one of its items or under the standing "Declarations of interest" item.
import type { DeclarationParticipation } from '../../../shared/domain/enums';
import type { Database } from '../db/driver';

export interface DeclarationRow {
  id: string;
  meeting_id: string;
  attendance_id: string;
  agenda_item_id: string | null;
  interest: string;
  participation: DeclarationParticipation;
  position: number;
  created_at: string;
  updated_at: string;
}

const tablePresent = new WeakMap<Database, boolean>();

/**
 * Whether the file has the table (schema 8 on). Core always migrates a file before reading it;
 * only a connection held at an earlier schema (the migration tests do) reads no declarations.
 */
function hasDeclarations(db: Database): boolean {
  let present = tablePresent.get(db);
  if (present === undefined) {
    present = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'declarations'").pluck().get() === 1;
    tablePresent.set(db, present);
  }
  return present;
}

/** A meeting's declarations in the order they were made. */
export function readDeclarationRows(db: Database, meetingId: string): DeclarationRow[] {
  if (!hasDeclarations(db)) return [];
  return db.prepare('SELECT * FROM declarations WHERE meeting_id = ? ORDER BY position, created_at, id').all(meetingId) as DeclarationRow[];
}

export function readDeclarationRow(db: Database, declarationId: string): DeclarationRow | undefined {
  return db.prepare('SELECT * FROM declarations WHERE id = ?').get(declarationId) as DeclarationRow | undefined;
}
