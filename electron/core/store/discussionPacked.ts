// How a discussion's Lexical JSON is stored: deflated (node:zlib, raw deflate) in
// agenda_items.discussion_deflated since migration 0020. The one writer's form (packDiscussion)
// and the one reader (unpackDiscussion, and the SQL function SQL readers call): nothing else
// knows the stored form, and every reader gets back exactly the JSON text the editor saved, so
// agreed minutes' content hashes and everything published stay byte-identical.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Database, Statement } from '../db/driver';

/** The column holding a discussion, packed. */
export const DISCUSSION_COLUMN = 'discussion_deflated';

/**
 * The stored form of a discussion's JSON text (NULL for none). UTF-8, as SQLite stored the text
 * before: the JSON the editor sends is well-formed (JSON.stringify escapes lone surrogates).
 */
export function packDiscussion(json: string | null): Buffer | null {
  if (json === null) return null;
  return deflateRawSync(Buffer.from(json, 'utf8'));
}

/** The JSON text a stored discussion holds, exactly as it was packed (NULL for none). */
export function unpackDiscussion(stored: unknown): string | null {
  if (stored === null || stored === undefined) return null;
  if (!(stored instanceof Uint8Array)) throw new Error('A stored discussion is not in its packed form.');
  try {
    return inflateRawSync(stored).toString('utf8');
  } catch {
    // Raw deflate has no checksum: a changed byte reads as other text (the content hash shows it) or not at all.
    throw new Error('A discussion in this data file is damaged and cannot be read. Restore a backup of the file.');
  }
}

/**
 * Whether a connection's file stores discussions packed (schema 0020 on). A file still at an
 * earlier schema holds the JSON as text in discussion_json: the migrations' tests hold files there
 * and read them with the app's readers, and the migration reads that column to pack it.
 */
const packedIn = new WeakMap<Database, boolean>();
export function storesPacked(db: Database): boolean {
  let packed = packedIn.get(db);
  if (packed === undefined) {
    packed = db.prepare("SELECT count(*) FROM pragma_table_info('agenda_items') WHERE name = ?").pluck().get(DISCUSSION_COLUMN) === 1;
    packedIn.set(db, packed);
  }
  return packed;
}

/** Each connection's statements, prepared once: a projection reads and writes an item at a time. */
const statements = new WeakMap<Database, Map<string, Statement>>();
function statement(db: Database, sql: string): Statement {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** Forgets what a connection knew of the stored form: the migration that packs the discussions calls it. */
export function forgetStoredForm(db: Database): void {
  packedIn.delete(db);
  statements.delete(db);
}

/** The column a connection's file keeps discussions in, and how a value read from it becomes the JSON. */
function column(db: Database): { name: string; json: (stored: unknown) => string | null } {
  return storesPacked(db) ? { name: DISCUSSION_COLUMN, json: unpackDiscussion } : { name: 'discussion_json', json: (stored) => (stored ?? null) as string | null };
}

/** One item's discussion JSON (NULL for none, or for no such item). */
export function readDiscussionJson(db: Database, itemId: string): string | null {
  const { name, json } = column(db);
  return json(statement(db, `SELECT ${name} FROM agenda_items WHERE id = ?`).pluck().get(itemId));
}

/** A meeting's items with a discussion, and its JSON, by item id. */
export function meetingDiscussions(db: Database, meetingId: string): Array<{ id: string; json: string }> {
  const { name, json } = column(db);
  const rows = statement(db, `SELECT id, ${name} AS stored FROM agenda_items WHERE meeting_id = ? AND ${name} IS NOT NULL ORDER BY id`).all(meetingId) as Array<{
    id: string;
    stored: unknown;
  }>;
  return rows.map((r) => ({ id: r.id, json: json(r.stored) as string }));
}

/**
 * The one writer of a discussion: its JSON (NULL for none), packed. A change someone made
 * (`made`) also sets the item's stored text (NULL: derived) and updated_at; a projection of a
 * shared document or of agreed minutes writes the JSON alone.
 */
export function writeDiscussionJson(db: Database, itemId: string, json: string | null, made?: { text: string | null; at: string }): void {
  const packed = storesPacked(db);
  const value = packed ? packDiscussion(json) : json;
  const name = packed ? DISCUSSION_COLUMN : 'discussion_json';
  if (made) statement(db, `UPDATE agenda_items SET ${name} = ?, discussion_text = ?, updated_at = ? WHERE id = ?`).run(value, made.text, made.at, itemId);
  else statement(db, `UPDATE agenda_items SET ${name} = ? WHERE id = ?`).run(value, itemId);
}

/** The SQL function SQL readers (search, vocabulary, the derived text) read a discussion's JSON with. */
export const DISCUSSION_JSON_FUNCTION = 'ma_discussion_json';

/** The SQL expression of an agenda_items row's discussion JSON (`alias` names the row) on this connection's file. */
export const discussionJsonSql = (db: Database, alias: string): string =>
  storesPacked(db) ? `${DISCUSSION_JSON_FUNCTION}(${alias}.${DISCUSSION_COLUMN})` : `${alias}.discussion_json`;

const registered = new WeakSet<Database>();

/**
 * Gives a connection the reader as an SQL function, once, per connection (never written into
 * the schema: another tool opening the file needs no code of ours to read everything else).
 */
export function registerDiscussionJson(db: Database): void {
  if (registered.has(db)) return;
  db.function(DISCUSSION_JSON_FUNCTION, { deterministic: true }, (stored: unknown) => unpackDiscussion(stored));
  registered.add(db);
}
