// Deleted means gone: when a draft meeting or agenda item is deleted, the text the change log
// kept about it (titles, wording, progress typed) is removed from the log too. What stays is that
// each change, and the deletion, happened: by whom, when, to which record.
import type { WriteHandle } from './write';
import { withLogRewritable } from './loggedText';

/** What a forgotten entry's detail becomes. */
export const FORGOTTEN = '{"forgotten":"deleted draft"}';

/**
 * Blanks the detail of every change-log entry about these records, or about this meeting (an
 * entry naming it as its meetingId: progress recorded there on older actions). The log is
 * append-only, enforced by a trigger; this is the one writer allowed past it, inside the same
 * transaction as the deletion: the trigger is lifted and put back exactly as it was (its own SQL,
 * whichever migration wrote it), so the schema after the write is what it was before.
 */
export function forgetLoggedText(w: WriteHandle, ids: readonly string[], meetingId: string | null = null): number {
  if (ids.length === 0 && meetingId === null) return 0;
  return withLogRewritable(w, () =>
    w.db
      .prepare(
        `UPDATE change_log SET detail = ?
         WHERE detail <> ? AND (entity_id IN (SELECT value FROM json_each(?)) OR (? IS NOT NULL AND json_extract(detail, '$.meetingId') = ?))`,
      )
      .run(FORGOTTEN, FORGOTTEN, JSON.stringify(ids), meetingId, meetingId).changes,
  );
}

/** The ids of an agenda item's records whose text the log may hold: the items, their decisions and actions. */
export function recordsOfItems(w: WriteHandle, itemIds: readonly string[]): string[] {
  const list = JSON.stringify(itemIds);
  const rows = w.db
    .prepare(
      `SELECT id FROM decisions WHERE agenda_item_id IN (SELECT value FROM json_each(@list))
       UNION ALL SELECT id FROM actions WHERE agenda_item_id IN (SELECT value FROM json_each(@list))`,
    )
    .pluck()
    .all({ list }) as string[];
  return [...itemIds, ...rows];
}
