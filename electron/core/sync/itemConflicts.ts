// One conflict per deletion of an item that edits brought back (or per removal of an attendance
// row a change brought back, attendanceRestore.ts). Two laptops that each edited it apart may both
// bring it back (each heard of the deletion before the other's restore): each appends its restore
// to the board's conflict log, naming its own editors. Recorded here as one conflict (per row and
// deletion) naming every laptop that edited it, the same on every laptop whatever order the
// entries arrive in; a laptop that recorded part of it first updates its row.
// Each item restore also carries the item's own details as that laptop brought them back (itemVersions.ts).
import type { Database } from '../db/driver';
import type { SyncConflictKind } from '../../../shared/domain/enums';
import { mergedVersions, type ItemVersion, type Version } from './itemVersions';

/** What every restore's entry in the board's conflict log holds: who deleted the row, when, and who edited it apart. */
export interface RestoreDetail {
  deletedBy: string;
  deletedAt: string;
  editedBy: string[];
  /** The row's own details as each restoring laptop brought it back (absent in conflicts logged before they were): itemVersions.ts, attendanceVersions.ts. */
  versions?: Array<Version<unknown>>;
}

/** What the board's conflict log holds for an item deleted on one laptop and brought back by edits on another. */
export interface ItemConflictDetail extends RestoreDetail {
  item: string;
  versions?: ItemVersion[];
  /** The item's meeting (absent in conflicts logged before it was recorded). */
  meetingId?: string | null;
  number: string;
  title: string;
}

/** The kinds of conflict a restore is listed as. */
export type RestoreKind = Extract<SyncConflictKind, 'item_deleted_edited' | 'attendance_removed_edited'>;

/** Each deletion's restores merged: every editor named once, the row as the last restore logged it. */
export function mergedRestores<D extends RestoreDetail>(entries: ReadonlyArray<{ entity: string; detail: D }>): Array<{ entity: string; detail: D }> {
  const byDeletion = new Map<string, { entity: string; detail: D }>();
  for (const e of entries) {
    const key = JSON.stringify([e.entity, e.detail.deletedBy, e.detail.deletedAt]);
    const before = byDeletion.get(key);
    const editedBy = [...new Set([...(before?.detail.editedBy ?? []), ...e.detail.editedBy])].sort();
    const versions = mergedVersions([before?.detail.versions, e.detail.versions]);
    byDeletion.set(key, { entity: e.entity, detail: { ...e.detail, editedBy, ...(versions.length > 0 ? { versions } : {}) } });
  }
  return [...byDeletion.values()];
}

/** Records one deletion's conflict: a row recorded for it before (part of it, or twice) becomes this one, dismissed or not as it was. */
export function recordRestoreConflict(db: Database, boardId: string, kind: RestoreKind, entry: { entity: string; detail: RestoreDetail }, id: string, at: string): void {
  const detail = JSON.stringify(entry.detail);
  const rows = db
    .prepare(
      `SELECT id, detail FROM sync_conflicts WHERE board_id = ? AND kind = ? AND entity_id = ?
         AND json_extract(detail, '$.deletedBy') = ? AND json_extract(detail, '$.deletedAt') = ? ORDER BY found_at, id`,
    )
    .all(boardId, kind, entry.entity, entry.detail.deletedBy, entry.detail.deletedAt) as Array<{ id: string; detail: string }>;
  const [kept, ...twice] = rows;
  if (!kept) {
    db.prepare('INSERT OR IGNORE INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, boardId, kind, entry.entity, detail, at);
    return;
  }
  // The same conflict recorded twice (each restore on its own, before this was one): one row stays.
  for (const r of twice) db.prepare('DELETE FROM sync_conflicts WHERE id = ?').run(r.id);
  if (kept.detail !== detail) db.prepare('UPDATE sync_conflicts SET detail = ? WHERE id = ?').run(detail, kept.id);
}
