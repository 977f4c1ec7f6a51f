// The action_summaries table and its one writer: what the action log shows of each action that
// would otherwise be recomputed on every read (times carried, owners as its minutes name them,
// its latest update). Triggers mark the actions a write touches (migration 0004); the write
// path (store/write.ts) calls refreshStaleSummaries before it commits; opening a file whose
// summaries are missing or doubtful rebuilds them all (rebuildActionSummaries).
// A new kind of update, or anything else the log comes to show, is computed here and nowhere else.
import type { Database } from '../db/driver';
import type { ActionLogOwner, ActionStatus, DueKind } from '../../../shared/contract';
import { OUTSTANDING_SQL, DUE_DATE_SQL } from './outstanding';
import { ownerKey } from '../../../shared/domain/actionLog';
import { withFields } from '../../../shared/domain/withFields';
import { countCarriedSql, countsApart, forgetCounts, recount as recountTimesCarried, summariesWithCounts } from './timesCarried';
import { forgetAllLogRows, forgetLogRows } from './actionLogMemo';
import { forgetListingNames, listingNamesLeft } from './listingNames';
import { applyPositionChanges, keepsPositions, PositionChanges, positionsDiffer, positionTotalsWrong, rebuildPositions } from './actionLogPositions';
import { hasGuestOwners, OWNER_FULL_NAME_SQL, OWNER_GROUP_NAME_SQL, OWNER_GUEST_JOIN, OWNER_GUEST_SQL, OWNER_INITIALS_SQL, OWNER_NAMING_JOINS } from './actionOwners';

/** An outstanding action as the action log shows it, kept (see migration 0004; its count of times carried, 0012). */
export interface ActionSummaryRow {
  board_id: string;
  origin_date: string;
  seq: number;
  action_id: string;
  board_name: string;
  short_code: string | null;
  reference: string;
  details: string;
  due_kind: DueKind;
  due_date: string | null;
  due_meeting_id: string | null;
  due_text: string | null;
  effective_due: string | null;
  status: ActionStatus;
  origin_id: string;
  item_id: string | null;
  item_number: string | null;
  item_title: string | null;
  times_carried: number;
  owners_json: string;
  latest_meeting_id: string | null;
  latest_date: string | null;
  latest_text: string | null;
  latest_status: ActionStatus | null;
}

/** The columns of a kept row: in action_summaries, but for times_carried once it has a table of its own (store/timesCarried.ts). */
const COLUMNS = [
  'board_id', 'origin_date', 'seq', 'action_id', 'board_name', 'short_code', 'reference', 'details', 'due_kind', 'due_date', 'due_meeting_id', 'due_text',
  'effective_due', 'status', 'origin_id', 'item_id', 'item_number', 'item_title', 'times_carried', 'owners_json', 'latest_meeting_id', 'latest_date',
  'latest_text', 'latest_status',
] as const satisfies ReadonlyArray<keyof ActionSummaryRow>;

/** Actions summarised at a time: json_each over more ids than this costs more than it saves. */
const BATCH = 2000;

