// The guest_contacts table (migration 0009): a guest in attendance's email address, kept beside
// the minutes (not part of them), like a roster member's address on people.email.
import type { Database } from '../db/driver';

export interface GuestContactRow {
  attendance_id: string;
  email: string;
  updated_at: string;
}

export function guestEmails(db: Database, meetingId: string): Map<string, string> {
  const rows = db
    .prepare('SELECT c.attendance_id, c.email FROM guest_contacts c JOIN attendance a ON a.id = c.attendance_id WHERE a.meeting_id = ?')
    .all(meetingId) as Array<Pick<GuestContactRow, 'attendance_id' | 'email'>>;
  return new Map(rows.map((r) => [r.attendance_id, r.email]));
}

export function guestEmail(db: Database, attendanceId: string): string | null {
  return (db.prepare('SELECT email FROM guest_contacts WHERE attendance_id = ?').pluck().get(attendanceId) as string | undefined) ?? null;
}

/** Sets (or, with null, removes) a guest's address; the caller owns the write. */
export function writeGuestEmail(db: Database, attendanceId: string, email: string | null, at: string): void {
  if (email === null) db.prepare('DELETE FROM guest_contacts WHERE attendance_id = ?').run(attendanceId);
  else
    db.prepare('INSERT INTO guest_contacts (attendance_id, email, updated_at) VALUES (?, ?, ?) ON CONFLICT (attendance_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at').run(
      attendanceId,
      email,
      at,
    );
}
