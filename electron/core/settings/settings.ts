// A board's settings (short code, reference format, numbering, quorum, confidential items,
// recurring agenda, cadence) and its standing groups that can own actions. The minutes style
// (numbering and reference format) has its one writer here, used by both methods that change it.
import type { BoardGroup, BoardSettings, GroupKind, ItemNumbering, MinutesStyle, ParsedInputOf, QuorumRule } from '../../../shared/contract';
import { onRosterOn } from '../../../shared/domain/attendance';
import { todayIso } from '../../../shared/domain/dates';
import { fractionFromValue, parseQuorumFraction } from '../../../shared/domain/quorum';
import type { Store } from '../db/open';
import { renameWithin } from '../boards/boards';
import { newId, nowInstant } from '../changelog';
import { readBoardRow, type BoardRow } from '../store/boards';
import { readGroupMemberIds, readGroupRow, readGroupRows, rowToGroup, type GroupListRow } from '../store/groups';
import { write, type ReadHandle, type WriteHandle } from '../store/write';
import { conflict, DomainError, notFound } from '../errors';
import { meetingForEdit } from '../minutes/editable';
import { boardStyle, loadOutline, writeOutline } from '../minutes/minutes';

export function requireBoardRow(store: ReadHandle, boardId: string): BoardRow {
  const row = readBoardRow(store, boardId);
  if (!row) throw notFound('board');
  return row;
}

export function quorumRuleOf(row: Pick<BoardRow, 'quorum_kind' | 'quorum_value'>): QuorumRule {
  if (row.quorum_kind === 'count' && row.quorum_value !== null) return { kind: 'count', count: Math.round(row.quorum_value) };
  if (row.quorum_kind === 'fraction' && row.quorum_value !== null) {
    const fraction = fractionFromValue(row.quorum_value);
    if (fraction) return { kind: 'fraction', ...fraction };
  }
  return { kind: 'none' };
}

/** Voting members on the board's roster on a date. */
export function membersOn(store: Store, boardId: string, date: string): number {
  const rows = store.db
    .prepare('SELECT joined_on, left_on FROM board_members WHERE board_id = ? AND is_member = 1')
    .all(boardId) as { joined_on: string | null; left_on: string | null }[];
  return rows.filter((r) => onRosterOn(date, r.joined_on, r.left_on)).length;
}

