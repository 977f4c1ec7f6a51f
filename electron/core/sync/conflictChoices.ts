// What the administrator can do about each listed sync conflict: where to check it (the action's
// page, the agenda item in its meeting, the minutes' record panel, a member on the board's roster,
// the board's settings where its name and short code are edited)
// and, for two statuses recorded apart, the other status "Keep … instead" records again through
// the matters arising; the other choices (a chair, an attendance row removed again, an attendance
// field's other value, another field's other value) are offered by their own modules. Read only.
import type { ListedSyncConflict, SyncConflict, SyncConflictLink } from '../../../shared/contract';
import { ACTION_STATUSES, type ActionStatus, type MeetingStatus } from '../../../shared/domain/enums';
import type { Store } from '../db/open';
import { lockFor } from '../minutes/editable';
import { eventId, statusLog } from './actionStatusLog';
import { madeSyncEngine } from './engine';
import { otherVersions, type ItemVersion } from './itemVersions';
import { keepChairFor } from './chairChoice';
import { removeAttendanceFor } from './attendanceChoice';
import { keepAttendanceFieldFor } from './attendanceFieldChoice';
import { useFieldFor } from './recordFieldChoice';
import { useBoardFieldFor } from './boardFieldChoice';
import { isBoardField } from './boardFields';

interface ActionRow {
  id: string;
  reference: string;
  status: ActionStatus;
  last_update_meeting_id: string | null;
}

/** The parts of a conflict's recorded detail this file reads; anything else in it is the listing's. */
interface Detail {
  other?: { status?: unknown; event?: unknown };
  meetingId?: unknown;
  versions?: ItemVersion[];
}

function detailOf(store: Store, conflictId: string): Detail {
  const json = store.db.prepare('SELECT detail FROM sync_conflicts WHERE id = ?').pluck().get(conflictId) as string | undefined;
  try {
    const parsed = JSON.parse(json ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Detail) : {};
  } catch {
    return {};
  }
}

const isStatus = (value: unknown): value is ActionStatus => ACTION_STATUSES.includes(value as ActionStatus);

/**
 * The meeting the other status was recorded at: from the board's status log when the board is
 * open for sync (the event names it), else the meeting whose update the action last took. Read
 * from the engine only if the file already has one: listing conflicts never starts sync (an
 * engine made here would watch every write of a file that shares no board).
 */
function otherEventMeeting(store: Store, boardId: string, event: unknown, action: ActionRow): { meetingId: string | null; supersededBy: string | null } {
  const replica = madeSyncEngine(store)?.boards.get(boardId)?.replica;
  const found = replica && typeof event === 'string' ? statusLog(replica.board).toArray().find((e) => eventId(e) === event) : undefined;
  if (found) return { meetingId: found.last_update_meeting_id, supersededBy: found.superseded_by };
  return { meetingId: action.last_update_meeting_id, supersededBy: null };
}

/** "Keep … instead" is offered only where recording it can succeed: a status other than the one shown, at draft minutes that list the action. */
function keepFor(store: Store, boardId: string, conflict: SyncConflict, action: ActionRow): ListedSyncConflict['keep'] {
  const detail = detailOf(store, conflict.id);
  const status = detail.other?.status;
  if (!isStatus(status) || status === action.status) return null;
  const { meetingId, supersededBy } = otherEventMeeting(store, boardId, detail.other?.event, action);
  if (!meetingId) return null;
  const meeting = store.db.prepare('SELECT status FROM meetings WHERE id = ? AND board_id = ?').get(meetingId, boardId) as { status: MeetingStatus } | undefined;
  if (!meeting || lockFor(meeting.status).content) return null;
  const listed = store.db.prepare('SELECT 1 FROM carried_actions WHERE meeting_id = ? AND action_id = ?').get(meetingId, action.id);
  if (!listed) return null;
  if (status === 'superseded' && !supersededBy) return null;
  return { status, meetingId, supersededBy: status === 'superseded' ? supersededBy : null };
}

/** The meeting (and agenda item, if it is still there) a conflict is about: by its record, else as its detail names it. */
function meetingOf(store: Store, boardId: string, conflict: SyncConflict): { meetingId: string; itemId: string | null } | null {
  const { db } = store;
  const item = db
    .prepare('SELECT i.id, i.meeting_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ? AND m.board_id = ?')
    .get(conflict.entityId, boardId) as { id: string; meeting_id: string } | undefined;
  if (item) return { meetingId: item.meeting_id, itemId: item.id };
  const inBoard = (id: unknown): id is string => typeof id === 'string' && db.prepare('SELECT 1 FROM meetings WHERE id = ? AND board_id = ?').get(id, boardId) !== undefined;
  if (inBoard(conflict.entityId)) return { meetingId: conflict.entityId, itemId: null };
  const named = detailOf(store, conflict.id).meetingId;
  return inBoard(named) ? { meetingId: named, itemId: null } : null;
}

/** The member a conflict names (two people given the same initials: the one shown under other initials), while still on the board's roster. */
function memberLink(store: Store, boardId: string, conflict: SyncConflict): SyncConflictLink | null {
  const member = store.db
    .prepare('SELECT m.id, p.full_name AS name FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ? AND m.board_id = ?')
    .get(conflict.entityId, boardId) as { id: string; name: string } | undefined;
  return member ? { kind: 'member', boardId, memberId: member.id, name: member.name } : null;
}

