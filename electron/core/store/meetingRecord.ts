// The one reader of a meeting's record: everything its minutes say, read once, from which the
// screen (getMinutes), the print model (PDF) and the content hash are all made, so the three
// cannot disagree. It reads each table under the meeting whole (the rows themselves, for the
// hash) and gives them as the API shows them: items in reading order with their decisions and
// actions, owners named as at the meeting, attendance, matters arising, the agreement.
import type { Database } from '../db/driver';
import type { Declaration } from '../../../shared/contract/interests';
import type {
  ActionStatus,
  AttendanceRow as AttendanceEntry,
  ConfidentialDisplay,
  ItemNumbering,
  MeetingDetail,
  MinutesAction,
  MinutesDecision,
  MinutesItem,
  OwnerMatch,
} from '../../../shared/contract';
import { numberItems } from '../../../shared/domain/numbering';
import { withFields } from '../../../shared/domain/withFields';
import { notFound } from '../errors';
import { readActionRows, rowToAction, type ActionRow } from './actions';
import { ownerRowOf, ownersByAction, readNamedOwnerRows, rowToOwner, type ActionOwnerRow } from './actionOwners';
import { lazyProperty } from './lazyProperty';
import { readAgendaItemRows, rowToAgendaItemFields, type AgendaItemReadRow } from './agendaItems';
import {
  readActionUpdateRows,
  readArisingActionRows,
  readCarriedActionRows,
  readDismissedDeferralRows,
  type ActionUpdateRow,
  type CarriedActionRow,
  type DismissedDeferralRow,
} from './arising';
import { attendanceOf, readAttendanceItemRows, readAttendanceRows, type AttendanceItemRow, type AttendanceRow } from './attendance';
import { readDecisionRows, rowToDecision, type DecisionRow } from './decisions';
import { readDeclarationRows, type DeclarationRow } from './declarations';
import { readMeetingRow, rowToMeetingDetail, type MeetingRow } from './meetings';

/** The rows of every table under the meeting that its minutes are made of, as stored. */
export interface RecordRows {
  meetings: MeetingRow[];
  attendance: AttendanceRow[];
  attendance_items: AttendanceItemRow[];
  agenda_items: AgendaItemReadRow[];
  decisions: DecisionRow[];
  actions: ActionRow[];
  action_owners: ActionOwnerRow[];
  carried_actions: CarriedActionRow[];
  action_updates: ActionUpdateRow[];
  dismissed_deferrals: DismissedDeferralRow[];
  declarations: DeclarationRow[];
}

export interface RecordAgreement {
  atMeetingId: string;
  /** The date of the meeting that agreed them (held equal to agreedOn by a trigger). */
  atMeetingDate: string;
  agreedOn: string;
  amendments: string | null;
  contentHash: string | null;
  contentVersion: number | null;
}

/** An earlier action in the meeting's matters arising. */
export interface RecordArising {
  actionId: string;
  reference: string;
  details: string;
  /** Named as the minutes that agreed the action name them. */
  owners: OwnerMatch[];
  /** Its status as the meeting began (listed), or as updated there (updated only). */
  statusBefore: ActionStatus;
  update: { text: string; status: ActionStatus } | null;
  /** Agreed under a confidential item: left out of the public version. */
  confidential: boolean;
}

/** The board's settings that decide how the record is shown (not part of the record). */
export interface RecordBoard {
  id: string;
  shortCode: string | null;
  numbering: ItemNumbering;
  referenceFormat: string;
  confidentialDisplay: ConfidentialDisplay;
  /** Agreed minutes end with the chair's signature block. */
  signatureBlock: boolean;
}

export interface MeetingRecord {
  meeting: MeetingDetail;
  board: RecordBoard;
  /** Null until the minutes are agreed as accurate. */
  agreement: RecordAgreement | null;
  /** In the order the minutes print them. */
  attendance: AttendanceEntry[];
  /** In reading order: each item followed by its sub-items. */
  items: MinutesItem[];
  arising: RecordArising[];
  /** Declarations of interest, in the order made, each declarer named as the attendance names them. */
  declarations: Declaration[];
  rows: RecordRows;
}

function readBoard(db: Database, boardId: string): RecordBoard {
  // SELECT *: a connection held at a schema before 8 (the migration tests) has no signature_block.
  const row = db.prepare('SELECT * FROM boards WHERE id = ?').get(boardId) as
    | { id: string; short_code: string | null; item_numbering: ItemNumbering; reference_format: string; confidential_display: ConfidentialDisplay; signature_block?: number }
    | undefined;
  if (!row) throw notFound('board');
  return {
    id: row.id,
    shortCode: row.short_code,
    numbering: row.item_numbering,
    referenceFormat: row.reference_format,
    confidentialDisplay: row.confidential_display,
    signatureBlock: row.signature_block === 1,
  };
}

