// An edit the server merged into minutes before their agreement reached it (or while it was on its
// way): the agreed record stays as the frozen copy holds it (frozenRecord.ts), and whatever the
// document's live rows say differently becomes ONE proposed correction for the next meeting and
// one agreed_edited conflict. Every laptop finds it from the documents alone, with the same id,
// words and dates, inside its projection's write: INSERT OR IGNORE makes it exactly once per
// laptop, and the copy another laptop syncs through the board's document is the same row (a
// correction can never be updated, so a row that differed would be refused).
import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { WriteHandle } from '../store/write';
import { nowInstant } from '../changelog';
import { formatUkDate, formatUkInstant } from '../../../shared/domain/dates';
import type { AgreedEditDetail } from './conflicts';
import { canonicalDiscussion } from '../../../shared/domain/discussionJson';
import { frozenCopy, frozenDiscussion, frozenTableRows, type FrozenCopy } from './frozenRecord';
import { DELETED_ITEMS_ROOT, type Tombstone } from './itemTombstones';
import { LAPTOPS_ROOT } from './mirror';
import { childTexts, compareRecords, liveView, type RecordChange, type RecordView } from './recordDiff';
import { AGREED_AT_KEY, rowColumns, rowKey, tablesOf, type Row, type SyncedTable } from './registry';
import type { BoardReplica } from './replica';
import { readRow, readRows, type RowsMap } from './rowMaps';

const AGREED = new Set(['agreed', 'published']);

/** Tables whose changes the item-by-item words do not cover, and how a change to each is put. */
const OTHER_TABLES: Record<string, string> = {
  meetings: 'the meeting’s details (its date, times, venue or next meeting) were changed',
  attendance: 'the attendance was changed',
  guest_contacts: 'the attendance was changed',
  attendance_items: 'the attendance was changed',
  declarations: 'the declarations of interest were changed',
  action_owners: 'the owners of an action were changed',
  carried_actions: 'the actions carried forward were changed',
  action_updates: 'the progress recorded on actions was changed',
};

