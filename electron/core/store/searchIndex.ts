// The full-text search index (search_docs + search_fts, in its own file: searchIndexFile.ts): what
// is indexed, and keeping it in step. The one write path (write.ts) hands every committed write's
// change-log entries to indexChanges, inside the write's transaction, so the index can never
// disagree with what was saved; the index also records the last change-log entry it followed, so
// that ensureSearchIndex, on open, brings an index file left behind (a crash between the two files'
// commits) up to date from the change log, and builds again one that is missing, from another file,
// or built by an older version. Nothing else writes these tables (the word list, searchWords.ts,
// is written from here: the words of what a write indexes and takes out, and all of them when the
// index is built).
import type { Database } from '../db/driver';
import type { Changed } from '../../../shared/contract';
import type { SearchKind } from '../../../shared/domain/enums';
import { discussionTextSql, registerDiscussionText } from './discussionText';
import { detachSearchIndex, indexInDataFile, isAttached, SEARCH_SCHEMA } from './searchIndexFile';
import { fillWords, writeWords, type WriteWords } from './searchWords';
import { OWNER_FULL_NAME_SQL, OWNER_GROUP_NAME_SQL, OWNER_INITIALS_SQL, OWNER_NAMING_JOINS } from './actionOwners';

/** Bump when what is indexed changes: files indexed by an earlier version are rebuilt on open. 4: the word list (searchWords.ts). */
export const SEARCH_INDEX_VERSION = 4;

/** The row of search_docs: one searchable thing and where it sits. */
export interface SearchDocRow {
  id: number;
  kind: SearchKind;
  source_id: string;
  meeting_id: string;
  item_id: string | null;
  action_id: string | null;
  title: string;
  body: string;
  /** The board as one token ('b' and its id without hyphens): one board's search is narrowed inside FTS5. */
  board_token: string;
}

type DocFields = Omit<SearchDocRow, 'id'>;

/** A part of the record a write can touch, by the id of its record. */
type Scope = 'meeting' | 'item' | 'action' | 'decision';

interface SearchSource {
  kind: SearchKind;
  /** SELECT of the DocFields columns; `{where}` becomes the scope's condition (or 1), `{itemText}` an item's discussion text. */
  sql: string;
  /** The column each scope selects this kind's rows by; a scope missing here holds none of them. */
  scopes: Partial<Record<Scope, string>>;
}

/** The board_token of a board id column. */
const token = (boardIdColumn: string): string => `'b' || replace(${boardIdColumn}, '-', '')`;

/** The token a search of one board adds to its query. */
export const boardToken = (boardId: string): string => `b${boardId.replaceAll('-', '')}`;

const OWNERS_TEXT_SQL = `(SELECT group_concat(CASE
    WHEN o.member_id IS NOT NULL THEN trim(coalesce(${OWNER_INITIALS_SQL}, '') || ' ' || coalesce(${OWNER_FULL_NAME_SQL}, ''))
    WHEN o.group_id IS NOT NULL THEN ${OWNER_GROUP_NAME_SQL}
    ELSE o.name_text END, ', ')
  FROM action_owners o ${OWNER_NAMING_JOINS} WHERE o.action_id = a.id)`;

/**
 * Everything a board has recorded that search finds: one entry per table a kind is read from.
 */
