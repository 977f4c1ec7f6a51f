-- Migration 5: progress reported on an action between meetings ("done, report attached", emailed
-- in March). It belongs to no meeting: agreed minutes and the updates recorded at meetings are
-- untouched, and the next meeting's matters arising show these as "since the last meeting".
-- Superseding is never reported between meetings: only a meeting agrees the action that replaces one.
CREATE TABLE between_updates (
  id          TEXT PRIMARY KEY,
  action_id   TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  reported_on TEXT NOT NULL CHECK (reported_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  text        TEXT NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 5000),
  status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'deferred', 'dropped')),
  -- who said so, as written ("KC by email")
  reported_by TEXT CHECK (reported_by IS NULL OR length(reported_by) BETWEEN 1 AND 200),
  recorded_at TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX between_updates_action ON between_updates (action_id, reported_on);

-- Reminders sent to owners, so the app offers each once per due date: a reminder for an action's
-- due is offered at start from N days before it (the board's setting) until it is sent.
CREATE TABLE reminders_sent (
  action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
  owner_key TEXT NOT NULL,
  due_date  TEXT NOT NULL,
  sent_at   TEXT NOT NULL,
  PRIMARY KEY (action_id, owner_key, due_date)
) STRICT, WITHOUT ROWID;
