// Board settings, the roster and standing groups through core's dispatch, against real SQLite files.
import { describe, expect, it } from 'vitest';
import type { BoardGroup, BoardSettings, BoardSummary, InitialsSuggestion, MeetingDetail, RosterMember } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';

const BOARD = 'Southwark Safeguarding Children Executive Board';

async function boardWithRoster(): Promise<{ core: Core; board: BoardSummary; jackie: RosterMember; michael: RosterMember }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: BOARD, shortCode: 'SSCB' });
  const jackie = ok<RosterMember>(core, 'addRosterMember', {
    boardId: board.id,
    fullName: 'Jackie Cook',
    initials: 'JC',
    role: 'Head of Social Work Improvement and Quality Assurance',
    organisation: 'Southwark Council',
  });
  const michael = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: "Michael O'Connor", initials: 'MOC', role: 'Independent Chair' });
  return { core, board, jackie, michael };
}

const settingsInput = (s: BoardSettings, changes: Record<string, unknown> = {}) => ({
  boardId: s.boardId,
  name: s.name,
  shortCode: s.shortCode,
  referenceFormat: s.referenceFormat,
  itemNumbering: s.itemNumbering,
  quorumKind: s.quorum.kind,
  quorumCount: s.quorum.kind === 'count' ? s.quorum.count : null,
  quorumFraction: s.quorum.kind === 'fraction' ? `${s.quorum.numerator}/${s.quorum.denominator}` : null,
  confidentialDisplay: s.confidentialDisplay,
  agendaTemplate: s.agendaTemplate,
  cadenceDays: s.cadenceDays,
  ...changes,
});

describe('the roster', () => {
  it('adds people with their initials, role and organisation, listed by surname', async () => {
    const { core, board, jackie } = await boardWithRoster();
    expect(jackie).toMatchObject({
      fullName: 'Jackie Cook',
      initials: 'JC',
      organisation: 'Southwark Council',
      isMember: true,
      joinedOn: null,
      leftOn: null,
      current: true,
      references: { meetings: 0, actions: 0, groups: 0 },
    });
    ok(core, 'addRosterMember', { boardId: board.id, fullName: 'Ann Flynn', initials: 'AF', isMember: false });
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: board.id }).map((m) => m.initials)).toEqual(['JC', 'AF', 'MOC']);
  });

  it('refuses initials someone on the board already holds, naming them and suggesting free ones', async () => {
    const { core, board } = await boardWithRoster();
    const before = dump(core);
    for (const initials of ['JC', 'jc', ' Jc ']) {
      expect(core.call('addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials })).toEqual({
        ok: false,
        error: { code: 'conflict', field: 'initials', message: 'JC is already used by Jackie Cook on this board. Try JCr or JCK.' },
      });
    }
    expect(ok<InitialsSuggestion>(core, 'suggestInitials', { boardId: board.id, fullName: 'Jim Crook' })).toEqual({
      initials: 'JCr',
      alternatives: ['JCr', 'JCK', 'JiC'],
    });
    expect(dump(core)).toBe(before);
    const jim = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials: 'JCK' });
    expect(jim.initials).toBe('JCK');
  });

  it('refuses empty or malformed initials, an empty name and dates where leaving precedes joining', async () => {
    const { core, board } = await boardWithRoster();
    const before = dump(core);
    expect(core.call('addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials: '  ' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'initials', message: 'Enter the initials the minutes use for this person.' },
    });
    expect(core.call('addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials: 'J.C.' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'initials' },
    });
    expect(core.call('addRosterMember', { boardId: board.id, fullName: '   ', initials: 'JCK' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'fullName', message: 'Enter the person’s full name.' },
    });
    expect(
      core.call('addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials: 'JCK', joinedOn: '2014-04-10', leftOn: '2014-02-19' }),
    ).toEqual({ ok: false, error: { code: 'invalid_input', field: 'leftOn', message: 'The date they left cannot be before the date they joined.' } });
    expect(dump(core)).toBe(before);
  });

  it('updates someone, keeping their initials unique', async () => {
    const { core, jackie, michael } = await boardWithRoster();
    expect(core.call('updateRosterMember', { memberId: michael.id, fullName: "Michael O'Connor", initials: 'jc' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'initials' },
    });
    const updated = ok<RosterMember>(core, 'updateRosterMember', {
      memberId: jackie.id,
      fullName: 'Jackie Cook',
      initials: 'JCo',
      role: 'Head of Quality Assurance',
      joinedOn: '2013-01-01',
    });
    expect(updated).toMatchObject({ initials: 'JCo', role: 'Head of Quality Assurance', organisation: 'Southwark Council', joinedOn: '2013-01-01' });
    expect(core.call('markMemberLeft', { memberId: jackie.id, leftOn: '2012-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'leftOn' },
    });
    const left = ok<RosterMember>(core, 'markMemberLeft', { memberId: jackie.id, leftOn: '2014-07-31' });
    expect(left).toMatchObject({ leftOn: '2014-07-31', current: false });
  });

  it('deletes someone the minutes never mention, but only marks as left someone they do', async () => {
    const { core, board, jackie, michael } = await boardWithRoster();
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [{ kind: 'member', memberId: michael.id, status: 'present', isChair: true }] });

    const before = dump(core);
    expect(core.call('deleteRosterMember', { memberId: michael.id })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: "Michael O'Connor appears in the attendance of a meeting, so they cannot be deleted. Mark them as having left the board instead.",
      },
    });
    expect(dump(core)).toBe(before);

    // Owning an action or belonging to a group also counts as being referred to.
    const group = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, name: 'CSE subgroup', kind: 'subgroup', memberIds: [jackie.id] });
    expect(core.call('deleteRosterMember', { memberId: jackie.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('a group') as unknown } });
    ok(core, 'saveGroup', { boardId: board.id, groupId: group.id, name: 'CSE subgroup', kind: 'subgroup', memberIds: [] });

    expect(ok(core, 'deleteRosterMember', { memberId: jackie.id })).toEqual({ deleted: true });
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: board.id }).map((m) => m.fullName)).toEqual(["Michael O'Connor"]);
    expect(core.store!.db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(1);
    expect(ok<RosterMember>(core, 'markMemberLeft', { memberId: michael.id, leftOn: '2014-03-01' }).leftOn).toBe('2014-03-01');
  });

  it('refuses to delete an action owner', async () => {
    const { core, board, jackie } = await boardWithRoster();
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    // Actions belong to the minutes editor; a row of its table stands in for one here.
    const db = core.store!.db;
    db.prepare(
      "INSERT INTO actions (id, board_id, meeting_id, seq, reference, details, created_at, updated_at) VALUES ('a1', ?, ?, 1, '2014-02-19/1', 'Circulate the report', 'now', 'now')",
    ).run(board.id, meeting.id);
    db.prepare("INSERT INTO action_owners (id, action_id, member_id) VALUES ('o1', 'a1', ?)").run(jackie.id);
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: board.id }).find((m) => m.id === jackie.id)?.references).toEqual({
      meetings: 0,
      actions: 1,
      groups: 0,
    });
    expect(core.call('deleteRosterMember', { memberId: jackie.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('an action as owner') as unknown },
    });
  });
});

