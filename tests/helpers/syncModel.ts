// What every acknowledged write of a sync property script promises at the end, and the check of
// it on a laptop. Writes to an item are stamped with where they sit in the editing laptop's
// meeting document (its Yjs client and clock), so a deletion or an agreement can tell the writes
// it had seen (which it may take away: deleted with the item, or agreed into the record) from the
// ones it had not (which must survive: the item restored, or a proposed correction, each with a conflict).
import * as Y from 'yjs';
import type { Core } from '../../electron/core/app';
import { latestEvents, statusLog } from '../../electron/core/sync/actionStatusLog';
import { numberItems, type ItemNumbering, type OutlineNode } from '../../shared/domain/numbering';
import { ok } from './temp';
import { engineOf } from './syncLaptops';

/** Where a write sits in the meeting document of the laptop that made it. */
export interface Stamp {
  client: number;
  clock: number;
}

/** What a write to an item did. */
export type WriteWhat =
  | { what: 'word'; paragraph: number; word: string }
  | { what: 'title'; title: string }
  | { what: 'decision'; text: string }
  | { what: 'action'; id: string; details: string };

export type ItemWrite = Stamp & { meeting: string; item: string; laptop: number } & WriteWhat;

export interface StatusWrite {
  laptop: number;
  action: string;
  status: string;
  /** The event it appended to the board's status log (null: the status was already so). */
  event: string | null;
  /** The events of this action the laptop had seen when it recorded it. */
  seen: Set<string>;
}

export interface Model {
  /** Paragraph count of each discussion the script types in (they are never split or joined). */
  paragraphs: Map<string, number>;
  /** Every title an item was given (the one shown is one of them). */
  titles: Map<string, Set<string>>;
  writes: ItemWrite[];
  /** Each deletion of an item: the writes of it the deleting laptop held. */
  deletions: Array<{ item: string; seen: Set<ItemWrite> }>;
  progress: string[];
  statuses: StatusWrite[];
  members: string[];
  /** Member id -> the statuses recorded for them at the draft (REMOVED: taken off it). */
  attendance: Map<string, Set<string>>;
  /**
   * Each agreement of the circulated minutes (two laptops apart may both agree them): the writes of
   * them the agreeing laptop held, and the hash it stored. The one that reached the server first is
   * the record everywhere (agreedTwice.ts): found at the end by the hash every laptop holds.
   */
  agreements: Array<{ meetingId: string; seen: Set<ItemWrite>; hash: string }>;
}

/** The agreement that is the record on `core` (its stored hash): the writes it held (any agreement's with that hash), or null. */
export function agreedRecord(model: Model, core: Core): { meetingId: string; seen: Set<ItemWrite>; hash: string } | null {
  const first = model.agreements[0];
  if (!first) return null;
  const stored = core.store!.db.prepare('SELECT content_hash FROM meetings WHERE id = ?').pluck().get(first.meetingId) as string | null;
  const matching = model.agreements.filter((a) => a.hash === stored);
  if (matching.length === 0) return { meetingId: first.meetingId, seen: new Set(), hash: `one of ${model.agreements.map((a) => a.hash).join(' / ')}` };
  return { meetingId: first.meetingId, seen: new Set(matching.flatMap((a) => [...a.seen])), hash: stored! };
}

/** In the model's attendance: the member was taken off the draft's attendance. */
export const REMOVED = 'removed';

export const emptyModel = (titles: Map<string, Set<string>>, paragraphs: Map<string, number>): Model => ({
  paragraphs,
  titles,
  writes: [],
  deletions: [],
  progress: [],
  statuses: [],
  members: [],
  attendance: new Map(),
  agreements: [],
});

function meetingDoc(core: Core, boardId: string, meetingId: string): Y.Doc {
  return engineOf(core).boards.get(boardId)!.replica.meeting(meetingId).doc;
}

