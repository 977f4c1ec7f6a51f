// Where the search index lives: its own file beside the data file ("<data file>-search"),
// encrypted with the same key, attached to the data file's connection as the schema `search`.
// The index is derived (every row of it is made from the record, store/searchIndex.ts), so it is
// kept out of the data file: the record, its backups and its copies hold the minutes once, and
// the index is a cache that can always be made again. Writes still index in the same transaction
// as they save (the connection writes both files), and the index records which change-log entry
// it was last brought up to; if the two files ever part (a crash between their commits, a backup
// restored, the index file lost, damaged or from another file), opening the data file finds out and
// brings the index up to date from the change log, or builds it again (searchIndex.ts).
import fs from 'node:fs';
import type { Database } from '../db/driver';
import type { StoreKey } from '../crypt/cipher';
import { makePrivate, PRIVATE_FILE } from '../db/private';

/** The schema name the index file is attached as. */
export const SEARCH_SCHEMA = 'search';

/** The index file of a data file, and the files SQLite keeps beside it. */
export const searchIndexFile = (dataFile: string): string => `${dataFile}-search`;
const INDEX_SIDE_FILES = ['', '-wal', '-shm', '-journal'] as const;

/** How search_fts makes words of text; the word list (searchWords.ts) is made with the same. */
export const SEARCH_TOKENIZE = 'unicode61 remove_diacritics 2';

/** The word list: made with the other tables, and in an index file made before it. */
const WORDS_TABLE_SQL = 'CREATE TABLE IF NOT EXISTS search.search_words (term TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;';

/**
 * The index's tables (search_words aside, as migration 0006 made them in the data file, where files
 * before format 23 kept them):
 *  * search_docs: one row per searchable thing (an item's title and discussion, a decision, an
 *    action, progress recorded on an action, an attendance entry), with where it sits. `kind` has
 *    no CHECK so that a new kind of text is one line in the indexer's list.
 *  * search_fts: FTS5 over search_docs (external content, so the text is stored once in this file),
 *    with the unicode61 tokenizer folding case and diacritics, and prefix indexes for "safeg*". Its
 *    board_token column holds one token naming the board, so that a search of one board is
 *    narrowed inside FTS5 itself.
 *  * search_words: the words search_fts holds, without counts, kept by the same writes, for
 *    finding the words a prefix stands for by a range of its b-tree (searchWords.ts).
 *  * search_state: which version of the indexer built the index, at which schema version, and the
 *    change-log entry of the data file it was last brought up to (its seq and a fingerprint of it).
 */
const INDEX_TABLES_SQL = `
CREATE TABLE search.search_docs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  meeting_id  TEXT NOT NULL,
  item_id     TEXT,
  action_id   TEXT,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  board_token TEXT NOT NULL,
  UNIQUE (kind, source_id)
) STRICT;
CREATE INDEX search.search_docs_meeting ON search_docs (meeting_id);
CREATE INDEX search.search_docs_item ON search_docs (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX search.search_docs_action ON search_docs (action_id) WHERE action_id IS NOT NULL;
CREATE VIRTUAL TABLE search.search_fts USING fts5(
  title, body, board_token,
  content = 'search_docs', content_rowid = 'id',
  tokenize = '${SEARCH_TOKENIZE}',
  prefix = '2 3'
);
${WORDS_TABLE_SQL}
CREATE TABLE search.search_state (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  index_version  INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  built_at       TEXT NOT NULL,
  logged_seq     INTEGER NOT NULL,
  logged_stamp   TEXT NOT NULL
) STRICT;`;

const INDEX_TABLES = ['search_docs', 'search_fts', 'search_state'];

/** The format whose migration (0006) first made the index. */
const FIRST_INDEXED_FORMAT = 6;

/** Whether the data file itself still holds the index (a file at a format before 23: only a migration's test opens one). */
export function indexInDataFile(db: Database): boolean {
  return db.prepare("SELECT count(*) FROM main.sqlite_master WHERE name = 'search_docs'").pluck().get() === 1;
}

export function isAttached(db: Database): boolean {
  return db.prepare('SELECT 1 FROM pragma_database_list WHERE name = ?').get(SEARCH_SCHEMA) !== undefined;
}

/** Leaves the connection without its index (one that could not be built): the minutes work, search does not. */
export function detachSearchIndex(db: Database): void {
  if (isAttached(db)) db.exec(`DETACH DATABASE ${SEARCH_SCHEMA}`);
}

/** Deletes a data file's index file (a restored backup, an encrypted copy put in place: the old index is not theirs). */
export function discardSearchIndex(dataFile: string): void {
  for (const suffix of INDEX_SIDE_FILES) fs.rmSync(searchIndexFile(dataFile) + suffix, { force: true });
}

function attach(db: Database, file: string, key: StoreKey | null): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, '', { mode: PRIVATE_FILE, flag: 'wx' });
  makePrivate(file);
  if (key) db.prepare(`ATTACH DATABASE ? AS ${SEARCH_SCHEMA} KEY ?`).run(file, key);
  else db.prepare(`ATTACH DATABASE ? AS ${SEARCH_SCHEMA}`).run(file);
  // The first read: a file the key does not open, or not a database at all, fails here.
  const names = db.prepare(`SELECT name FROM ${SEARCH_SCHEMA}.sqlite_master WHERE type IN ('table', 'view')`).pluck().all() as string[];
  db.pragma(`${SEARCH_SCHEMA}.journal_mode = WAL`);
  // Deleted means gone here too; and the index follows the data file's commits (a lost one is redone from the change log).
  db.pragma(`${SEARCH_SCHEMA}.secure_delete = ON`);
  db.pragma(`${SEARCH_SCHEMA}.synchronous = NORMAL`);
  if (names.length === 0) db.exec(INDEX_TABLES_SQL);
  else if (!INDEX_TABLES.every((t) => names.includes(t)) || !hasStamp(db)) throw new Error('the search index file is not one this version made');
  // A file made before the word list (index version 3) gets it, empty: its older version has the index built again, which fills it.
  else if (!names.includes('search_words')) db.exec(WORDS_TABLE_SQL);
  for (const suffix of ['-wal', '-shm']) makePrivate(file + suffix);
}

/** An index file made before the index recorded its change-log entry is made again. */
const hasStamp = (db: Database): boolean =>
  db.prepare(`SELECT 1 FROM pragma_table_info('search_state', '${SEARCH_SCHEMA}') WHERE name = 'logged_stamp'`).get() !== undefined;

/**
 * Attaches the data file's index file (made if there is none). An index file that cannot be used
 * (damaged, another key, not an index) is deleted and made again, empty: it holds nothing that is
 * not in the data file. Returns false for a data file that still holds its index itself.
 */
export function attachSearchIndex(db: Database, dataFile: string, key: StoreKey | null): boolean {
  // Before format 6 there was no index at all (only a migration's test opens such a file).
  if (indexInDataFile(db) || (db.pragma('user_version', { simple: true }) as number) < FIRST_INDEXED_FORMAT) return false;
  const file = searchIndexFile(dataFile);
  try {
    attach(db, file, key);
  } catch (err) {
    console.warn(`[search] the search index file could not be used (${(err as Error).message}); it is made again`);
    detachSearchIndex(db);
    discardSearchIndex(dataFile);
    attach(db, file, key);
  }
  return true;
}
