// What the status line's "n changes waiting" counts: the records changed on this laptop that the
// server has not acknowledged yet (an item, a decision, an action, an item's discussion, the
// meeting's details, an action and its status, a roster entry …), each once however many times it was
// changed, and however many stored updates carry it. Counting stored updates instead said
// "sending 57 changes" for one paragraph typed (each keystroke batch is an update), "2" for one
// action added (its row, and its status in the board's document), and fell when updates were
// merged without anything being sent. Read from the unacknowledged local updates (updateStore.ts).
import * as Y from 'yjs';
import type { Database } from '../db/driver';
import { LAPTOPS_ROOT } from './mirror';
import { MEETING_MARKS_ROOT } from './meetingMarks';
import { ACTION_STATUS_ROOT, AGREED_DISCUSSIONS_ROOT, MEETING_STATE_ROOT } from './registry';
import { AGREED_RECORD_ROOT } from './frozenRecord';
import { DELETED_ITEMS_ROOT } from './itemTombstones';
import { discussionRoot, parseDocName } from './docNames';
import type { BoardReplica } from './replica';

/**
 * Roots that are the laptops' own bookkeeping, not a record anyone changed: the laptops' names
 * (written again after a deletion alone, to move the document's state vector on) and the meetings'
 * change marks in the board's document (meetingMarks.ts).
 */
const BOOKKEEPING = new Set([LAPTOPS_ROOT, MEETING_MARKS_ROOT]);
const DISCUSSION_PREFIX = discussionRoot('');

/** The records an update's items belong to, per stored update (its seq: never reused). */
const cache = new WeakMap<Database, Map<number, string[]>>();

/** The roots of a meeting's document that hold the meeting itself (its own row's columns; as agreed). */
const MEETING_ROOTS = new Set(['meeting', AGREED_RECORD_ROOT, AGREED_DISCUSSIONS_ROOT]);

function meetingOf(name: string): string | null {
  const address = parseDocName(name);
  return address.kind === 'meeting' ? address.meetingId : null;
}

/**
 * The record a document's item belongs to: a row of a table (by its root and key), an item (its
 * discussion, its tombstone), a meeting, an action (its status); null for bookkeeping, which is no
 * record; undefined when it cannot be told.
 */
function recordOf(meetingId: string | null, item: Y.Item): string | null | undefined {
  let top: Y.Item = item;
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) {
    top = type._item;
    type = top.parent as Y.AbstractType<unknown> | null;
  }
  if (!type) return undefined;
  const root = Y.findRootTypeKey(type);
  if (BOOKKEEPING.has(root)) return null;
  // An item's discussion is a change of the item (as the change log records it).
  if (root.startsWith(DISCUSSION_PREFIX)) return `agenda_items\u0000${JSON.stringify([root.slice(DISCUSSION_PREFIX.length)])}`;
  if (root === DELETED_ITEMS_ROOT && top.parentSub !== null) return `agenda_items\u0000${JSON.stringify([top.parentSub])}`;
  // The next action reference a draft issued is the meeting's bookkeeping of an action added, not a change of the meeting.
  if (root === 'meeting' && top.parentSub === 'action_seq_issued') return null;
  if (MEETING_ROOTS.has(root) && meetingId) return `meetings\u0000${JSON.stringify([meetingId])}`;
  if (root === MEETING_STATE_ROOT && top.parentSub !== null) return `meetings\u0000${JSON.stringify([top.parentSub])}`;
  if (top.parentSub !== null) return `${root}\u0000${top.parentSub}`;
  // A sequence at the root: a status log entry is a change of its action.
  const content = top.content instanceof Y.ContentAny ? (top.content.getContent()[0] as { action?: unknown } | undefined) : undefined;
  return root === ACTION_STATUS_ROOT && typeof content?.action === 'string' ? `actions\u0000${JSON.stringify([content.action])}` : root;
}

/**
 * The records a stored update of the document `name` changed. An update of bookkeeping alone (a
 * change mark, a laptop's name) changed none; one whose records cannot be told (all merged away)
 * still waits: one change of its document.
 */
function recordsOf(doc: Y.Doc, name: string, update: Uint8Array): string[] {
  const meetingId = meetingOf(name);
  const out = new Set<string>();
  let untold = false;
  const visit = (client: number, clock: number): void => {
    try {
      const struct = Y.getItem(doc.store, Y.createID(client, clock));
      const record = struct instanceof Y.Item ? recordOf(meetingId, struct) : undefined;
      if (record) out.add(record);
      else if (record === undefined) untold = true;
    } catch {
      // Not in the document any more (merged away): it is counted with what is.
      untold = true;
    }
  };
  const { structs, ds } = Y.decodeUpdate(update);
  for (const s of structs) {
    if (s instanceof Y.Item) visit(s.id.client, s.id.clock);
    else untold = true;
  }
  for (const [client, ranges] of ds.clients) for (const r of ranges) visit(client, r.clock);
  return out.size === 0 && untold ? [name] : [...out];
}

/** How many records changed here the server has not acknowledged: the status line's pending changes. */
export function pendingChanges(db: Database, replica: BoardReplica): number {
  const rows = db.prepare("SELECT seq, doc_name AS name, update_blob AS blob FROM sync_updates WHERE board_id = ? AND origin = 'local' AND acknowledged = 0 ORDER BY seq").all(replica.boardId) as Array<{
    seq: number;
    name: string;
    blob: Buffer;
  }>;
  const known = cache.get(db) ?? new Map<number, string[]>();
  cache.set(db, known);
  const records = new Set<string>();
  const kept = new Map<number, string[]>();
  for (const r of rows) {
    const found = known.get(r.seq) ?? recordsOf(replica.doc(r.name), r.name, new Uint8Array(r.blob));
    kept.set(r.seq, found);
    // Records are named by table and key (an action's row and its status are one change).
    for (const rec of found) records.add(rec);
  }
  cache.set(db, kept);
  return records.size;
}
