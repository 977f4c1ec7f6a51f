-- Schema v6: the full-text search index. Derived data, kept in step by the data layer's one
-- write path (electron/core/store/searchIndex.ts), never by triggers: agreed minutes are frozen by
-- triggers, and the index must still follow what later meetings record on their actions.
--  * search_docs: one row per searchable thing (an item's title and discussion, a decision, an
--    action, progress recorded on an action, an attendance entry), with where it sits. No foreign
--    keys: it is a projection, rewritten whenever what it is made from changes; a meeting deleted
--    takes its rows with it through the same write. `kind` has no CHECK so that a new kind of text
--    (progress updates between meetings) is one line in the indexer's list, not a migration.
--  * search_fts: FTS5 over search_docs (external content, so the text is stored once), with the
--    unicode61 tokenizer folding case and diacritics, and prefix indexes for "safeg*". Its
--    board_token column holds one token naming the board, so that a search of one board is
--    narrowed inside FTS5 itself rather than row by row after it.
--  * search_state: which version of the indexer built the index, at which schema version; the
--    index is rebuilt on open when either differs (a file from an older version, a new indexer).
CREATE TABLE search_docs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL,
  source_id   TEXT NOT NULL,
  -- the meeting whose page shows it (progress: the meeting that recorded it)
  meeting_id  TEXT NOT NULL,
  -- the agenda item it belongs to, whose confidentiality it shares (progress: its action's item)
  item_id     TEXT,
  action_id   TEXT,
  title       TEXT NOT NULL,
  body        TEXT NOT NULL,
  -- 'b' and the board's id without hyphens: one token
  board_token TEXT NOT NULL,
  UNIQUE (kind, source_id)
) STRICT;
CREATE INDEX search_docs_meeting ON search_docs (meeting_id);
CREATE INDEX search_docs_item ON search_docs (item_id) WHERE item_id IS NOT NULL;
CREATE INDEX search_docs_action ON search_docs (action_id) WHERE action_id IS NOT NULL;

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body, board_token,
  content = 'search_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TABLE search_state (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  index_version  INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  built_at       TEXT NOT NULL
) STRICT;
