// The minutes of a meeting as the administrator types them: agenda items and sub-items with
// their numbers, the discussion of each, and the decisions agreed. Actions are in actions.ts.
import type {
  AgendaChange,
  AgendaItemFields,
  AgendaOutlineEntry,
  MeetingStatus,
  Minutes,
  MinutesAction,
  MinutesDecision,
  MinutesItem,
  MinutesLock,
  MinutesStyle,
  ParsedInputOf,
  RosterGroup,
  MinutesRosterEntry,
} from '../../../shared/contract';
import { MAX_ITEM_DEPTH, moveInOutline, numberItems, type ItemNumbering, type OutlineNode } from '../../../shared/domain/numbering';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { getMeeting } from '../meetings/meetings';
import { actionsOfMeeting, followedUp } from '../actions/actions';

// ---------------------------------------------------------------- the meeting being edited

export interface EditableMeeting {
  id: string;
  board_id: string;
  meeting_date: string;
  status: MeetingStatus;
  action_seq_issued: number;
}

export function meetingForEdit(store: ReadHandle, meetingId: string): EditableMeeting {
  const row = store.db
    .prepare('SELECT id, board_id, meeting_date, status, action_seq_issued FROM meetings WHERE id = ?')
    .get(meetingId) as EditableMeeting | undefined;
  if (!row) throw notFound('meeting');
  return row;
}

const AGREED = 'These minutes have been agreed as accurate and are now the record, so they cannot be changed. Record a correction instead.';
const CIRCULATED =
  'These minutes have been circulated, so their agenda items can no longer be added, moved or removed and their numbers stay as circulated.';

export function lockFor(status: MeetingStatus): MinutesLock {
  if (status === 'draft') return { structure: null, content: null };
  if (status === 'circulated') return { structure: CIRCULATED, content: null };
  return { structure: AGREED, content: AGREED };
}

export function assertContentEditable(meeting: { status: MeetingStatus }): void {
  const reason = lockFor(meeting.status).content;
  if (reason) throw conflict(reason);
}

function assertStructureEditable(meeting: { status: MeetingStatus }): void {
  const reason = lockFor(meeting.status).structure;
  if (reason) throw conflict(reason);
}

function boardStyle(store: Store, boardId: string): { numbering: ItemNumbering; referenceFormat: string } {
  const row = store.db.prepare('SELECT item_numbering, reference_format FROM boards WHERE id = ?').get(boardId) as
    | { item_numbering: ItemNumbering; reference_format: string }
    | undefined;
  if (!row) throw notFound('board');
  return { numbering: row.item_numbering, referenceFormat: row.reference_format };
}

// ---------------------------------------------------------------- items

interface ItemRow {
  id: string;
  meeting_id: string;
  parent_id: string | null;
  position: number;
  number: string;
  title: string;
  presenter: string | null;
  kind: 'normal' | 'matters_arising';
  discussion_json: string | null;
  discussion_text: string;
  confidential: number;
  deferred: number;
  deferred_to_text: string | null;
  deferred_to_meeting_id: string | null;
  updated_at: string;
}

const FIELDS_SQL = `SELECT id, meeting_id, parent_id, position, number, title, presenter, kind, confidential, deferred,
  deferred_to_text, deferred_to_meeting_id, updated_at FROM agenda_items`;

function toFields(row: Omit<ItemRow, 'discussion_json' | 'discussion_text'>): AgendaItemFields {
  return {
    id: row.id,
    parentId: row.parent_id,
    position: row.position,
    number: row.number,
    depth: row.parent_id ? 2 : 1,
    title: row.title,
    presenter: row.presenter,
    kind: row.kind,
    confidential: row.confidential === 1,
    deferred: row.deferred === 1,
    deferredToText: row.deferred_to_text,
    deferredToMeetingId: row.deferred_to_meeting_id,
    updatedAt: row.updated_at,
  };
}