const SOURCES: readonly SearchSource[] = [
  {
    kind: 'item',
    sql: `SELECT 'item' AS kind, i.id AS source_id, i.meeting_id, i.id AS item_id, NULL AS action_id,
            i.title AS title, {itemText} AS body, ${token('m.board_id')} AS board_token
          FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE {where}`,
    scopes: { meeting: 'i.meeting_id', item: 'i.id' },
  },
  {
    kind: 'decision',
    sql: `SELECT 'decision' AS kind, d.id AS source_id, i.meeting_id, i.id AS item_id, NULL AS action_id, '' AS title, d.text AS body,
            ${token('m.board_id')} AS board_token
          FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id JOIN meetings m ON m.id = i.meeting_id WHERE {where}`,
    scopes: { meeting: 'i.meeting_id', item: 'i.id', decision: 'd.id' },
  },
  {
    kind: 'action',
    sql: `SELECT 'action' AS kind, a.id AS source_id, a.meeting_id, a.agenda_item_id AS item_id, a.id AS action_id,
            a.reference AS title, a.details || coalesce(char(10) || 'Owner: ' || ${OWNERS_TEXT_SQL}, '') AS body,
            ${token('a.board_id')} AS board_token
          FROM actions a WHERE {where}`,
    scopes: { meeting: 'a.meeting_id', item: 'a.agenda_item_id', action: 'a.id' },
  },
  {
    kind: 'update',
    sql: `SELECT 'update' AS kind, u.id AS source_id, u.meeting_id, a.agenda_item_id AS item_id, a.id AS action_id,
            a.reference AS title, u.text AS body, ${token('a.board_id')} AS board_token
          FROM action_updates u JOIN actions a ON a.id = u.action_id WHERE u.text <> '' AND {where}`,
    scopes: { meeting: 'u.meeting_id', item: 'a.agenda_item_id', action: 'a.id' },
  },
  {
    // Progress reported between meetings belongs to no meeting: a hit opens the meeting that agreed the action.
    kind: 'update',
    sql: `SELECT 'update' AS kind, u.id AS source_id, a.meeting_id, a.agenda_item_id AS item_id, a.id AS action_id,
            a.reference AS title, u.text || coalesce(char(10) || 'Reported by ' || u.reported_by, '') AS body, ${token('a.board_id')} AS board_token
          FROM between_updates u JOIN actions a ON a.id = u.action_id WHERE {where}`,
    scopes: { meeting: 'a.meeting_id', item: 'a.agenda_item_id', action: 'a.id' },
  },
  {
    kind: 'attendance',
    sql: `SELECT 'attendance' AS kind, t.id AS source_id, t.meeting_id, NULL AS item_id, NULL AS action_id,
            t.display_name AS title,
            trim(coalesce(t.initials, '') || ' ' || coalesce(t.role, '') || ' ' || coalesce(t.organisation, '') || ' ' || coalesce(t.for_items_note, '')) AS body,
            ${token('m.board_id')} AS board_token
          FROM attendance t JOIN meetings m ON m.id = t.meeting_id WHERE {where}`,
    scopes: { meeting: 't.meeting_id' },
  },
];

/** The index rows a scope holds, by search_docs' own columns (the same sets the sources' scopes select). */
const INDEXED_IN_SCOPE: Record<Scope, string> = {
  meeting: 'meeting_id = ?',
  item: 'item_id = ?',
  action: 'action_id = ?',
  decision: "kind = 'decision' AND source_id = ?",
};

interface ScopeRef {
  scope: Scope;
  id: string;
}

/** What each kind of change-log entry can have changed in the index. */
const SCOPES_OF: Partial<Record<Changed['entity'], (db: Database, id: string) => ScopeRef[]>> = {
  meeting: (_db, id) => [{ scope: 'meeting', id }],
  agenda_item: (db, id) => [{ scope: 'item', id }, ...orphanedSubItems(db, id)],
  decision: (_db, id) => [{ scope: 'decision', id }],
  action: (_db, id) => [{ scope: 'action', id }],
  // A roster member's initials or name, a group's name: how the owners of draft actions are named.
  roster_member: (db, id) => actionsOwnedBy(db, 'member_id', id),
  group: (db, id) => actionsOwnedBy(db, 'group_id', id),
};

/**
 * A deleted item takes its sub-items with it, and the change log names the item alone: the
 * sub-items still indexed in its meeting (found by the item's own index rows) go from the index too.
 */
