// The people and board_members tables (a board's roster): their rows, a roster member as the API
// shows them, and reading a board's roster with each person's name.
import type { RosterMember } from '../../../shared/contract';
import { onRosterOn } from '../../../shared/domain/attendance';
import type { ReadHandle } from './write';

export interface PersonRow {
  id: string;
  full_name: string;
  organisation: string | null;
  email: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberRow {
  id: string;
  board_id: string;
  person_id: string;
  /** Unique within the board, case-insensitively, for everyone ever on its roster. */
  initials: string;
  role: string | null;
  /** 1: a voting member (counts for quorum and the register); 0: an officer or regular attendee. */
  is_member: number;
  joined_on: string | null;
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Someone on a board's roster: their membership, with the person's name and organisation. */
export type RosterEntryRow = Omit<MemberRow, 'created_at' | 'updated_at'> & Pick<PersonRow, 'full_name' | 'organisation' | 'email'>;

/** How often the records refer to a roster member (someone referred to is never deleted). */
export interface MemberReferenceCounts {
  meeting_refs: number;
  action_refs: number;
  group_refs: number;
}

export type RosterMemberRow = RosterEntryRow & MemberReferenceCounts;

const ENTRY_COLUMNS = 'bm.id, bm.board_id, bm.person_id, p.full_name, bm.initials, bm.role, p.organisation, p.email, bm.is_member, bm.joined_on, bm.left_on';

const MEMBER_SQL = `
  SELECT ${ENTRY_COLUMNS},
    (SELECT count(DISTINCT a.meeting_id) FROM attendance a WHERE a.member_id = bm.id) AS meeting_refs,
    (SELECT count(DISTINCT o.action_id) FROM action_owners o WHERE o.member_id = bm.id) AS action_refs,
    (SELECT count(*) FROM group_members g WHERE g.member_id = bm.id) AS group_refs
  FROM board_members bm JOIN people p ON p.id = bm.person_id`;

/** A roster member as the API shows them; `today` decides whether they are current. */
export function rowToRosterMember(row: RosterMemberRow, today: string): RosterMember {
  return {
    id: row.id,
    boardId: row.board_id,
    personId: row.person_id,
    fullName: row.full_name,
    initials: row.initials,
    role: row.role,
    organisation: row.organisation,
    email: row.email,
    isMember: row.is_member === 1,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    current: onRosterOn(today, row.joined_on, row.left_on),
    references: { meetings: row.meeting_refs, actions: row.action_refs, groups: row.group_refs },
  };
}

/** Everyone ever on the board's roster, with how the records refer to them (in no particular order). */
export function readRosterMemberRows(store: ReadHandle, boardId: string): RosterMemberRow[] {
  return store.db.prepare(`${MEMBER_SQL} WHERE bm.board_id = ?`).all(boardId) as RosterMemberRow[];
}

export function readRosterMemberRow(store: ReadHandle, memberId: string): RosterMemberRow | undefined {
  return store.db.prepare(`${MEMBER_SQL} WHERE bm.id = ?`).get(memberId) as RosterMemberRow | undefined;
}

/** Everyone ever on the board's roster, by initials. */
export function readRosterEntryRows(store: ReadHandle, boardId: string): RosterEntryRow[] {
  return store.db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.board_id = ? ORDER BY bm.initials COLLATE NOCASE`)
    .all(boardId) as RosterEntryRow[];
}