describe('board settings', () => {
  it('starts with the defaults and saves every setting', async () => {
    const { core, board } = await boardWithRoster();
    const defaults = ok<BoardSettings>(core, 'getBoardSettings', { boardId: board.id });
    expect(defaults).toEqual({
      boardId: board.id,
      name: BOARD,
      shortCode: 'SSCB',
      referenceFormat: 'yyyy-MM-dd/{n}',
      itemNumbering: 'letters',
      quorum: { kind: 'none' },
      confidentialDisplay: 'placeholder',
      agendaTemplate: [],
      cadenceDays: null,
      currentMemberCount: 2,
    });
    const saved = ok<BoardSettings>(
      core,
      'updateBoardSettings',
      settingsInput(defaults, {
        name: 'Safeguarding Executive',
        shortCode: 'SEB',
        referenceFormat: "'SEB' yyyy-MM-dd/{n}",
        itemNumbering: 'decimal',
        quorumKind: 'fraction',
        quorumFraction: '1/3',
        confidentialDisplay: 'omit',
        agendaTemplate: ['  Introductions and apologies ', 'Minutes and actions arising', 'Any other business'],
        cadenceDays: 56,
      }),
    );
    expect(saved).toMatchObject({
      name: 'Safeguarding Executive',
      shortCode: 'SEB',
      referenceFormat: "'SEB' yyyy-MM-dd/{n}",
      itemNumbering: 'decimal',
      quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
      confidentialDisplay: 'omit',
      agendaTemplate: ['Introductions and apologies', 'Minutes and actions arising', 'Any other business'],
      cadenceDays: 56,
    });
    expect(ok<BoardSettings>(core, 'getBoardSettings', { boardId: board.id })).toEqual(saved);
    const count = ok<BoardSettings>(core, 'updateBoardSettings', settingsInput(saved, { quorumKind: 'count', quorumCount: 2 }));
    expect(count.quorum).toEqual({ kind: 'count', count: 2 });
    const log = core.store!.db.prepare("SELECT action FROM change_log WHERE entity = 'board' ORDER BY seq").pluck().all();
    expect(log).toEqual(['create', 'rename', 'settings', 'settings']);
  });

  it('refuses a bad reference format, a quorum larger than the membership, or a missing quorum, changing nothing', async () => {
    const { core, board } = await boardWithRoster();
    const current = ok<BoardSettings>(core, 'getBoardSettings', { boardId: board.id });
    const before = dump(core);
    expect(core.call('updateBoardSettings', settingsInput(current, { referenceFormat: 'yyyy-MM-dd' }))).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'referenceFormat', message: 'A reference format needs {n} where the action’s number goes, for example yyyy-MM-dd/{n}.' },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { quorumKind: 'count', quorumCount: 3 }))).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'quorumCount',
        message: 'A quorum of 3 is larger than the membership: the board has 2 current members.',
      },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { quorumKind: 'count', quorumCount: null }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'quorumCount' },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { quorumKind: 'fraction', quorumFraction: '4/3' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'quorumFraction' },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { agendaTemplate: ['Apologies', '  '] }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'agendaTemplate.1' },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { cadenceDays: 0 }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'cadenceDays' },
    });
    expect(dump(core)).toBe(before);
    ok<BoardSummary>(core, 'createBoard', { name: 'Main Board', shortCode: 'MAIN' });
    const afterOther = dump(core);
    expect(core.call('updateBoardSettings', settingsInput(current, { shortCode: 'main' }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'shortCode', message: 'The short code "main" is already used by Main Board.' },
    });
    expect(core.call('updateBoardSettings', settingsInput(current, { name: 'MAIN BOARD' }))).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'name' },
    });
    expect(dump(core)).toBe(afterOther);
  });
});

