// The content hash of agreed minutes: SHA-256 over a canonical JSON of everything the minutes
// say (header, attendance, items and their discussion, decisions, actions as agreed with their
// owners, matters arising recorded at the meeting, the agreement and its amendments). Stored at
// agreement and printed on the PDF; recomputing it later shows whether the record still matches.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import type { Store } from '../db/open';

/** Bump when the content below changes shape: a stored hash names the version it was taken with. */
export const CONTENT_VERSION = 1;

export interface AgreementRecord {
  atMeetingId: string;
  agreedOn: string;
  amendments: string | null;
}

const byId = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What the minutes of a meeting say, as plain data in a fixed order. Timestamps are not content. */
export function minutesContent(store: Store, meetingId: string, agreement: AgreementRecord): unknown {
  const db = store.db;
  const meeting = db
    .prepare(
      `SELECT id, board_id, board_name, meeting_date, start_time, end_time, venue, cancelled, next_date, next_time, next_venue
       FROM meetings WHERE id = ?`,
    )
    .get(meetingId);
  const attendanceItems = db
    .prepare(
      `SELECT ai.attendance_id, ai.agenda_item_id FROM attendance_items ai JOIN attendance a ON a.id = ai.attendance_id
       WHERE a.meeting_id = ? ORDER BY ai.attendance_id, ai.agenda_item_id`,
    )
    .all(meetingId) as Array<{ attendance_id: string; agenda_item_id: string }>;
  const attendance = byId(
    db
      .prepare(
        `SELECT id, member_id, display_name, initials, role, organisation, status, is_guest, is_chair, is_vice_chair,
           is_minute_taker, for_items_note, position FROM attendance WHERE meeting_id = ?`,
      )
      .all(meetingId) as Array<{ id: string }>,
  ).map((a) => ({ ...a, items: attendanceItems.filter((i) => i.attendance_id === a.id).map((i) => i.agenda_item_id) }));
  const decisions = db
    .prepare(
      `SELECT d.id, d.agenda_item_id, d.position, d.text FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
       WHERE i.meeting_id = ? ORDER BY d.id`,
    )
    .all(meetingId) as Array<{ id: string; agenda_item_id: string }>;
  const items = byId(
    db
      .prepare(
        `SELECT id, parent_id, position, number, title, presenter, kind, discussion_json, discussion_text, confidential,
           deferred, deferred_to_text, deferred_to_meeting_id, from_item_id FROM agenda_items WHERE meeting_id = ?`,
      )
      .all(meetingId) as Array<{ id: string }>,
  ).map((i) => ({ ...i, decisions: decisions.filter((d) => d.agenda_item_id === i.id) }));
  const owners = db
    .prepare(
      `SELECT o.id, o.action_id, o.member_id, o.group_id, o.name_text, o.printed_as, o.position FROM action_owners o
       JOIN actions a ON a.id = o.action_id WHERE a.meeting_id = ? ORDER BY o.id`,
    )
    .all(meetingId) as Array<{ id: string; action_id: string }>;
  // An action's status, supersession and closing are recorded later, by other meetings: not content.
  const actions = byId(
    db
      .prepare(
        `SELECT id, board_id, agenda_item_id, seq, reference, position, details, due_kind, due_date, due_meeting_id, due_text
         FROM actions WHERE meeting_id = ?`,
      )
      .all(meetingId) as Array<{ id: string }>,
  ).map((a) => ({ ...a, owners: owners.filter((o) => o.action_id === a.id) }));
  const carried = db
    .prepare('SELECT action_id, position, status_before FROM carried_actions WHERE meeting_id = ? ORDER BY action_id')
    .all(meetingId);
  const updates = db
    .prepare('SELECT id, action_id, text, status, superseded_by FROM action_updates WHERE meeting_id = ? ORDER BY id')
    .all(meetingId);
  return { version: CONTENT_VERSION, meeting, attendance, items, actions, carried, updates, agreement };
}

export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function minutesHash(store: Store, meetingId: string, agreement: AgreementRecord): string {
  return hashContent(minutesContent(store, meetingId, agreement));
}
