// The index's words, for a prefix: search_words (in the index file, searchIndexFile.ts) lists the
// words search_fts holds, without counts, so the words "safeg*" stands for are one range of its
// b-tree and cost the words returned. fts5vocab, which listed them before, counts each word's
// documents as it lists it, walking the word's whole list: linear in the archive (tests/bench/
// PROFILE.md, rounds 8 and 11). The words are FTS5's own, never a tokenizer of ours: a write's
// text goes through temporary FTS5 tables with search_fts' tokenizer, one for the text it indexes
// and one for the text it takes out; the first's words are added to the list, and those of the
// second that the write did not add are taken off it when no document holds them any more (so a
// deleted item's words do not stay in the file, and the list does not fill with the half-typed
// words of saves made mid-word). A rebuild takes search_fts' whole vocabulary. Should a word
// outlive its text all the same, that is still correct: a word no document holds matches nothing,
// and a prefix such words push over MAX_PREFIX_WORDS (search.ts) is read by FTS5 itself, exactly.
import type { Database } from '../db/driver';
import { SEARCH_SCHEMA, SEARCH_TOKENIZE } from './searchIndexFile';

/** One index row's text, in search_fts' columns. */
export interface IndexedText {
  title: string;
  body: string;
  board_token: string;
}

/** The words of what one write indexes and takes out of the index, brought into the list once it has done both. */
export interface WriteWords {
  added(rowid: number | bigint, text: IndexedText): void;
  removed(rowid: number | bigint, text: IndexedText): void;
  keep(): void;
}

/** A temporary FTS5 table with search_fts' columns and tokenizer (contentless, no positions: only its vocabulary is read), and its vocabulary. */
const textTable = (name: string): string => `
CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5(
  title, body, board_token, content = '', detail = none, columnsize = 0, tokenize = '${SEARCH_TOKENIZE}');
CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name}_vocab USING fts5vocab(temp, ${name}, row);`;

/** FTS5's vocabulary of an index's search_fts, counted as it is listed (made on the connection: it stores nothing). */
const vocabularyTable = (schema: string): string => `temp.search_vocab_${schema}`;
const vocabularySql = (schema: string): string => `CREATE VIRTUAL TABLE IF NOT EXISTS ${vocabularyTable(schema)} USING fts5vocab(${schema}, search_fts, row);`;

/** Made by the write that needs them, IF NOT EXISTS: tables made inside a write that is rolled back go with it. */
const TEXT_TABLES_SQL = `${textTable('search_words_added')}${textTable('search_words_removed')}\n${vocabularySql(SEARCH_SCHEMA)}`;

/**
 * The words the write took out and did not put back that no document holds now: FTS5 finds none
 * (a b-tree look-up), and its vocabulary agrees (it counts the word's documents, walking only
 * deleted entries by then; a word FTS5 would not find as it is written, folded again, is kept).
 */
const GONE_SQL = `
DELETE FROM ${SEARCH_SCHEMA}.search_words WHERE term IN (
  SELECT r.term FROM temp.search_words_removed_vocab r
  WHERE r.term NOT IN (SELECT term FROM temp.search_words_added_vocab)
    AND NOT EXISTS (SELECT 1 FROM ${SEARCH_SCHEMA}.search_fts WHERE search_fts MATCH '"' || replace(r.term, '"', '""') || '"')
    AND NOT EXISTS (SELECT 1 FROM ${vocabularyTable(SEARCH_SCHEMA)} v WHERE v.term = r.term))`;

const insertText = (db: Database, table: string, rowid: number | bigint, text: IndexedText): void => {
  db.prepare(`INSERT INTO temp.${table} (rowid, title, body, board_token) VALUES (?, ?, ?, ?)`).run(rowid, text.title, text.body, text.board_token);
};

/** For a write to the index in its own file (a data file holding its index has no list). */
export function writeWords(db: Database): WriteWords {
  let added = false;
  let removed = false;
  const tables = (): void => {
    if (!added && !removed) db.exec(TEXT_TABLES_SQL);
  };
  return {
    added(rowid, text) {
      tables();
      added = true;
      insertText(db, 'search_words_added', rowid, text);
    },
    removed(rowid, text) {
      tables();
      removed = true;
      insertText(db, 'search_words_removed', rowid, text);
    },
    keep() {
      if (added) db.prepare(`INSERT OR IGNORE INTO ${SEARCH_SCHEMA}.search_words SELECT term FROM temp.search_words_added_vocab`).run();
      if (removed) db.prepare(GONE_SQL).run();
      if (added) db.prepare("INSERT INTO temp.search_words_added (search_words_added) VALUES ('delete-all')").run();
      if (removed) db.prepare("INSERT INTO temp.search_words_removed (search_words_removed) VALUES ('delete-all')").run();
    },
  };
}

function vocabulary(db: Database, schema: string): string {
  db.exec(vocabularySql(schema));
  return vocabularyTable(schema);
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
