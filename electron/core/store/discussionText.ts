// The plain text of an item's discussion, as every reader gets it: derived from the discussion's
// JSON by the one walker (shared/domain/discussion.ts) on read, not stored beside it. Since
// migration 0010 agenda_items.discussion_text is NULL ("derive it") except where the text cannot
// be derived from the JSON: a legacy row with text and no readable JSON, or minutes agreed before
// the text was derived whose agreed text differs (their content hash was taken over that text).
import type { Database } from '../db/driver';
import { discussionPlainText, parseDiscussionJson } from '../../../shared/domain/discussion';
import { discussionJsonSql, registerDiscussionJson } from './discussionPacked';

/**
 * Texts derived lately, by the JSON they came from (the most recently used last). The editor reads
 * its meeting's record again after every save, and every item but the one just saved has the same
 * JSON as before: parsing all thirty discussions again was a third of what opening a meeting
 * allocated on the large store, and most of its time (PROFILE.md). The text is a function of the
 * JSON alone, so a remembered one is always right. Bounded by the characters held (JSON and text):
 * about thirty large meetings, enough for the meeting being edited and the few opened beside it, but
 * not every meeting a reader pages through (the bench's opening row cycles fifty, so it measures
 * first openings, as a chair paging through old minutes gets them).
 */
const recent = new Map<string, string>();
let recentChars = 0;
export const RECENT_TEXTS_MAX_CHARS = 2_000_000;

function remember(json: string, text: string): void {
  const size = json.length + text.length;
  if (size > RECENT_TEXTS_MAX_CHARS / 4) return;
  recent.set(json, text);
  recentChars += size;
  for (const [oldest, oldText] of recent) {
    if (recentChars <= RECENT_TEXTS_MAX_CHARS) break;
    recent.delete(oldest);
    recentChars -= oldest.length + oldText.length;
  }
}

/** The plain text of a discussion's JSON (empty for none, or for JSON that is not the editor's). */
export function derivedDiscussionText(json: string | null): string {
  if (!json) return '';
  const known = recent.get(json);
  if (known !== undefined) {
    // Used again: kept the longest.
    recent.delete(json);
    recent.set(json, known);
    return known;
  }
  const text = discussionPlainText(parseDiscussionJson(json) ?? []);
  remember(json, text);
  return text;
}

/** How many derived texts are remembered (for the tests). */
export function rememberedTextCount(): number {
  return recent.size;
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

/** The SQL expression of an agenda_items row's discussion text (`alias` names the row) on this connection's file. */
export const discussionTextSql = (db: Database, alias: string): string =>
  `coalesce(${alias}.discussion_text, ${DISCUSSION_TEXT_FUNCTION}(${discussionJsonSql(db, alias)}))`;

const registered = new WeakSet<Database>();

/**
 * Gives a connection the derivation as an SQL function, once. Deterministic, so SQLite may
 * reuse a result within a statement; registered per connection by the one opener (db/open.ts),
 * never written into the schema (another tool opening the file needs no code of ours).
 */
export function registerDiscussionText(db: Database): void {
  if (registered.has(db)) return;
  // The text's SQL expression reads the JSON through the stored form's one reader.
  registerDiscussionJson(db);
  db.function(DISCUSSION_TEXT_FUNCTION, { deterministic: true }, (json: unknown) => derivedDiscussionText(typeof json === 'string' ? json : null));
  registered.add(db);
}
