// Who was at a meeting: present, apologies, absent, in attendance (for particular items),
// guests, and the chair, vice-chair and minute-taker marks; the quorum; and the attendance
// register across a board's meetings. Rows keep the name, initials and role they were
// recorded with, so old minutes do not change when the roster does.
import { carryMarks, type PreviousMarks } from '../../../shared/domain/carriedMarks';
import type {
  AttendanceCandidate,
  AttendanceRegister,
  AttendanceRow,
  AttendanceStatus,
  MeetingAttendance,
  MeetingStatus,
  ParsedInputOf,
} from '../../../shared/contract';
import {
  applyAttendanceChanges,
  changeKey,
  countAttendance,
  diffAttendance,
  guestKey,
  memberKey,
  onRosterOn,
  type AttendanceChange,
} from '../../../shared/domain/attendance';
import { attendanceOf, readAttendanceItemRows, readAttendanceRows } from '../store/attendance';
import { readMeetingRow, type MeetingRow } from '../store/meetings';
import { readRosterEntryRows, type RosterEntryRow } from '../store/roster';
import { formatUkDate, todayIso } from '../../../shared/domain/dates';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import { quorumState } from '../../../shared/domain/quorum';
import { computeRegister } from '../../../shared/domain/register';
import type { Store } from '../db/open';
import { membersOn, quorumRuleOf, requireBoardRow } from '../settings/settings';
import { newId, nowInstant } from '../changelog';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, notFound } from '../errors';
import { compareNames } from '../roster/roster';
import { writeGuestDetails } from '../guests/guests';

/** Who can be marked present from the roster: their membership, with the person's name. */
type Candidate = Pick<RosterEntryRow, 'id' | 'full_name' | 'initials' | 'role' | 'organisation' | 'is_member' | 'joined_on' | 'left_on'>;

function requireMeeting(store: Store, meetingId: string): MeetingRow {
  const row = readMeetingRow(store.db, meetingId);
  if (!row) throw notFound('meeting');
  return row;
}

function lockedReason(status: MeetingStatus): string | null {
  if (isAgreed(status)) {
    return 'These minutes have been agreed as accurate, so the attendance is part of the record and can no longer be changed.';
  }
  return null;
}

function loadRows(store: ReadHandle, meetingId: string): AttendanceRow[] {
  return attendanceOf(readAttendanceRows(store.db, meetingId), readAttendanceItemRows(store.db, meetingId));
}

function loadCandidates(store: Store, boardId: string): Candidate[] {
  return readRosterEntryRows(store, boardId);
}

