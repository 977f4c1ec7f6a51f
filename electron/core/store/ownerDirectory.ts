// Who a meeting's minutes can name as an owner, as the board's roster was at that meeting: the one
// directory every owner typed for a meeting is resolved against (the actions table, the server's
// owner writer), with shared/domain/owners.ts readOwners as the one resolver.
import type { Database } from '../db/driver';
import type { DirectoryGuest, OwnerDirectory } from '../../../shared/domain/owners';
import type { AttendanceRow } from './attendance';

interface MemberAt {
  id: string;
  initials: string;
  fullName: string;
  joined_on: string | null;
  left_on: string | null;
}

/**
 * People as a meeting names them: the roster, with anyone in the meeting's attendance under the
 * name and initials recorded there. Those recorded come first, so initials typed in the minutes
 * find who they meant at the meeting before anyone who holds those initials now.
 */
export function namedAtMeeting<M extends { id: string; initials: string; fullName: string }>(members: readonly M[], attendance: readonly AttendanceRow[]): M[] {
  const recorded = new Map(attendance.filter((a) => a.member_id).map((a) => [a.member_id as string, a]));
  const named = members.map((m) => {
    const a = recorded.get(m.id);
    return a ? { ...m, initials: a.initials ?? m.initials, fullName: a.display_name } : m;
  });
  return [...named.filter((m) => recorded.has(m.id)), ...named.filter((m) => !recorded.has(m.id))];
}

/**
 * Each member's initials as the board's records last gave them on or before a date: their
 * attendance at the latest earlier meeting that recorded them. (After Jane Shuttleworth became
 * JSh and Jay Stickland took JS, July's records still say JS is Jane.)
 */
function initialsOnOrBefore(db: Database, boardId: string, date: string): Map<string, { initials: string; fullName: string }> {
  const rows = db
    .prepare(
      `SELECT att.member_id, att.initials, att.display_name, max(m.meeting_date) AS on_date
       FROM attendance att JOIN meetings m ON m.id = att.meeting_id
       WHERE m.board_id = ? AND m.meeting_date <= ? AND att.member_id IS NOT NULL AND att.initials IS NOT NULL
       GROUP BY att.member_id`,
    )
    .all(boardId, date) as Array<{ member_id: string; initials: string; display_name: string }>;
  return new Map(rows.map((r) => [r.member_id, { initials: r.initials, fullName: r.display_name }]));
}

/** A meeting's guests in attendance, as owners can be named from them. */
export function guestsAt(db: Database, meetingId: string): DirectoryGuest[] {
  return db
    .prepare('SELECT id, initials, display_name AS fullName FROM attendance WHERE meeting_id = ? AND is_guest = 1 ORDER BY position, display_name')
    .all(meetingId) as DirectoryGuest[];
}

/**
 * The roster as it was at a meeting, first match first: people in its attendance as recorded
 * there; then those on the roster on its date, under the initials the records last gave them by
 * then (else today's); then (so that initials typed as they are now still find their person)
 * everyone under today's initials. Its guests, and the board's groups.
 */
export function ownerDirectoryAt(db: Database, boardId: string, meetingId: string): OwnerDirectory {
  const date = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(meetingId) as string | undefined;
  const members = db
    .prepare('SELECT bm.id, bm.initials, p.full_name AS fullName, bm.joined_on, bm.left_on FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.board_id = ? ORDER BY bm.initials COLLATE NOCASE')
    .all(boardId) as MemberAt[];
  const attendance = db.prepare('SELECT * FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL').all(meetingId) as AttendanceRow[];
  const recorded = new Set(attendance.map((a) => a.member_id));
  const then = date ? initialsOnOrBefore(db, boardId, date) : new Map<string, { initials: string; fullName: string }>();
  const onRoster = (m: MemberAt): boolean => !date || ((m.joined_on === null || m.joined_on <= date) && (m.left_on === null || m.left_on >= date));
  const plain = (m: MemberAt) => ({ id: m.id, initials: m.initials, fullName: m.fullName });
  const atMeeting = namedAtMeeting(members.filter((m) => recorded.has(m.id)).map(plain), attendance);
  const servingThen = members.filter((m) => !recorded.has(m.id) && onRoster(m)).map((m) => ({ ...plain(m), ...then.get(m.id) }));
  // Records of that time first: today's holder of someone's old initials must not take them.
  const byRecord = servingThen.filter((m) => then.has(m.id));
  const byToday = servingThen.filter((m) => !then.has(m.id));
  const groups = db.prepare('SELECT id, name FROM board_groups WHERE board_id = ?').all(boardId) as OwnerDirectory['groups'];
  return { members: [...atMeeting, ...byRecord, ...byToday, ...members.map(plain)], groups, guests: guestsAt(db, meetingId) };
}
