// "Use … instead" for one field of the board's own document set to two values apart
// (boardFields.ts): the value not kept, offered where the row is still here and the field does not
// already hold it, as the ordinary edit of that field (updateRosterMember, saveGroup, renameBoard,
// setMinutesStyle, setReminderSetting), which the dialog makes as any edit is made, so it syncs to
// every laptop and, made having seen the value kept, is no new conflict. The edit's other inputs
// (a member's name and initials, a group's kind and members) are this laptop's as listed. The
// board's settings set only through the whole settings form (short code, quorum, confidential
// items, recurring agenda, cadence, signature block) offer Dismiss only, and say what to change.
import type { UseFieldChoice } from '../../../shared/contract';
import type { Store } from '../db/open';
import { settingKey } from '../reminders/setting';
import { boardValueWords, isBoardField, type BoardFieldDetail, type BoardTable } from './boardFields';
import type { Row } from './registry';

type Edit = (d: BoardFieldDetail, here: Row, boardId: string) => Omit<UseFieldChoice, 'words'>;

/** A roster member's field: its input to updateRosterMember, from its value. */
const ROSTER_INPUT: Record<string, (v: Row) => Record<string, unknown>> = {
  full_name: (v) => ({ fullName: String(v.full_name ?? '') }),
  organisation: (v) => ({ organisation: v.organisation === null ? null : String(v.organisation ?? '') }),
  email: (v) => ({ email: v.email === null ? null : String(v.email ?? '') }),
  initials: (v) => ({ initials: String(v.initials ?? '') }),
  role: (v) => ({ role: v.role === null ? null : String(v.role ?? '') }),
  is_member: (v) => ({ isMember: Number(v.is_member ?? 0) === 1 }),
  joined_on: (v) => ({ joinedOn: v.joined_on === null ? null : String(v.joined_on ?? '') }),
  left_on: (v) => ({ leftOn: v.left_on === null ? null : String(v.left_on ?? '') }),
};

const roster: Edit = (d, here) =>
  ({ method: 'updateRosterMember', input: { memberId: d.memberId, fullName: here.full_name, initials: here.initials, ...ROSTER_INPUT[d.field]!(d.other.values) } }) as Omit<UseFieldChoice, 'words'>;

/** Each field the choice can set: the row as this laptop holds it (by the member, group or board), its columns compared, and the edit. */
const EDITS: ReadonlyArray<{ table: BoardTable; fields: readonly string[]; row: string; edit: Edit }> = [
  {
    table: 'people',
    fields: ['full_name', 'organisation', 'email'],
    row: 'SELECT p.*, m.initials FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.board_id = ?',
    edit: roster,
  },
  {
    table: 'board_members',
    fields: ['initials', 'role', 'is_member', 'joined_on', 'left_on'],
    row: 'SELECT m.*, p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.board_id = ?',
    edit: roster,
  },
  {
    table: 'board_groups',
    fields: ['name'],
    row: "SELECT g.*, (SELECT json_group_array(member_id) FROM group_members WHERE group_id = g.id) AS members FROM board_groups g WHERE g.id = ? AND g.board_id = ?",
    edit: (d, here, boardId) => ({ method: 'saveGroup', input: { boardId, groupId: d.rowId, name: String(d.other.values.name ?? ''), kind: here.kind, memberIds: JSON.parse(String(here.members)) } }) as Omit<UseFieldChoice, 'words'>,
  },
  { table: 'boards', fields: ['name'], row: 'SELECT * FROM boards WHERE id = ? AND id = ?', edit: (d, _, boardId) => ({ method: 'renameBoard', input: { boardId, name: String(d.other.values.name ?? '') } }) },
  {
    table: 'boards',
    fields: ['reference_format', 'item_numbering'],
    row: 'SELECT * FROM boards WHERE id = ? AND id = ?',
    edit: (d, _, boardId) =>
      d.field === 'item_numbering'
        ? ({ method: 'setMinutesStyle', input: { boardId, numbering: d.other.values.item_numbering } } as Omit<UseFieldChoice, 'words'>)
        : { method: 'setMinutesStyle', input: { boardId, referenceFormat: String(d.other.values.reference_format ?? '') } },
  },
  {
    table: 'settings',
    fields: ['remind_days_before'],
    row: "SELECT * FROM settings WHERE key = ? AND key = 'remind_days_before:' || ?",
    edit: (d, _, boardId) => ({ method: 'setReminderSetting', input: { boardId, days: d.other.values.value === null ? null : Number(d.other.values.value) } }),
  },
];

/** The row's key in its edit's query: the member (a person's fields too), the group, the board, the setting. */
const keyOf = (d: BoardFieldDetail, boardId: string): string | null => (d.table === 'people' || d.table === 'board_members' ? d.memberId : d.table === 'boards' ? boardId : d.table === 'settings' ? settingKey(boardId) : d.rowId);

/** What the conflict offers: the value not kept, as the ordinary edit sets it, where the row is here and the value would change something. */
export function useBoardFieldFor(store: Store, boardId: string, detail: { table?: unknown }): UseFieldChoice | undefined {
  if (!isBoardField(detail)) return undefined;
  const d = detail;
  const edit = EDITS.find((e) => e.table === d.table && e.fields.includes(d.field));
  const key = keyOf(d, boardId);
  if (!edit || key === null) return undefined;
  const here = store.db.prepare(edit.row).get(key, boardId) as Row | undefined;
  const columns = Object.keys(d.other.values);
  if (!here || columns.every((c) => (here[c] ?? null) === (d.other.values[c] ?? null))) return undefined;
  const words = boardValueWords(d.table, d.field, d.other.values) ?? '';
  return { words: words.startsWith('“') ? words : `‘${words}’`, ...edit.edit(d, here, boardId) } as UseFieldChoice;
}
