// How the change log records text someone typed into the minutes: that it changed and how long it
// now is, never a copy of it. The text itself is in its own row (the one copy); a log entry per
// save holding the whole text again was most of the log's size. Deletions still record what was
// deleted (nothing else holds it then), and deleting a draft forgets even that (forget.ts).
import type { WriteHandle } from './write';

/** A typed text as a change-log entry records it. */
export interface LoggedText {
  characters: number;
}

export const loggedText = (text: string): LoggedText => ({ characters: text.length });

/**
 * Where entries written before this rule (schema 7 and earlier) held a copy of typed text: entity,
 * action and the JSON path of the copy. Migration 0010 turns each into a LoggedText.
 */
export const TEXT_COPIED_BEFORE: ReadonlyArray<{ entity: string; action: string; path: string }> = [
  { entity: 'action', action: 'create', path: '$.details' },
  { entity: 'action', action: 'update', path: '$.details' },
  { entity: 'action', action: 'progress', path: '$.text' },
  { entity: 'action', action: 'progress_between', path: '$.text' },
  { entity: 'decision', action: 'create', path: '$.text' },
  { entity: 'decision', action: 'update', path: '$.text' },
];

const GUARD = 'change_log_no_update';

/**
 * Runs `fn` with the change log's append-only trigger lifted, inside the caller's transaction,
 * and puts it back exactly as it was (its own SQL, whichever migration wrote it): the schema
 * after is what it was before. Only the log's own rewriters use it (forgetting a deleted draft,
 * migration 0010).
 */
export function withLogRewritable<T>(w: Pick<WriteHandle, 'db'>, fn: () => T): T {
  const db = w.db;
  if (!db.inTransaction) throw new Error('The change log is only rewritten inside a transaction.');
  const guard = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?").pluck().get(GUARD) as string | undefined;
  if (guard) db.exec(`DROP TRIGGER ${GUARD}`);
  try {
    return fn();
  } finally {
    if (guard) db.exec(guard);
  }
}
