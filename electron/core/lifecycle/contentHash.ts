// The content hash of agreed minutes: SHA-256 over a canonical JSON of everything the minutes
// say, taken from the meeting's record (store/meetingRecord.ts, the same reader the screen and
// the PDF use) and the agreement. Stored at agreement with the version of content it was taken
// over, and printed on the PDF; recomputing it later shows whether the record still matches.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import type { MeetingRecord, RecordRows } from '../store/meetingRecord';

/**
 * The version new agreements are hashed with. 1: minutes agreed before schema 0002 (contentV1);
 * 2: the columns in CONTENT_V2; 3: those and the declarations of interest (CONTENT_V3); 4: those
 * and the guest an action's owner is (action_owners.attendance_id, CONTENT_V4). A stored hash is always checked with the version it was taken
 * with, so a version's content never changes: a column or table added to the minutes later goes
 * into a new version (tests/unit/record-coverage.test.ts fails until it is hashed or named as
 * not content there).
 */
export const CONTENT_VERSION = 4;

export interface AgreementRecord {
  atMeetingId: string;
  agreedOn: string;
  amendments: string | null;
}

type ContentColumns<K extends keyof RecordRows = keyof RecordRows> = { readonly [T in K]: ReadonlyArray<keyof RecordRows[T][number] & string> };

/**
 * Version 2: every table under the meeting, every column of it that is what the minutes say.
 * Left out, as not content: each table's created_at / updated_at / recorded_at / dismissed_at
 * (bookkeeping); meetings.status, circulated_at and published_at (where the minutes are in their
 * life), agreed_at_meeting_id, agreed_on and agreement_amendments (hashed as the agreement, which
 * is not yet stored when the hash is taken), content_hash and content_version (the seal itself);
 * actions.status, superseded_by, closed_at_meeting_id and last_update_meeting_id (progress,
 * recorded by later meetings).
 */
const CONTENT_V2: ContentColumns<Exclude<keyof RecordRows, 'declarations'>> = {
  meetings: ['id', 'board_id', 'board_name', 'meeting_date', 'start_time', 'end_time', 'venue', 'cancelled', 'next_date', 'next_time', 'next_venue', 'previous_meeting_id', 'action_seq_issued'],
  attendance: ['id', 'meeting_id', 'member_id', 'display_name', 'initials', 'role', 'organisation', 'status', 'is_guest', 'is_chair', 'is_vice_chair', 'is_minute_taker', 'for_items_note', 'position'],
  attendance_items: ['attendance_id', 'agenda_item_id'],
  agenda_items: ['id', 'meeting_id', 'parent_id', 'position', 'number', 'title', 'presenter', 'kind', 'discussion_json', 'discussion_text', 'confidential', 'deferred', 'deferred_to_text', 'deferred_to_meeting_id', 'from_item_id'],
  decisions: ['id', 'agenda_item_id', 'position', 'text', 'agrees_minutes_of'],
  actions: ['id', 'board_id', 'meeting_id', 'agenda_item_id', 'seq', 'reference', 'position', 'details', 'due_kind', 'due_date', 'due_meeting_id', 'due_text'],
  action_owners: ['id', 'action_id', 'member_id', 'group_id', 'name_text', 'position', 'printed_as', 'member_name'],
  carried_actions: ['meeting_id', 'action_id', 'position', 'status_before'],
  action_updates: ['id', 'action_id', 'meeting_id', 'text', 'status', 'superseded_by'],
  dismissed_deferrals: ['meeting_id', 'item_id'],
};

/** Version 3: version 2 and the declarations of interest made at the meeting (created_at / updated_at are bookkeeping). */
const CONTENT_V3: ContentColumns = {
  ...CONTENT_V2,
  declarations: ['id', 'meeting_id', 'attendance_id', 'agenda_item_id', 'interest', 'participation', 'position'],
};

/** Version 4: version 3 and which guest in attendance owns an action (schema 0009). */
const CONTENT_V4: ContentColumns = {
  ...CONTENT_V3,
  action_owners: [...CONTENT_V3.action_owners, 'attendance_id'],
};

const CONTENT_SPECS: Record<2 | 3 | 4, Partial<ContentColumns>> = { 2: CONTENT_V2, 3: CONTENT_V3, 4: CONTENT_V4 };

