// Which of a shared board's meeting documents a write may have changed, from the records it
// logged: a record still in the file is looked up; one the write deleted is found in the
// documents, which still hold it until the mirror takes it out. A meeting that only carries an
// action forward, or records progress on it, is named with that action alone: the write changed
// that action's rows there, so only they are compared (an old action passes through dozens of meetings).
import type { Changed } from '../../../shared/contract';
import type { Database } from '../db/driver';
import type { BoardReplica } from './replica';
import type { WriteTouches } from './writeTouches';
import { listingsFrom } from '../store/listings';

const LOOKUPS: Partial<Record<Changed['entity'], { sql: string; root: string }>> = {
  agenda_item: { sql: 'SELECT meeting_id FROM agenda_items WHERE id = @id', root: 'agenda_items' },
  decision: { sql: 'SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id WHERE d.id = @id', root: 'decisions' },
  action: { sql: 'SELECT meeting_id FROM actions WHERE id = @id', root: 'actions' },
};

/** An action's progress and its carrying forward are recorded in later meetings' documents. */
// Its listings are found through the board's meetings (carried_actions has no index by action; store/listings.ts).
const ACTION_ELSEWHERE = `SELECT c.meeting_id FROM ${listingsFrom('@id', '@board')} UNION SELECT meeting_id FROM action_updates WHERE action_id = @id`;

export interface Affected {
  /** Meetings whose whole documents are compared with their rows. */
  whole: Set<string>;
  /** Meetings (not in `whole`) where only these actions' carried and progress rows are compared. */
  actionRows: Map<string, Set<string>>;
}

/** The board's meetings whose documents the changes may touch, and how much of each. */
export function affectedMeetings(db: Database, replica: BoardReplica, changes: readonly Changed[], touched?: Pick<WriteTouches, 'actionOwn'>): Affected {
  const whole = new Set<string>();
  const actionRows = new Map<string, Set<string>>();
  const inBoard = db.prepare('SELECT 1 FROM meetings WHERE id = ? AND board_id = ?');
  for (const change of changes) {
    if (change.entity === 'meeting') {
      if (inBoard.get(change.id, replica.boardId) || replica.meetingIds().includes(change.id)) whole.add(change.id);
      continue;
    }
    if (change.entity === 'board') {
      // A board renamed: its draft minutes take the new name (boards.ts), in their own documents.
      if (change.id === replica.boardId) for (const id of db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().all(change.id) as string[]) whole.add(id);
      continue;
    }
    const lookup = LOOKUPS[change.entity];
    if (!lookup) continue;
    const ids = db.prepare(lookup.sql).pluck().all({ id: change.id }) as string[];
    // An action whose own rows the write left alone (its status changed, or a later meeting's
    // rows of it) does not change its meeting's document (writeTouches.ts): not compared.
    const ownUnchanged = change.entity === 'action' && touched !== undefined && !touched.actionOwn.has(change.id);
    if (!ownUnchanged) for (const id of ids) if (inBoard.get(id, replica.boardId)) whole.add(id);
    if (change.entity === 'action') {
      const elsewhere = db.prepare(ACTION_ELSEWHERE).pluck().all({ id: change.id, board: replica.boardId }) as string[];
      for (const id of elsewhere) {
        if (!inBoard.get(id, replica.boardId)) continue;
        const actions = actionRows.get(id) ?? new Set<string>();
        actionRows.set(id, actions.add(change.id));
      }
      if (elsewhere.length > 0) continue;
    }
    if (ids.length > 0) continue;
    // Deleted by this write: the meeting whose document still holds it (those in memory first:
    // the one being edited is almost always there; the others are read from the file only if not).
    const key = JSON.stringify([change.id]);
    const holder = [...replica.loadedIds(), ...replica.meetingIds()].find((id) => replica.meeting(id).doc.getMap(lookup.root).has(key));
    if (holder !== undefined) whole.add(holder);
  }
  for (const id of whole) actionRows.delete(id);
  return { whole, actionRows };
}
