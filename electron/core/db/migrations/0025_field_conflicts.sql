-- Issue 19: one more kind of sync conflict. field_twice: one field an administrator enters (an
-- item's title, presenter or confidentiality, a decision's text, an action's details or due, the
-- meeting's date, times, venue or next meeting) set to different values on two laptops while
-- apart; Yjs keeps one value, the same on every laptop, and the other is listed with who set each
-- (electron/core/sync/fieldsApart.ts). Added to sync_conflicts' CHECK, which SQLite cannot
-- alter: the table is made again with every row as it was.
CREATE TABLE sync_conflicts_new (
  id           TEXT PRIMARY KEY,
  board_id     TEXT NOT NULL REFERENCES boards (id),
  kind         TEXT NOT NULL CHECK (kind IN ('action_status', 'item_deleted_edited', 'agreed_edited', 'attendance_twice', 'initials_twice', 'chair_twice', 'board_name_taken', 'attendance_removed_edited', 'attendance_field_twice', 'field_twice')),
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