/** Where the laptop's meeting document stands now (right after one of its writes: where that write sits). */
export function stampOf(core: Core, boardId: string, meetingId: string): Stamp {
  const doc = meetingDoc(core, boardId, meetingId);
  return { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
}

/** The writes of `item` this laptop's document holds. */
export function writesSeen(model: Model, core: Core, boardId: string, meetingId: string, item: string | null): Set<ItemWrite> {
  const doc = meetingDoc(core, boardId, meetingId);
  return new Set(model.writes.filter((w) => w.meeting === meetingId && (item === null || w.item === item) && Y.getState(doc.store, w.client) >= w.clock));
}

/** The ids of an action's events in the laptop's status log. */
export function statusEvents(core: Core, boardId: string, action: string): Set<string> {
  const log = statusLog(engineOf(core).boards.get(boardId)!.replica.board).toArray();
  return new Set(log.filter((e) => e.action === action).map((e) => `${e.at}|${e.client}`));
}

export function paragraphsOf(core: Core, itemId: string): string[] {
  const json = core.store!.db.prepare('SELECT ma_discussion_json(discussion_deflated) FROM agenda_items WHERE id = ?').pluck().get(itemId) as string | null;
  if (!json) return [];
  const root = JSON.parse(json) as { root: { children: Array<{ children?: Array<{ text?: string }> }> } };
  return root.root.children.map((b) => (b.children ?? []).map((c) => c.text ?? '').join(''));
}

const count = (texts: string[], word: string): number => texts.join(' ').split(/\s+/).filter((x) => x === word).length;

/** Whether a write's effect is in the laptop's tables. */
function present(core: Core, w: ItemWrite): boolean {
  const db = core.store!.db;
  switch (w.what) {
    case 'word':
      return count([paragraphsOf(core, w.item)[w.paragraph] ?? ''], w.word) === 1;
    case 'title':
      return true; // a later title may replace it; the title shown is checked against all written
    case 'decision':
      return db.prepare('SELECT count(*) FROM decisions WHERE agenda_item_id = ? AND text = ?').pluck().get(w.item, w.text) === 1;
    case 'action':
      return db.prepare('SELECT details FROM actions WHERE id = ? AND agenda_item_id = ?').pluck().get(w.id, w.item) === w.details;
  }
}

function conflictKinds(core: Core, boardId: string): Array<{ kind: string; entityId: string }> {
  return ok<Array<{ kind: string; entityId: string }>>(core, 'syncConflicts', { boardId });
}

/** The writes of an item's family on this laptop: its top-level item and every sub-item of that. */
function familyWrites(model: Model, core: Core, item: string): ItemWrite[] {
  const db = core.store!.db;
  const top = (db.prepare('SELECT coalesce(parent_id, id) FROM agenda_items WHERE id = ?').pluck().get(item) as string | undefined) ?? item;
  const family = new Set([top, ...(db.prepare('SELECT id FROM agenda_items WHERE parent_id = ?').pluck().all(top) as string[])]);
  return model.writes.filter((w) => family.has(w.item));
}

function itemProblems(model: Model, core: Core, boardId: string): string[] {
  const a = agreedRecord(model, core);
  // Writes of agreed minutes the agreeing laptop had not seen are proposed corrections, not the record.
  const refused = (w: ItemWrite): boolean => a !== null && w.meeting === a.meetingId && !a.seen.has(w);
  const problems: string[] = [];
  const db = core.store!.db;
  const conflicts = conflictKinds(core, boardId);
  for (const [item, titles] of model.titles) {
    const row = db.prepare('SELECT title FROM agenda_items WHERE id = ?').get(item) as { title: string } | undefined;
    const deletions = model.deletions.filter((d) => d.item === item);
    // Writes no deletion of the item had seen: the item must be back with them.
    const unseen = model.writes.filter((w) => w.item === item && !refused(w) && deletions.every((d) => !d.seen.has(w)));
    if (!row) {
      if (deletions.length === 0) problems.push(`item ${item} is gone, but no laptop deleted it`);
      else if (unseen.length > 0) problems.push(`item ${item} was deleted by a laptop that had not seen ${unseen.map((w) => w.what).join(', ')} written elsewhere, and is gone`);
      continue;
    }
    // Back after a deletion: only for a write some deletion had not seen, of the item or of its family (a sub-item brings
    // back its item, and an item comes back whole). Renumbering after another item was added or deleted is no such write.
    if (deletions.length > 0 && !familyWrites(model, core, item).some((w) => !refused(w) && model.deletions.some((d) => d.item === w.item && !d.seen.has(w)))) {
      problems.push(`item ${item} was deleted having seen every write of it and its family, and is back`);
    }
    if (!titles.has(row.title)) problems.push(`item ${item} is titled ${row.title}, none of ${[...titles].join(' / ')}`);
    for (const w of unseen) if (!present(core, w)) problems.push(`${w.what} ${JSON.stringify(w)} written on laptop ${w.laptop} is not in item ${item}`);
    if (deletions.length > 0 && unseen.length > 0 && !conflicts.some((c) => c.kind === 'item_deleted_edited' && c.entityId === item)) {
      problems.push(`item ${item} came back after a deletion, but no conflict lists it`);
    }
    const texts = paragraphsOf(core, item);
    const paragraphs = model.paragraphs.get(item);
    if (paragraphs !== undefined && texts.length !== paragraphs) problems.push(`item ${item} has ${texts.length} paragraphs, not ${paragraphs}`);
    for (const w of model.writes) if (w.item === item && w.what === 'word' && !refused(w) && count(texts, w.word) > 1) problems.push(`“${w.word}” is more than once in ${item}: ${texts.join(' / ')}`);
  }
  return problems;
}

/** The circulated minutes, agreed on one laptop (or two apart): the record as agreed, every write it had not seen a proposed correction. */
function agreementProblems(model: Model, core: Core, boardId: string): string[] {
  const a = agreedRecord(model, core);
  if (!a) return [];
  const problems: string[] = [];
  const db = core.store!.db;
  const status = db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(a.meetingId);
  if (status !== 'agreed') problems.push(`the agreed minutes are ${String(status)}`);
  const verified = ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId: a.meetingId });
  if (!verified.matches || verified.storedHash !== a.hash) problems.push(`the agreed minutes do not verify against the hash stored when they were agreed, ${a.hash} (${JSON.stringify(verified)})`);
  const corrections = (db.prepare('SELECT what FROM corrections WHERE meeting_id = ? AND agreed_at_meeting_id IS NULL').pluck().all(a.meetingId) as string[]).join('\n');
  const refused = model.writes.filter((w) => w.meeting === a.meetingId && !a.seen.has(w));
  for (const w of refused) {
    const text = w.what === 'word' ? w.word : w.what === 'title' ? w.title : '';
    // A laptop's later title replaces its earlier one in what it proposes (written after it on that laptop, a restart between or not).
    const replaced = w.what === 'title' && refused.some((o) => o.what === 'title' && o.laptop === w.laptop && model.writes.indexOf(o) > model.writes.indexOf(w));
    if (text && !replaced && !corrections.includes(text)) problems.push(`${w.what} “${text}” written on laptop ${w.laptop} after the agreement elsewhere is in no proposed correction`);
  }
  if (refused.length > 0 && !conflictKinds(core, boardId).some((c) => c.kind === 'agreed_edited')) problems.push('an edit of agreed minutes is listed as no conflict');
  return problems;
}

