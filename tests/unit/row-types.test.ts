// One row type per table, in electron/core/store/: no feature declares its own row type for a
// table the store has one for, and every store row type has exactly the table's columns (read
// from a fresh store, so a column a migration adds must be added to its row type too).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionOwnerRow } from '../../electron/core/store/actionOwners';
import type { ActionRow } from '../../electron/core/store/actions';
import type { AgendaItemRow } from '../../electron/core/store/agendaItems';
import type { ActionUpdateRow, CarriedActionRow, DismissedDeferralRow } from '../../electron/core/store/arising';
import type { AttendanceItemRow, AttendanceRow } from '../../electron/core/store/attendance';
import type { BoardRow } from '../../electron/core/store/boards';
import type { DecisionRow } from '../../electron/core/store/decisions';
import type { DeclarationRow } from '../../electron/core/store/declarations';
import type { InterestRow } from '../../electron/core/store/interests';
import type { GroupRow } from '../../electron/core/store/groups';
import type { MeetingRow } from '../../electron/core/store/meetings';
import type { MemberRow, PersonRow } from '../../electron/core/store/roster';
import type { SearchDocRow } from '../../electron/core/store/searchIndex';
import { sourceFiles } from '../helpers/import-graph';
import { tempCore } from '../helpers/temp';

const STORE = 'electron/core/store/';