function orphanedSubItems(db: Database, id: string): ScopeRef[] {
  if (db.prepare('SELECT 1 FROM agenda_items WHERE id = ?').get(id) !== undefined) return [];
  const meetingId = db.prepare('SELECT meeting_id FROM search_docs WHERE item_id = ? LIMIT 1').pluck().get(id) as string | undefined;
  if (meetingId === undefined) return [];
  const orphans = db
    .prepare('SELECT DISTINCT item_id FROM search_docs WHERE meeting_id = ? AND item_id IS NOT NULL AND item_id <> ? AND item_id NOT IN (SELECT id FROM agenda_items WHERE meeting_id = ?)')
    .pluck()
    .all(meetingId, id, meetingId) as string[];
  return orphans.map((orphan) => ({ scope: 'item', id: orphan }));
}

function actionsOwnedBy(db: Database, column: 'member_id' | 'group_id', id: string): ScopeRef[] {
  const ids = db.prepare(`SELECT DISTINCT action_id FROM action_owners WHERE ${column} = ?`).pluck().all(id) as string[];
  return ids.map((actionId) => ({ scope: 'action', id: actionId }));
}

/** Connections known to have the index (a file opened at an earlier schema, in a migration's test, has not; one attached later has). */
const hasIndex = new WeakSet<Database>();

export function searchIndexExists(db: Database): boolean {
  if (hasIndex.has(db)) return true;
  const schema = indexSchema(db);
  const known = db.prepare(`SELECT count(*) FROM ${schema}.sqlite_master WHERE name IN ('search_docs', 'search_fts', 'search_state')`).pluck().get() === 3;
  if (known) hasIndex.add(db);
  return known;
}

/** Connections whose index is in its own file (attached once, at open, for the connection's life). */
const inOwnFile = new WeakSet<Database>();

/** The schema the index is in: its own file, attached; or, for a file at a format before 23, the data file. */
export function indexSchema(db: Database): string {
  if (inOwnFile.has(db)) return SEARCH_SCHEMA;
  if (indexInDataFile(db) || !isAttached(db)) return 'main';
  inOwnFile.add(db);
  return SEARCH_SCHEMA;
}

/** Leaves the connection without its index file (one that could not be built), forgetting it had one: writes then index nothing, and search says why. */
export function withoutSearchIndex(db: Database): void {
  hasIndex.delete(db);
  inOwnFile.delete(db);
  detachSearchIndex(db);
}

/** The data file's last change-log entry: its seq, and a fingerprint no other file's entry of that seq has. */
function lastLogged(db: Database): { seq: number; stamp: string } {
  const row = db.prepare('SELECT seq, at, entity, entity_id, action FROM change_log ORDER BY seq DESC LIMIT 1').get() as LogRow | undefined;
  return row ? { seq: row.seq, stamp: stampOf(row) } : { seq: 0, stamp: '' };
}

interface LogRow {
  seq: number;
  at: string;
  entity: Changed['entity'];
  entity_id: string;
  action: string;
}

const stampOf = (row: LogRow): string => `${row.seq} ${row.at} ${row.entity} ${row.entity_id} ${row.action}`;

/** Records, in the index file, the change-log entry the index is now in step with (a data file holding its own index needs none). */
function stampIndex(db: Database): void {
  if (indexSchema(db) === 'main') return;
  const { seq, stamp } = lastLogged(db);
  db.prepare(`UPDATE ${SEARCH_SCHEMA}.search_state SET logged_seq = ?, logged_stamp = ?`).run(seq, stamp);
}

const sameDoc = (a: DocFields, b: DocFields): boolean =>
  a.meeting_id === b.meeting_id &&
  a.item_id === b.item_id &&
  a.action_id === b.action_id &&
  a.title === b.title &&
  a.body === b.body &&
  a.board_token === b.board_token;