function statusProblems(model: Model, core: Core, boardId: string): string[] {
  const problems: string[] = [];
  const db = core.store!.db;
  const log = statusLog(engineOf(core).boards.get(boardId)!.replica.board).toArray();
  const ids = new Set(log.map((e) => `${e.at}|${e.client}`));
  for (const s of model.statuses) if (s.event && !ids.has(s.event)) problems.push(`status ${s.status} recorded for ${s.action} on laptop ${s.laptop} is not in the status log`);
  for (const [action, event] of latestEvents(statusLog(engineOf(core).boards.get(boardId)!.replica.board))) {
    const shown = db.prepare('SELECT status FROM actions WHERE id = ?').pluck().get(action);
    if (shown !== undefined && shown !== event.status) problems.push(`action ${action} shows ${String(shown)}, not the latest recorded ${event.status}`);
  }
  const conflicts = conflictKinds(core, boardId);
  for (const x of model.statuses) {
    for (const y of model.statuses) {
      if (!x.event || !y.event || x.laptop >= y.laptop || x.action !== y.action || x.status === y.status) continue;
      if (x.seen.has(y.event) || y.seen.has(x.event)) continue;
      if (!conflicts.some((c) => c.kind === 'action_status' && c.entityId === x.action)) problems.push(`${x.status} (laptop ${x.laptop}) and ${y.status} (laptop ${y.laptop}) were recorded apart for ${x.action}, and no conflict lists them`);
    }
  }
  return problems;
}

/** What every acknowledged write promises, checked on one laptop. */
export function modelProblems(model: Model, core: Core, boardId: string, draft: string): string[] {
  const db = core.store!.db;
  const problems = [...itemProblems(model, core, boardId), ...agreementProblems(model, core, boardId), ...statusProblems(model, core, boardId)];
  const outline = db.prepare('SELECT id, parent_id AS parentId, position, number FROM agenda_items WHERE meeting_id = ?').all(draft) as Array<OutlineNode & { number: string }>;
  const scheme = db.prepare('SELECT b.item_numbering FROM boards b JOIN meetings m ON m.board_id = b.id WHERE m.id = ?').pluck().get(draft) as ItemNumbering;
  for (const n of numberItems(outline, scheme)) if (n.number !== outline.find((o) => o.id === n.id)?.number) problems.push(`the draft's item ${n.id} is numbered ${outline.find((o) => o.id === n.id)?.number}, not ${n.number} as its outline says`);
  for (const text of model.progress) if (db.prepare('SELECT count(*) FROM between_updates WHERE text = ?').pluck().get(text) !== 1) problems.push(`progress “${text}” is not there once`);
  for (const name of model.members) if (db.prepare('SELECT count(*) FROM people WHERE full_name = ?').pluck().get(name) !== 1) problems.push(`roster member ${name} is not there once`);
  for (const [member, statuses] of model.attendance) {
    const rows = db.prepare('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().all(draft, member) as string[];
    // Taken off the attendance on some laptop: no row is one of the outcomes (a change made apart brings it back).
    if (rows.length === 0 && statuses.has(REMOVED)) continue;
    if (rows.length !== 1 || !statuses.has(rows[0]!)) problems.push(`member ${member} is recorded as ${rows.join(', ') || 'nothing'}, not one of ${[...statuses].join(' / ')}`);
  }
  return problems;
}
