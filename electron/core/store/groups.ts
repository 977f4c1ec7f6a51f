// The board_groups and group_members tables: a board's standing groups that can own actions, their
// row, and a group as the API shows it (with its members and how many actions it owns).
import type { BoardGroup, GroupKind } from '../../../shared/contract';
import type { ReadHandle } from './write';

export interface GroupRow {
  id: string;
  board_id: string;
  name: string;
  kind: GroupKind;
  position: number;
  created_at: string;
}

/** A group as listed: its row, with the actions it owns counted (a group owning any cannot be deleted). */
export type GroupListRow = Omit<GroupRow, 'created_at'> & { action_count: number };

const GROUP_SQL = `
  SELECT g.id, g.board_id, g.name, g.kind, g.position,
    (SELECT count(DISTINCT o.action_id) FROM action_owners o WHERE o.group_id = g.id) AS action_count
  FROM board_groups g`;

export function rowToGroup(row: GroupListRow, memberIds: string[]): BoardGroup {
  return {
    id: row.id,
    boardId: row.board_id,
    name: row.name,
    kind: row.kind,
    position: row.position,
    memberIds,
    actionCount: row.action_count,
  };
}

/** A board's groups in the order it keeps them. */
export function readGroupRows(store: ReadHandle, boardId: string): GroupListRow[] {
  return store.db.prepare(`${GROUP_SQL} WHERE g.board_id = ? ORDER BY g.position, g.name`).all(boardId) as GroupListRow[];
}

export function readGroupRow(store: ReadHandle, groupId: string): GroupListRow | undefined {
  return store.db.prepare(`${GROUP_SQL} WHERE g.id = ?`).get(groupId) as GroupListRow | undefined;
}

/** The roster members of a group (from group_members), in a stable order. */
export function readGroupMemberIds(store: ReadHandle, groupId: string): string[] {
  return store.db.prepare('SELECT member_id FROM group_members WHERE group_id = ? ORDER BY member_id').pluck().all(groupId) as string[];
}
