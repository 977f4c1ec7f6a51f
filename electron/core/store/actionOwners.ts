// The action_owners table, and how an action's owners are named: as the meeting that agreed the
// action names them. Someone in that meeting's attendance is named by their attendance row (the
// name and initials recorded for that meeting); anyone else, a group or a name as written, by
// what the owner row kept when it was set (printed_as, member_name); a guest by their attendance
// row (attendance_id, migration 0009). Never by the roster as it
// is today: that is only a fallback for rows written before owners kept their names.
// This is the one definition of an owner's name, used by the minutes, print, matters arising,
// the action log and the action's page alike.
import type { Database } from '../db/driver';
import type { OwnerMatch } from '../../../shared/contract';
import { ownerLabel } from '../../../shared/domain/owners';

export interface ActionOwnerRow {
  id: string;
  action_id: string;
  member_id: string | null;
  group_id: string | null;
  name_text: string | null;
  position: number;
  /** The owner's initials, group name or written name when they were made owner. */
  printed_as: string | null;
  /** A roster member's full name when they were made owner. */
  member_name: string | null;
  /** A guest owner's attendance row at the meeting that agreed the action (name_text keeps their name). */
  attendance_id: string | null;
}

/** The joins that name owners; `o` is action_owners and `a` the action it belongs to. */
export const OWNER_NAMING_JOINS = `
  LEFT JOIN attendance att ON att.meeting_id = a.meeting_id AND att.member_id = o.member_id
  LEFT JOIN board_members bm ON bm.id = o.member_id
  LEFT JOIN people p ON p.id = bm.person_id
  LEFT JOIN board_groups g ON g.id = o.group_id`;
/** A guest owner's attendance row (schema 0009), as `ga`, and their initials and name as it records them. */
export const OWNER_GUEST_JOIN = 'LEFT JOIN attendance ga ON ga.id = o.attendance_id';
export const OWNER_GUEST_SQL = 'o.attendance_id, ga.initials AS guest_initials, coalesce(ga.display_name, o.name_text) AS guest_name';
export const OWNER_INITIALS_SQL = 'coalesce(att.initials, o.printed_as, bm.initials)';
export const OWNER_FULL_NAME_SQL = 'coalesce(att.display_name, o.member_name, p.full_name)';
export const OWNER_GROUP_NAME_SQL = 'coalesce(o.printed_as, g.name)';

/**
 * Whether owners can be guests in this file (schema 0009). A file opened at an earlier schema
 * (by migration 0004's step, or a migration's test seeding through the API) has no guest owners.
 */
const guestColumn = new WeakMap<Database, boolean>();
export function hasGuestOwners(db: Database): boolean {
  let known = guestColumn.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM pragma_table_info('action_owners') WHERE name = 'attendance_id'").get() !== undefined;
    // Only a yes is kept: a file migrated while open gains the column.
    if (known) guestColumn.set(db, known);
  }
  return known;
}

const namedSql = (db: Database): string =>
  `SELECT o.*, ${OWNER_INITIALS_SQL} AS shown_initials, ${OWNER_FULL_NAME_SQL} AS shown_name, ${OWNER_GROUP_NAME_SQL} AS shown_group,
     ${hasGuestOwners(db) ? 'ga.initials AS guest_initials, coalesce(ga.display_name, o.name_text) AS guest_name' : 'NULL AS attendance_id, NULL AS guest_initials, NULL AS guest_name'}
   FROM action_owners o JOIN actions a ON a.id = o.action_id ${OWNER_NAMING_JOINS} ${hasGuestOwners(db) ? OWNER_GUEST_JOIN : ''}`;

export interface NamedOwnerRow extends ActionOwnerRow {
  shown_initials: string | null;
  shown_name: string | null;
  shown_group: string | null;
  guest_initials: string | null;
  guest_name: string | null;
}

export function rowToOwner(r: NamedOwnerRow): OwnerMatch {
  if (r.member_id) return { kind: 'member', memberId: r.member_id, initials: r.shown_initials ?? '?', fullName: r.shown_name ?? '' };
  if (r.group_id) return { kind: 'group', groupId: r.group_id, name: r.shown_group ?? '' };
  if (r.attendance_id) return { kind: 'guest', attendanceId: r.attendance_id, initials: r.guest_initials, fullName: r.guest_name ?? r.name_text ?? '' };
  return { kind: 'name', name: r.name_text ?? '' };
}

/** The table's own columns of a named row (what the content hash covers). */
export function ownerRowOf(r: NamedOwnerRow): ActionOwnerRow {
  const { shown_initials: _i, shown_name: _n, shown_group: _g, guest_initials: _gi, guest_name: _gn, ...row } = r;
  return row;
}

/** The owners of every action agreed at a meeting, named, in the order the minutes print them. */
export function readNamedOwnerRows(db: Database, meetingId: string): NamedOwnerRow[] {
  return db.prepare(`${namedSql(db)} WHERE a.meeting_id = ? ORDER BY o.action_id, o.position`).all(meetingId) as NamedOwnerRow[];
}

/** The owners of several actions, of any meetings, named as each action's own minutes name them. */
export function ownersByAction(db: Database, actionIds: readonly string[]): Map<string, OwnerMatch[]> {
  const owners = new Map<string, OwnerMatch[]>();
  if (actionIds.length === 0) return owners;
  const rows = db
    .prepare(`${namedSql(db)} WHERE o.action_id IN (SELECT value FROM json_each(?)) ORDER BY o.action_id, o.position`)
    .all(JSON.stringify(actionIds)) as NamedOwnerRow[];
  for (const r of rows) {
    const list = owners.get(r.action_id);
    if (list) list.push(rowToOwner(r));
    else owners.set(r.action_id, [rowToOwner(r)]);
  }
  return owners;
}

/** What an owner row keeps of how the owner was named when set. */
export function ownerSnapshot(owner: OwnerMatch): Pick<ActionOwnerRow, 'printed_as' | 'member_name'> {
  return { printed_as: ownerLabel(owner), member_name: owner.kind === 'member' ? owner.fullName : null };
}

/**
 * Owner rows of a meeting's actions that do not yet keep how the owner is named (written before
 * owners kept their names, or straight into the file) take the name they are shown with now.
 * Run as the minutes are agreed, so agreed minutes never fall back to the roster of a later day.
 */
export function fillMissingOwnerNames(db: Database, meetingId: string): void {
  const named = `FROM action_owners o JOIN actions a ON a.id = o.action_id ${OWNER_NAMING_JOINS} WHERE o.id = action_owners.id`;
  db.prepare(
    `UPDATE action_owners SET
       printed_as = coalesce(printed_as, (SELECT CASE WHEN o.member_id IS NOT NULL THEN ${OWNER_INITIALS_SQL}
         WHEN o.group_id IS NOT NULL THEN ${OWNER_GROUP_NAME_SQL} ELSE o.name_text END ${named})),
       member_name = CASE WHEN member_id IS NULL THEN NULL ELSE coalesce(member_name, (SELECT ${OWNER_FULL_NAME_SQL} ${named})) END
     WHERE action_id IN (SELECT id FROM actions WHERE meeting_id = ?) AND (printed_as IS NULL OR (member_id IS NOT NULL AND member_name IS NULL))`,
  ).run(meetingId);
}
