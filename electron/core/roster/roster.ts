// A board's roster: the people who appear in its minutes, by their initials. Initials are
// unique within a board for everyone ever on it; someone the minutes refer to can leave
// the board but is never deleted.
import type { InitialsSuggestion, ParsedInputOf, RosterMember } from '../../../shared/contract';
import { formatUkDate, todayIso } from '../../../shared/domain/dates';
import { initialsKey, suggestAlternatives, surnameSortKey } from '../../../shared/domain/initials';
import type { Store } from '../db/open';
import { requireBoardRow } from '../settings/settings';
import { newId, nowInstant } from '../changelog';
import { readRosterMemberRow, readRosterMemberRows, rowToRosterMember } from '../store/roster';
import { write } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';

/** Everyone ever on the board's roster, by surname. */
export function listRoster(store: Store, input: ParsedInputOf<'listRoster'>): RosterMember[] {
  requireBoardRow(store, input.boardId);
  const today = todayIso();
  return readRosterMemberRows(store, input.boardId)
    .map((r) => rowToRosterMember(r, today))
    .sort((a, b) => compareNames(a.fullName, b.fullName));
}

export function compareNames(a: string, b: string): number {
  const ka = surnameSortKey(a);
  const kb = surnameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function getMember(store: Store, memberId: string): RosterMember {
  const row = readRosterMemberRow(store, memberId);
  if (!row) throw notFound('person on the roster');
  return rowToRosterMember(row, todayIso());
}

/** Refuses initials someone else on the board holds, naming them and suggesting free ones. */
function assertInitialsFree(store: Store, boardId: string, initials: string, fullName: string, exceptMemberId: string | null): void {
  const others = store.db
    .prepare('SELECT bm.initials, p.full_name FROM board_members bm JOIN people p ON p.id = bm.person_id WHERE bm.board_id = ? AND bm.id IS NOT ?')
    .all(boardId, exceptMemberId) as { initials: string; full_name: string }[];
  const holder = others.find((o) => initialsKey(o.initials) === initialsKey(initials));
  if (!holder) return;
  const free = suggestAlternatives(fullName, others.map((o) => o.initials), 2);
  const offer = free.length > 0 ? ` Try ${free.join(' or ')}.` : '';
  throw conflict(`${holder.initials} is already used by ${holder.full_name} on this board.${offer}`, 'initials');
}

const blankToNull = (text: string | null | undefined): string | null => (text && text.length > 0 ? text : null);

export function addRosterMember(store: Store, input: ParsedInputOf<'addRosterMember'>): RosterMember {
  const at = nowInstant();
  const memberId = newId();
  const personId = newId();
  write(store, (w) => {
    requireBoardRow(store, input.boardId);
    assertInitialsFree(store, input.boardId, input.initials, input.fullName, null);
    store.db
      .prepare('INSERT INTO people (id, full_name, organisation, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(personId, input.fullName, blankToNull(input.organisation), blankToNull(input.email), at, at);
    store.db
      .prepare(
        `INSERT INTO board_members (id, board_id, person_id, initials, role, is_member, joined_on, left_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        memberId,
        input.boardId,
        personId,
        input.initials,
        blankToNull(input.role),
        input.isMember === false ? 0 : 1,
        input.joinedOn ?? null,
        input.leftOn ?? null,
        at,
        at,
      );
    w.log(
      { entity: 'roster_member', entityId: memberId, action: 'create', detail: { boardId: input.boardId, fullName: input.fullName, initials: input.initials } },
      at,
    );
  });
  return getMember(store, memberId);
}

/** Changes someone's roster details. Attendance already recorded keeps the name and role it was recorded with. */
/** Someone cannot have left before a meeting they attended (present, or in attendance for items). */
function assertLeftAfterAttended(store: Store, memberId: string, leftOn: string | null): void {
  if (!leftOn) return;
  const last = store.db
    .prepare("SELECT max(m.meeting_date) FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.member_id = ? AND a.status IN ('present', 'in_attendance')")
    .pluck()
    .get(memberId) as string | null;
  if (last && leftOn < last) {
    throw new DomainError('invalid_input', `They attended the meeting of ${formatUkDate(last)}, so the date they left cannot be before it.`, 'leftOn');
  }
}

export function updateRosterMember(store: Store, input: ParsedInputOf<'updateRosterMember'>): RosterMember {
  const at = nowInstant();
  write(store, (w) => {
    const before = getMember(store, input.memberId);
    assertInitialsFree(store, before.boardId, input.initials, input.fullName, input.memberId);
    const next = {
      fullName: input.fullName,
      initials: input.initials,
      role: input.role === undefined ? before.role : blankToNull(input.role),
      organisation: input.organisation === undefined ? before.organisation : blankToNull(input.organisation),
      email: input.email === undefined ? before.email : blankToNull(input.email),
      isMember: input.isMember ?? before.isMember,
      joinedOn: input.joinedOn === undefined ? before.joinedOn : input.joinedOn,
      leftOn: input.leftOn === undefined ? before.leftOn : input.leftOn,
    };
    if (next.joinedOn && next.leftOn && next.leftOn < next.joinedOn) {
      throw new DomainError('invalid_input', 'The date they left cannot be before the date they joined.', 'leftOn');
    }
    if (next.leftOn !== before.leftOn) assertLeftAfterAttended(store, input.memberId, next.leftOn);
    store.db
      .prepare('UPDATE people SET full_name = ?, organisation = ?, email = ?, updated_at = ? WHERE id = ?')
      .run(next.fullName, next.organisation, next.email, at, before.personId);
    store.db
      .prepare('UPDATE board_members SET initials = ?, role = ?, is_member = ?, joined_on = ?, left_on = ?, updated_at = ? WHERE id = ?')
      .run(next.initials, next.role, next.isMember ? 1 : 0, next.joinedOn, next.leftOn, at, input.memberId);
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]).map((k) => [k, next[k]]),
    );
    if (Object.keys(changed).length > 0) {
      w.log({ entity: 'roster_member', entityId: input.memberId, action: 'update', detail: changed }, at);
    }
  });
  return getMember(store, input.memberId);
}

/** Someone leaves the board: they stay on the roster (and in old minutes) but are not expected after. */
export function markMemberLeft(store: Store, input: ParsedInputOf<'markMemberLeft'>): RosterMember {
  const at = nowInstant();
  write(store, (w) => {
    const member = getMember(store, input.memberId);
    if (member.joinedOn && input.leftOn < member.joinedOn) {
      throw new DomainError(
        'invalid_input',
        `The date they left cannot be before the date they joined (${formatUkDate(member.joinedOn)}).`,
        'leftOn',
      );
    }
    assertLeftAfterAttended(store, input.memberId, input.leftOn);
    store.db.prepare('UPDATE board_members SET left_on = ?, updated_at = ? WHERE id = ?').run(input.leftOn, at, input.memberId);
    w.log({ entity: 'roster_member', entityId: input.memberId, action: 'left', detail: { leftOn: input.leftOn } }, at);
  });
  return getMember(store, input.memberId);
}

/** Deletes someone added by mistake. Anyone the minutes or actions refer to can only be marked as left. */
export function deleteRosterMember(store: Store, input: ParsedInputOf<'deleteRosterMember'>): { deleted: true } {
  write(store, (w) => {
    const member = getMember(store, input.memberId);
    const { meetings, actions, groups } = member.references;
    if (meetings + actions + groups > 0) {
      const where = [
        meetings > 0 ? `the attendance of ${meetings === 1 ? 'a meeting' : `${meetings} meetings`}` : null,
        actions > 0 ? `${actions === 1 ? 'an action' : `${actions} actions`} as owner` : null,
        groups > 0 ? `${groups === 1 ? 'a group' : `${groups} groups`}` : null,
      ].filter(Boolean);
      throw conflict(
        `${member.fullName} appears in ${where.join(', ')}, so they cannot be deleted. Mark them as having left the board instead.`,
      );
    }
    store.db.prepare('DELETE FROM board_members WHERE id = ?').run(input.memberId);
    const elsewhere = store.db.prepare('SELECT 1 FROM board_members WHERE person_id = ?').get(member.personId);
    if (!elsewhere) store.db.prepare('DELETE FROM people WHERE id = ?').run(member.personId);
    w.log({
      entity: 'roster_member',
      entityId: input.memberId,
      action: 'delete',
      detail: { boardId: member.boardId, fullName: member.fullName, initials: member.initials },
    });
  });
  return { deleted: true };
}

/** Free initials for a name on this board (for the roster form while typing). */
export function suggestInitialsFor(store: Store, input: ParsedInputOf<'suggestInitials'>): InitialsSuggestion {
  requireBoardRow(store, input.boardId);
  const taken = store.db
    .prepare('SELECT initials FROM board_members WHERE board_id = ? AND id IS NOT ?')
    .pluck()
    .all(input.boardId, input.exceptMemberId ?? null) as string[];
  const alternatives = suggestAlternatives(input.fullName, taken, 3);
  return { initials: alternatives[0] ?? '', alternatives };
}
