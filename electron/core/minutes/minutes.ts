// The minutes of a meeting as the administrator types them: agenda items and sub-items with
// their numbers, the discussion of each, and the decisions agreed. Actions are in actions.ts;
// what may still change is in editable.ts.
import { forgetLoggedText, recordsOfItems } from '../store/forget';
import type {
  AgendaChange,
  AgendaItemFields,
  AgendaOutlineEntry,
  Minutes,
  MinutesItem,
  ParsedInputOf,
  RosterGroup,
  MinutesRosterEntry,
} from '../../../shared/contract';
import { MINUTES_LIMITS } from '../../../shared/contract/common';
import { discussionPlainText, readDiscussion } from '../../../shared/domain/discussion';
import { sameDiscussion } from '../../../shared/domain/discussionJson';
import { MAX_ITEM_DEPTH, moveInOutline, numberItems, type ItemNumbering, type OutlineNode } from '../../../shared/domain/numbering';
import { formatUkDate } from '../../../shared/domain/dates';
import { withFields } from '../../../shared/domain/withFields';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { followedUp } from '../actions/actions';
import { assertContentEditable, assertStructureEditable, itemForEdit, lockFor, meetingForEdit, type EditableMeeting } from './editable';
import { AGENDA_ITEM_FIELDS_SQL, rowToAgendaItemFields, type AgendaItemFieldsRow } from '../store/agendaItems';
import { ownerDirectoryAt } from '../store/ownerDirectory';
import { readLaterMeetings } from '../store/meetings';
import { readMeetingRecord, type MeetingRecord } from '../store/meetingRecord';
import { readRosterEntryRows } from '../store/roster';
import { discussionTextToStore } from '../store/discussionText';
import { writeDiscussionJson } from '../store/discussionPacked';
import { NUL_MESSAGE, nulIn } from '../nul';
import { agreementRecordedIn } from './decisions';
import { unlistActions } from '../store/listings';

/** The board's minutes style as stored (written only by settings/minutesStyle.ts). */
export function boardStyle(store: ReadHandle, boardId: string): { numbering: ItemNumbering; referenceFormat: string } {
  const row = store.db.prepare('SELECT item_numbering, reference_format FROM boards WHERE id = ?').get(boardId) as
    | { item_numbering: ItemNumbering; reference_format: string }
    | undefined;
  if (!row) throw notFound('board');
  return { numbering: row.item_numbering, referenceFormat: row.reference_format };
}

// ---------------------------------------------------------------- items

export function loadOutline(store: ReadHandle, meetingId: string): Array<OutlineNode & { number: string }> {
  return (
    store.db.prepare('SELECT id, parent_id, position, number FROM agenda_items WHERE meeting_id = ?').all(meetingId) as Array<{
      id: string;
      parent_id: string | null;
      position: number;
      number: string;
    }>
  ).map((r) => ({ id: r.id, parentId: r.parent_id, position: r.position, number: r.number }));
}

/**
 * Writes an outline's parents and positions and, while the minutes are a draft, the numbers
 * that follow from them. Numbers are unique per meeting, so changed ones are first moved out
 * of the way: a swap of 1 and 2 never meets itself half-done.
 */
export function writeOutline(store: WriteHandle, meeting: EditableMeeting, nodes: readonly OutlineNode[], at: string): AgendaOutlineEntry[] {
  const current = new Map(loadOutline(store, meeting.id).map((n) => [n.id, n]));
  const { numbering } = boardStyle(store, meeting.board_id);
  const renumber = meeting.status === 'draft';
  const numbered = numberItems(nodes, numbering).map((n) => ({
    ...n,
    number: renumber ? n.number : (current.get(n.id)?.number ?? n.number),
  }));
  // numberItems gives positions in reading order; store each sibling group as 0, 1, 2...
  const siblingIndex = new Map<string | null, number>();
  const entries: AgendaOutlineEntry[] = numbered.map((n) => {
    const position = siblingIndex.get(n.parentId) ?? 0;
    siblingIndex.set(n.parentId, position + 1);
    return { id: n.id, parentId: n.parentId, position, number: n.number, depth: n.depth };
  });
  const changed = entries.filter((e) => {
    const c = current.get(e.id);
    return !c || c.parentId !== e.parentId || c.position !== e.position || c.number !== e.number;
  });
  const park = store.db.prepare('UPDATE agenda_items SET number = ? WHERE id = ?');
  for (const e of changed) if (current.get(e.id)?.number !== e.number) park.run(`~${e.id}`, e.id);
  const place = store.db.prepare('UPDATE agenda_items SET parent_id = ?, position = ?, number = ?, updated_at = ? WHERE id = ?');
  for (const e of changed) place.run(e.parentId, e.position, e.number, at, e.id);
  return entries;
}

