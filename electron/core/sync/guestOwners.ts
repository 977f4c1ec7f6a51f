// An action's owner naming a guest by the guest's attendance row (action_owners.attendance_id),
// when the merged document no longer holds that row: one laptop made the guest an owner while
// another, not having seen it, removed the guest from the meeting's attendance. On one laptop alone,
// removing a guest who owns actions keeps them as owners by the name written (the column is
// ON DELETE SET NULL, migration 0009), so the merge ends the same way: the removal stands, and the
// owner stays, by the name written, on every laptop. (Were the row kept for a note made on it,
// orphanRows.ts, the owner keeps naming it.) Without this the projection refused the whole update
// where the row was gone, since an owner can only name a guest of the meeting.
import type { Row, SyncedTable } from './registry';

/** `rows` of `table`, and of action_owners with each link to an attendance row not in `held` dropped (the name written stays). */
export function ownersOfGuestsHeld(table: SyncedTable, rows: Map<string, Row>, held: ReadonlySet<string>): Map<string, Row> {
  if (table.table !== 'action_owners') return rows;
  let out = rows;
  for (const [key, row] of rows) {
    const id = row.attendance_id;
    if (id === null || id === undefined || held.has(String(id))) continue;
    if (out === rows) out = new Map(rows);
    out.set(key, { ...row, attendance_id: null });
  }
  return out;
}
