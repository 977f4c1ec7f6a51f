// Who was at a meeting: the rules both core (when saving) and the attendance screen (when
// showing a change at once) apply, so the two always agree. One chair and one vice-chair
// per meeting; marks only for people who were there; "for items" only when in attendance.

import { ATTENDANCE_STATUSES, type AttendanceStatus } from './enums';

export { ATTENDANCE_STATUSES, type AttendanceStatus };

export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  in_attendance: 'In attendance',
};

export interface AttendanceMarks {
  isChair: boolean;
  isViceChair: boolean;
  isMinuteTaker: boolean;
}

/** One row of a meeting's attendance, as the rules see it. */
export interface AttendanceEntry extends AttendanceMarks {
  /** 'm:<member id>' for someone on the roster, 'g:<attendance id>' for a guest. */
  key: string;
  memberId: string | null;
  guestId: string | null;
  status: AttendanceStatus;
  /** As printed ("Item 3"). */
  forItemsNote: string | null;
  /** Agenda items of the meeting they attended for. */
  forItemIds: string[];
}

/** The whole intended state of one row: a roster member (status null = not recorded), or a guest. */
export type AttendanceChange =
  | ({ kind: 'member'; memberId: string; status: AttendanceStatus | null; forItemsNote: string | null; forItemIds: string[] } & AttendanceMarks)
  | ({ kind: 'guest'; guestId: string; remove: boolean; forItemsNote: string | null; forItemIds: string[] } & AttendanceMarks);

export const memberKey = (memberId: string): string => `m:${memberId}`;
export const guestKey = (guestId: string): string => `g:${guestId}`;
export const changeKey = (change: AttendanceChange): string =>
  change.kind === 'member' ? memberKey(change.memberId) : guestKey(change.guestId);

const wasThere = (status: AttendanceStatus): boolean => status === 'present' || status === 'in_attendance';

/** A row made consistent: no marks for someone absent, items only for someone in attendance. */
export function normaliseEntry<E extends AttendanceEntry>(entry: E): E {
  const there = wasThere(entry.status);
  const forItems = entry.status === 'in_attendance';
  const note = entry.forItemsNote?.trim() ? entry.forItemsNote : null;
  return {
    ...entry,
    isChair: there && entry.isChair,
    isViceChair: there && entry.isViceChair && !entry.isChair,
    isMinuteTaker: there && entry.isMinuteTaker,
    forItemsNote: forItems ? note : null,
    forItemIds: forItems ? [...new Set(entry.forItemIds)] : [],
  };
}

/**
 * Applies changes in order. A new chair (or vice-chair, or minute-taker) takes the mark from
 * whoever held it, so a meeting never has two. Changes to guests not in `entries` are ignored
 * (core checks they exist first). `extra` fills in the display fields of a new member row.
 */
export function applyAttendanceChanges<E extends AttendanceEntry>(
  entries: readonly E[],
  changes: readonly AttendanceChange[],
  extra: (memberId: string) => Omit<E, keyof AttendanceEntry>,
): E[] {
  let rows = [...entries];
  for (const change of changes) {
    const key = changeKey(change);
    const index = rows.findIndex((r) => r.key === key);
    const existing = index >= 0 ? rows[index] : undefined;
    let next: E | null;
    if (change.kind === 'member') {
      if (change.status === null) next = null;
      else {
        const base = existing ?? ({ ...extra(change.memberId), key, memberId: change.memberId, guestId: null } as E);
        next = normaliseEntry({
          ...base,
          status: change.status,
          isChair: change.isChair,
          isViceChair: change.isViceChair,
          isMinuteTaker: change.isMinuteTaker,
          forItemsNote: change.forItemsNote,
          forItemIds: change.forItemIds,
        });
      }
    } else {
      if (!existing) continue;
      next = change.remove
        ? null
        : normaliseEntry({
            ...existing,
            status: 'in_attendance',
            isChair: change.isChair,
            isViceChair: change.isViceChair,
            isMinuteTaker: change.isMinuteTaker,
            forItemsNote: change.forItemsNote,
            forItemIds: change.forItemIds,
          });
    }
    if (next === null) {
      if (index >= 0) rows.splice(index, 1);
      continue;
    }
    const placed = next;
    rows = rows.map((r) =>
      r.key === key
        ? r
        : {
            ...r,
            isChair: placed.isChair ? false : r.isChair,
            isViceChair: placed.isViceChair ? false : r.isViceChair,
            isMinuteTaker: placed.isMinuteTaker ? false : r.isMinuteTaker,
          },
    );
    if (index >= 0) rows[index] = placed;
    else rows.push(placed);
  }
  return rows;
}

