-- Schema v13: the change log's index keeps only the entries the app looks up by record, those
-- about a meeting (how it was started, whether it was imported: arising/nextMeeting.ts,
-- store/imported.ts, both `entity = 'meeting' AND entity_id = ?`). The index on (entity,
-- entity_id) held all ~150 entries a meeting writes (items, actions, progress, decisions), 9 KB
-- a meeting on a large store, for lookups no query makes: forgetting a deleted record's text
-- (store/forget.ts) scans the log either way (its OR with json_extract can use no index).
-- A query by another kind of entity needs an index of its own, added with it.
DROP INDEX change_log_entity;
CREATE INDEX change_log_meeting ON change_log (entity_id) WHERE entity = 'meeting';
