// The fields people type into a board's own document, watched for values set apart
// (fieldsApart.ts), as recordFields.ts is for a meeting's record: a roster member's full name,
// organisation and email (people, shared by the boards they sit on) and their initials, role,
// voting membership and dates joined and left (board_members); a group's name; the board's own
// settings (name, short code, reference format, numbering, quorum, confidential items, recurring
// agenda, cadence, signature block) and its reminder days (settings). Not the housekeeping (ids,
// created/updated), nor what core keeps (a group's position, a board's archiving), nor a group's
// kind and members (chosen with them, set with its name by one edit). What the board's conflict
// log holds for one (kind field_twice, as a record's field, told apart by its table), and its words.
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import { formatUkDate } from '../../../shared/domain/dates';
import { fractionFromValue } from '../../../shared/domain/quorum';
import type { ApartTable, FoundApart } from './fieldsApart';
import type { FieldValue } from './recordFields';
import type { Row } from './registry';
import { one, text, type WordedField } from './fieldWords';

/** The board document's tables whose fields are watched (each its own root of that name). */
export const BOARD_TABLES = ['people', 'board_members', 'board_groups', 'boards', 'settings'] as const;
export type BoardTable = (typeof BOARD_TABLES)[number];

type BoardField = WordedField;
const date = (name: string, word: string, none: string): BoardField => ({ name, columns: [name], word, say: (v) => (text(v[name]) ? formatUkDate(text(v[name])) : none) });
const flag = (name: string, word: string, yes: string, no: string): BoardField => ({
  name,
  columns: [name],
  read: (v) => Number(v[name] ?? 0) === 1,
  word,
  say: (v) => (Number(v[name] ?? 0) === 1 ? yes : no),
});

function quorumWords(v: Row): string {
  const value = Number(v.quorum_value ?? 0);
  if (v.quorum_kind === 'count' && value > 0) return `${Math.round(value)} members`;
  const fraction = v.quorum_kind === 'fraction' ? fractionFromValue(value) : null;
  return fraction ? `${fraction.numerator}/${fraction.denominator} of the members` : 'no quorum';
}

function templateWords(v: Row): string {
  let titles: unknown;
  try {
    titles = JSON.parse(text(v.agenda_template) || '[]');
  } catch {
    titles = [];
  }
  const list = Array.isArray(titles) ? titles.filter((t): t is string => typeof t === 'string') : [];
  return list.length > 0 ? list.map((t) => `“${t}”`).join(', ') : 'no recurring agenda';
}

const days = (column: string, none: string, after = '') => (v: Row): string => (text(v[column]) ? `${text(v[column])} ${Number(v[column]) === 1 ? 'day' : 'days'}${after}` : none);

const FIELDS: Record<BoardTable, readonly BoardField[]> = {
  people: [one('full_name', 'full name', 'no name'), one('organisation', 'organisation', 'no organisation'), one('email', 'email address', 'no email address')],
  board_members: [
    one('initials', 'initials', 'no initials'),
    one('role', 'role', 'no role'),
    flag('is_member', 'voting membership', 'a voting member', 'not a voting member'),
    date('joined_on', 'date joined', 'no date joined'),
    date('left_on', 'date left', 'no date left'),
  ],
  board_groups: [one('name', 'name', 'no name')],
  boards: [
    one('name', 'name', 'no name'),
    one('short_code', 'short code', 'no short code'),
    one('reference_format', 'reference format', 'no reference format'),
    { name: 'item_numbering', columns: ['item_numbering'], word: 'agenda numbering', say: (v) => (v.item_numbering === 'decimal' ? '1, 1.1, 1.2' : '1, 1a, 1b') },
    { name: 'quorum', columns: ['quorum_kind', 'quorum_value'], read: quorumWords, word: 'quorum', say: quorumWords },
    { name: 'confidential_display', columns: ['confidential_display'], word: 'display of confidential items', say: (v) => (v.confidential_display === 'omit' ? 'left out' : 'shown as a placeholder line') },
    { name: 'agenda_template', columns: ['agenda_template'], read: templateWords, word: 'recurring agenda', say: templateWords },
    { name: 'cadence_days', columns: ['cadence_days'], word: 'usual gap between meetings', say: days('cadence_days', 'no usual gap') },
    flag('signature_block', 'signature block', 'shown', 'not shown'),
  ],
  settings: [{ name: 'remind_days_before', columns: ['value'], word: 'reminder to owners', say: days('value', 'no reminders', ' before due') }],
};

