// Migration 20: a discussion's Lexical JSON stored deflated (store/discussionPacked.ts), about a
// quarter of its size, in a new BLOB column agenda_items.discussion_deflated; the TEXT column
// discussion_json goes. SQLite cannot change a column's type in place (the table is STRICT, and
// a TEXT column with its json_valid check cannot hold a blob), so the column is added, every row
// packed into it, and the old one dropped. Each packed form is read back and compared with the
// JSON before it is written: a discussion that would not come back exactly stops the migration,
// and the one transaction leaves the file as it was. Agreed minutes are rewritten too (their
// guard is lifted and put back as it was): their JSON is read back byte for byte, so their
// content hash is unchanged. All in the migrations' one transaction, after the backup open.ts
// takes; not a change anyone made: no change-log entry, no updated_at.
import type { Database } from '../driver';
import { DISCUSSION_COLUMN, forgetStoredForm, packDiscussion, unpackDiscussion } from '../../store/discussionPacked';

/** Rows read at a time: a discussion can be megabytes of JSON, and a large store has 75,000 items. */
const BATCH = 500;

/** The agreed-minutes guard on agenda_items: lifted to pack their discussions, put back as it was. */
const ITEM_GUARD = 'agenda_items_agreed_no_update';

function packEveryDiscussion(db: Database): void {
  const read = db.prepare(`SELECT rowid AS row, discussion_json AS json FROM agenda_items WHERE rowid > ? AND discussion_json IS NOT NULL ORDER BY rowid LIMIT ${BATCH}`);
  const put = db.prepare(`UPDATE agenda_items SET ${DISCUSSION_COLUMN} = ? WHERE rowid = ?`);
  let after = 0;
  for (;;) {
    const rows = read.all(after) as Array<{ row: number; json: string }>;
    for (const r of rows) {
      const packed = packDiscussion(r.json);
      if (unpackDiscussion(packed) !== r.json) throw new Error(`The discussion of agenda item row ${r.row} could not be stored packed exactly as it is; nothing was changed.`);
      put.run(packed, r.row);
    }
    if (rows.length < BATCH) return;
    after = (rows[rows.length - 1] as { row: number }).row;
  }
}

export function migrate(db: Database): void {
  db.exec(`ALTER TABLE agenda_items ADD COLUMN ${DISCUSSION_COLUMN} BLOB`);
  const guard = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(ITEM_GUARD) as string | undefined;
  if (guard) db.exec(`DROP TRIGGER ${ITEM_GUARD}`);
  try {
    packEveryDiscussion(db);
  } finally {
    if (guard) db.exec(guard);
  }
  db.exec('ALTER TABLE agenda_items DROP COLUMN discussion_json');
  // A reader or writer that ran on this connection before knew the text column.
  forgetStoredForm(db);
}
