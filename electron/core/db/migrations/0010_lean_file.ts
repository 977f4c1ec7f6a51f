// Migration 8: a lean file, with each thing stored once.
//  * agenda_items.discussion_text: the plain text beside every discussion's JSON was a second
//    copy (derived from the JSON since migration 3). It becomes NULL-able, and NULL ("derive it
//    from the JSON on read", store/discussionText.ts) for every row whose JSON gives exactly its
//    text. A text that cannot be derived keeps its row: a legacy row with no readable JSON (it is
//    all there is of that discussion), or minutes agreed before migration 3 whose agreed text
//    differs from the JSON's (their content hash was taken over it, and they stay as agreed).
//    SQLite cannot loosen NOT NULL in place, so the column is dropped and added back NULL-able.
//  * change_log: entries that copied typed text (action details, progress, decisions) record its
//    length instead (store/loggedText.ts); no reader of the log reads those texts.
// All in the migrations' one transaction, after the backup open.ts takes. Not a change anyone made:
// no change-log entry, no updated_at. The space freed is reused by later writes, and when it is
// much of the file, given back to the disk when the file is closed (db/freeSpace.ts).
import type { Database } from '../driver';
import { textToKeep } from '../../store/discussionText';
import { TEXT_COPIED_BEFORE, withLogRewritable } from '../../store/loggedText';

/** Rows read at a time: a discussion can be megabytes of JSON, and a large store has 75,000 items. */
const BATCH = 500;

/** The agreed-minutes guard on agenda_items: lifted to write back the kept texts, put back as it was. */
const ITEM_GUARD = 'agenda_items_agreed_no_update';

/** The texts that cannot be derived from their row's JSON, by item id. */
function textsToKeep(db: Database): Map<string, string> {
  const read = db.prepare(
    `SELECT rowid AS row, id, discussion_json AS json, discussion_text AS text FROM agenda_items
     WHERE rowid > ? ORDER BY rowid LIMIT ${BATCH}`,
  );
  const keep = new Map<string, string>();
  let after = 0;
  for (;;) {
    const rows = read.all(after) as Array<{ row: number; id: string; json: string | null; text: string }>;
    for (const r of rows) {
      // No JSON and no text: nothing to derive and nothing to keep.
      if (r.json === null && r.text === '') continue;
      const kept = textToKeep(r.json, r.text);
      if (kept !== null) keep.set(r.id, kept);
    }
    if (rows.length < BATCH) return keep;
    after = (rows[rows.length - 1] as { row: number }).row;
  }
}

function deriveDiscussionText(db: Database): void {
  const keep = textsToKeep(db);
  db.exec('ALTER TABLE agenda_items DROP COLUMN discussion_text');
  // NULL: the text is the JSON's, derived on read. A text: the one copy of a text the JSON does not give.
  db.exec('ALTER TABLE agenda_items ADD COLUMN discussion_text TEXT');
  if (keep.size === 0) return;
  const guard = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(ITEM_GUARD) as string | undefined;
  if (guard) db.exec(`DROP TRIGGER ${ITEM_GUARD}`);
  try {
    const put = db.prepare('UPDATE agenda_items SET discussion_text = ? WHERE id = ?');
    for (const [id, text] of keep) put.run(text, id);
  } finally {
    if (guard) db.exec(guard);
  }
}

function logLengthsNotTexts(db: Database): void {
  withLogRewritable({ db }, () => {
    for (const { entity, action, path } of TEXT_COPIED_BEFORE) {
      // json_object's result goes in as JSON, not as a string; length() counts characters.
      db.prepare(
        `UPDATE change_log SET detail = json_set(detail, '${path}', json_object('characters', length(json_extract(detail, '${path}'))))
         WHERE entity = ? AND action = ? AND json_type(detail, '${path}') = 'text'`,
      ).run(entity, action);
    }
  });
}

export function migrate(db: Database): void {
  deriveDiscussionText(db);
  logLengthsNotTexts(db);
}
