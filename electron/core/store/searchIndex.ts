// The full-text search index (search_docs + search_fts, migration 0006): what is indexed, and
// keeping it in step. The one write path (write.ts) hands every committed write's change-log
// entries to indexChanges, inside the write's transaction, so the index can never disagree with
// what was saved; ensureSearchIndex rebuilds it on open when it is missing or was built by an
// older version. Nothing else writes these tables.
import type { Database } from '../db/driver';
import type { Changed } from '../../../shared/contract';
import type { SearchKind } from '../../../shared/domain/enums';
import { discussionTextSql, registerDiscussionText } from './discussionText';
import { OWNER_FULL_NAME_SQL, OWNER_GROUP_NAME_SQL, OWNER_INITIALS_SQL, OWNER_NAMING_JOINS } from './actionOwners';

/** Bump when what is indexed changes: files indexed by an earlier version are rebuilt on open. */
export const SEARCH_INDEX_VERSION = 3;

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

/** Whether the file has the index (a file opened at an earlier schema, in a migration's test, has not). */
const hasIndex = new WeakMap<Database, boolean>();

export function searchIndexExists(db: Database): boolean {
  let known = hasIndex.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('search_docs', 'search_fts', 'search_state')").pluck().get() === 3;
    hasIndex.set(db, known);
  }
  return known;
}

const sameDoc = (a: DocFields, b: DocFields): boolean =>
  a.meeting_id === b.meeting_id &&
  a.item_id === b.item_id &&
  a.action_id === b.action_id &&
  a.title === b.title &&
  a.body === b.body &&
  a.board_token === b.board_token;

function removeDoc(db: Database, old: SearchDocRow): void {
  db.prepare("INSERT INTO search_fts (search_fts, rowid, title, body, board_token) VALUES ('delete', ?, ?, ?, ?)").run(old.id, old.title, old.body, old.board_token);
  db.prepare('DELETE FROM search_docs WHERE id = ?').run(old.id);
}

function putDoc(db: Database, doc: DocFields, old: SearchDocRow | undefined): void {
  if (old && sameDoc(old, doc)) return;
  if (old) removeDoc(db, old);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_docs (kind, source_id, meeting_id, item_id, action_id, title, body, board_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(doc.kind, doc.source_id, doc.meeting_id, doc.item_id, doc.action_id, doc.title, doc.body, doc.board_token);
  db.prepare('INSERT INTO search_fts (rowid, title, body, board_token) VALUES (?, ?, ?, ?)').run(lastInsertRowid, doc.title, doc.body, doc.board_token);
}

const docKey = (d: { kind: string; source_id: string }): string => `${d.kind}\u0000${d.source_id}`;

/** A source's SELECT on this connection's file (how it stores discussions: store/discussionPacked.ts). */
const sourceSql = (db: Database, source: SearchSource, where: string): string => source.sql.replace('{where}', where).replace('{itemText}', discussionTextSql(db, 'i'));

/** Makes the index rows of one scope what the record now says. */
function syncScope(db: Database, { scope, id }: ScopeRef): void {
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
      putDoc(db, doc, before);
    }
  }
  for (const gone of old.values()) removeDoc(db, gone);
}

/** Brings the index in step with a write's changes; called by write() inside its transaction. */
export function indexChanges(db: Database, changes: readonly Changed[]): void {
  if (changes.length === 0 || !searchIndexExists(db)) return;
  registerDiscussionText(db);
  const done = new Set<string>();
  for (const change of changes) {
    for (const ref of SCOPES_OF[change.entity]?.(db, change.id) ?? []) {
      const key = `${ref.scope}\u0000${ref.id}`;
      if (done.has(key)) continue;
      done.add(key);
      syncScope(db, ref);
    }
  }
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
    db.prepare('INSERT OR REPLACE INTO search_state (id, index_version, schema_version, built_at) VALUES (1, ?, ?, ?)').run(
      SEARCH_INDEX_VERSION,
      schema,
      new Date().toISOString(),
    );
  })();
}

/**
 * On open: rebuilds the index when it was never built (a file upgraded to schema 6), was built
 * by another version of the indexer, or at another schema version (a later migration may have
 * changed text without any write). Returns whether it rebuilt.
 */
export function ensureSearchIndex(db: Database): boolean {
  if (!searchIndexExists(db)) return false;
  const state = db.prepare('SELECT index_version, schema_version FROM search_state WHERE id = 1').get() as
    | { index_version: number; schema_version: number }
    | undefined;
  const schema = db.pragma('user_version', { simple: true }) as number;
  if (state && state.index_version === SEARCH_INDEX_VERSION && state.schema_version === schema) return false;
  rebuildSearchIndex(db);
  return true;
}
