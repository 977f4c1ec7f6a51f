// Actions agreed at a meeting: details, owners, due, and a reference that is unique in the
// board and never reused (every reference ever issued is kept in issued_references).
import type { ActionDue, MinutesAction, ParsedInputOf } from '../../../shared/contract';
import { lastDayOfMonthIso, readDue } from '../../../shared/domain/due';
import { matchOwner, ownerLabel, sameOwner, type OwnerMatch, type OwnerRef } from '../../../shared/domain/owners';
import { formatReference, nextReference } from '../../../shared/domain/references';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { settleAction } from '../arising/actionProgress';
import { assertContentEditable, itemForEdit, meetingForEdit, type EditableMeeting } from '../minutes/editable';
import { readActionRow, rowToAction, type ActionRow } from '../store/actions';
import { ownersByAction, ownerSnapshot, type ActionOwnerRow } from '../store/actionOwners';
import { ownerDirectoryAt } from '../store/ownerDirectory';
import { loggedText } from '../store/loggedText';
import { listedInRecord, unlistActions } from '../store/listings';

export function getAction(store: Store, actionId: string): MinutesAction {
  const row = readActionRow(store.db, actionId);
  if (!row) throw notFound('action');
  return rowToAction(row, ownersByAction(store.db, [actionId]).get(actionId) ?? []);
}

function actionForEdit(store: Store, actionId: string): { action: ActionRow; meeting: EditableMeeting } {
  const action = readActionRow(store.db, actionId);
  if (!action) throw notFound('action');
  return { action, meeting: meetingForEdit(store, action.meeting_id) };
}

// ---------------------------------------------------------------- references

function referenceTaken(store: ReadHandle, boardId: string, reference: string): boolean {
  return (
    store.db.prepare('SELECT 1 FROM issued_references WHERE board_id = ? AND reference = ?').get(boardId, reference) !== undefined ||
    store.db.prepare('SELECT 1 FROM actions WHERE board_id = ? AND reference = ?').get(boardId, reference) !== undefined
  );
}

function issueReference(w: WriteHandle, meeting: EditableMeeting, actionId: string, at: string): { seq: number; reference: string } {
  const fmt = w.db.prepare('SELECT reference_format FROM boards WHERE id = ?').pluck().get(meeting.board_id) as string;
  const issued = nextReference(fmt, meeting.meeting_date, meeting.action_seq_issued, (r) => referenceTaken(w, meeting.board_id, r));
  w.db
    .prepare('INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, ?, ?, ?)')
    .run(meeting.board_id, issued.reference, actionId, at);
  w.db.prepare('UPDATE meetings SET action_seq_issued = ? WHERE id = ?').run(issued.seq, meeting.id);
  return issued;
}

/**
 * When a draft meeting's date is corrected, its actions' references follow, so they still
 * name the meeting they came from. The old references stay issued and are never reused.
 * If any new reference is already taken, every reference is left as it was.
 */
export function rereferenceMeeting(w: WriteHandle, meetingId: string, newDate: string, at: string): void {
  const meeting = meetingForEdit(w, meetingId);
  if (meeting.status !== 'draft') return;
  const fmt = w.db.prepare('SELECT reference_format FROM boards WHERE id = ?').pluck().get(meeting.board_id) as string;
  const actions = w.db.prepare('SELECT id, seq, reference FROM actions WHERE meeting_id = ? ORDER BY seq').all(meetingId) as Array<{
    id: string;
    seq: number;
    reference: string;
  }>;
  const renamed = actions.map((a) => ({ ...a, next: formatReference(fmt, newDate, a.seq) })).filter((a) => a.next !== a.reference);
  if (renamed.length === 0) return;
  const nextSet = new Set(renamed.map((a) => a.next));
  if (nextSet.size !== renamed.length || renamed.some((a) => referenceTaken(w, meeting.board_id, a.next))) return;
  const update = w.db.prepare('UPDATE actions SET reference = ?, updated_at = ? WHERE id = ?');
  const issue = w.db.prepare('INSERT INTO issued_references (board_id, reference, action_id, issued_at) VALUES (?, ?, ?, ?)');
  for (const a of renamed) {
    update.run(a.next, at, a.id);
    issue.run(meeting.board_id, a.next, a.id, at);
    w.log({ entity: 'action', entityId: a.id, action: 'rereference', detail: { from: a.reference, to: a.next } }, at);
  }
}

// ---------------------------------------------------------------- owners and due

/** The same person, guest or group as an owner row (a name as written is always written as now given). */
const samePersonOrGroup = (row: Pick<ActionOwnerRow, 'member_id' | 'group_id' | 'attendance_id'>, o: OwnerMatch): boolean =>
  (o.kind === 'member' && row.member_id === o.memberId) ||
  (o.kind === 'group' && row.group_id === o.groupId) ||
  (o.kind === 'guest' && row.attendance_id === o.attendanceId);

