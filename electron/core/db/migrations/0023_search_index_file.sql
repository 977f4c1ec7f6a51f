-- Issue 16 (a lean file): the search index leaves the data file for a file of its own beside it
-- (electron/core/store/searchIndexFile.ts). It is derived from the record and was half the file:
-- the record, its backups and every copy of it now hold the minutes once. Opening the file after
-- this migration builds the index in its own file (store/searchIndex.ts ensureSearchIndex).
DROP TABLE search_fts;
DROP TABLE search_docs;
DROP TABLE search_state;