/** An item with the meeting it belongs to, or "no longer exists". */
export function itemForEdit(store: Store, itemId: string): { item: ItemRow; meeting: EditableMeeting } {
  const item = store.db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(itemId) as ItemRow | undefined;
  if (!item) throw notFound('agenda item');
  return { item, meeting: meetingForEdit(store, item.meeting_id) };
}

export function loadOutline(store: Store, meetingId: string): Array<OutlineNode & { number: string }> {
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
export function writeOutline(store: Store, meeting: EditableMeeting, nodes: readonly OutlineNode[], at: string): AgendaOutlineEntry[] {
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
  const row = store.db.prepare(`${FIELDS_SQL} WHERE id = ?`).get(itemId) as ItemRow | undefined;
  if (!row) throw notFound('agenda item');
  return toFields(row);
}

// ---------------------------------------------------------------- reading the minutes

interface RosterRow {
  id: string;
  initials: string;
  full_name: string;
  role: string | null;
  joined_on: string | null;
  left_on: string | null;
}

function roster(store: Store, boardId: string, onDate: string): Minutes['roster'] {
  const members = (
    store.db
      .prepare(
        `SELECT bm.id, bm.initials, p.full_name, bm.role, bm.joined_on, bm.left_on
         FROM board_members bm JOIN people p ON p.id = bm.person_id
         WHERE bm.board_id = ? ORDER BY bm.initials COLLATE NOCASE`,
      )
      .all(boardId) as RosterRow[]
  ).map(
    (r): MinutesRosterEntry => ({
      id: r.id,
      initials: r.initials,
      fullName: r.full_name,
      role: r.role,
      current: (r.joined_on === null || r.joined_on <= onDate) && (r.left_on === null || r.left_on >= onDate),
    }),
  );
  const groups = store.db
    .prepare('SELECT id, name, kind FROM board_groups WHERE board_id = ? ORDER BY position, name COLLATE NOCASE')
    .all(boardId) as RosterGroup[];
  return { members, groups };
}

export function getMinutes(store: Store, input: ParsedInputOf<'getMinutes'>): Minutes {
  const meeting = getMeeting(store, { meetingId: input.meetingId });
  const style = boardStyle(store, meeting.boardId);
  const rows = store.db.prepare('SELECT * FROM agenda_items WHERE meeting_id = ?').all(meeting.id) as ItemRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const decisions = new Map<string, MinutesDecision[]>();
  for (const d of store.db
    .prepare(
      `SELECT d.id, d.agenda_item_id, d.position, d.text FROM decisions d
       JOIN agenda_items i ON i.id = d.agenda_item_id WHERE i.meeting_id = ? ORDER BY d.position, d.created_at`,
    )
    .all(meeting.id) as Array<{ id: string; agenda_item_id: string; position: number; text: string }>) {
    const list = decisions.get(d.agenda_item_id) ?? [];
    list.push({ id: d.id, itemId: d.agenda_item_id, position: d.position, text: d.text });
    decisions.set(d.agenda_item_id, list);
  }
  const actions = new Map<string, MinutesAction[]>();
  for (const a of actionsOfMeeting(store, meeting.id)) {
    const list = actions.get(a.itemId) ?? [];
    list.push(a);
    actions.set(a.itemId, list);
  }
  // Reading order comes from the outline; the printed number is the stored one (frozen once circulated).
  const items: MinutesItem[] = numberItems(
    rows.map((r) => ({ id: r.id, parentId: r.parent_id, position: r.position })),
    style.numbering,
  ).map((n) => {
    const r = byId.get(n.id) as ItemRow;
    return {
      ...toFields(r),
      depth: n.depth,
      discussionJson: r.discussion_json,
      discussionText: r.discussion_text,
      decisions: decisions.get(r.id) ?? [],
      actions: actions.get(r.id) ?? [],
    };
  });
  const laterMeetings = (
    store.db
      .prepare('SELECT id, meeting_date FROM meetings WHERE board_id = ? AND meeting_date > ? AND id <> ? ORDER BY meeting_date, created_at')
      .all(meeting.boardId, meeting.date, meeting.id) as Array<{ id: string; meeting_date: string }>
  ).map((m) => ({ id: m.id, date: m.meeting_date }));
  return {
    meeting,
    numbering: style.numbering,
    referenceFormat: style.referenceFormat,
    items,
    roster: roster(store, meeting.boardId, meeting.date),
    laterMeetings,
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
    const entries = writeOutline(store, meeting, placed, at);
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
    const entries = writeOutline(store, meeting, moveInOutline(nodes, item.id, input.parentId, input.position), at);
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
    // Untouched in a later draft's matters arising, its actions simply leave that list.
    store.db
      .prepare('DELETE FROM carried_actions WHERE action_id IN (SELECT id FROM actions WHERE agenda_item_id IN (SELECT value FROM json_each(?)))')
      .run(idList);
    // Their references stay issued (issued_references), so they are never given out again.
    store.db.prepare('DELETE FROM actions WHERE agenda_item_id IN (SELECT value FROM json_each(?))').run(idList);
    store.db.prepare('DELETE FROM agenda_items WHERE id IN (SELECT value FROM json_each(?))').run(idList);
    const remaining = loadOutline(store, meeting.id);
    const entries = writeOutline(store, meeting, compact(remaining), at);
    w.log({
        entity: 'agenda_item',
        entityId: item.id,
        action: 'delete',
        detail: { meetingId: meeting.id, number: item.number, title: item.title, subItems: ids.length - 1, actions: references },
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
 * Stores the discussion as the editor sent it: Lexical's JSON and the plain text derived from
 * it. Core never needs a DOM: it checks only that the JSON is JSON with a root.
 */
export function saveDiscussion(store: Store, input: ParsedInputOf<'saveDiscussion'>): { itemId: string; updatedAt: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.json);
  } catch {
    throw new DomainError('invalid_input', 'The discussion could not be saved: it did not come in the editor’s format.', 'json');
  }
  const root = (parsed as { root?: { type?: unknown; children?: unknown } } | null)?.root;
  if (!root || typeof root !== 'object' || root.type !== 'root' || !Array.isArray(root.children)) {
    throw new DomainError('invalid_input', 'The discussion could not be saved: it did not come in the editor’s format.', 'json');
  }
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    if (item.discussion_json === input.json && item.discussion_text === input.text) return;
    store.db
      .prepare('UPDATE agenda_items SET discussion_json = ?, discussion_text = ?, updated_at = ? WHERE id = ?')
      .run(input.json, input.text, at, item.id);
    // The log records that the discussion changed and how long it is, not every keystroke's text.
    w.log({ entity: 'agenda_item', entityId: item.id, action: 'discussion', detail: { characters: input.text.length } }, at);
  });
  const updatedAt = store.db.prepare('SELECT updated_at FROM agenda_items WHERE id = ?').pluck().get(input.itemId) as string;
  return { itemId: input.itemId, updatedAt };
}

// ---------------------------------------------------------------- decisions

interface DecisionRow {
  id: string;
  agenda_item_id: string;
  position: number;
  text: string;
}

const toDecision = (r: DecisionRow): MinutesDecision => ({ id: r.id, itemId: r.agenda_item_id, position: r.position, text: r.text });

function decisionForEdit(store: Store, decisionId: string): { decision: DecisionRow; meeting: EditableMeeting } {
  const decision = store.db.prepare('SELECT id, agenda_item_id, position, text FROM decisions WHERE id = ?').get(decisionId) as
    | DecisionRow
    | undefined;
  if (!decision) throw notFound('decision');
  return { decision, meeting: itemForEdit(store, decision.agenda_item_id).meeting };
}

export function addDecision(store: Store, input: ParsedInputOf<'addDecision'>): MinutesDecision {
  const id = newId();
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    const existing = store.db.prepare('SELECT id FROM decisions WHERE agenda_item_id = ? ORDER BY position, created_at').pluck().all(item.id) as string[];
    let index = existing.length;
    if (input.afterDecisionId) {
      const after = existing.indexOf(input.afterDecisionId);
      if (after < 0) throw notFound('decision');
      index = after + 1;
    }
    existing.splice(index, 0, id);
    store.db
      .prepare('INSERT INTO decisions (id, agenda_item_id, position, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, item.id, index, input.text ?? '', at, at);
    const place = store.db.prepare('UPDATE decisions SET position = ? WHERE id = ? AND position <> ?');
    existing.forEach((d, i) => place.run(i, d, i));
    w.log({ entity: 'decision', entityId: id, action: 'create', detail: { itemId: item.id, text: input.text ?? '' } }, at);
  });
  return toDecision(store.db.prepare('SELECT id, agenda_item_id, position, text FROM decisions WHERE id = ?').get(id) as DecisionRow);
}