function agreementOf(db: Database, m: MeetingRow): RecordAgreement | null {
  if (!m.agreed_at_meeting_id || !m.agreed_on) return null;
  const atDate = db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(m.agreed_at_meeting_id) as string | undefined;
  return {
    atMeetingId: m.agreed_at_meeting_id,
    atMeetingDate: atDate ?? m.agreed_on,
    agreedOn: m.agreed_on,
    amendments: m.agreement_amendments,
    contentHash: m.content_hash,
    contentVersion: m.content_version,
  };
}

/** A meeting's record. Throws "no longer exists" for a meeting that is not there. */
export function readMeetingRecord(db: Database, meetingId: string): MeetingRecord {
  const meetingRow = readMeetingRow(db, meetingId);
  if (!meetingRow) throw notFound('meeting');
  const itemRows = readAgendaItemRows(db, meetingId);
  const decisionRows = readDecisionRows(db, meetingId);
  const actionRows = readActionRows(db, meetingId);
  const namedOwners = readNamedOwnerRows(db, meetingId);
  const attendanceRows = readAttendanceRows(db, meetingId);
  const attendanceItemRows = readAttendanceItemRows(db, meetingId);
  // The meeting's lists of earlier actions (~350 rows a meeting on the large store) are only for
  // the hash and the print: read when first asked for, like the matters arising below.
  const eager = {
    meetings: [meetingRow],
    attendance: attendanceRows,
    attendance_items: attendanceItemRows,
    agenda_items: itemRows,
    decisions: decisionRows,
    actions: actionRows,
    action_owners: namedOwners.map(ownerRowOf),
  };
  const earlier = lazyProperty(
    lazyProperty(
      lazyProperty(eager, 'carried_actions', () => readCarriedActionRows(db, meetingId)),
      'action_updates',
      () => readActionUpdateRows(db, meetingId),
    ),
    'dismissed_deferrals',
    () => readDismissedDeferralRows(db, meetingId),
  );
  const rows: RecordRows = Object.assign(earlier, { declarations: readDeclarationRows(db, meetingId) });

  const decisions = new Map<string, MinutesDecision[]>();
  for (const d of decisionRows) decisions.set(d.agenda_item_id, [...(decisions.get(d.agenda_item_id) ?? []), rowToDecision(d)]);
  const owners = new Map<string, OwnerMatch[]>();
  for (const o of namedOwners) owners.set(o.action_id, [...(owners.get(o.action_id) ?? []), rowToOwner(o)]);
  const actions = new Map<string, MinutesAction[]>();
  for (const a of actionRows) {
    if (!a.agenda_item_id) continue;
    actions.set(a.agenda_item_id, [...(actions.get(a.agenda_item_id) ?? []), rowToAction(a, owners.get(a.id) ?? [])]);
  }
  // Reading order and depth come from the outline (whatever the numbering style); the printed
  // number is the stored one, frozen once circulated.
  const byId = new Map(itemRows.map((r) => [r.id, r]));
  const items: MinutesItem[] = numberItems(
    itemRows.map((r) => ({ id: r.id, parentId: r.parent_id, position: r.position })),
    'letters',
  ).map((n) => {
    const r = byId.get(n.id) as AgendaItemReadRow;
    return withFields(rowToAgendaItemFields(r), {
      depth: n.depth,
      discussionJson: r.discussion_json,
      discussionText: r.discussion_text,
      decisions: decisions.get(r.id) ?? [],
      actions: actions.get(r.id) ?? [],
    });
  });

  // The matters arising (every carried action, with owners) are read when first asked for: the
  // print model and the content hash ask; the editor, which opens a meeting far more often, does not.
  const readArising = (): RecordArising[] => {
    const arisingRows = readArisingActionRows(db, meetingId);
    const arisingOwners = ownersByAction(db, arisingRows.map((r) => r.id));
    return arisingRows.map((r) => ({
      actionId: r.id,
      reference: r.reference,
      details: r.details,
      owners: arisingOwners.get(r.id) ?? [],
      statusBefore: r.status,
      update: r.update_status ? { text: r.update_text ?? '', status: r.update_status } : null,
      confidential: (r.confidential ?? 0) === 1,
    }));
  };

  const attendees = new Map(attendanceRows.map((a) => [a.id, a]));
  const declarations: Declaration[] = rows.declarations.map((d) => ({
    id: d.id,
    meetingId: d.meeting_id,
    attendanceId: d.attendance_id,
    name: attendees.get(d.attendance_id)?.display_name ?? '',
    initials: attendees.get(d.attendance_id)?.initials ?? null,
    agendaItemId: d.agenda_item_id,
    interest: d.interest,
    participation: d.participation,
  }));

  const record = lazyProperty(
    {
      meeting: rowToMeetingDetail({ ...meetingRow, item_count: itemRows.length, action_count: actionRows.length }),
      board: readBoard(db, meetingRow.board_id),
      agreement: agreementOf(db, meetingRow),
      attendance: attendanceOf(attendanceRows, attendanceItemRows),
      items,
    },
    'arising',
    readArising,
  );
  return Object.assign(record, { declarations, rows });
}