export function getAgendaItemFields(store: Store, itemId: string): AgendaItemFields {
  const row = store.db.prepare(`${AGENDA_ITEM_FIELDS_SQL} WHERE id = ?`).get(itemId) as AgendaItemFieldsRow | undefined;
  if (!row) throw notFound('agenda item');
  return rowToAgendaItemFields(row);
}

// ---------------------------------------------------------------- reading the minutes

/** The board's roster and groups, with people named as at this meeting (ownerDirectoryAt), and its guests. */
function roster(store: Store, record: MeetingRecord): Minutes['roster'] {
  const onDate = record.meeting.date;
  const dir = ownerDirectoryAt(store.db, record.meeting.boardId, record.meeting.id);
  const asAt = new Map<string, { initials: string; fullName: string; rank: number }>();
  // The directory's first entry for a person is how the meeting names them, and its order is
  // the order initials are matched in (the editor resolves typed owners with the same order).
  dir.members.forEach((m, rank) => {
    if (!asAt.has(m.id)) asAt.set(m.id, withFields(m, { rank }));
  });
  const members = readRosterEntryRows(store, record.meeting.boardId).map(
    (r): MinutesRosterEntry => ({
      id: r.id,
      initials: asAt.get(r.id)?.initials ?? r.initials,
      fullName: asAt.get(r.id)?.fullName ?? r.full_name,
      role: r.role,
      current: (r.joined_on === null || r.joined_on <= onDate) && (r.left_on === null || r.left_on >= onDate),
    }),
  );
  members.sort((a, b) => (asAt.get(a.id)?.rank ?? Infinity) - (asAt.get(b.id)?.rank ?? Infinity));
  const groups = store.db
    .prepare('SELECT id, name, kind FROM board_groups WHERE board_id = ? ORDER BY position, name COLLATE NOCASE')
    .all(record.meeting.boardId) as RosterGroup[];
  return { members, groups, guests: [...(dir.guests ?? [])] };
}

/** The minutes as the editor opens them: the meeting's record, with what editing it needs. */
export function getMinutes(store: Store, input: ParsedInputOf<'getMinutes'>): Minutes {
  const record = readMeetingRecord(store.db, input.meetingId);
  const meeting = record.meeting;
  return {
    meeting,
    numbering: record.board.numbering,
    referenceFormat: record.board.referenceFormat,
    items: record.items,
    roster: roster(store, record),
    laterMeetings: readLaterMeetings(store.db, meeting),
    locked: lockFor(meeting.status),
  };
}

// ---------------------------------------------------------------- agenda structure