export function updateDecision(store: Store, input: ParsedInputOf<'updateDecision'>): MinutesDecision {
  const at = nowInstant();
  write(store, (w) => {
    const { decision, meeting } = decisionForEdit(store, input.decisionId);
    assertContentEditable(meeting);
    if (decision.text === input.text) return;
    store.db.prepare('UPDATE decisions SET text = ?, updated_at = ? WHERE id = ?').run(input.text, at, decision.id);
    w.log({ entity: 'decision', entityId: decision.id, action: 'update', detail: { text: input.text } }, at);
  });
  return toDecision(store.db.prepare('SELECT id, agenda_item_id, position, text FROM decisions WHERE id = ?').get(input.decisionId) as DecisionRow);
}

export function deleteDecision(store: Store, input: ParsedInputOf<'deleteDecision'>): { decisionId: string } {
  const at = nowInstant();
  write(store, (w) => {
    const { decision, meeting } = decisionForEdit(store, input.decisionId);
    assertContentEditable(meeting);
    store.db.prepare('DELETE FROM decisions WHERE id = ?').run(decision.id);
    const rest = store.db.prepare('SELECT id FROM decisions WHERE agenda_item_id = ? ORDER BY position, created_at').pluck().all(decision.agenda_item_id) as string[];
    const place = store.db.prepare('UPDATE decisions SET position = ? WHERE id = ? AND position <> ?');
    rest.forEach((d, i) => place.run(i, d, i));
    w.log({ entity: 'decision', entityId: decision.id, action: 'delete', detail: { itemId: decision.agenda_item_id, text: decision.text } }, at);
  });
  return { decisionId: input.decisionId };
}

