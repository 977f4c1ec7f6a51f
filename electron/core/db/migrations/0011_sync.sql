-- Sync (issue 19): a board shared through a self-hosted Hocuspocus server. The board's Yjs
-- documents are kept here as their updates, so the board works offline and nothing is lost
-- between sessions; the relational tables stay the projection every query reads.

-- A shared board: where its server is, its token (this file is encrypted, like everything in it),
-- and what the status line says when core is not connected.
CREATE TABLE sync_boards (
  board_id        TEXT PRIMARY KEY REFERENCES boards (id),
  server_url      TEXT NOT NULL CHECK (length(server_url) BETWEEN 1 AND 2000),
  token           TEXT NOT NULL CHECK (length(token) BETWEEN 16 AND 200),
  -- 'shared': connect whenever core runs; 'stopped': sharing stopped on this laptop (the documents stay)
  state           TEXT NOT NULL DEFAULT 'shared' CHECK (state IN ('shared', 'stopped')),
  last_synced_at  TEXT,
  offline_since   TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

-- Every update of a shared board's documents, appended as it happens: 'local' ones this laptop
-- made (acknowledged once the server has them; until then they are the pending changes, sent
-- again on reconnecting), 'remote' ones the server sent. Compacted on idle into one row per
-- document (acknowledged, since the server held every update it merges).
CREATE TABLE sync_updates (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id     TEXT NOT NULL REFERENCES boards (id),
  doc_name     TEXT NOT NULL,
  update_blob  BLOB NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
  acknowledged INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
  at           TEXT NOT NULL
) STRICT;
CREATE INDEX sync_updates_doc ON sync_updates (doc_name, seq);
CREATE INDEX sync_updates_pending ON sync_updates (board_id, doc_name) WHERE acknowledged = 0;

-- What a merge could not decide alone, shown to the administrator until dismissed: two statuses
-- for one action recorded offline, an item deleted on one laptop and edited on another, minutes
-- agreed on one laptop and edited on another (that edit kept as a proposed correction).
CREATE TABLE sync_conflicts (
  id           TEXT PRIMARY KEY,
  board_id     TEXT NOT NULL REFERENCES boards (id),
  kind         TEXT NOT NULL CHECK (kind IN ('action_status', 'item_deleted_edited', 'agreed_edited')),
  entity_id    TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  found_at     TEXT NOT NULL,
  dismissed_at TEXT,
  UNIQUE (board_id, kind, entity_id, detail)
) STRICT;
CREATE INDEX sync_conflicts_board ON sync_conflicts (board_id) WHERE dismissed_at IS NULL;
