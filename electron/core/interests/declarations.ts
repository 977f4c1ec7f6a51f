// Declarations of interest made at a meeting: its one writer and the panel's reader. They are
// part of the minutes (read with the record, hashed and frozen with it once agreed).
import type { Declaration, MeetingDeclarations, ParsedInputOf } from '../../../shared/contract';
import { isStandingItemTitle } from '../../../shared/domain/interests';
import type { Store } from '../db/open';
import { newId, nowInstant } from '../changelog';
import { DomainError, notFound } from '../errors';
import { assertContentEditable, meetingForEdit } from '../minutes/editable';
import { readDeclarationRow } from '../store/declarations';
import { readMeetingRecord } from '../store/meetingRecord';
import { write } from '../store/write';

export function standingItemOf<T extends { title: string }>(items: readonly T[]): T | undefined {
  return items.find((i) => isStandingItemTitle(i.title));
}

export function getDeclarations(store: Store, input: ParsedInputOf<'getDeclarations'>): MeetingDeclarations {
  const record = readMeetingRecord(store.db, input.meetingId);
  const attendees = record.attendance
    .filter((a) => a.status === 'present' || a.status === 'in_attendance')
    .map((a) => ({ attendanceId: a.id, name: a.displayName, initials: a.initials, memberId: a.memberId }));
  const memberIds = attendees.map((a) => a.memberId).filter((m): m is string => m !== null);
  const date = record.meeting.date;
  const registered = memberIds.length
    ? (store.db
        .prepare(
          `SELECT member_id AS memberId, interest FROM interests WHERE board_id = ? AND member_id IN (SELECT value FROM json_each(?))
           AND (from_date IS NULL OR from_date <= ?) AND (to_date IS NULL OR to_date >= ?) ORDER BY interest COLLATE NOCASE`,
        )
        .all(record.board.id, JSON.stringify(memberIds), date, date) as Array<{ memberId: string; interest: string }>)
    : [];
  return {
    meetingId: record.meeting.id,
    editable: record.meeting.status !== 'agreed' && record.meeting.status !== 'published',
    declarations: record.declarations,
    attendees,
    items: record.items.map((i) => ({ id: i.id, number: i.number, title: i.title })),
    standingItemId: standingItemOf(record.items)?.id ?? null,
    registered,
  };
}

export function recordDeclaration(store: Store, input: ParsedInputOf<'recordDeclaration'>): Declaration {
  const meeting = meetingForEdit(store, input.meetingId);
  assertContentEditable(meeting);
  const attendee = store.db.prepare('SELECT display_name, status FROM attendance WHERE id = ? AND meeting_id = ?').get(input.attendanceId, meeting.id) as
    | { display_name: string; status: string }
    | undefined;
  if (!attendee) throw new DomainError('invalid_input', 'Only someone recorded in this meeting’s attendance can declare an interest at it.', 'attendanceId');
  if (attendee.status !== 'present' && attendee.status !== 'in_attendance') {
    throw new DomainError(
      'invalid_input',
      `${attendee.display_name} was not at this meeting (recorded as ${attendee.status === 'apologies' ? 'giving apologies' : 'absent'}), so cannot have declared an interest at it.`,
      'attendanceId',
    );
  }
  if (input.agendaItemId && !store.db.prepare('SELECT 1 FROM agenda_items WHERE id = ? AND meeting_id = ?').get(input.agendaItemId, meeting.id)) {
    throw new DomainError('invalid_input', 'That agenda item is not one of this meeting’s.', 'agendaItemId');
  }
  const id = newId();
  const at = nowInstant();
  write(store, (w) => {
    const position = (w.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM declarations WHERE meeting_id = ?').pluck().get(meeting.id) as number) ?? 0;
    w.db
      .prepare('INSERT INTO declarations (id, meeting_id, attendance_id, agenda_item_id, interest, participation, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, meeting.id, input.attendanceId, input.agendaItemId, input.interest, input.participation, position, at, at);
    w.log({ entity: 'meeting', entityId: meeting.id, action: 'declaration_recorded', detail: { declarationId: id, attendanceId: input.attendanceId, interest: input.interest } }, at);
  });
  const declared = readMeetingRecord(store.db, meeting.id).declarations.find((d) => d.id === id);
  if (!declared) throw notFound('declaration');
  return declared;
}

export function removeDeclaration(store: Store, input: ParsedInputOf<'removeDeclaration'>): { removed: true } {
  const row = readDeclarationRow(store.db, input.declarationId);
  if (!row) throw notFound('declaration');
  assertContentEditable(meetingForEdit(store, row.meeting_id));
  write(store, (w) => {
    w.db.prepare('DELETE FROM declarations WHERE id = ?').run(row.id);
    w.log({ entity: 'meeting', entityId: row.meeting_id, action: 'declaration_removed', detail: { declarationId: row.id, interest: row.interest } });
  });
  return { removed: true };
}