/**
 * Owners as given, checked against the board and the meeting; a name that is someone on the
 * roster as it was at the meeting (or one of its guests) is linked to them (ownerDirectoryAt, the
 * one directory; matchOwner, the one resolver). Each owner keeps how it was named when set:
 * someone in the meeting's attendance as that records them, anyone else as the roster or group is
 * named then. An owner the action already had keeps the name it was given then, so re-saving the
 * owners never renames anyone.
 */
function writeOwners(w: WriteHandle, meeting: EditableMeeting, actionId: string, refs: readonly OwnerRef[]): OwnerMatch[] {
  const dir = ownerDirectoryAt(w.db, meeting.board_id, meeting.id);
  // The first entry for a person is how this meeting names them (see ownerDirectoryAt).
  const named = (memberId: string) => dir.members.find((x) => x.id === memberId);
  const guest = (attendanceId: string) => dir.guests?.find((g) => g.id === attendanceId);
  const resolved: OwnerMatch[] = refs.map((ref): OwnerMatch => {
    if ('memberId' in ref) {
      const m = named(ref.memberId);
      if (!m) throw new DomainError('invalid_input', 'That owner is not on this board’s roster.', 'owners');
      return { kind: 'member', memberId: m.id, initials: m.initials, fullName: m.fullName };
    }
    if ('attendanceId' in ref) {
      const g = guest(ref.attendanceId);
      if (!g) throw new DomainError('invalid_input', 'That guest was not in attendance at this meeting: only its own guests can own its actions.', 'owners');
      return { kind: 'guest', attendanceId: g.id, initials: g.initials, fullName: g.fullName };
    }
    if ('groupId' in ref) {
      const g = dir.groups.find((x) => x.id === ref.groupId);
      if (!g) throw new DomainError('invalid_input', 'That group is not one of this board’s groups.', 'owners');
      return { kind: 'group', groupId: g.id, name: g.name };
    }
    const match = matchOwner(ref.name, dir);
    const m = match.kind === 'member' ? named(match.memberId) : undefined;
    return m ? { kind: 'member', memberId: m.id, initials: m.initials, fullName: m.fullName } : match;
  });
  const unique = resolved.filter((o, i) => resolved.findIndex((p) => sameOwner(p, o)) === i);
  const before = w.db.prepare('SELECT * FROM action_owners WHERE action_id = ?').all(actionId) as ActionOwnerRow[];
  w.db.prepare('DELETE FROM action_owners WHERE action_id = ?').run(actionId);
  const insert = w.db.prepare('INSERT INTO action_owners (id, action_id, member_id, group_id, name_text, position, printed_as, member_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // Only a guest owner names the column (schema 0009), so a file at an earlier schema still takes the others.
  const insertGuest = (values: unknown[], attendanceId: string) =>
    w.db
      .prepare('INSERT INTO action_owners (id, action_id, member_id, group_id, name_text, position, printed_as, member_name, attendance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(...values, attendanceId);
  unique.forEach((o, i) => {
    const kept = before.find((row) => samePersonOrGroup(row, o) && row.printed_as !== null);
    const snapshot = kept ? { printed_as: kept.printed_as, member_name: kept.member_name } : ownerSnapshot(o);
    const values = [
      newId(),
      actionId,
      o.kind === 'member' ? o.memberId : null,
      o.kind === 'group' ? o.groupId : null,
      o.kind === 'name' ? o.name : o.kind === 'guest' ? o.fullName : null,
      i,
      // A guest is printed as their attendance row names them now: it is the same meeting's record.
      o.kind === 'guest' ? ownerSnapshot(o).printed_as : snapshot.printed_as,
      snapshot.member_name,
    ];
    if (o.kind === 'guest') insertGuest(values, o.attendanceId);
    else insert.run(...values);
  });
  return unique;
}

/** What the due column says, read relative to the meeting; a date that cannot exist is refused. */
function resolveDue(store: Store, meeting: EditableMeeting, typed: string): ActionDue {
  const text = typed.replace(/\s+/g, ' ').trim();
  const reading = readDue(text, meeting.meeting_date);
  switch (reading.kind) {
    case 'none':
      return { kind: 'none', date: null, meetingId: null, text: null };
    case 'invalid':
      throw new DomainError('invalid_input', reading.message, 'due');
    case 'text':
    case 'group_meeting':
      return { kind: 'none', date: null, meetingId: null, text };
    case 'date':
      return { kind: 'date', date: reading.date, meetingId: null, text };
    case 'next_meeting':
      return { kind: 'next_meeting', date: null, meetingId: null, text };
    case 'meeting': {
      const month = `${reading.year}-${String(reading.month).padStart(2, '0')}`;
      // "The 25th November meeting" names its day; "the November meeting" only its month.
      const day = reading.day ? `${month}-${String(reading.day).padStart(2, '0')}` : null;
      const target = store.db
        .prepare(
          `SELECT id, meeting_date FROM meetings WHERE board_id = ? AND substr(meeting_date, 1, 7) = ? AND id <> ? AND (? IS NULL OR meeting_date = ?)
           ORDER BY meeting_date LIMIT 1`,
        )
        .get(meeting.board_id, month, meeting.id, day, day) as { id: string; meeting_date: string } | undefined;
      // Until that meeting is set up, the action is due on its day, or by the end of its month.
      return target
        ? { kind: 'meeting', date: target.meeting_date, meetingId: target.id, text }
        : { kind: 'meeting', date: day ?? lastDayOfMonthIso(reading.year, reading.month), meetingId: null, text };
    }
  }
}

function writeDue(w: WriteHandle, actionId: string, due: ActionDue, at: string): void {
  w.db
    .prepare('UPDATE actions SET due_kind = ?, due_date = ?, due_meeting_id = ?, due_text = ?, updated_at = ? WHERE id = ?')
    .run(due.kind, due.date, due.meetingId, due.text, at, actionId);
}

// ---------------------------------------------------------------- the API

export function addAction(store: Store, input: ParsedInputOf<'addAction'>): MinutesAction {
  const id = newId();
  const at = nowInstant();
  write(store, (w) => {
    const { item, meeting } = itemForEdit(store, input.itemId);
    assertContentEditable(meeting);
    const due = input.due === undefined ? null : resolveDue(store, meeting, input.due);
    const { seq, reference } = issueReference(w, meeting, id, at);
    const position = (store.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM actions WHERE agenda_item_id = ?').pluck().get(item.id) as number) ?? 0;
    store.db
      .prepare(
        `INSERT INTO actions (id, board_id, meeting_id, agenda_item_id, seq, reference, position, details, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, meeting.board_id, meeting.id, item.id, seq, reference, position, input.details ?? '', at, at);
    if (due) writeDue(w, id, due, at);
    const owners = input.owners ? writeOwners(w, meeting, id, input.owners) : [];
    // A later meeting already listing matters arising lists this one too.
    settleAction(w, id);
    w.log({ entity: 'action', entityId: id, action: 'create', detail: { reference, itemId: item.id, details: loggedText(input.details ?? ''), owners: owners.length } }, at);
  });
  return getAction(store, id);
}

export function updateAction(store: Store, input: ParsedInputOf<'updateAction'>): MinutesAction {
  const at = nowInstant();
  write(store, (w) => {
    const { action, meeting } = actionForEdit(store, input.actionId);
    assertContentEditable(meeting);
    const detail: Record<string, unknown> = {};
    if (input.due !== undefined) {
      const due = resolveDue(store, meeting, input.due);
      if (due.kind !== action.due_kind || due.date !== action.due_date || due.meetingId !== action.due_meeting_id || due.text !== action.due_text) {
        writeDue(w, action.id, due, at);
        detail.due = due;
      }
    }
    if (input.details !== undefined && input.details !== action.details) {
      store.db.prepare('UPDATE actions SET details = ?, updated_at = ? WHERE id = ?').run(input.details, at, action.id);
      detail.details = loggedText(input.details);
    }
    if (input.owners !== undefined) {
      const owners = writeOwners(w, meeting, action.id, input.owners);
      store.db.prepare('UPDATE actions SET updated_at = ? WHERE id = ?').run(at, action.id);
      detail.owners = owners.map(ownerLabel);
    }
    if (Object.keys(detail).length > 0) {
      w.log({ entity: 'action', entityId: action.id, action: 'update', detail: { reference: action.reference, ...detail } }, at);
    }
  });
  return getAction(store, input.actionId);
}

/**
 * Progress has been recorded on the action, another action replaces it or it replaces one, or
 * minutes already circulated list it: it is part of the record and cannot be deleted.
 */
export function followedUp(store: Store, actionId: string): boolean {
  return (
    store.db.prepare('SELECT 1 FROM action_updates WHERE action_id = ? LIMIT 1').get(actionId) !== undefined ||
    // An update that says "superseded by" is its action's last, so the action itself carries the link.
    store.db.prepare('SELECT 1 FROM actions WHERE superseded_by = ? LIMIT 1').get(actionId) !== undefined ||
    listedInRecord(store.db, actionId)
  );
}

export function deleteAction(store: Store, input: ParsedInputOf<'deleteAction'>): { actionId: string; reference: string } {
  const at = nowInstant();
  let reference = '';
  write(store, (w) => {
    const { action, meeting } = actionForEdit(store, input.actionId);
    assertContentEditable(meeting);
    reference = action.reference;
    if (followedUp(store, action.id)) {
      throw conflict(`Action ${action.reference} is already followed up at a later meeting, so it cannot be deleted. Mark it dropped instead.`);
    }
    // Listed, untouched, in a later draft's matters arising: it simply leaves that list.
    unlistActions(store.db, [action.id]);
    // The reference stays in issued_references: it is never given to another action.
    store.db.prepare('DELETE FROM actions WHERE id = ?').run(action.id);
    const rest = store.db.prepare('SELECT id FROM actions WHERE agenda_item_id = ? ORDER BY position, seq').pluck().all(action.agenda_item_id) as string[];
    const place = store.db.prepare('UPDATE actions SET position = ? WHERE id = ? AND position <> ?');
    rest.forEach((a, i) => place.run(i, a, i));
    w.log({ entity: 'action', entityId: action.id, action: 'delete', detail: { reference: action.reference, details: action.details } }, at);
  });
  return { actionId: input.actionId, reference };
}
