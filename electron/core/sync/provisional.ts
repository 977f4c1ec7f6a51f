// Provisional numbers under sync: two laptops apart can both give a draft's new item number 5, or
// both issue action reference "/5", and the merged document then holds both. The projection never
// fails on that: the earlier-made row (created_at, then id: the same order on every laptop) keeps
// its number, and the later one takes the next free one, decided from the document alone so every
// laptop decides the same (the mirror then writes the settled numbers back into the document).
// A draft's item numbers simply follow the outline again, as they do on any edit of a draft: always,
// not only when two rows share a number, since two laptops apart each deleting an item renumber the
// items after it, and the merged numbers can then leave a gap as well as repeat one.
// Circulated numbers are not touched unless two rows share one, and then only the later row moves.
import type { WriteHandle } from '../store/write';
import { numberItems } from '../../../shared/domain/numbering';
import { formatReference } from '../../../shared/domain/references';
import type { ItemNumbering } from '../../../shared/domain/enums';
import { MEETING_STATE_ROOT, type Row, type SyncedTable } from './registry';
import type { BoardReplica } from './replica';
import type * as Y from 'yjs';

const byCreation = (a: Row, b: Row): number => String(a.created_at).localeCompare(String(b.created_at)) || String(a.id).localeCompare(String(b.id));

function isDraft(replica: BoardReplica, meetingId: string): boolean {
  const state = replica.board.getMap<Y.Map<unknown>>(MEETING_STATE_ROOT).get(meetingId);
  const status = state && typeof state.get === 'function' ? state.get('status') : undefined;
  return status === undefined || status === 'draft';
}

function settleItemNumbers(w: WriteHandle, replica: BoardReplica, meetingId: string, wanted: Map<string, Row>): Map<string, Row> {
  const rows = [...wanted.values()];
  const draft = isDraft(replica, meetingId);
  if (!draft && new Set(rows.map((r) => r.number)).size === rows.length) return wanted;
  const settled = new Map<string, string>();
  if (draft) {
    const numbering = (w.db.prepare('SELECT item_numbering FROM boards WHERE id = ?').pluck().get(replica.boardId) ?? 'letters') as ItemNumbering;
    const nodes = rows.map((r) => ({ id: String(r.id), parentId: (r.parent_id as string | null) ?? null, position: Number(r.position ?? 0) }));
    for (const n of numberItems(nodes, numbering)) settled.set(n.id, n.number);
  } else {
    const used = new Set<string>();
    let top = Math.max(0, ...rows.map((r) => Number.parseInt(String(r.number), 10)).filter(Number.isFinite));
    for (const r of [...rows].sort(byCreation)) {
      let number = String(r.number);
      if (used.has(number)) while (used.has((number = String(++top))));
      used.add(number);
      settled.set(String(r.id), number);
    }
  }
  if (rows.every((r) => (settled.get(String(r.id)) ?? r.number) === r.number)) return wanted;
  return new Map([...wanted].map(([key, r]) => [key, { ...r, number: settled.get(String(r.id)) ?? r.number ?? null }]));
}

function settleReferences(w: WriteHandle, replica: BoardReplica, meetingId: string, wanted: Map<string, Row>): Map<string, Row> {
  const rows = [...wanted.values()].sort(byCreation);
  const elsewhere = new Set(w.db.prepare('SELECT reference FROM actions WHERE board_id = ? AND meeting_id <> ?').pluck().all(replica.boardId, meetingId) as string[]);
  const seqs = new Set<number>();
  const refs = new Set<string>();
  const moved: Row[] = [];
  for (const r of rows) {
    const seq = Number(r.seq);
    const ref = String(r.reference);
    if (seqs.has(seq) || refs.has(ref) || elsewhere.has(ref)) moved.push(r);
    else {
      seqs.add(seq);
      refs.add(ref);
    }
  }
  if (moved.length === 0) return wanted;
  const fmt = String(w.db.prepare('SELECT reference_format FROM boards WHERE id = ?').pluck().get(replica.boardId));
  const date = String(replica.meeting(meetingId).doc.getMap('meeting').get('meeting_date'));
  let next = Math.max(...rows.map((r) => Number(r.seq)));
  const settled = new Map<string, { seq: number; reference: string }>();
  for (const r of moved) {
    let reference: string;
    do reference = formatReference(fmt, date, ++next);
    while (refs.has(reference) || elsewhere.has(reference));
    refs.add(reference);
    settled.set(String(r.id), { seq: next, reference });
  }
  return new Map([...wanted].map(([key, r]) => [key, { ...r, ...settled.get(String(r.id)) }]));
}