type Row = object;

const pick = (row: Row, columns: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(columns.map((c) => [c, (row as Record<string, unknown>)[c]]));

const byKey =
  <T extends Row>(...keys: string[]) =>
  (a: T, b: T): number => {
    for (const k of keys) {
      const x = String((a as Record<string, unknown>)[k]);
      const y = String((b as Record<string, unknown>)[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };

/** Version 1, exactly as minutes agreed before schema 0002 were hashed. */
function contentV1(rows: RecordRows, agreement: AgreementRecord): unknown {
  const meeting = rows.meetings[0];
  const attendanceItems = [...rows.attendance_items].sort(byKey('attendance_id', 'agenda_item_id'));
  const attendance = [...rows.attendance].sort(byKey('id')).map((a) => ({
    ...pick(a, ['id', 'member_id', 'display_name', 'initials', 'role', 'organisation', 'status', 'is_guest', 'is_chair', 'is_vice_chair', 'is_minute_taker', 'for_items_note', 'position']),
    items: attendanceItems.filter((i) => i.attendance_id === a.id).map((i) => i.agenda_item_id),
  }));
  const decisions = [...rows.decisions].sort(byKey('id'));
  const items = [...rows.agenda_items].sort(byKey('id')).map((i) => ({
    ...pick(i, ['id', 'parent_id', 'position', 'number', 'title', 'presenter', 'kind', 'discussion_json', 'discussion_text', 'confidential', 'deferred', 'deferred_to_text', 'deferred_to_meeting_id', 'from_item_id']),
    decisions: decisions.filter((d) => d.agenda_item_id === i.id).map((d) => pick(d, ['id', 'agenda_item_id', 'position', 'text'])),
  }));
  const owners = [...rows.action_owners].sort(byKey('id'));
  const actions = [...rows.actions].sort(byKey('id')).map((a) => ({
    ...pick(a, ['id', 'board_id', 'agenda_item_id', 'seq', 'reference', 'position', 'details', 'due_kind', 'due_date', 'due_meeting_id', 'due_text']),
    owners: owners.filter((o) => o.action_id === a.id).map((o) => pick(o, ['id', 'action_id', 'member_id', 'group_id', 'name_text', 'printed_as', 'position'])),
  }));
  const carried = [...rows.carried_actions].sort(byKey('action_id')).map((c) => pick(c, ['action_id', 'position', 'status_before']));
  const updates = [...rows.action_updates].sort(byKey('id')).map((u) => pick(u, ['id', 'action_id', 'text', 'status', 'superseded_by']));
  return {
    version: 1,
    meeting: meeting && pick(meeting, ['id', 'board_id', 'board_name', 'meeting_date', 'start_time', 'end_time', 'venue', 'cancelled', 'next_date', 'next_time', 'next_venue']),
    attendance,
    items,
    actions,
    carried,
    updates,
    agreement,
  };
}

/** Versions 2 to 4: each table's rows with the version's columns, in an order that depends only on their content. */
function contentByColumns(rows: RecordRows, agreement: AgreementRecord, version: 2 | 3 | 4): unknown {
  const spec = CONTENT_SPECS[version];
  const tables = Object.fromEntries(
    (Object.keys(spec) as Array<keyof RecordRows>).map((table) => {
      const columns = spec[table] ?? [];
      const texts = (rows[table] as Row[]).map((row) => canonicalJson(pick(row, columns))).sort();
      return [table, texts.map((t) => JSON.parse(t) as unknown)];
    }),
  );
  return { version, tables, agreement };
}

/** What the minutes of a meeting say, as plain data in a fixed order, in the given content version. */
export function minutesContent(record: MeetingRecord, agreement: AgreementRecord, version: number = CONTENT_VERSION): unknown {
  if (version === 1) return contentV1(record.rows, agreement);
  if (version === 2 || version === 3 || version === 4) return contentByColumns(record.rows, agreement, version);
  throw new RangeError(`Content version ${version} is not one this version of Matters Arising knows.`);
}

export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function minutesHash(record: MeetingRecord, agreement: AgreementRecord, version: number = CONTENT_VERSION): string {
  return hashContent(minutesContent(record, agreement, version));
}