// What the log shows of these actions (a JSON list of ids), those that are outstanding in a board
// not archived. The latest update is the one the action's status follows (actions.last_update_meeting_id,
// kept by arising/actionProgress.ts); the due date follows the board's meetings (DUE_DATE_SQL).
// Times carried is counted from the board's lists (countCarriedSql: one probe per meeting of the
// board, so it grows with the years kept), or, where `kept`, taken from the count kept for the
// action under its board where there is one (the write's own listings are added by recount after).
const factsSql = (kept: boolean): string => `
  SELECT a.board_id, om.meeting_date AS origin_date, a.seq, a.id AS action_id, b.name AS board_name, b.short_code,
    a.reference, a.details, a.due_kind, a.due_date, a.due_meeting_id, a.due_text, (${DUE_DATE_SQL}) AS effective_due, a.status,
    om.id AS origin_id, i.id AS item_id, i.number AS item_number, i.title AS item_title,
    ${kept ? `CASE WHEN k.action_id IS NULL THEN ${countCarriedSql('a.id', 'a.board_id')} ELSE k.times_carried END` : countCarriedSql('a.id', 'a.board_id')} AS times_carried,
    ${kept ? 'k.action_id IS NULL' : '1'} AS counted,
    lu.meeting_id AS latest_meeting_id, lum.meeting_date AS latest_date, lu.text AS latest_text, lu.status AS latest_status
  FROM actions a
  JOIN boards b ON b.id = a.board_id
  JOIN meetings om ON om.id = a.meeting_id
  LEFT JOIN agenda_items i ON i.id = a.agenda_item_id
  LEFT JOIN action_updates lu ON lu.action_id = a.id AND lu.meeting_id = a.last_update_meeting_id
  LEFT JOIN meetings lum ON lum.id = lu.meeting_id
  ${kept ? 'LEFT JOIN action_times_carried k ON k.board_id = a.board_id AND k.action_id = a.id' : ''}
  WHERE a.id IN (SELECT value FROM json_each(?)) AND a.status IN ${OUTSTANDING_SQL} AND b.archived_at IS NULL`;

/**
 * The owners' facts. Migration 0004 fills the summaries with this module at schema 4, before
 * guests could own actions (0009): then there are none to name.
 */
const ownersSql = (guests: boolean): string => `
  SELECT o.action_id, o.member_id, o.group_id, o.name_text, bm.person_id,
    ${OWNER_INITIALS_SQL} AS initials, ${OWNER_FULL_NAME_SQL} AS full_name, ${OWNER_GROUP_NAME_SQL} AS group_name,
    ${guests ? OWNER_GUEST_SQL : 'NULL AS attendance_id, NULL AS guest_initials, NULL AS guest_name'}
  FROM action_owners o JOIN actions a ON a.id = o.action_id ${OWNER_NAMING_JOINS} ${guests ? OWNER_GUEST_JOIN : ''}
  WHERE o.action_id IN (SELECT value FROM json_each(?))
  ORDER BY o.action_id, o.position, o.id`;


interface OwnerFacts {
  action_id: string;
  member_id: string | null;
  group_id: string | null;
  name_text: string | null;
  attendance_id: string | null;
  guest_initials: string | null;
  guest_name: string | null;
  person_id: string | null;
  initials: string | null;
  full_name: string | null;
  group_name: string | null;
}

function logOwner(o: OwnerFacts): ActionLogOwner {
  if (o.member_id) {
    const personId = o.person_id ?? o.member_id;
    return { kind: 'member', memberId: o.member_id, initials: o.initials ?? '?', fullName: o.full_name ?? '', key: ownerKey({ kind: 'member', personId }) };
  }
  if (o.group_id) return { kind: 'group', groupId: o.group_id, name: o.group_name ?? '', key: ownerKey({ kind: 'group', groupId: o.group_id }) };
  if (o.attendance_id) {
    const attendanceId = o.attendance_id;
    return { kind: 'guest', attendanceId, initials: o.guest_initials, fullName: o.guest_name ?? '', key: ownerKey({ kind: 'guest', attendanceId }) };
  }
  const name = o.name_text ?? '';
  return { kind: 'name', name, key: ownerKey({ kind: 'name', name }) };
}

/**
 * The log's rows for these actions as they should be now, from their tables (none for a finished,
 * missing or archived one). With `keptCounts`, an action's times carried is its kept count where
 * it has one, and `counted` lists those counted from the lists instead.
 */
