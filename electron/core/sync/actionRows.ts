// The mirror of one action's own rows in a later meeting's document (its carrying forward and the
// progress recorded on it there): a write that changed an action brings only those rows in step,
// not the whole document of every meeting the action ever passed through.
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { rowColumns, rowKey, SYNCED_TABLES, type Row } from './registry';
import { writeRow, type RowsMap } from './rowMaps';

/** The meeting-document tables whose rows belong to one action (each has an action_id column). */
const ACTION_KEYED = SYNCED_TABLES.filter((t) => t.doc === 'meeting' && (t.table === 'carried_actions' || t.table === 'action_updates'));

/** Makes the rows of `actionIds` in `doc`'s action-keyed roots match the meeting's rows, the root's other rows left as they are. */
export function mirrorActionRows(db: Database, doc: Y.Doc, meetingId: string, actionIds: ReadonlySet<string>): void {
  for (const table of ACTION_KEYED) {
    const columns = rowColumns(db, table);
    const rows = db
      .prepare(`SELECT ${columns.map((c) => `t."${c}"`).join(', ')} FROM ${table.table} t WHERE t.meeting_id = ? AND t.action_id IN (SELECT value FROM json_each(?))`)
      .all(meetingId, JSON.stringify([...actionIds])) as Row[];
    const root = doc.getMap(table.root) as RowsMap;
    const wanted = new Map(rows.map((r) => [rowKey(table, r), r]));
    for (const [key, map] of [...root.entries()]) {
      const action = map instanceof Y.Map ? map.get('action_id') : undefined;
      if (typeof action === 'string' && actionIds.has(action) && !wanted.has(key)) root.delete(key);
    }
    for (const [key, row] of wanted) writeRow(root, key, row, columns);
  }
}