export function addAgendaItem(store: Store, input: ParsedInputOf<'addAgendaItem'>): { item: MinutesItem; outline: AgendaOutlineEntry[] } {
  const id = newId();
  const at = nowInstant();
  const outline = write(store, (w) => {
    const meeting = meetingForEdit(store, input.meetingId);
    assertStructureEditable(meeting);
    const nodes: OutlineNode[] = loadOutline(store, meeting.id);
    const parentId = input.parentId ?? null;
    if (parentId) {
      const parent = nodes.find((n) => n.id === parentId);
      if (!parent) throw notFound('agenda item');
      if (parent.parentId !== null) {
        throw new DomainError('invalid_input', `Items go at most ${MAX_ITEM_DEPTH} levels deep: a sub-item cannot have sub-items of its own.`, 'parentId');
      }
    }
    const siblings = nodes.filter((n) => n.parentId === parentId).sort((a, b) => a.position - b.position);
    let index = siblings.length;
    if (input.afterItemId) {
      const after = nodes.find((n) => n.id === input.afterItemId);
      if (!after) throw notFound('agenda item');
      // After a sub-item when adding an item: straight after the item that sub-item belongs to.
      const anchor = after.parentId === parentId ? after : nodes.find((n) => n.id === after.parentId && n.parentId === parentId);
      if (anchor) index = siblings.findIndex((s) => s.id === anchor.id) + 1;
    }
    store.db
      .prepare(
        `INSERT INTO agenda_items (id, meeting_id, parent_id, position, number, title, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, meeting.id, parentId, 1_000_000, `~${id}`, input.title ?? '', at, at);
    const placed = moveInOutline([...nodes, { id, parentId, position: 1_000_000 }], id, parentId, index);
    const entries = writeOutline(w, meeting, placed, at);
    const mine = entries.find((e) => e.id === id);
    w.log(
      { entity: 'agenda_item', entityId: id, action: 'create', detail: { meetingId: meeting.id, number: mine?.number, title: input.title ?? '' } },
      at,
    );
    return entries;
  }).value;
  const fields = getAgendaItemFields(store, id);
  return { item: { ...fields, discussionJson: null, discussionText: '', decisions: [], actions: [] }, outline };
}

export function moveAgendaItem(store: Store, input: ParsedInputOf<'moveAgendaItem'>): AgendaChange {
  const at = nowInstant();
  const outline = write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertStructureEditable(meeting);
    const nodes = loadOutline(store, meeting.id);
    if (input.parentId !== null) {
      if (input.parentId === item.id) throw new DomainError('invalid_input', 'An item cannot be moved under itself.', 'parentId');
      const parent = nodes.find((n) => n.id === input.parentId);
      if (!parent) throw notFound('agenda item');
      if (parent.parentId !== null) {
        throw new DomainError('invalid_input', 'A sub-item cannot have sub-items of its own: move it under a main item.', 'parentId');
      }
      if (nodes.some((n) => n.parentId === item.id)) {
        throw new DomainError('invalid_input', `Item ${item.number} has sub-items, so it cannot become a sub-item. Move its sub-items first.`, 'parentId');
      }
    }
    const before = new Map(nodes.map((n) => [n.id, n.number]));
    const entries = writeOutline(w, meeting, moveInOutline(nodes, item.id, input.parentId, input.position), at);
    const after = entries.find((e) => e.id === item.id);
    w.log(
      { entity: 'agenda_item', entityId: item.id, action: 'move', detail: { from: before.get(item.id), to: after?.number, parentId: input.parentId, position: input.position } },
      at,
    );
    return entries;
  }).value;
  return { itemId: input.itemId, outline };
}

export function deleteAgendaItem(store: Store, input: ParsedInputOf<'deleteAgendaItem'>): AgendaChange {
  const at = nowInstant();
  const outline = write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertStructureEditable(meeting);
    const ids = [item.id, ...(store.db.prepare('SELECT id FROM agenda_items WHERE parent_id = ?').pluck().all(item.id) as string[])];
    const idList = JSON.stringify(ids);
    const agreed = agreementRecordedIn(store, ids);
    if (agreed) {
      throw conflict(
        `Item ${agreed.number} records that the minutes of ${formatUkDate(agreed.minutesDate)} were agreed as accurate: that decision is part of their record, so the item cannot be deleted.`,
      );
    }
    const actionRows = store.db
      .prepare('SELECT id, reference FROM actions WHERE agenda_item_id IN (SELECT value FROM json_each(?)) ORDER BY seq')
      .all(idList) as Array<{ id: string; reference: string }>;
    const followed = actionRows.find((a) => followedUp(store, a.id));
    if (followed) {
      throw conflict(`Action ${followed.reference} from this item is already followed up at a later meeting, so the item cannot be deleted.`);
    }
    const takenForward = store.db
      .prepare('SELECT 1 FROM agenda_items WHERE from_item_id IN (SELECT value FROM json_each(?)) LIMIT 1')
      .get(idList);
    if (takenForward) throw conflict('This item was taken forward to a later meeting, so it cannot be deleted.');
    const references = actionRows.map((a) => a.reference);
    // Deleted means gone: what the log kept of the item's text goes with it.
    forgetLoggedText(w, recordsOfItems(w, ids));
    // Untouched in a later draft's matters arising, its actions simply leave that list.
    unlistActions(store.db, actionRows.map((a) => a.id));
    // Their references stay issued (issued_references), so they are never given out again.
    store.db.prepare('DELETE FROM actions WHERE agenda_item_id IN (SELECT value FROM json_each(?))').run(idList);
    store.db.prepare('DELETE FROM agenda_items WHERE id IN (SELECT value FROM json_each(?))').run(idList);
    const remaining = loadOutline(store, meeting.id);
    const entries = writeOutline(w, meeting, compact(remaining), at);
    w.log({
        entity: 'agenda_item',
        entityId: item.id,
        action: 'delete',
        detail: { meetingId: meeting.id, number: item.number, subItems: ids.length - 1, actions: references },
      },
      at,
    );
    return entries;
  }).value;
  return { itemId: input.itemId, outline };
}

/** Positions 0, 1, 2... in every sibling group, keeping the order. */
function compact(nodes: readonly OutlineNode[]): OutlineNode[] {
  const groups = new Map<string | null, OutlineNode[]>();
  for (const n of nodes) groups.set(n.parentId, [...(groups.get(n.parentId) ?? []), n]);
  const out: OutlineNode[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => a.position - b.position).forEach((n, i) => out.push({ ...n, position: i }));
  }
  return out;
}

// ---------------------------------------------------------------- item fields and discussion

export function updateAgendaItem(store: Store, input: ParsedInputOf<'updateAgendaItem'>): AgendaItemFields {
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    if (input.deferredToMeetingId) {
      const target = store.db.prepare('SELECT board_id, meeting_date FROM meetings WHERE id = ?').get(input.deferredToMeetingId) as
        | { board_id: string; meeting_date: string }
        | undefined;
      if (!target || target.board_id !== meeting.board_id || input.deferredToMeetingId === meeting.id) {
        throw new DomainError('invalid_input', 'An item can only be deferred to another meeting of the same board.', 'deferredToMeetingId');
      }
      if (target.meeting_date <= meeting.meeting_date) {
        throw new DomainError('invalid_input', 'An item can only be deferred to a later meeting.', 'deferredToMeetingId');
      }
    }
    const pick = <T>(given: T | undefined, before: T): T => (given === undefined ? before : given);
    const next = {
      title: pick(input.title, item.title),
      presenter: pick(input.presenter === undefined ? undefined : input.presenter || null, item.presenter),
      confidential: pick(input.confidential === undefined ? undefined : input.confidential ? 1 : 0, item.confidential),
      deferred: pick(input.deferred === undefined ? undefined : input.deferred ? 1 : 0, item.deferred),
      deferred_to_text: pick(input.deferredToText === undefined ? undefined : input.deferredToText || null, item.deferred_to_text),
      deferred_to_meeting_id: pick(input.deferredToMeetingId, item.deferred_to_meeting_id),
    };
    const changes = Object.fromEntries(Object.entries(next).filter(([key, value]) => item[key as keyof typeof next] !== value));
    if (Object.keys(changes).length === 0) return;
    store.db
      .prepare(
        `UPDATE agenda_items SET title = @title, presenter = @presenter, confidential = @confidential, deferred = @deferred,
           deferred_to_text = @deferred_to_text, deferred_to_meeting_id = @deferred_to_meeting_id, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...next, at, id: item.id });
    w.log({ entity: 'agenda_item', entityId: item.id, action: 'update', detail: changes }, at);
  });
  return getAgendaItemFields(store, input.itemId);
}