/** The full state of a row, as a change that recreates it. */
export function entryToChange(entry: AttendanceEntry): AttendanceChange {
  const marks = { isChair: entry.isChair, isViceChair: entry.isViceChair, isMinuteTaker: entry.isMinuteTaker };
  const items = { forItemsNote: entry.forItemsNote, forItemIds: entry.forItemIds };
  if (entry.memberId) return { kind: 'member', memberId: entry.memberId, status: entry.status, ...marks, ...items };
  return { kind: 'guest', guestId: entry.guestId ?? '', remove: false, ...marks, ...items };
}

function sameEntry(a: AttendanceEntry, b: AttendanceEntry): boolean {
  return (
    a.status === b.status &&
    a.isChair === b.isChair &&
    a.isViceChair === b.isViceChair &&
    a.isMinuteTaker === b.isMinuteTaker &&
    a.forItemsNote === b.forItemsNote &&
    a.forItemIds.length === b.forItemIds.length &&
    a.forItemIds.every((id, i) => b.forItemIds[i] === id)
  );
}

/** The changes that turn `before` into `after`: one full row state per row that differs. */
export function diffAttendance(before: readonly AttendanceEntry[], after: readonly AttendanceEntry[]): AttendanceChange[] {
  const old = new Map(before.map((e) => [e.key, e]));
  const changes: AttendanceChange[] = [];
  for (const entry of after) {
    const was = old.get(entry.key);
    old.delete(entry.key);
    if (!was || !sameEntry(was, entry)) changes.push(entryToChange(entry));
  }
  for (const gone of old.values()) {
    const none = { isChair: false, isViceChair: false, isMinuteTaker: false, forItemsNote: null, forItemIds: [] };
    if (gone.memberId) changes.push({ kind: 'member', memberId: gone.memberId, status: null, ...none });
    else if (gone.guestId) changes.push({ kind: 'guest', guestId: gone.guestId, remove: true, ...none });
  }
  return changes;
}

/**
 * "Everyone present except ...": the people listed get apologies (or absent); every other
 * roster member eligible for the meeting is present, except anyone recorded as in
 * attendance for particular items, who stays so.
 */
export function everyonePresentExcept(
  entries: readonly AttendanceEntry[],
  eligibleMemberIds: readonly string[],
  exceptions: ReadonlyMap<string, 'apologies' | 'absent'>,
): AttendanceChange[] {
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const changes: AttendanceChange[] = [];
  for (const memberId of eligibleMemberIds) {
    const current = byKey.get(memberKey(memberId));
    const except = exceptions.get(memberId);
    const keepItems = !except && current?.status === 'in_attendance';
    const status: AttendanceStatus = except ?? (keepItems ? 'in_attendance' : 'present');
    if (current?.status === status) continue;
    changes.push({
      kind: 'member',
      memberId,
      status,
      isChair: current?.isChair ?? false,
      isViceChair: current?.isViceChair ?? false,
      isMinuteTaker: current?.isMinuteTaker ?? false,
      forItemsNote: current?.forItemsNote ?? null,
      forItemIds: current?.forItemIds ?? [],
    });
  }
  return changes;
}

export interface AttendanceCounts {
  /** Everyone there for the whole meeting (roster and guests). */
  present: number;
  /** Everyone there for particular items, or in attendance as a guest. */
  inAttendance: number;
  apologies: number;
  absent: number;
  guests: number;
  /** Voting members present for the whole meeting: what the quorum counts. */
  membersPresent: number;
}

export function countAttendance(entries: readonly AttendanceEntry[], isMember: (memberId: string) => boolean): AttendanceCounts {
  const counts: AttendanceCounts = { present: 0, inAttendance: 0, apologies: 0, absent: 0, guests: 0, membersPresent: 0 };
  for (const e of entries) {
    if (e.status === 'present') counts.present++;
    else if (e.status === 'in_attendance') counts.inAttendance++;
    else if (e.status === 'apologies') counts.apologies++;
    else counts.absent++;
    if (!e.memberId) counts.guests++;
    else if (e.status === 'present' && isMember(e.memberId)) counts.membersPresent++;
  }
  return counts;
}

/** Was someone with these roster dates on the roster on `date`? Joined and left days count. */
export function onRosterOn(date: string, joinedOn: string | null, leftOn: string | null): boolean {
  return (joinedOn === null || joinedOn <= date) && (leftOn === null || leftOn >= date);
}