/** The names features used to give their own copies of a table's row (meetings, boards, the roster, groups, updates). */
const TABLE_ROW_NAMES = ['MeetingRow', 'BoardRow', 'MemberRow', 'PersonRow', 'RosterRow', 'CandidateRow', 'GroupRow', 'UpdateRow', 'ActionUpdateRow'];
/** A declaration starts its line (an import's `type X` does not). */
const DECLARES = new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?(?:interface|type)\\s+(${TABLE_ROW_NAMES.join('|')})\\b`, 'gm');

const relative = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join('/');

/** Each declaration of one of those names outside store/, as "file: name". */
function strayDeclarations(files: ReadonlyArray<{ name: string; text: string }>): string[] {
  return files
    .filter((f) => !f.name.startsWith(STORE))
    .flatMap((f) => [...f.text.matchAll(DECLARES)].map((m) => `${f.name}: ${m[1]}`));
}

/**
 * Each row type's keys, spelled out: the type checker refuses a key the row type lacks and a key
 * missing here, so these lists are the row types' keys, which the test compares with the tables.
 */
const keys = <Row>(all: Record<keyof Row, true>): string[] => Object.keys(all).sort();

const ROW_KEYS: Record<string, string[]> = {
  meetings: keys<MeetingRow>({
    id: true, board_id: true, board_name: true, meeting_date: true, start_time: true, end_time: true, venue: true, status: true,
    cancelled: true, next_date: true, next_time: true, next_venue: true, previous_meeting_id: true, action_seq_issued: true,
    circulated_at: true, agreed_at_meeting_id: true, agreed_on: true, agreement_amendments: true, content_hash: true,
    content_version: true, published_at: true, created_at: true, updated_at: true,
  }),
  boards: keys<BoardRow>({
    id: true, name: true, short_code: true, reference_format: true, item_numbering: true, quorum_kind: true, quorum_value: true,
    confidential_display: true, agenda_template: true, cadence_days: true, signature_block: true, archived_at: true, created_at: true, updated_at: true,
  }),
  people: keys<PersonRow>({ id: true, full_name: true, organisation: true, email: true, created_at: true, updated_at: true }),
  board_members: keys<MemberRow>({
    id: true, board_id: true, person_id: true, initials: true, role: true, is_member: true, joined_on: true, left_on: true,
    created_at: true, updated_at: true,
  }),
  board_groups: keys<GroupRow>({ id: true, board_id: true, name: true, kind: true, position: true, created_at: true }),
  action_updates: keys<ActionUpdateRow>({
    id: true, action_id: true, meeting_id: true, text: true, status: true, superseded_by: true, recorded_at: true, updated_at: true,
  }),
  carried_actions: keys<CarriedActionRow>({ meeting_id: true, action_id: true, position: true, status_before: true }),
  dismissed_deferrals: keys<DismissedDeferralRow>({ meeting_id: true, item_id: true, dismissed_at: true }),
  attendance: keys<AttendanceRow>({
    id: true, meeting_id: true, member_id: true, display_name: true, initials: true, role: true, organisation: true, status: true,
    is_guest: true, is_chair: true, is_vice_chair: true, is_minute_taker: true, for_items_note: true, position: true,
  }),
  attendance_items: keys<AttendanceItemRow>({ attendance_id: true, agenda_item_id: true }),
  agenda_items: keys<AgendaItemRow>({
    id: true, meeting_id: true, parent_id: true, position: true, number: true, title: true, presenter: true, kind: true,
    discussion_deflated: true, discussion_text: true, confidential: true, deferred: true, deferred_to_text: true,
    deferred_to_meeting_id: true, from_item_id: true, created_at: true, updated_at: true,
  }),
  interests: keys<InterestRow>({
    id: true, board_id: true, member_id: true, interest: true, category: true, from_date: true, to_date: true, created_at: true, updated_at: true,
  }),
  declarations: keys<DeclarationRow>({
    id: true, meeting_id: true, attendance_id: true, agenda_item_id: true, interest: true, participation: true, position: true, created_at: true, updated_at: true,
  }),
  decisions: keys<DecisionRow>({ id: true, agenda_item_id: true, position: true, text: true, agrees_minutes_of: true, created_at: true, updated_at: true }),
  actions: keys<ActionRow>({
    id: true, board_id: true, meeting_id: true, agenda_item_id: true, seq: true, reference: true, position: true, details: true,
    due_kind: true, due_date: true, due_meeting_id: true, due_text: true, status: true, superseded_by: true,
    closed_at_meeting_id: true, last_update_meeting_id: true, created_at: true, updated_at: true,
  }),
  action_owners: keys<ActionOwnerRow>({
    attendance_id: true,
    id: true, action_id: true, member_id: true, group_id: true, name_text: true, position: true, printed_as: true, member_name: true,
  }),
  search_docs: keys<SearchDocRow>({ id: true, kind: true, source_id: true, meeting_id: true, item_id: true, action_id: true, title: true, body: true, board_token: true }),
};

describe('row types', () => {
  it('each store row type has exactly its table’s columns, as a fresh store has them after every migration', async () => {
    const core = await tempCore();
    const db = core.store?.db;
    if (!db) throw new Error('the store did not open');
    for (const [table, rowKeys] of Object.entries(ROW_KEYS)) {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).sort();
      expect(columns.length, table).toBeGreaterThan(0);
      expect({ table, keys: rowKeys }).toEqual({ table, keys: columns });
    }
  });

  it('no core file outside store/ declares its own row type for a table the store has one for', () => {
    const files = sourceFiles(['electron/core']).map((file) => ({ name: relative(file), text: fs.readFileSync(file, 'utf8') }));
    expect(strayDeclarations(files)).toEqual([]);
  });

  it('the scan finds a declaration outside store/ and ignores the store’s own', () => {
    const files = [
      { name: 'electron/core/boards/boards.ts', text: 'interface BoardRow {\n  id: string;\n}\nexport type UpdateRow = Pick<X, "id">;' },
      { name: 'electron/core/store/boards.ts', text: 'export interface BoardRow {\n  id: string;\n}' },
      { name: 'electron/core/settings/settings.ts', text: 'import { type BoardRow } from "../store/boards";\ntype Quorum = Pick<BoardRow, "quorum_kind">;' },
    ];
    expect(strayDeclarations(files)).toEqual(['electron/core/boards/boards.ts: BoardRow', 'electron/core/boards/boards.ts: UpdateRow']);
  });
});
