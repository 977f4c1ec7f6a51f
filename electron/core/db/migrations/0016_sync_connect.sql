-- Sync format ma2 (issue 19: how a shared board's laptops connect).
-- Each stored document's state vector, kept beside its updates by their one writer
-- (electron/core/sync/updateStore.ts): connecting decides which meetings have something to
-- exchange from these small rows, without merging every meeting's stored updates. `gapped` is 1
-- when some stored update lies beyond the vector (its predecessors not held), so the next update
-- recomputes the vector from the rows instead of moving it on.
CREATE TABLE sync_doc_vectors (
  doc_name  TEXT PRIMARY KEY,
  board_id  TEXT NOT NULL REFERENCES boards (id),
  vector    BLOB NOT NULL,
  gapped    INTEGER NOT NULL DEFAULT 0 CHECK (gapped IN (0, 1))
) STRICT;
CREATE INDEX sync_doc_vectors_board ON sync_doc_vectors (board_id);

-- 1 until this laptop has connected every meeting of the board once: a board shared before ma2
-- may hold meetings changed by a laptop that wrote no change marks, which only a full connection
-- brings; after it the marks are complete, and connecting relies on them.
ALTER TABLE sync_boards ADD COLUMN connect_every_meeting INTEGER NOT NULL DEFAULT 0 CHECK (connect_every_meeting IN (0, 1));