/** Agenda items in printed order: each item, then its sub-items. */
function agendaItems(store: Store, meetingId: string): { id: string; number: string; title: string }[] {
  const rows = store.db
    .prepare('SELECT id, parent_id, number, title FROM agenda_items WHERE meeting_id = ? ORDER BY position, number')
    .all(meetingId) as { id: string; parent_id: string | null; number: string; title: string }[];
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const ordered: { id: string; number: string; title: string }[] = [];
  const visit = (parent: string | null, depth: number): void => {
    if (depth > 10) return;
    for (const r of children.get(parent) ?? []) {
      ordered.push({ id: r.id, number: r.number, title: r.title });
      visit(r.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

export function getAttendance(store: Store, input: ParsedInputOf<'getAttendance'>): MeetingAttendance {
  const meeting = requireMeeting(store, input.meetingId);
  const board = requireBoardRow(store, meeting.board_id);
  const rows = loadRows(store, meeting.id);
  const recorded = new Set(rows.map((r) => r.memberId).filter(Boolean));
  const roster: AttendanceCandidate[] = loadCandidates(store, meeting.board_id)
    .map((c) => ({
      memberId: c.id,
      fullName: c.full_name,
      initials: c.initials,
      role: c.role,
      organisation: c.organisation,
      isMember: c.is_member === 1,
      onRosterAtMeeting: onRosterOn(meeting.meeting_date, c.joined_on, c.left_on),
    }))
    .filter((c) => c.onRosterAtMeeting || recorded.has(c.memberId))
    .sort((a, b) => compareNames(a.fullName, b.fullName));
  const memberFlag = new Map(roster.map((c) => [c.memberId, c.isMember]));
  const rule = quorumRuleOf(board);
  const membersAtMeeting = membersOn(store, meeting.board_id, meeting.meeting_date);
  const counts = countAttendance(rows, (id) => memberFlag.get(id) ?? false);
  return {
    meetingId: meeting.id,
    boardId: meeting.board_id,
    meetingDate: meeting.meeting_date,
    meetingStatus: meeting.status,
    lockedReason: lockedReason(meeting.status),
    rows,
    roster,
    agendaItems: agendaItems(store, meeting.id),
    quorumRule: rule,
    membersAtMeeting,
    quorum: quorumState(rule, membersAtMeeting, counts.membersPresent),
  };
}

function assertUnlocked(meeting: MeetingRow): void {
  const reason = lockedReason(meeting.status);
  if (reason) throw conflict(reason);
}

function assertItemsOfMeeting(store: Store, meetingId: string, itemIds: readonly string[]): void {
  const ofMeeting = store.db.prepare('SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?');
  for (const itemId of itemIds) {
    if (!ofMeeting.get(itemId, meetingId)) throw conflict('One of the chosen agenda items is not part of this meeting.', 'forItemIds');
  }
}

/** Members of the board listed for printing by surname, then guests in the order they were added. */
function writePositions(w: WriteHandle, meetingId: string): void {
  const rows = loadRows(w, meetingId);
  const members = rows.filter((r) => r.memberId).sort((a, b) => compareNames(a.displayName, b.displayName));
  const guests = rows.filter((r) => !r.memberId);
  const update = w.db.prepare('UPDATE attendance SET position = ? WHERE id = ? AND position <> ?');
  [...members, ...guests].forEach((r, i) => update.run(i, r.id, i));
}

/**
 * Records attendance changes: each change is the whole intended state of one row (a roster
 * member, or a guest already added). A new chair takes the mark from the old one.
 */
/** Who was chair, vice-chair and minute-taker at the meeting before this one (the one it was started from, else the last held before it). */
function previousMarks(store: Store, meeting: MeetingRow): PreviousMarks {
  const previousId =
    meeting.previous_meeting_id ??
    (store.db
      .prepare('SELECT id FROM meetings WHERE board_id = ? AND meeting_date < ? AND cancelled = 0 ORDER BY meeting_date DESC LIMIT 1')
      .pluck()
      .get(meeting.board_id, meeting.meeting_date) as string | undefined);
  if (!previousId) return {};
  const rows = store.db
    .prepare('SELECT member_id, is_chair, is_vice_chair, is_minute_taker FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL')
    .all(previousId) as Array<{ member_id: string; is_chair: number; is_vice_chair: number; is_minute_taker: number }>;
  const holder = (flag: 'is_chair' | 'is_vice_chair' | 'is_minute_taker'): string | undefined => rows.find((r) => r[flag] === 1)?.member_id;
  return { isChair: holder('is_chair'), isViceChair: holder('is_vice_chair'), isMinuteTaker: holder('is_minute_taker') };
}

export function recordAttendance(store: Store, input: ParsedInputOf<'recordAttendance'>): MeetingAttendance {
  const at = nowInstant();
  const changes: AttendanceChange[] = input.changes;
  write(store, (w) => {
    const meeting = requireMeeting(store, input.meetingId);
    assertUnlocked(meeting);
    const before = loadRows(store, meeting.id);
    const byKey = new Map(before.map((r) => [r.key, r]));
    const candidates = new Map(loadCandidates(store, meeting.board_id).map((c) => [c.id, c]));

    for (const change of changes) {
      assertItemsOfMeeting(store, meeting.id, change.forItemIds);
      if (change.kind === 'guest') {
        if (!byKey.has(guestKey(change.guestId))) throw notFound('guest');
        continue;
      }
      const person = candidates.get(change.memberId);
      if (!person) throw conflict('That person is not on this board’s roster.');
      if (change.status !== null && !byKey.has(memberKey(change.memberId)) && !onRosterOn(meeting.meeting_date, person.joined_on, person.left_on)) {
        const when = person.left_on && person.left_on < meeting.meeting_date
          ? `they left on ${formatUkDate(person.left_on)}`
          : `they joined on ${formatUkDate(person.joined_on ?? meeting.meeting_date)}`;
        throw conflict(
          `${person.full_name} was not on the roster on ${formatUkDate(meeting.meeting_date)} (${when}). Correct their roster dates, or add them as a guest.`,
        );
      }
    }

    const applied = applyAttendanceChanges<AttendanceRow>(before, changes, (memberId) => {
      const c = candidates.get(memberId) as Candidate;
      return {
        id: newId(),
        displayName: c.full_name,
        initials: c.initials,
        role: c.role,
        organisation: c.organisation,
        isGuest: false,
      };
    });
    const after = carryMarks(before, applied, previousMarks(store, meeting));
    const diff = diffAttendance(before, after);
    if (diff.length === 0) return;
    const afterByKey = new Map(after.map((r) => [r.key, r]));

    // Every changed row loses its marks first, so the one-chair index never sees two chairs mid-way.
    const ordered = diff;
    const clearMarks = store.db.prepare('UPDATE attendance SET is_chair = 0, is_vice_chair = 0, is_minute_taker = 0 WHERE id = ?');
    for (const change of ordered) {
      const was = byKey.get(changeKey(change));
      if (was) clearMarks.run(was.id);
    }
    const remove = store.db.prepare('DELETE FROM attendance WHERE id = ?');
    const update = store.db.prepare(
      `UPDATE attendance SET status = ?, is_chair = ?, is_vice_chair = ?, is_minute_taker = ?, for_items_note = ? WHERE id = ?`,
    );
    const insert = store.db.prepare(
      `INSERT INTO attendance (id, meeting_id, member_id, display_name, initials, role, organisation, status, is_guest,
         is_chair, is_vice_chair, is_minute_taker, for_items_note, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 0)`,
    );
    const clearItems = store.db.prepare('DELETE FROM attendance_items WHERE attendance_id = ?');
    const addItem = store.db.prepare('INSERT INTO attendance_items (attendance_id, agenda_item_id) VALUES (?, ?)');
    // Then each row takes the state (and marks) it ends with.
    for (const change of ordered) {
      const key = changeKey(change);
      const was = byKey.get(key);
      const row = afterByKey.get(key);
      if (!row) {
        if (was) remove.run(was.id);
        continue;
      }
      if (was) {
        update.run(row.status, Number(row.isChair), Number(row.isViceChair), Number(row.isMinuteTaker), row.forItemsNote, row.id);
        clearItems.run(row.id);
      } else {
        insert.run(
          row.id,
          meeting.id,
          row.memberId,
          row.displayName,
          row.initials,
          row.role,
          row.organisation,
          row.status,
          Number(row.isChair),
          Number(row.isViceChair),
          Number(row.isMinuteTaker),
          row.forItemsNote,
        );
      }
      for (const itemId of row.forItemIds) addItem.run(row.id, itemId);
    }
    writePositions(w, meeting.id);
    store.db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(at, meeting.id);
    w.log(
      {
        entity: 'meeting',
        entityId: meeting.id,
        action: 'attendance',
        detail: {
          changes: diff.map((c) =>
            c.kind === 'member' ? { memberId: c.memberId, status: c.status } : { guestId: c.guestId, removed: c.remove },
          ),
        },
      },
      at,
    );
  });
  return getAttendance(store, { meetingId: input.meetingId });
}

/** A guest who is not on the roster: a presenter, a young person, an officer from elsewhere. */
export function addGuest(store: Store, input: ParsedInputOf<'addGuest'>): AttendanceRow {
  const at = nowInstant();
  const id = newId();
  write(store, (w) => {
    const meeting = requireMeeting(store, input.meetingId);
    assertUnlocked(meeting);
    assertItemsOfMeeting(store, meeting.id, input.forItemIds);
    store.db
      .prepare(
        `INSERT INTO attendance (id, meeting_id, member_id, display_name, role, organisation, status, is_guest, for_items_note, position)
         VALUES (?, ?, NULL, ?, ?, ?, 'in_attendance', 1, ?, 0)`,
      )
      .run(id, meeting.id, input.name, input.role || null, input.organisation || null, input.forItemsNote || null);
    const addItem = store.db.prepare('INSERT INTO attendance_items (attendance_id, agenda_item_id) VALUES (?, ?)');
    for (const itemId of new Set(input.forItemIds)) addItem.run(id, itemId);
    writePositions(w, meeting.id);
    store.db.prepare('UPDATE meetings SET updated_at = ? WHERE id = ?').run(at, meeting.id);
    w.log({ entity: 'meeting', entityId: meeting.id, action: 'add_guest', detail: { guestId: id, name: input.name } }, at);
    if (input.initials || input.email) writeGuestDetails(w, id, { initials: input.initials, email: input.email }, at);
  });
  const row = loadRows(store, input.meetingId).find((r) => r.id === id);
  if (!row) throw notFound('guest');
  return row;
}

// ---------------------------------------------------------------- the register

export function attendanceRegister(store: Store, input: ParsedInputOf<'attendanceRegister'>): AttendanceRegister {
  const board = requireBoardRow(store, input.boardId);
  const today = todayIso();
  const meetings = store.db
    .prepare('SELECT id, meeting_date, cancelled FROM meetings WHERE board_id = ?')
    .all(board.id) as { id: string; meeting_date: string; cancelled: number }[];
  const marks = store.db
    .prepare(
      `SELECT a.meeting_id, a.member_id, a.status FROM attendance a JOIN meetings m ON m.id = a.meeting_id
       WHERE m.board_id = ? AND a.member_id IS NOT NULL`,
    )
    .all(board.id) as { meeting_id: string; member_id: string; status: AttendanceStatus }[];
  const people = loadCandidates(store, board.id);
  const result = computeRegister({
    meetings: meetings.map((m) => ({ id: m.id, date: m.meeting_date, cancelled: m.cancelled === 1 })),
    people: people.map((p) => ({
      memberId: p.id,
      fullName: p.full_name,
      initials: p.initials,
      role: p.role,
      organisation: p.organisation,
      isMember: p.is_member === 1,
      joinedOn: p.joined_on,
      leftOn: p.left_on,
    })),
    marks: marks.map((m) => ({ meetingId: m.meeting_id, memberId: m.member_id, status: m.status })),
    from: input.from ?? null,
    to: input.to ?? null,
    today,
  });
  return {
    boardId: board.id,
    boardName: board.name,
    shortCode: board.short_code,
    from: input.from ?? null,
    to: input.to ?? null,
    today,
    meetings: result.meetings.map((m) => ({ id: m.id, date: m.date })),
    notRecorded: result.notRecorded.map((m) => ({ id: m.id, date: m.date })),
    lines: result.lines,
  };
}
