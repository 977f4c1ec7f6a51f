// The sync server file's schema: its own application id (so neither it nor a laptop's data file
// is ever taken for the other) and its tables. Version 2 names documents in sync format ma2
// (a version 1 file is upgraded on opening: upgrade.ts).

/** "MaSy": the mark in the sync server file's header (a laptop's file carries "MaAr"). */
export const SYNC_APPLICATION_ID = 0x4d615379;
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE boards (
  board_id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL CHECK (length(token_hash) = 64),
  registered_at TEXT NOT NULL,
  rotated_at TEXT
) STRICT;

-- Append-only: a row is only ever inserted, or deleted by compaction in the transaction that
-- inserts the state it was merged into.
CREATE TABLE updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX updates_by_document ON updates (document, seq);
CREATE TRIGGER updates_append_only BEFORE UPDATE ON updates BEGIN SELECT RAISE(ABORT, 'stored updates are never changed'); END;
`;
