// Guests in attendance as owners of actions: their initials (unique among the people the meeting
// can name, so an owner typed as initials finds one person) and their email address.
import type { GuestDetails, ParsedInputOf } from '../../../shared/contract';
import { sameInitials } from '../../../shared/domain/initials';
import { isAgreed } from '../../../shared/domain/minutesLifecycle';
import type { MeetingStatus } from '../../../shared/domain/enums';
import type { Store } from '../db/open';
import { nowInstant } from '../changelog';
import { conflict, notFound } from '../errors';
import { guestEmails, writeGuestEmail } from '../store/guestContacts';
import { ownerDirectoryAt } from '../store/ownerDirectory';
import { write, type ReadHandle, type WriteHandle } from '../store/write';

interface GuestRow {
  id: string;
  meeting_id: string;
  board_id: string;
  status: MeetingStatus;
  display_name: string;
  initials: string | null;
}

function guestRow(store: ReadHandle, attendanceId: string): GuestRow {
  const row = store.db
    .prepare(
      `SELECT a.id, a.meeting_id, m.board_id, m.status, a.display_name, a.initials FROM attendance a JOIN meetings m ON m.id = a.meeting_id
       WHERE a.id = ? AND a.is_guest = 1`,
    )
    .get(attendanceId) as GuestRow | undefined;
  if (!row) throw notFound('guest');
  return row;
}

export function listGuests(store: Store, input: ParsedInputOf<'listGuests'>): GuestDetails[] {
  if (!store.db.prepare('SELECT 1 FROM meetings WHERE id = ?').get(input.meetingId)) throw notFound('meeting');
  const emails = guestEmails(store.db, input.meetingId);
  const rows = store.db
    .prepare(
      `SELECT a.id, a.meeting_id, a.display_name, a.initials, (SELECT count(DISTINCT o.action_id) FROM action_owners o WHERE o.attendance_id = a.id) AS owned
       FROM attendance a WHERE a.meeting_id = ? AND a.is_guest = 1 ORDER BY a.position, a.display_name`,
    )
    .all(input.meetingId) as Array<{ id: string; meeting_id: string; display_name: string; initials: string | null; owned: number }>;
  return rows.map((r) => ({
    attendanceId: r.id,
    meetingId: r.meeting_id,
    displayName: r.display_name,
    initials: r.initials,
    email: emails.get(r.id) ?? null,
    actionsOwned: r.owned,
  }));
}

/** Refuses initials someone else the meeting can name already has (a member as at the meeting, or another guest). */
function assertInitialsFree(store: ReadHandle, guest: Pick<GuestRow, 'id' | 'meeting_id' | 'board_id'>, initials: string): void {
  const dir = ownerDirectoryAt(store.db, guest.board_id, guest.meeting_id);
  const member = dir.members.find((m) => sameInitials(m.initials, initials));
  if (member) throw conflict(`${initials} are ${member.fullName}’s initials on this board: give the guest others, so the minutes name one person by them.`, 'initials');
  const other = dir.guests?.find((g) => g.id !== guest.id && g.initials !== null && sameInitials(g.initials, initials));
  if (other) throw conflict(`${initials} are already the initials of ${other.fullName}, another guest at this meeting.`, 'initials');
}

/**
 * Sets a guest's initials and address inside the caller's write (addGuest and updateGuest). The
 * initials are part of the minutes, so they change only while the attendance can; the address
 * is not, so it can be added at any time (for a reminder after the minutes are agreed).
 */
export function writeGuestDetails(w: WriteHandle, attendanceId: string, details: { initials?: string | null; email?: string | null }, at: string): void {
  const guest = guestRow(w, attendanceId);
  const initials = details.initials === undefined ? undefined : details.initials?.trim() || null;
  if (initials !== undefined && initials !== guest.initials) {
    if (isAgreed(guest.status)) throw conflict('These minutes have been agreed as accurate, so the guest’s initials are part of the record and can no longer be changed.', 'initials');
    if (initials !== null) assertInitialsFree(w, guest, initials);
    w.db.prepare('UPDATE attendance SET initials = ? WHERE id = ?').run(initials, attendanceId);
    // The guest's actions print them by their attendance row; the owner rows keep the label too.
    w.db.prepare('UPDATE action_owners SET printed_as = ? WHERE attendance_id = ?').run(initials ?? guest.display_name, attendanceId);
    const owned = w.db.prepare('SELECT DISTINCT action_id FROM action_owners WHERE attendance_id = ?').pluck().all(attendanceId) as string[];
    for (const actionId of owned) w.log({ entity: 'action', entityId: actionId, action: 'owner_renamed', detail: { guestId: attendanceId, initials } }, at);
  }
  if (details.email !== undefined) writeGuestEmail(w.db, attendanceId, details.email?.trim() || null, at);
  w.log({ entity: 'meeting', entityId: guest.meeting_id, action: 'update_guest', detail: { guestId: attendanceId, initials: initials ?? guest.initials, email: details.email !== undefined } }, at);
}

export function updateGuest(store: Store, input: ParsedInputOf<'updateGuest'>): GuestDetails {
  const at = nowInstant();
  const meetingId = write(store, (w) => {
    writeGuestDetails(w, input.attendanceId, input, at);
    return guestRow(w, input.attendanceId).meeting_id;
  }).value;
  const details = listGuests(store, { meetingId }).find((g) => g.attendanceId === input.attendanceId);
  if (!details) throw notFound('guest');
  return details;
}
