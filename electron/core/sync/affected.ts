// Which of a shared board's meeting documents a write may have changed, from the records it
// logged: a record still in the file is looked up; one the write deleted is found in the
// documents, which still hold it until the mirror takes it out.
import type { Changed } from '../../../shared/contract';
import type { Database } from '../db/driver';
import type { BoardReplica } from './replica';

const LOOKUPS: Partial<Record<Changed['entity'], { sql: string; root: string }>> = {
  agenda_item: { sql: 'SELECT meeting_id FROM agenda_items WHERE id = @id', root: 'agenda_items' },
  decision: { sql: 'SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE d.id = @id', root: 'decisions' },
  // An action's progress and its carrying forward are recorded in later meetings' documents.
  action: {
    sql: `SELECT meeting_id FROM actions WHERE id = @id
          UNION SELECT meeting_id FROM carried_actions WHERE action_id = @id
          UNION SELECT meeting_id FROM action_updates WHERE action_id = @id`,
    root: 'actions',
  },
};

/** The ids of the board's meetings whose documents the changes may touch. */
export function affectedMeetings(db: Database, replica: BoardReplica, changes: readonly Changed[]): Set<string> {
  const found = new Set<string>();
  const inBoard = db.prepare('SELECT 1 FROM meetings WHERE id = ? AND board_id = ?');
  for (const change of changes) {
    if (change.entity === 'meeting') {
      if (inBoard.get(change.id, replica.boardId) || replica.meetingIds().includes(change.id)) found.add(change.id);
      continue;
    }
    const lookup = LOOKUPS[change.entity];
    if (!lookup) continue;
    const ids = db.prepare(lookup.sql).pluck().all({ id: change.id }) as string[];
    for (const id of ids) if (inBoard.get(id, replica.boardId)) found.add(id);
    if (ids.length > 0) continue;
    // Deleted by this write: the meeting whose document still holds it.
    const key = JSON.stringify([change.id]);
    for (const id of replica.meetingIds()) if (replica.meeting(id).doc.getMap(lookup.root).has(key)) found.add(id);
  }
  return found;
}
