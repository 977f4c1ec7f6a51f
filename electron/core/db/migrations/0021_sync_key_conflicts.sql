-- Issue 19: two more kinds of sync conflict, both records with a natural key besides their id
-- made on two laptops apart. chair_twice: different chairs (or vice-chairs) named for one meeting;
-- one is kept and the other listed (electron/core/sync/meetingChairs.ts). board_name_taken: a
-- shared board whose name or short code another board in this file already has, shown here under
-- a local form until one is renamed (electron/core/sync/boardNames.ts). Both kinds are added to
-- sync_conflicts' CHECK, which SQLite cannot alter: the table is made again with every row as it was.
CREATE TABLE sync_conflicts_new (
  id           TEXT PRIMARY KEY,
  board_id     TEXT NOT NULL REFERENCES boards (id),
  kind         TEXT NOT NULL CHECK (kind IN ('action_status', 'item_deleted_edited', 'agreed_edited', 'attendance_twice', 'initials_twice', 'chair_twice', 'board_name_taken')),
  entity_id    TEXT NOT NULL,
  detail       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  found_at     TEXT NOT NULL,
  dismissed_at TEXT,
  UNIQUE (board_id, kind, entity_id, detail)
) STRICT;
INSERT INTO sync_conflicts_new (id, board_id, kind, entity_id, detail, found_at, dismissed_at)
  SELECT id, board_id, kind, entity_id, detail, found_at, dismissed_at FROM sync_conflicts;
DROP TABLE sync_conflicts;
ALTER TABLE sync_conflicts_new RENAME TO sync_conflicts;
CREATE INDEX sync_conflicts_board ON sync_conflicts (board_id) WHERE dismissed_at IS NULL;
