// Migration 2: the plain text kept beside each discussion's JSON becomes derived data. Files
// written before it hold whatever plain text the editor sent, which could disagree with the JSON
// it sent with it; here core derives it again, with the one walker (shared/domain/discussion.ts).
// Agreed minutes are left exactly as agreed: they are the record (frozen by triggers, their
// content hash taken over these rows), and no reader trusts the kept text beside JSON anyway.
// Not a change anyone made, so no change-log entry and no new updated_at; the backup taken before
// the upgrade keeps the old text.
import type { Database } from '../driver';
import { discussionPlainText, parseDiscussionJson } from '../../../../shared/domain/discussion';
import { MEETING_STATUSES } from '../../../../shared/domain/enums';
import { isAgreed } from '../../../../shared/domain/minutesLifecycle';
import { sqlList } from '../sqlList';

/** Rows read at a time: a discussion can be megabytes of JSON, and a large store has 75,000 items. */
const BATCH = 500;

export function migrate(db: Database): void {
  const read = db.prepare(
    `SELECT i.rowid AS row, i.id, i.discussion_json AS json, i.discussion_text AS text FROM agenda_items i
     JOIN meetings m ON m.id = i.meeting_id
     WHERE i.rowid > ? AND i.discussion_json IS NOT NULL AND m.status NOT IN ${sqlList(MEETING_STATUSES.filter(isAgreed))}
     ORDER BY i.rowid LIMIT ${BATCH}`,
  );
  const write = db.prepare('UPDATE agenda_items SET discussion_text = ? WHERE id = ?');
  let after = 0;
  for (;;) {
    const rows = read.all(after) as Array<{ row: number; id: string; json: string; text: string }>;
    for (const r of rows) {
      const blocks = parseDiscussionJson(r.json);
      // JSON that cannot be read keeps its text: it is all there is of that discussion.
      if (!blocks) continue;
      const text = discussionPlainText(blocks);
      if (text !== r.text) write.run(text, r.id);
    }
    if (rows.length < BATCH) return;
    after = (rows[rows.length - 1] as { row: number }).row;
  }
}
