// The index's words, for a prefix: search_words (in the index file, searchIndexFile.ts) lists every
// word search_fts holds, without counts, so the words "safeg*" stands for are one range of its
// b-tree and cost the words returned. fts5vocab, which listed them before, counts each word's
// documents as it lists it, walking the word's whole list: linear in the archive (tests/bench/
// PROFILE.md, rounds 8 and 11). The words are FTS5's own, never a tokenizer of ours: a write's new
// text goes through a temporary FTS5 table with search_fts' tokenizer, whose vocabulary (the
// write's few hundred words) is added to the list; a rebuild takes search_fts' whole vocabulary.
// Words of text since changed or deleted stay until the index is built again (a new index version,
// schema version or file: searchIndex.ts ensureSearchIndex). That is correct: a word no document
// holds matches nothing, and a prefix such words push over MAX_PREFIX_WORDS (search.ts) is read by
// FTS5 itself, exactly, as every prefix was before.
import type { Database } from '../db/driver';
import { SEARCH_SCHEMA, SEARCH_TOKENIZE } from './searchIndexFile';

/** One new row's text, in search_fts' columns. */
export interface IndexedText {
  title: string;
  body: string;
  board_token: string;
}

/** The words of one write's new text, added to the list once the write has indexed everything. */
export interface NewWords {
  note(rowid: number | bigint, text: IndexedText): void;
  keep(): void;
}

/**
 * The temporary FTS5 table a write's new text is put in (contentless, no positions: only its
 * vocabulary is read), and that vocabulary. Made by the write that needs it, IF NOT EXISTS: one
 * made inside a write that is rolled back goes with it.
 */
const NEW_TEXT_SQL = `
CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words_new USING fts5(
  title, body, board_token, content = '', detail = none, columnsize = 0, tokenize = '${SEARCH_TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_words_new_vocab USING fts5vocab(temp, search_words_new, row);`;

/** For a write to the index in its own file (a data file holding its index has no list). */
export function newWords(db: Database): NewWords {
  let noted = false;
  return {
    note(rowid, text) {
      if (!noted) db.exec(NEW_TEXT_SQL);
      noted = true;
      db.prepare('INSERT INTO temp.search_words_new (rowid, title, body, board_token) VALUES (?, ?, ?, ?)').run(rowid, text.title, text.body, text.board_token);
    },
    keep() {
      if (!noted) return;
      db.prepare(`INSERT OR IGNORE INTO ${SEARCH_SCHEMA}.search_words SELECT term FROM temp.search_words_new_vocab`).run();
      db.prepare("INSERT INTO temp.search_words_new (search_words_new) VALUES ('delete-all')").run();
    },
  };
}

/** FTS5's vocabulary of an index's search_fts, counted as it is listed (made on the connection: it stores nothing). */
function vocabulary(db: Database, schema: string): string {
  const table = `temp.search_vocab_${schema}`;
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5vocab(${schema}, search_fts, row)`);
  return table;
}

/** The list made again from every word search_fts holds (a rebuild's, once: linear in the index). */
export function fillWords(db: Database): void {
  const words = vocabulary(db, SEARCH_SCHEMA);
  db.prepare(`DELETE FROM ${SEARCH_SCHEMA}.search_words`).run();
  db.prepare(`INSERT INTO ${SEARCH_SCHEMA}.search_words SELECT term FROM ${words}`).run();
}

/**
 * Up to `limit` of the index's words starting with a prefix of plain ASCII, in order, from the list;
 * from FTS5's vocabulary for a data file holding its own index (a format before 23: a migration's test).
 */
export function wordsStartingWith(db: Database, schema: string, prefix: string, limit: number): string[] {
  const table = schema === 'main' ? vocabulary(db, 'main') : `${SEARCH_SCHEMA}.search_words`;
  // Plain ASCII: every word starting with it sorts from it up to it with its last character one on.
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return db.prepare(`SELECT term FROM ${table} WHERE term >= ? AND term < ? LIMIT ?`).pluck().all(prefix, next, limit) as string[];
}