function removeDoc(db: Database, old: SearchDocRow, words: WriteWords | null): void {
  db.prepare("INSERT INTO search_fts (search_fts, rowid, title, body, board_token) VALUES ('delete', ?, ?, ?, ?)").run(old.id, old.title, old.body, old.board_token);
  words?.removed(old.id, old);
  db.prepare('DELETE FROM search_docs WHERE id = ?').run(old.id);
}

function putDoc(db: Database, doc: DocFields, old: SearchDocRow | undefined, words: WriteWords | null): void {
  if (old && sameDoc(old, doc)) return;
  if (old) removeDoc(db, old, words);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_docs (kind, source_id, meeting_id, item_id, action_id, title, body, board_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(doc.kind, doc.source_id, doc.meeting_id, doc.item_id, doc.action_id, doc.title, doc.body, doc.board_token);
  db.prepare('INSERT INTO search_fts (rowid, title, body, board_token) VALUES (?, ?, ?, ?)').run(lastInsertRowid, doc.title, doc.body, doc.board_token);
  words?.added(lastInsertRowid, doc);
}

const docKey = (d: { kind: string; source_id: string }): string => `${d.kind}\u0000${d.source_id}`;

/** A source's SELECT on this connection's file (how it stores discussions: store/discussionPacked.ts). */
const sourceSql = (db: Database, source: SearchSource, where: string): string => source.sql.replace('{where}', where).replace('{itemText}', discussionTextSql(db, 'i'));

/** Makes the index rows of one scope what the record now says. */
function syncScope(db: Database, { scope, id }: ScopeRef, words: WriteWords | null): void {
  const indexed = db.prepare(`SELECT * FROM search_docs WHERE ${INDEXED_IN_SCOPE[scope]}`).all(id) as SearchDocRow[];
  const old = new Map(indexed.map((d) => [docKey(d), d]));
  for (const source of SOURCES) {
    const column = source.scopes[scope];
    if (!column) continue;
    for (const doc of db.prepare(sourceSql(db, source, `${column} = ?`)).all(id) as DocFields[]) {
      const key = docKey(doc);
      // A row indexed under another scope (an action moved to another item) is found by its key.
      const before = old.get(key) ?? (db.prepare('SELECT * FROM search_docs WHERE kind = ? AND source_id = ?').get(doc.kind, doc.source_id) as SearchDocRow | undefined);
      old.delete(key);
      putDoc(db, doc, before, words);
    }
  }
  for (const gone of old.values()) removeDoc(db, gone, words);
}

/** Brings the index in step with a write's changes; called by write() inside its transaction. */
export function indexChanges(db: Database, changes: readonly Changed[]): void {
  if (changes.length === 0 || !searchIndexExists(db)) return;
  registerDiscussionText(db);
  // The word list is in the index's own file (a data file holding its index has none).
  const words = indexSchema(db) === SEARCH_SCHEMA ? writeWords(db) : null;
  const done = new Set<string>();
  for (const change of changes) {
    for (const ref of SCOPES_OF[change.entity]?.(db, change.id) ?? []) {
      const key = `${ref.scope}\u0000${ref.id}`;
      if (done.has(key)) continue;
      done.add(key);
      syncScope(db, ref, words);
    }
  }
  words?.keep();
  stampIndex(db);
}

/**
 * Every source's rows, oldest meeting first: rowids then follow the record's dates, and the
 * newest rowids (search's window, and FTS5's walk newest first) are the latest meetings.
 */
const allInDateOrderSql = (db: Database): string => `
  SELECT s.kind, s.source_id, s.meeting_id, s.item_id, s.action_id, s.title, s.body, s.board_token
  FROM (${SOURCES.map((source) => sourceSql(db, source, '1')).join('\n  UNION ALL ')}) s
  JOIN meetings m ON m.id = s.meeting_id
  ORDER BY m.meeting_date, m.id, s.kind, s.source_id`;

/** Builds the whole index again from the record, in one transaction. */
export function rebuildSearchIndex(db: Database): void {
  registerDiscussionText(db);
  db.transaction(() => {
    db.prepare('DELETE FROM search_docs').run();
    db.prepare(`INSERT INTO search_docs (kind, source_id, meeting_id, item_id, action_id, title, body, board_token) ${allInDateOrderSql(db)}`).run();
    db.prepare("INSERT INTO search_fts (search_fts) VALUES ('rebuild')").run();
    // One b-tree per term instead of the segments a rebuild leaves: fewer pages read per word.
    db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')").run();
    const schema = db.pragma('user_version', { simple: true }) as number;
    const built = new Date().toISOString();
    if (indexSchema(db) === 'main') {
      db.prepare('INSERT OR REPLACE INTO search_state (id, index_version, schema_version, built_at) VALUES (1, ?, ?, ?)').run(SEARCH_INDEX_VERSION, schema, built);
    } else {
      fillWords(db);
      const { seq, stamp } = lastLogged(db);
      db.prepare(
        `INSERT OR REPLACE INTO ${SEARCH_SCHEMA}.search_state (id, index_version, schema_version, built_at, logged_seq, logged_stamp) VALUES (1, ?, ?, ?, ?, ?)`,
      ).run(SEARCH_INDEX_VERSION, schema, built, seq, stamp);
    }
  })();
}

/** At most this many change-log entries are followed to bring an index file up to date; more, and it is built again. */
const CATCH_UP_ENTRIES = 20_000;

/**
 * Brings an index file that is behind its data file up to date from the change log, when the
 * entry it last followed is still the data file's (the same fingerprint at the same seq): the
 * entries after it are indexed as the writes that logged them were. Returns false when it cannot.
 */
function catchUp(db: Database, state: { logged_seq: number; logged_stamp: string }, last: { seq: number }): boolean {
  if (last.seq < state.logged_seq || last.seq - state.logged_seq > CATCH_UP_ENTRIES) return false;
  if (state.logged_seq > 0) {
    const followed = db.prepare('SELECT seq, at, entity, entity_id, action FROM change_log WHERE seq = ?').get(state.logged_seq) as LogRow | undefined;
    if (!followed || stampOf(followed) !== state.logged_stamp) return false;
  } else if (state.logged_stamp !== '') return false;
  const entries = db.prepare('SELECT entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq').all(state.logged_seq) as Array<Pick<LogRow, 'entity' | 'entity_id'>>;
  registerDiscussionText(db);
  db.transaction(() => indexChanges(db, entries.map((e) => ({ entity: e.entity, id: e.entity_id }))))();
  return true;
}

interface IndexState {
  index_version: number;
  schema_version: number;
  logged_seq?: number;
  logged_stamp?: string;
}

/**
 * On open: rebuilds the index when it was never built (a new index file, a file upgraded to
 * schema 6), was built by another version of the indexer, or at another schema version (a later
 * migration may have changed text without any write), or follows another file or a later state of
 * this one (a backup restored); brings it up to date from the change log when it is only behind.
 * Returns whether it changed anything.
 */
export function ensureSearchIndex(db: Database): boolean {
  if (!searchIndexExists(db)) return false;
  const schema = indexSchema(db);
  const state = db.prepare(`SELECT * FROM ${schema}.search_state WHERE id = 1`).get() as IndexState | undefined;
  const version = db.pragma('user_version', { simple: true }) as number;
  const current = state !== undefined && state.index_version === SEARCH_INDEX_VERSION && state.schema_version === version;
  if (current && schema === 'main') return false;
  if (current && state.logged_seq !== undefined && state.logged_stamp !== undefined) {
    const last = lastLogged(db);
    if (state.logged_seq === last.seq && state.logged_stamp === last.stamp) return false;
    if (catchUp(db, { logged_seq: state.logged_seq, logged_stamp: state.logged_stamp }, last)) return true;
  }
  rebuildSearchIndex(db);
  return true;
}