function parseTemplate(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function getBoardSettings(store: Store, input: ParsedInputOf<'getBoardSettings'>): BoardSettings {
  const row = requireBoardRow(store, input.boardId);
  return {
    boardId: row.id,
    name: row.name,
    shortCode: row.short_code,
    referenceFormat: row.reference_format,
    itemNumbering: row.item_numbering,
    quorum: quorumRuleOf(row),
    confidentialDisplay: row.confidential_display,
    agendaTemplate: parseTemplate(row.agenda_template),
    cadenceDays: row.cadence_days,
    currentMemberCount: membersOn(store, row.id, todayIso()),
  };
}

const sameRule = (a: QuorumRule, b: QuorumRule): boolean => JSON.stringify(a) === JSON.stringify(b);

export function updateBoardSettings(store: Store, input: ParsedInputOf<'updateBoardSettings'>): BoardSettings {
  const at = nowInstant();
  write(store, (w) => {
    const before = requireBoardRow(store, input.boardId);
    renameWithin(w, input.boardId, input.name, at);

    const shortCode = input.shortCode ? input.shortCode : null;
    if (shortCode) {
      const clash = store.db
        .prepare('SELECT name FROM boards WHERE short_code = ? COLLATE NOCASE AND id <> ?')
        .get(shortCode, input.boardId) as { name: string } | undefined;
      if (clash) throw conflict(`The short code "${shortCode}" is already used by ${clash.name}.`, 'shortCode');
    }

    let rule: QuorumRule = { kind: 'none' };
    let value: number | null = null;
    if (input.quorumKind === 'count' && input.quorumCount) {
      rule = { kind: 'count', count: input.quorumCount };
      value = input.quorumCount;
    } else if (input.quorumKind === 'fraction') {
      const parsed = parseQuorumFraction(input.quorumFraction ?? '');
      if ('problem' in parsed) throw new DomainError('invalid_input', parsed.problem, 'quorumFraction');
      rule = { kind: 'fraction', ...parsed };
      value = parsed.numerator / parsed.denominator;
    }
    if (rule.kind === 'count' && !sameRule(rule, quorumRuleOf(before))) {
      const members = membersOn(store, input.boardId, todayIso());
      if (rule.count > members) {
        throw new DomainError(
          'invalid_input',
          members === 0
            ? `A quorum of ${rule.count} is larger than the membership: the roster has no current members yet. Add the members first, or use a fraction such as 1/3.`
            : `A quorum of ${rule.count} is larger than the membership: the board has ${members} current ${members === 1 ? 'member' : 'members'}.`,
          'quorumCount',
        );
      }
    }

    const template = JSON.stringify(input.agendaTemplate);
    store.db
      .prepare(
        `UPDATE boards SET short_code = ?, quorum_kind = ?, quorum_value = ?,
           confidential_display = ?, agenda_template = ?, cadence_days = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        shortCode,
        rule.kind,
        value,
        input.confidentialDisplay,
        template,
        input.cadenceDays ?? null,
        at,
        input.boardId,
      );
    // Numbering and reference format have one writer, which renumbers the board's draft minutes.
    writeMinutesStyle(w, input.boardId, { numbering: input.itemNumbering, referenceFormat: input.referenceFormat }, at);
    const changed: Record<string, unknown> = {};
    if (before.short_code !== shortCode) changed.shortCode = shortCode;
    if (before.reference_format !== input.referenceFormat) changed.referenceFormat = input.referenceFormat;
    if (before.item_numbering !== input.itemNumbering) changed.itemNumbering = input.itemNumbering;
    if (!sameRule(rule, quorumRuleOf(before))) changed.quorum = rule;
    if (before.confidential_display !== input.confidentialDisplay) changed.confidentialDisplay = input.confidentialDisplay;
    if (before.agenda_template !== template) changed.agendaTemplate = input.agendaTemplate;
    if (before.cadence_days !== (input.cadenceDays ?? null)) changed.cadenceDays = input.cadenceDays ?? null;
    if (Object.keys(changed).length > 0) {
      w.log({ entity: 'board', entityId: input.boardId, action: 'settings', detail: changed }, at);
    }
  });
  return getBoardSettings(store, { boardId: input.boardId });
}

// ---------------------------------------------------------------- the minutes style: one writer

export interface Style {
  numbering: ItemNumbering;
  referenceFormat: string;
}

/**
 * Writes the board's numbering and reference format inside the caller's transaction, and
 * renumbers its draft minutes when the numbering changes: circulated and agreed minutes keep the
 * numbers they went out with. Actions already agreed keep their references: a reference is
 * never changed once issued. Returns the style before, or null when nothing changed.
 */
export function writeMinutesStyle(w: WriteHandle, boardId: string, next: Style, at: string): Style | null {
  const before = boardStyle(w, boardId);
  if (before.numbering === next.numbering && before.referenceFormat === next.referenceFormat) return null;
  w.db
    .prepare('UPDATE boards SET item_numbering = ?, reference_format = ?, updated_at = ? WHERE id = ?')
    .run(next.numbering, next.referenceFormat, at, boardId);
  if (next.numbering !== before.numbering) {
    const drafts = w.db.prepare("SELECT id FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().all(boardId) as string[];
    for (const meetingId of drafts) writeOutline(w, meetingForEdit(w, meetingId), loadOutline(w, meetingId), at);
  }
  return before;
}

/** setMinutesStyle: the minutes' style dialog, changing either part and keeping the other. */
export function setMinutesStyle(store: Store, input: ParsedInputOf<'setMinutesStyle'>): MinutesStyle {
  const at = nowInstant();
  write(store, (w) => {
    requireBoardRow(w, input.boardId);
    const current = boardStyle(w, input.boardId);
    const next = { numbering: input.numbering ?? current.numbering, referenceFormat: input.referenceFormat ?? current.referenceFormat };
    const before = writeMinutesStyle(w, input.boardId, next, at);
    if (!before) return;
    w.log(
      {
        entity: 'board',
        entityId: input.boardId,
        action: 'minutes_style',
        detail: { numbering: { from: before.numbering, to: next.numbering }, referenceFormat: { from: before.referenceFormat, to: next.referenceFormat } },
      },
      at,
    );
  });
  return { boardId: input.boardId, ...boardStyle(store, input.boardId) };
}

// ---------------------------------------------------------------- standing groups

/** Groups that stand for everyone or every agency have no list of their own members. */
const HAS_MEMBERS: ReadonlySet<GroupKind> = new Set(['subgroup', 'other']);

function toGroup(store: ReadHandle, row: GroupListRow): BoardGroup {
  return rowToGroup(row, readGroupMemberIds(store, row.id));
}

export function listGroups(store: Store, input: ParsedInputOf<'listGroups'>): BoardGroup[] {
  requireBoardRow(store, input.boardId);
  return readGroupRows(store, input.boardId).map((r) => toGroup(store, r));
}

export function saveGroup(store: Store, input: ParsedInputOf<'saveGroup'>): BoardGroup {
  const at = nowInstant();
  const groupId = input.groupId ?? newId();
  write(store, (w) => {
    requireBoardRow(store, input.boardId);
    const clash = store.db
      .prepare('SELECT id FROM board_groups WHERE board_id = ? AND name = ? COLLATE NOCASE AND id <> ?')
      .get(input.boardId, input.name, groupId);
    if (clash) throw conflict(`This board already has a group called "${input.name}".`, 'name');

    const memberIds = [...new Set(input.memberIds ?? [])];
    if (memberIds.length > 0 && !HAS_MEMBERS.has(input.kind)) {
      throw new DomainError('invalid_input', 'Only sub-groups have a list of members; this kind of group stands for everyone it names.', 'memberIds');
    }
    const onBoard = store.db.prepare('SELECT 1 FROM board_members WHERE id = ? AND board_id = ?');
    for (const memberId of memberIds) {
      if (!onBoard.get(memberId, input.boardId)) throw conflict('One of the chosen members is not on this board’s roster.', 'memberIds');
    }

    if (input.groupId) {
      const existing = store.db.prepare('SELECT board_id FROM board_groups WHERE id = ?').get(input.groupId) as { board_id: string } | undefined;
      if (!existing || existing.board_id !== input.boardId) throw notFound('group');
      store.db.prepare('UPDATE board_groups SET name = ?, kind = ? WHERE id = ?').run(input.name, input.kind, groupId);
      store.db.prepare('DELETE FROM group_members WHERE group_id = ?').run(groupId);
    } else {
      const position = store.db.prepare('SELECT coalesce(max(position), -1) + 1 FROM board_groups WHERE board_id = ?').pluck().get(input.boardId) as number;
      store.db
        .prepare('INSERT INTO board_groups (id, board_id, name, kind, position, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(groupId, input.boardId, input.name, input.kind, position, at);
    }
    const addMember = store.db.prepare('INSERT INTO group_members (group_id, member_id) VALUES (?, ?)');
    for (const memberId of memberIds) addMember.run(groupId, memberId);
    w.log(
      { entity: 'group', entityId: groupId, action: input.groupId ? 'update' : 'create', detail: { name: input.name, kind: input.kind, members: memberIds.length } },
      at,
    );
  });
  return toGroup(store, readGroupRow(store, groupId) as GroupListRow);
}

export function deleteGroup(store: Store, input: ParsedInputOf<'deleteGroup'>): { deleted: true } {
  write(store, (w) => {
    const row = readGroupRow(store, input.groupId);
    if (!row) throw notFound('group');
    if (row.action_count > 0) {
      throw conflict(
        `${row.name} owns ${row.action_count === 1 ? 'an action' : `${row.action_count} actions`} in the minutes, so it cannot be deleted.`,
      );
    }
    store.db.prepare('DELETE FROM board_groups WHERE id = ?').run(input.groupId);
    w.log({ entity: 'group', entityId: input.groupId, action: 'delete', detail: { name: row.name } });
  });
  return { deleted: true };
}