// ---------------------------------------------------------------- the board's minutes style

export function setMinutesStyle(store: Store, input: ParsedInputOf<'setMinutesStyle'>): MinutesStyle {
  const at = nowInstant();
  write(store, (w) => {
    const board = store.db.prepare('SELECT item_numbering, reference_format FROM boards WHERE id = ? AND archived_at IS NULL').get(input.boardId) as
      | { item_numbering: ItemNumbering; reference_format: string }
      | undefined;
    if (!board) throw notFound('board');
    const numbering = input.numbering ?? board.item_numbering;
    const referenceFormat = input.referenceFormat ?? board.reference_format;
    if (numbering === board.item_numbering && referenceFormat === board.reference_format) return;
    store.db
      .prepare('UPDATE boards SET item_numbering = ?, reference_format = ?, updated_at = ? WHERE id = ?')
      .run(numbering, referenceFormat, at, input.boardId);
    if (numbering !== board.item_numbering) {
      // Draft minutes take the new numbering; circulated ones keep the numbers they went out with.
      const drafts = store.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().all(input.boardId) as string[];
      for (const meetingId of drafts) {
        const meeting = meetingForEdit(store, meetingId);
        writeOutline(store, meeting, loadOutline(store, meetingId), at);
      }
    }
    // Actions already agreed keep their references: a reference is never changed once issued.
    w.log({
        entity: 'board',
        entityId: input.boardId,
        action: 'minutes_style',
        detail: { numbering: { from: board.item_numbering, to: numbering }, referenceFormat: { from: board.reference_format, to: referenceFormat } },
      },
      at,
    );
  });
  return { boardId: input.boardId, ...boardStyle(store, input.boardId) };
}