/** A deterministic, UUID-shaped id (version 5 layout) from text: the same on every laptop. */
export function derivedId(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function frozenView(w: WriteHandle, copy: FrozenCopy): RecordView {
  const table = (name: string) => tablesOf('meeting').find((t) => t.table === name) as SyncedTable;
  const items = new Map(
    [...frozenTableRows(w.db, copy, table('agenda_items')).values()].map((r) => [
      String(r.id),
      { number: String(r.number ?? ''), title: String(r.title ?? ''), discussion: canonicalDiscussion(frozenDiscussion(copy, String(r.id))) },
    ]),
  );
  const texts = (name: string, column: string) =>
    childTexts([...frozenTableRows(w.db, copy, table(name)).values()].map((r) => ({ item: String(r.agenda_item_id ?? ''), text: String(r[column]) })));
  return { items, decisions: texts('decisions', 'text'), actions: texts('actions', 'details') };
}

const canonicalRows = (rows: Map<string, Row>): string => JSON.stringify([...rows.entries()].sort(([a], [b]) => a.localeCompare(b)));

/** The other tables' differences, one sentence each (each sentence once). */
function otherChanges(w: WriteHandle, doc: Y.Doc, copy: FrozenCopy): RecordChange[] {
  const said = new Set<string>();
  for (const table of tablesOf('meeting')) {
    const words = OTHER_TABLES[table.table];
    if (!words || said.has(words)) continue;
    const columns = rowColumns(w.db, table);
    const own = table.table === 'meetings' ? readRow(doc.getMap(table.root), columns) : null;
    const live = own ? new Map([[rowKey(table, own), own]]) : readRows(doc.getMap(table.root) as RowsMap, columns);
    if (canonicalRows(live) !== canonicalRows(frozenTableRows(w.db, copy, table))) said.add(words);
  }
  return [...said].map((change) => ({ item: null, number: null, title: null, change }));
}

/** Who wrote what differs (the last writer of each live column that differs from the copy, or of a row the copy lacks; a deleted item's tombstone), and when. */
function editors(w: WriteHandle, doc: Y.Doc, copy: FrozenCopy, changes: readonly RecordChange[]): { clients: Set<number>; deletedBy: Set<string>; at: string[] } {
  const clients = new Set<number>();
  const deletedBy = new Set<string>();
  const at: string[] = [];
  const itemIds = new Set(changes.map((c) => c.item).filter((id): id is string => id !== null));
  for (const table of tablesOf('meeting').filter((t) => ['agenda_items', 'decisions', 'actions'].includes(t.table))) {
    const columns = rowColumns(w.db, table);
    const agreed = frozenTableRows(w.db, copy, table);
    for (const [key, row] of (doc.getMap(table.root) as RowsMap).entries()) {
      const item = String(row.get(table.table === 'agenda_items' ? 'id' : 'agenda_item_id'));
      if (!itemIds.has(item)) continue;
      const was = agreed.get(key);
      const differing = was ? columns.filter((c) => (row.has(c) ? (row.get(c) ?? null) : null) !== (was[c] ?? null)) : ['id'];
      for (const c of differing) {
        const writer = row._map.get(c);
        if (writer) clients.add(writer.id.client);
      }
      const stamp = row.get(was ? 'updated_at' : 'created_at');
      if (differing.length > 0 && typeof stamp === 'string') at.push(stamp);
    }
  }
  for (const id of itemIds) {
    const tomb = doc.getMap<Tombstone>(DELETED_ITEMS_ROOT).get(id);
    if (tomb && !(doc.getMap('agenda_items') as RowsMap).has(JSON.stringify([id]))) {
      deletedBy.add(tomb.by);
      at.push(tomb.at);
    }
  }
  return { clients, deletedBy, at };
}

const names = (list: string[]): string => (list.length <= 1 ? (list[0] ?? 'another laptop') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`);

/** One meeting: its correction and conflict, if its live rows differ from its frozen copy. */
function proposeFor(w: WriteHandle, replica: BoardReplica, meetingId: string): void {
  const meeting = replica.meeting(meetingId);
  const copy = frozenCopy(meeting.doc);
  if (!copy) return;
  const m = w.db.prepare('SELECT status, meeting_date, agreed_on FROM meetings WHERE id = ?').get(meetingId) as { status: string; meeting_date: string; agreed_on: string | null } | undefined;
  if (!m || !AGREED.has(m.status)) return;
  const changes = [...compareRecords(liveView(meeting), frozenView(w, copy)), ...otherChanges(w, meeting.doc, copy)];
  if (changes.length === 0) return;
  const stateMap = meeting.doc.getMap<string>('meeting');
  const agreedAt = String(stateMap.get(AGREED_AT_KEY));
  const who = editors(w, meeting.doc, copy, changes);
  const laptops = meeting.doc.getMap<string>(LAPTOPS_ROOT);
  const by = [...new Set([...[...who.clients].map((c) => laptops.get(String(c))).filter((n): n is string => !!n), ...who.deletedBy])].sort();
  const at = who.at.sort().pop() ?? agreedAt;
  const words = changes.map((c) => (c.number ? `item ${c.number} “${c.title}”: ${c.change}` : c.change));
  const what = `Proposed from an edit to the minutes made on ${names(by)}’s laptop (${formatUkInstant(at)}) while they were being agreed on another: ${words.join('; ')}.`.slice(0, 5_000);
  const why = `The minutes of ${formatUkDate(m.meeting_date)} were agreed as accurate on another laptop before it had heard of this edit; the edit was not merged into the record and is put to the next meeting as a correction.`;
  const id = derivedId(`agreed-edit\u0000${meetingId}\u0000${agreedAt}\u0000${what}`);
  const date = [agreedAt.slice(0, 10), m.agreed_on ?? ''].sort().pop()!;
  const inserted = w.db
    .prepare('INSERT OR IGNORE INTO corrections (id, meeting_id, agreed_at_meeting_id, correction_date, what, why, created_at) VALUES (?, ?, NULL, ?, ?, ?, ?)')
    .run(id, meetingId, date, what, why, agreedAt);
  if (inserted.changes > 0) w.log({ entity: 'correction', entityId: id, action: 'create', detail: { meetingId, what, why, agreedAtMeetingId: null, proposedFromSync: true } });
  const first = changes[0]!;
  const detail: AgreedEditDetail = { meetingDate: formatUkDate(m.meeting_date), item: first.item, number: first.number, title: first.title, change: words.join('; '), by: by.length > 0 ? by : ['another laptop'], at, correction: id };
  w.db
    .prepare("INSERT OR IGNORE INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, 'agreed_edited', ?, ?, ?)")
    .run(derivedId(`conflict\u0000${id}`), replica.boardId, meetingId, JSON.stringify(detail), nowInstant());
}

/** After the meetings' state is projected: each agreed meeting of `meetingIds` whose document holds an edit its record never took. */
export function proposeFrozenDifferences(w: WriteHandle, replica: BoardReplica, meetingIds: readonly string[]): void {
  for (const id of meetingIds) proposeFor(w, replica, id);
}