/**
 * Stores the discussion as the editor sent it (Lexical's JSON) with the plain text core derives
 * from it by the one walker in shared/domain, never a text the client sends. Core never needs a
 * DOM: it checks that the JSON is JSON with a root, and that its text is not too long.
 */
export function saveDiscussion(store: Store, input: ParsedInputOf<'saveDiscussion'>): { itemId: string; updatedAt: string } {
  const notEditorJson = () => new DomainError('invalid_input', 'The discussion could not be saved: it did not come in the editor’s format.', 'json');
  let state: { root?: { type?: unknown } } | null;
  try {
    state = JSON.parse(input.json) as typeof state;
  } catch {
    throw notEditorJson();
  }
  const blocks = readDiscussion(state);
  if (!blocks || state?.root?.type !== 'root') throw notEditorJson();
  const text = discussionPlainText(blocks);
  if (text.length > MINUTES_LIMITS.discussionText) {
    throw new DomainError(
      'invalid_input',
      `This discussion is too long to save (at most ${MINUTES_LIMITS.discussionText.toLocaleString('en-GB')} characters). Move some of it into another item or a paper.`,
      'json',
    );
  }
  if (nulIn(state) !== null) throw new DomainError('invalid_input', NUL_MESSAGE, 'json');
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    // The same document (in any key order: the editor's export order and the stored text's may
    // differ; or empty, where there was none) is no change: nothing written, nothing logged,
    // nothing sent to other laptops.
    if (sameDiscussion(item.discussion_json, state)) return;
    // The text is derived from this JSON on read: nothing stored beside it (store/discussionText.ts).
    writeDiscussionJson(store.db, item.id, input.json, { text: discussionTextToStore(store.db, input.json), at });
    // The log records that the discussion changed and how long it is, not every keystroke's text.
    w.log({ entity: 'agenda_item', entityId: item.id, action: 'discussion', detail: { characters: text.length } }, at);
  });
  const updatedAt = store.db.prepare('SELECT updated_at FROM agenda_items WHERE id = ?').pluck().get(input.itemId) as string;
  return { itemId: input.itemId, updatedAt };
}