/** A meeting table's rows from its document, with any provisional number two laptops both made settled. */
export function settleNumbers(w: WriteHandle, replica: BoardReplica, meetingId: string, table: SyncedTable, wanted: Map<string, Row>): Map<string, Row> {
  if (table.table === 'agenda_items') return settleItemNumbers(w, replica, meetingId, wanted);
  if (table.table === 'actions') return settleReferences(w, replica, meetingId, wanted);
  return wanted;
}

/**
 * Moves out of the way the numbers about to change (items' numbers are unique in a meeting,
 * actions' sequence in a meeting and reference in a board), so rows that swap or shift numbers
 * never meet each other half-done while the projection updates them one by one.
 */
export function parkNumbers(w: WriteHandle, table: SyncedTable, wanted: Map<string, Row>, have: Map<string, Row>): void {
  if (table.table === 'agenda_items') {
    const park = w.db.prepare('UPDATE agenda_items SET number = ? WHERE id = ?');
    for (const [key, row] of wanted) {
      const current = have.get(key);
      if (current && current.number !== row.number) park.run(`~${String(row.id)}`, row.id);
    }
    // Items the document no longer holds are removed (or kept, settleKeptItems) only after the
    // others have taken their numbers: a deletion renumbers the draft's items after it.
    for (const [key, row] of have) if (!wanted.has(key)) park.run(`~${String(row.id)}`, row.id);
  } else if (table.table === 'actions') {
    const park = w.db.prepare('UPDATE actions SET seq = ?, reference = ? WHERE id = ?');
    let spare = 1_000_000_000;
    for (const [key, row] of wanted) {
      const current = have.get(key);
      if (current && (current.seq !== row.seq || current.reference !== row.reference)) park.run(++spare, `~${String(row.id)}`, row.id);
    }
  }
}

/**
 * Items a projection keeps though the document dropped them (deleted elsewhere, edited here:
 * itemRestore.ts) were parked while the document's items took their numbers; each takes its own
 * number back, or, where another item now holds it, a number settled as two laptops' new items
 * are (decided from the rows alone, the same on every laptop). Returns the items renumbered.
 */
export function settleKeptItems(w: WriteHandle, replica: BoardReplica, meetingId: string, kept: ReadonlyMap<string, Row>): string[] {
  if (kept.size === 0) return [];
  const rows = w.db.prepare('SELECT id, parent_id, position, number, created_at FROM agenda_items WHERE meeting_id = ?').all(meetingId) as Row[];
  const current = new Map(rows.map((r) => [String(r.id), r.number]));
  const byKey = new Map(rows.map((r): [string, Row] => [String(r.id), { ...r, number: kept.get(String(r.id))?.number ?? r.number ?? null }]));
  const settled = settleItemNumbers(w, replica, meetingId, byKey);
  const changed = [...settled.values()].filter((r) => current.get(String(r.id)) !== r.number);
  const put = w.db.prepare('UPDATE agenda_items SET number = ? WHERE id = ?');
  for (const r of changed) put.run(`~${String(r.id)}`, r.id);
  for (const r of changed) put.run(r.number, r.id);
  return changed.map((r) => String(r.id));
}
