// The plain text of an item's discussion, as every reader gets it: derived from the discussion's
// JSON by the one walker (shared/domain/discussion.ts) on read, not stored beside it. Since
// migration 0010 agenda_items.discussion_text is NULL ("derive it") except where the text cannot
// be derived from the JSON: a legacy row with text and no readable JSON, or minutes agreed before
// the text was derived whose agreed text differs (their content hash was taken over that text).
import type { Database } from '../db/driver';
import { discussionPlainText, parseDiscussionJson } from '../../../shared/domain/discussion';

/** The plain text of a discussion's JSON (empty for none, or for JSON that is not the editor's). */
export function derivedDiscussionText(json: string | null): string {
  if (!json) return '';
  return discussionPlainText(parseDiscussionJson(json) ?? []);
}

/** A row's discussion text: the text kept where it cannot be derived, else the one derived from its JSON. */
export function discussionTextOf(json: string | null, kept: string | null): string {
  return kept ?? derivedDiscussionText(json);
}

/** What a row stores as its text: nothing when the JSON gives exactly that text, else the text itself. */
export function textToKeep(json: string | null, text: string): string | null {
  return derivedDiscussionText(json) === text ? null : text;
}

const storesTextBeside = new WeakMap<Database, boolean>();

/**
 * What a writer puts in discussion_text beside new JSON: nothing (NULL, "derive it"). A connection
 * to a file still at a schema before 0010, where the column holds every text (NOT NULL), gets the
 * derived text, as those versions stored it: the migrations' tests hold files at earlier schemas.
 */
export function discussionTextToStore(db: Database, json: string | null): string | null {
  let beside = storesTextBeside.get(db);
  if (beside === undefined) {
    beside = db.prepare("SELECT \"notnull\" FROM pragma_table_info('agenda_items') WHERE name = 'discussion_text'").pluck().get() === 1;
    storesTextBeside.set(db, beside);
  }
  return beside ? derivedDiscussionText(json) : null;
}

/** The SQL function SQL readers (the search indexer, the vocabulary) derive the text with. */
export const DISCUSSION_TEXT_FUNCTION = 'ma_discussion_text';

/** The SQL expression of an agenda_items row's discussion text (`alias` names the row). */
export const discussionTextSql = (alias: string): string => `coalesce(${alias}.discussion_text, ${DISCUSSION_TEXT_FUNCTION}(${alias}.discussion_json))`;

const registered = new WeakSet<Database>();

/**
 * Gives a connection the derivation as an SQL function, once. Deterministic, so SQLite may
 * reuse a result within a statement; registered per connection by the one opener (db/open.ts),
 * never written into the schema (another tool opening the file needs no code of ours).
 */
export function registerDiscussionText(db: Database): void {
  if (registered.has(db)) return;
  db.function(DISCUSSION_TEXT_FUNCTION, { deterministic: true }, (json: unknown) => derivedDiscussionText(typeof json === 'string' ? json : null));
  registered.add(db);
}
