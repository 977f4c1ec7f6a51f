// An action's owner naming a guest by the guest's attendance row (action_owners.attendance_id),
// when the merged document no longer holds that row: one laptop made the guest an owner while
// another, not having seen it, removed the guest from the meeting's attendance. On one laptop alone,
// removing a guest who owns actions keeps them as owners by the name written (the column is
// ON DELETE SET NULL, migration 0009), so the merge ends the same way: the removal stands, and the
// owner stays, by the name written, on every laptop. (Were the row kept for a note made on it,
// orphanRows.ts, the owner keeps naming it.) Without this the projection refused the whole update
// where the row was gone, since an owner can only name a guest of the meeting.
// When the guest's row comes back instead (a change the removal had not seen, attendanceRestore.ts),
// the owners the removal left by name (its tombstone lists them) name the row again, unless one was
// changed since: the link is part of what comes back, on every laptop through the mirror.
import type * as Y from 'yjs';
import { REMOVED_ATTENDANCE_ROOT, rowKey, type AttendanceTombstone } from './itemTombstones';
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

/**
 * `rows` of `table`, and of action_owners with the owners a removal left by name linked again to the
 * guest's row where this projection keeps the row although the document removed it (`held`, less the
 * document's own rows): only an owner still as the removal left it (no link, the same name written).
 */
export function ownersRelinked(table: SyncedTable, rows: Map<string, Row>, doc: Y.Doc, held: ReadonlySet<string>): Map<string, Row> {
  if (table.table !== 'action_owners' || held.size === 0) return rows;
  const present = doc.getMap('attendance');
  const tombstones = doc.getMap<AttendanceTombstone>(REMOVED_ATTENDANCE_ROOT);
  const links = new Map<string, { attendanceId: string; name: string }>();
  for (const id of held) {
    const unlinked = present.has(rowKey(id)) ? undefined : tombstones.get(id)?.unlinked;
    for (const [ownerId, name] of Object.entries(unlinked ?? {})) links.set(ownerId, { attendanceId: id, name });
  }
  if (links.size === 0) return rows;
  let out = rows;
  for (const [key, row] of rows) {
    const link = links.get(String(row.id));
    const asLeft = link && row.attendance_id === null && row.member_id === null && row.group_id === null && row.name_text === link.name;
    if (!asLeft) continue;
    if (out === rows) out = new Map(rows);
    out.set(key, { ...row, attendance_id: link.attendanceId });
  }
  return out;
}
