// What an edit changed in minutes, in words: two views of one meeting's record (its items with
// their titles and discussions, and each item's decisions and actions by their text) compared,
// one sentence per change. Used for an edit refused by the server (this laptop's tables against
// the agreed document, agreedEdit.ts) and for one the server merged before the agreement (the
// document's live rows against its frozen copy, frozenEdit.ts).
import type * as Y from 'yjs';
import { discussionBlocks, discussionPlainText } from '../../../shared/domain/discussion';
import { canonicalDiscussion } from '../../../shared/domain/discussionJson';
import { discussionRoot } from './docNames';
import type { Value } from './registry';
import type { MeetingReplica } from './replica';
import type { RowsMap } from './rowMaps';

export interface ItemView {
  number: string;
  title: string;
  /** The discussion as canonical JSON, or null for none. */
  discussion: string | null;
}

export interface RecordView {
  items: Map<string, ItemView>;
  /** Item id -> its decisions' texts (sorted). */
  decisions: Map<string, string[]>;
  /** Item id -> its actions' details (sorted). */
  actions: Map<string, string[]>;
}

export interface RecordChange {
  item: string | null;
  number: string | null;
  title: string | null;
  change: string;
}

export const quote = (text: string, max = 300): string => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
const plain = (json: string | null): string => discussionPlainText(discussionBlocks(json, '')).trim();

/** Texts of a child table's rows per item: decisions' text, actions' details. */
export function childTexts(rows: Iterable<{ item: string; text: string }>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.item, [...(out.get(r.item) ?? []), r.text].sort());
  return out;
}

function childrenInDoc(doc: Y.Doc, root: string, column: string): Map<string, string[]> {
  const rows: Array<{ item: string; text: string }> = [];
  for (const row of (doc.getMap(root) as RowsMap).values()) rows.push({ item: String(row.get('agenda_item_id') ?? ''), text: String(row.get(column) as Value) });
  return childTexts(rows);
}

/** The record as a meeting's document holds it in its live rows and discussion roots. */
export function liveView(meeting: MeetingReplica): RecordView {
  const items = new Map<string, ItemView>();
  for (const [key, row] of (meeting.doc.getMap('agenda_items') as RowsMap).entries()) {
    const id = (JSON.parse(key) as string[])[0] as string;
    const json = meeting.doc.share.has(discussionRoot(id)) ? meeting.discussion(id).json() : null;
    items.set(id, { number: String(row.get('number') ?? ''), title: String(row.get('title') ?? ''), discussion: canonicalDiscussion(json) });
  }
  return { items, decisions: childrenInDoc(meeting.doc, 'decisions', 'text'), actions: childrenInDoc(meeting.doc, 'actions', 'details') };
}

/** What `mine` holds that `agreed` does not, in words (items in `mine`'s order, then the ones it lacks). */
export function compareRecords(mine: RecordView, agreed: RecordView): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const [id, item] of mine.items) {
    const was = agreed.items.get(id);
    const at = { item: id, number: was?.number ?? item.number, title: was?.title ?? item.title };
    if (!was) {
      changes.push({ ...at, change: `an item ${quote(item.title)} was added` });
      continue;
    }
    if (item.title !== was.title) changes.push({ ...at, change: `the title was changed to ${quote(item.title)}` });
    if (item.discussion !== was.discussion) changes.push({ ...at, change: `the discussion was changed to ${quote(plain(item.discussion))}` });
    for (const label of ['decision', 'action'] as const) {
      const here = (label === 'decision' ? mine.decisions : mine.actions).get(id) ?? [];
      const there = (label === 'decision' ? agreed.decisions : agreed.actions).get(id) ?? [];
      for (const t of here.filter((x) => !there.includes(x))) changes.push({ ...at, change: `${label === 'decision' ? 'a decision' : 'an action'} ${quote(t)} was added or reworded` });
      for (const t of there.filter((x) => !here.includes(x))) changes.push({ ...at, change: `the ${label} ${quote(t)} was removed or reworded` });
    }
  }
  for (const [id, was] of agreed.items) if (!mine.items.has(id)) changes.push({ item: id, number: was.number, title: was.title, change: 'the item was deleted' });
  return changes;
}