/** The board document's roots and fields watched for values set apart. */
export const BOARD_APART: readonly ApartTable[] = BOARD_TABLES.map((t) => ({ root: t, fields: FIELDS[t] }));

/** What the board's conflict log holds for one field of the board's own document set to two values apart. */
export interface BoardFieldDetail {
  table: BoardTable;
  /** The row's id (a setting's key), and the roster member it is about (a person's: their member on this board), if any. */
  rowId: string;
  memberId: string | null;
  field: string;
  /** The value the row holds (Yjs kept it), and the one it does not. */
  kept: FieldValue;
  other: FieldValue;
  /** Where the two laptops' values parted, as Yjs items (the kept side's, then the other's): the conflict's identity, however many laptops find it. */
  items: [string, string];
}

export const isBoardField = (d: { table?: unknown }): d is BoardFieldDetail => BOARD_TABLES.includes(d.table as BoardTable);

/** The member on this board of a person, as the board's document holds its roster. */
function memberOfPerson(board: Y.Doc, personId: string): string | null {
  for (const [key, row] of board.getMap<Y.Map<unknown>>('board_members')) if (row.get('person_id') === personId) return (JSON.parse(key) as string[])[0] ?? null;
  return null;
}

/** What the board's conflict log holds for one board field found set apart; the entity it names (the member, group or board). */
export function boardFieldDetail(board: Y.Doc, boardId: string, found: FoundApart): { entity: string; detail: BoardFieldDetail } {
  const table = found.root as BoardTable;
  const rowId = (JSON.parse(found.key) as string[])[0] as string;
  const memberId = table === 'board_members' ? rowId : table === 'people' ? memberOfPerson(board, rowId) : null;
  const detail: BoardFieldDetail = { table, rowId, memberId, field: found.field.name, kept: found.kept, other: found.other, items: found.items };
  const entity = memberId ?? (table === 'board_groups' ? rowId : boardId);
  return { entity, detail };
}

/** A field's value in words (“Treasurer”, not a voting member, 7 days before due), or null for a field not watched. */
export function boardValueWords(table: BoardTable, field: string, values: Row): string | null {
  const f = FIELDS[table]?.find((x) => x.name === field);
  return f ? f.say(values) : null;
}

/** "Ann Flynn’s role on the roster", "the group “Finance sub-group”’s name", "the board’s reference format" (as this laptop's tables now hold them). */
function whatWords(db: Database, d: BoardFieldDetail, word: string): string {
  if (d.table === 'boards' || d.table === 'settings') return `the board’s ${word}`;
  if (d.table === 'board_groups') {
    const name = db.prepare('SELECT name FROM board_groups WHERE id = ?').pluck().get(d.rowId) as string | undefined;
    return name === undefined ? `the ${word} of a group since deleted` : `the group “${name}”’s ${word}`;
  }
  const byMember = d.memberId ? (db.prepare('SELECT p.full_name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ?').pluck().get(d.memberId) as string | undefined) : undefined;
  const name = byMember ?? (d.table === 'people' ? (db.prepare('SELECT full_name FROM people WHERE id = ?').pluck().get(d.rowId) as string | undefined) : undefined);
  return name === undefined ? `the ${word} of someone since removed from the roster` : `${name}’s ${word} on the roster`;
}

const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** The conflict in words: the record and field, the value kept and who set it, the one not kept and who set it. */
export function describeBoardField(db: Database, d: BoardFieldDetail): string {
  const field = FIELDS[d.table]?.find((f) => f.name === d.field);
  if (!field) return 'A field of the board was set to two values on two laptops while they were apart.';
  const kept = field.say(d.kept.values);
  const other = field.say(d.other.values);
  return `${capital(whatWords(db, d, field.word))} was set on two laptops while they were apart: ${kept} by ${d.kept.by}, and ${other} by ${d.other.by}. ${capital(kept)} is kept; change it to ${other} if that is right.`;
}