describe('standing groups', () => {
  it('creates, renames and deletes groups; only sub-groups have members', async () => {
    const { core, board, jackie, michael } = await boardWithRoster();
    const all = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, name: 'All', kind: 'all' });
    const cse = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, name: 'CSE subgroup', kind: 'subgroup', memberIds: [jackie.id, michael.id] });
    expect(cse).toMatchObject({ name: 'CSE subgroup', kind: 'subgroup', position: 1, actionCount: 0 });
    expect(cse.memberIds.sort()).toEqual([jackie.id, michael.id].sort());
    expect(core.call('saveGroup', { boardId: board.id, name: 'cse SUBGROUP', kind: 'subgroup' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'name' },
    });
    expect(core.call('saveGroup', { boardId: board.id, name: 'Each agency', kind: 'each_agency', memberIds: [jackie.id] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'memberIds' },
    });
    const renamed = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, groupId: cse.id, name: 'CSE and missing subgroup', kind: 'subgroup', memberIds: [jackie.id] });
    expect(renamed.memberIds).toEqual([jackie.id]);
    expect(ok<BoardGroup[]>(core, 'listGroups', { boardId: board.id }).map((g) => g.name)).toEqual(['All', 'CSE and missing subgroup']);
    expect(ok(core, 'deleteGroup', { groupId: all.id })).toEqual({ deleted: true });
    expect(ok<BoardGroup[]>(core, 'listGroups', { boardId: board.id }).map((g) => g.name)).toEqual(['CSE and missing subgroup']);
  });

  it('refuses to delete a group that owns actions', async () => {
    const { core, board } = await boardWithRoster();
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const group = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, name: 'All agencies', kind: 'all_agencies' });
    const db = core.store!.db;
    db.prepare(
      "INSERT INTO actions (id, board_id, meeting_id, seq, reference, details, created_at, updated_at) VALUES ('a1', ?, ?, 1, '2014-02-19/1', 'Return the s11 audit', 'now', 'now')",
    ).run(board.id, meeting.id);
    db.prepare("INSERT INTO action_owners (id, action_id, group_id) VALUES ('o1', 'a1', ?)").run(group.id);
    const before = dump(core);
    expect(core.call('deleteGroup', { groupId: group.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'All agencies owns an action in the minutes, so it cannot be deleted.' },
    });
    expect(dump(core)).toBe(before);
  });
});
