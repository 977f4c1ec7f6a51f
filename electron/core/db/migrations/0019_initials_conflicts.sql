-- Issue 19: two different people given the same initials on two laptops apart both stay on the
-- roster, the later one under distinct initials, and that is a conflict the administrator sees
-- (electron/core/sync/rosterKeys.ts). The kind is added to sync_conflicts' CHECK, which SQLite
-- cannot alter: the table is made again with every row as it was.
CREATE TABLE sync_conflicts_new (
  id           TEXT PRIMARY KEY,
  board_id     TEXT NOT NULL REFERENCES boards (id),
  kind         TEXT NOT NULL CHECK (kind IN ('action_status', 'item_deleted_edited', 'agreed_edited', 'attendance_twice', 'initials_twice')),
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
