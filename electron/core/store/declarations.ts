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

/** A meeting's declarations in the order they were made. */
export function readDeclarationRows(db: Database, meetingId: string): DeclarationRow[] {
  return db.prepare('SELECT * FROM declarations WHERE meeting_id = ? ORDER BY position, created_at, id').all(meetingId) as DeclarationRow[];
}

export function readDeclarationRow(db: Database, declarationId: string): DeclarationRow | undefined {
  return db.prepare('SELECT * FROM declarations WHERE id = ?').get(declarationId) as DeclarationRow | undefined;
}
