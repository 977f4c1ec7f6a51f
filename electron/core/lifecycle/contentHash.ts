// The content hash of agreed minutes: SHA-256 over a canonical JSON of everything the minutes
// say, taken from the meeting's record (store/meetingRecord.ts, the same reader the screen and
// the PDF use) and the agreement. Stored at agreement with the version of content it was taken
// over, and printed on the PDF; recomputing it later shows whether the record still matches.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/domain/canonicalJson';
import type { MeetingRecord, RecordRows } from '../store/meetingRecord';

/**
 * The version new agreements are hashed with. 1: the columns listed in contentV1 (minutes agreed
 * before schema 0002); 2: every column of every table under the meeting except NOT_CONTENT.
 * A stored hash is always checked with the version it was taken with: never change a version's
 * content, add a new one.
 */
export const CONTENT_VERSION = 2;

export interface AgreementRecord {
  atMeetingId: string;
  agreedOn: string;
  amendments: string | null;
}

/**
 * Columns that are not what the minutes say, and why. Every other column of the tables the record
 * reads is content, including any column added later (tests/unit/record-coverage.test.ts holds
 * every table under a meeting to this).
 */
export const NOT_CONTENT: { readonly [T in keyof RecordRows]?: Readonly<Record<string, string>> } = {
  meetings: {
    status: 'where the minutes are in their life, not what they say',
    circulated_at: 'when the minutes were circulated',
    agreed_at_meeting_id: 'hashed as the agreement, which is not yet stored when the hash is taken',
    agreed_on: 'hashed as the agreement',
    agreement_amendments: 'hashed as the agreement',
    content_hash: 'the hash itself',
    content_version: 'which version of this content the hash was taken over',
    published_at: 'set when agreed minutes are published',
    created_at: 'bookkeeping',
    updated_at: 'bookkeeping',
  },
  agenda_items: { created_at: 'bookkeeping', updated_at: 'bookkeeping' },
  decisions: { created_at: 'bookkeeping', updated_at: 'bookkeeping' },
  actions: {
    status: 'progress on the action, recorded by later meetings',
    superseded_by: 'progress on the action, recorded by later meetings',
    closed_at_meeting_id: 'progress on the action, recorded by later meetings',
    last_update_meeting_id: 'progress on the action, recorded by later meetings',
    created_at: 'bookkeeping',
    updated_at: 'bookkeeping',
  },
  action_updates: { recorded_at: 'bookkeeping', updated_at: 'bookkeeping' },
  dismissed_deferrals: { dismissed_at: 'bookkeeping' },
};

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

/** Version 2: each table's rows with every column but NOT_CONTENT, in an order that depends only on their content. */
function contentV2(rows: RecordRows, agreement: AgreementRecord): unknown {
  const tables = Object.fromEntries(
    (Object.keys(rows) as Array<keyof RecordRows>).map((table) => {
      const skip = NOT_CONTENT[table] ?? {};
      const texts = (rows[table] as Row[])
        .map((row) => canonicalJson(Object.fromEntries(Object.entries(row).filter(([column]) => !Object.hasOwn(skip, column)))))
        .sort();
      return [table, texts.map((t) => JSON.parse(t) as unknown)];
    }),
  );
  return { version: 2, tables, agreement };
}

/** What the minutes of a meeting say, as plain data in a fixed order, in the given content version. */
export function minutesContent(record: MeetingRecord, agreement: AgreementRecord, version: number = CONTENT_VERSION): unknown {
  if (version === 1) return contentV1(record.rows, agreement);
  if (version === 2) return contentV2(record.rows, agreement);
  throw new RangeError(`Content version ${version} is not one this version of Matters Arising knows.`);
}

export function hashContent(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export function minutesHash(record: MeetingRecord, agreement: AgreementRecord, version: number = CONTENT_VERSION): string {
  return hashContent(minutesContent(record, agreement, version));
}