/** A board shown here under a local form of its name or short code (board_name_taken), or a field of its settings or groups set apart: its settings, by the name it has here. */
function settingsLink(store: Store, boardId: string, conflict: SyncConflict): SyncConflictLink | null {
  if (conflict.entityId !== boardId && conflict.kind === 'board_name_taken') return null;
  const name = store.db.prepare('SELECT name FROM boards WHERE id = ?').pluck().get(boardId) as string | undefined;
  return name === undefined ? null : { kind: 'boardSettings', boardId, name };
}

const actionOf = (store: Store, boardId: string, actionId: string): ActionRow | undefined =>
  store.db.prepare('SELECT id, reference, status, last_update_meeting_id FROM actions WHERE id = ? AND board_id = ?').get(actionId, boardId) as ActionRow | undefined;

/** The item a field set apart sits under (the decision's item), else its meeting. */
function fieldPlace(store: Store, boardId: string, conflict: SyncConflict): SyncConflictLink | null {
  const itemId = (detailOf(store, conflict.id) as { itemId?: unknown }).itemId;
  const place = meetingOf(store, boardId, typeof itemId === 'string' ? { ...conflict, entityId: itemId } : conflict);
  return place ? { kind: 'item', ...place } : null;
}

function choicesFor(store: Store, boardId: string, conflict: SyncConflict): ListedSyncConflict {
  if (conflict.kind === 'initials_twice') return { ...conflict, link: memberLink(store, boardId, conflict), keep: null };
  if (conflict.kind === 'board_name_taken') return { ...conflict, link: settingsLink(store, boardId, conflict), keep: null };
  const action = conflict.kind === 'action_status' || conflict.kind === 'field_twice' ? actionOf(store, boardId, conflict.entityId) : undefined;
  if (conflict.kind === 'action_status') {
    if (!action) return { ...conflict, link: null, keep: null };
    return { ...conflict, link: { kind: 'action', actionId: action.id, reference: action.reference }, keep: keepFor(store, boardId, conflict, action) };
  }
  // A field of an item, decision, action or the meeting set to two values apart: the other value through the field's ordinary edit, where that can succeed (recordFieldChoice.ts).
  // A field of the board's own document (a member on its roster, a group, its settings): the other value through that field's edit too (boardFieldChoice.ts).
  const detail = conflict.kind === 'field_twice' ? (detailOf(store, conflict.id) as { table?: unknown; memberId?: unknown }) : {};
  if (isBoardField(detail)) {
    const use = useBoardFieldFor(store, boardId, detail);
    const link = detail.memberId ? memberLink(store, boardId, conflict) : settingsLink(store, boardId, conflict);
    return { ...conflict, link, keep: null, ...(use ? { useField: use } : {}) };
  }
  if (conflict.kind === 'field_twice') {
    const use = useFieldFor(store, boardId, conflict.id);
    const link: SyncConflictLink | null = action ? { kind: 'action', actionId: action.id, reference: action.reference } : fieldPlace(store, boardId, conflict);
    return { ...conflict, link, keep: null, ...(use ? { useField: use } : {}) };
  }
  const place = meetingOf(store, boardId, conflict);
  let link: SyncConflictLink | null = null;
  if (place) link = conflict.kind === 'agreed_edited' ? { kind: 'record', meetingId: place.meetingId } : { kind: 'item', ...place };
  // An item two laptops brought back in different versions: each other version can be kept (an edit of the item, where it can still be edited).
  const others = conflict.kind === 'item_deleted_edited' && place?.itemId ? editableVersions(store, place.meetingId, place.itemId, detailOf(store, conflict.id).versions) : [];
  // Two chairs (vice-chairs, minute-takers) named apart: the other laptop's can be given the mark, where that can succeed (chairChoice.ts).
  const chair = conflict.kind === 'chair_twice' ? keepChairFor(store, boardId, conflict.id) : undefined;
  // An attendance row brought back after its removal elsewhere: it can be removed again, where that can succeed (attendanceChoice.ts).
  const removal = conflict.kind === 'attendance_removed_edited' ? removeAttendanceFor(store, boardId, conflict.id) : undefined;
  // One attendance field set to two values apart: the value not kept can be recorded, where that can succeed (attendanceFieldChoice.ts).
  const field = conflict.kind === 'attendance_field_twice' ? keepAttendanceFieldFor(store, boardId, conflict.id) : undefined;
  return {
    ...conflict,
    link,
    keep: null,
    ...(others.length > 0 ? { keepVersions: others } : {}),
    ...(chair ? { keepChair: chair } : {}),
    ...(removal ? { removeAttendance: removal } : {}),
    ...(field ? { keepAttendanceField: field } : {}),
  };
}

function editableVersions(store: Store, meetingId: string, itemId: string, versions: ItemVersion[] | undefined): NonNullable<ListedSyncConflict['keepVersions']> {
  const meeting = store.db.prepare('SELECT status FROM meetings WHERE id = ?').get(meetingId) as { status: MeetingStatus } | undefined;
  if (!meeting || lockFor(meeting.status).content) return [];
  return otherVersions(store.db, itemId, versions)?.others ?? [];
}

/** The board's listed conflicts, each with where to check it and what can be kept instead. */
export function withChoices(store: Store, boardId: string, conflicts: readonly SyncConflict[]): ListedSyncConflict[] {
  return conflicts.map((c) => choicesFor(store, boardId, c));
}
