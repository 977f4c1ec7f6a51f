// An item deleted on one laptop and edited on another while they were apart: the edit wins.
// Yjs alone would drop it (deleting a map key deletes the row's map, and edits made into it
// elsewhere are deleted with it), and the item's decisions and actions would go with it.
// So a laptop deleting an item leaves a tombstone in the meeting's document saying who deleted
// it and how much of it they had seen (per Yjs client, the last clock of the item's row and of
// everything added to it, itemTombstones.ts). A laptop receiving that deletion while holding
// edits of the item the deleter had not seen keeps the item, its discussion, decisions and actions
// in its tables; its mirror writes them back into the document, so the item comes back on every
// laptop, and the board's conflict log says who deleted it and who edited it, so the
// administrator can delete it again knowingly (a deletion made having seen every edit stands).
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import { conflictLog, type ItemConflictDetail } from './conflicts';
import { DELETED_ITEMS_ROOT, itemClock, rowKey, type Removal, type Tombstone } from './itemTombstones';
import { LAPTOPS_ROOT, LOCAL_ORIGIN } from './mirror';
import type { BoardReplica } from './replica';
import { readItemFields } from './itemVersions';

export interface Restore {
  meetingId: string;
  itemId: string;
  deletedBy: string;
  deletedAt: string;
  editedBy: string[];
}

/** Per row (an item, an attendance row), how much of it a meeting's document held: per Yjs client, the last clock. */
export type Clocks = Map<string, Map<number, number>>;

/** Before a batch is applied: how much of each item a meeting's document holds here (restores.ts snapshots every kind of row). */
export function snapshotItems(doc: Y.Doc): Clocks {
  const items: Clocks = new Map();
  for (const key of doc.getMap('agenda_items').keys()) {
    const id = (JSON.parse(key) as string[])[0] as string;
    items.set(id, itemClock(doc, id));
  }
  return items;
}

/** The laptops whose edits of a row (`clock`, as held here before the removal arrived) the removal had not seen: none, and the removal stands. */
export function editorsUnseen(doc: Y.Doc, clock: ReadonlyMap<number, number>, removal: Removal): string[] {
  const laptops = doc.getMap<string>(LAPTOPS_ROOT);
  const unseen = [...clock].filter(([client, last]) => last > (removal.seen[String(client)] ?? -1)).map(([client]) => client);
  return [...new Set(unseen.map((c) => laptops.get(String(c)) ?? 'another laptop'))].sort();
}

/** After the batch: the items it deleted that hold edits here the deleting laptop had not seen. */
export function itemsToRestore(replica: BoardReplica, snapshot: ReadonlyMap<string, Clocks>): Restore[] {
  const restores: Restore[] = [];
  for (const [meetingId, items] of snapshot) {
    const { doc } = replica.meeting(meetingId);
    if (doc.getMap('meeting').size === 0) continue;
    const rows = doc.getMap('agenda_items');
    const tombstones = doc.getMap<Tombstone>(DELETED_ITEMS_ROOT);
    for (const [itemId, clock] of items) {
      const tombstone = tombstones.get(itemId);
      if (rows.has(rowKey(itemId)) || !tombstone) continue;
      const editedBy = editorsUnseen(doc, clock, tombstone);
      if (editedBy.length === 0) continue;
      restores.push({ meetingId, itemId, deletedBy: tombstone.by, deletedAt: tombstone.at, editedBy });
    }
  }
  return restores;
}

/** The items to keep in the tables: those restored, the items they are part of (a sub-item needs its item), and their sub-items (they come back whole). */
export function keptItems(db: Database, restores: readonly Restore[]): Set<string> {
  const kept = new Set<string>();
  const parent = db.prepare('SELECT parent_id FROM agenda_items WHERE id = ?').pluck();
  const children = db.prepare('SELECT id FROM agenda_items WHERE parent_id = ?').pluck();
  const below = (id: string): void => {
    for (const child of children.all(id) as string[]) if (!kept.has(child)) below((kept.add(child), child));
  };
  for (const r of restores) {
    below(r.itemId);
    for (let id: string | null = r.itemId; id && !kept.has(id); id = (parent.get(id) as string | null | undefined) ?? null) kept.add(id);
  }
  return kept;
}

/** Inside the projection's write: each restore in the board's conflict log, read by every laptop. */
export function logItemRestores(db: Database, replica: BoardReplica, restores: readonly Restore[]): void {
  const read = db.prepare('SELECT number, title, meeting_id FROM agenda_items WHERE id = ?');
  // Who brought it back: this laptop's user, as the meeting's document names it (its edits there are why).
  const me = (meetingId: string): string | undefined => {
    const { doc } = replica.meeting(meetingId);
    return doc.getMap<string>(LAPTOPS_ROOT).get(String(doc.clientID));
  };
  replica.board.transact(() => {
    const log = conflictLog(replica.board);
    for (const r of restores) {
      const item = read.get(r.itemId) as { number: string; title: string; meeting_id: string } | undefined;
      // The meeting is named so the conflict still leads somewhere if the item is deleted again.
      // The item's own details as brought back here: another laptop may bring back another version, and Yjs keeps one (itemVersions.ts).
      const fields = readItemFields(db, r.itemId);
      const versions = fields ? [{ by: me(r.meetingId) ?? r.editedBy.join(', '), fields }] : [];
      const detail: ItemConflictDetail = { item: r.itemId, meetingId: item?.meeting_id ?? null, number: item?.number ?? '', title: item?.title ?? '', deletedBy: r.deletedBy, deletedAt: r.deletedAt, editedBy: r.editedBy, versions };
      log.push([{ kind: 'item_deleted_edited', entity: r.itemId, detail }]);
    }
  }, LOCAL_ORIGIN);
}