export function computeSummaries(db: Database, actionIds: readonly string[], keptCounts?: { counted: string[] }): ActionSummaryRow[] {
  const out: ActionSummaryRow[] = [];
  const facts = db.prepare(factsSql(keptCounts !== undefined));
  const owners = db.prepare(ownersSql(hasGuestOwners(db)));
  for (let i = 0; i < actionIds.length; i += BATCH) {
    const ids = JSON.stringify(actionIds.slice(i, i + BATCH));
    const byAction = new Map<string, ActionLogOwner[]>();
    for (const o of owners.all(ids) as OwnerFacts[]) {
      const list = byAction.get(o.action_id);
      if (list) list.push(logOwner(o));
      else byAction.set(o.action_id, [logOwner(o)]);
    }
    for (const { counted, ...f } of facts.all(ids) as Array<Omit<ActionSummaryRow, 'owners_json'> & { counted: number }>) {
      if (counted) keptCounts?.counted.push(f.action_id);
      out.push(withFields(f, { owners_json: JSON.stringify(byAction.get(f.action_id) ?? []) }));
    }
  }
  return out;
}

function store(db: Database, rows: readonly ActionSummaryRow[]): void {
  const apart = countsApart(db);
  const columns = apart ? COLUMNS.filter((c) => c !== 'times_carried') : COLUMNS;
  const upsert = db.prepare(`INSERT INTO action_summaries (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const count = apart ? db.prepare('INSERT INTO action_times_carried (board_id, action_id, times_carried) VALUES (@board_id, @action_id, @times_carried)') : null;
  for (const r of rows) {
    upsert.run(r);
    count?.run(r);
  }
}

/**
 * Brings the summaries of every action marked stale up to date, and clears the marks. Called by
 * the write path inside its transaction, after the write's own work: one pass for all it touched.
 */
export function refreshStaleSummaries(db: Database): number {
  if (!keepsSummaries(db)) return 0;
  const stale = db.prepare('SELECT action_id FROM action_summaries_stale').pluck().all() as string[];
  const recount = db.prepare('SELECT count(*) FROM action_summaries_recount').pluck().get() as number;
  if (stale.length === 0 && recount === 0) return 0;
  // The rows rebuilt whose times carried was counted from the lists: the count already holds this write's listings.
  const counted = { counted: [] as string[] };
  if (stale.length > 0) {
    // A row rebuilt keeps its kept count (counting an action's listings probes every meeting of its board).
    const rows = computeSummaries(db, stale, countsApart(db) ? counted : undefined);
    if (!countsApart(db)) counted.counted.push(...stale);
    // Out first (a finished, deleted or moved action; or one whose place in the log changed), then in as it is now.
    const ids = JSON.stringify(stale);
    forgetLogRows(db, ids);
    forgetCounts(db, ids);
    // The log's positions move by the rows' places (board, status, due) out and in: a row put back as it was moves nothing.
    const positions = keepsPositions(db) ? new PositionChanges() : null;
    if (positions) {
      const out = db.prepare('SELECT board_id, status, effective_due, origin_date FROM action_summaries WHERE action_id IN (SELECT value FROM json_each(?))').raw().all(ids) as Array<
        [string, string, string | null, string]
      >;
      for (const [board, status, due, raised] of out) positions.add(board, status, due, raised, -1);
      for (const r of rows) positions.add(r.board_id, r.status, r.effective_due, r.origin_date, 1);
    }
    db.prepare('DELETE FROM action_summaries WHERE action_id IN (SELECT value FROM json_each(?))').run(ids);
    store(db, rows);
    if (positions) applyPositionChanges(db, positions);
    db.prepare('DELETE FROM action_summaries_stale').run();
  }
  if (recount > 0) {
    // Listed or taken off a meeting's matters arising: the count moves by the marks (those rebuilt
    // just now with a count from the lists hold it already).
    forgetLogRows(db, db.prepare('SELECT json_group_array(action_id) FROM action_summaries_recount').pluck().get() as string);
    recountTimesCarried(db, JSON.stringify(counted.counted));
    db.prepare('DELETE FROM action_summaries_recount').run();
  }
  return stale.length + recount;
}

/** The actions the log lists: outstanding, in a board that is not archived. */
function outstandingIds(db: Database): string[] {
  return db
    .prepare(`SELECT a.id FROM actions a INDEXED BY actions_outstanding JOIN boards b ON b.id = a.board_id WHERE a.status IN ${OUTSTANDING_SQL} AND b.archived_at IS NULL`)
    .pluck()
    .all() as string[];
}

/** Every row computed again from its tables; the caller owns the transaction. */
export function rebuildActionSummaries(db: Database): void {
  forgetAllLogRows(db);
  if (countsApart(db)) db.prepare('DELETE FROM action_times_carried').run();
  db.prepare('DELETE FROM action_summaries').run();
  store(db, computeSummaries(db, outstandingIds(db)));
  rebuildPositions(db);
  db.prepare('DELETE FROM action_summaries_stale').run();
  db.prepare('DELETE FROM action_summaries_recount').run();
  forgetListingNames(db);
}

const keeping = new WeakMap<Database, boolean>();

/**
 * Whether this file keeps summaries at all: one opened at an older format (a migration's test,
 * a tool) does not. Asked once per connection: a connection is migrated before its first write.
 */
export function keepsSummaries(db: Database): boolean {
  let keeps = keeping.get(db);
  if (keeps === undefined) {
    keeps = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'action_summaries_stale'").get() !== undefined;
    if (keeps) keeping.set(db, keeps);
  }
  return keeps;
}

/**
 * Whether the summaries cannot be trusted as they are: marks left by a write made outside core,
 * or an action without its summary (or a summary without its action); `thorough` also computes
 * every summary again and compares (for small files, where that takes milliseconds).
 */
export function keptValuesWrong(db: Database, thorough = false): boolean {
  if (!keepsSummaries(db)) return false;
  if (db.prepare('SELECT 1 FROM action_summaries_stale UNION ALL SELECT 1 FROM action_summaries_recount LIMIT 1').get()) return true;
  // A meeting left named as being carried into: listings added meanwhile skipped their marks.
  if (listingNamesLeft(db)) return true;
  const kept = db.prepare('SELECT count(*) FROM action_summaries').pluck().get() as number;
  if (outstandingIds(db).length !== kept) return true;
  // Every kept row has its count, and there is no count without its row.
  if (countsApart(db) && db.prepare(`SELECT count(*) FROM ${summariesWithCounts(db).from} WHERE k.action_id IS NOT NULL`).pluck().get() !== kept) return true;
  if (countsApart(db) && db.prepare('SELECT count(*) FROM action_times_carried').pluck().get() !== kept) return true;
  // The log's positions (store/actionLogPositions.ts) add up to the rows kept, board by board and status by status.
  if (positionTotalsWrong(db)) return true;
  return thorough && (summariesDiffer(db).length > 0 || positionsDiffer(db).length > 0);
}

/** The actions whose kept summary differs from what their tables say now (empty when all agree). */
export function summariesDiffer(db: Database): string[] {
  const ids = outstandingIds(db);
  const { from, timesCarried } = summariesWithCounts(db);
  const kept = new Map((db.prepare(`SELECT s.*, ${timesCarried} AS times_carried FROM ${from}`).all() as ActionSummaryRow[]).map((r) => [r.action_id, r]));
  const differ: string[] = [];
  if (countsApart(db)) {
    // A count kept for no row, or for the row under another board, is wrong too.
    const stray = db.prepare('SELECT k.action_id FROM action_times_carried k WHERE NOT EXISTS (SELECT 1 FROM action_summaries s WHERE s.board_id = k.board_id AND s.action_id = k.action_id)').pluck().all() as string[];
    differ.push(...stray);
    const missing = db.prepare(`SELECT s.action_id FROM ${from} WHERE k.action_id IS NULL`).pluck().all() as string[];
    differ.push(...missing);
  }
  for (const want of computeSummaries(db, ids)) {
    const have = kept.get(want.action_id);
    kept.delete(want.action_id);
    if (!have || COLUMNS.some((c) => have[c] !== want[c])) differ.push(want.action_id);
  }
  return [...new Set([...differ, ...kept.keys()])];
}
