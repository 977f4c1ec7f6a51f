// Attendance per meeting and the attendance register, through core's dispatch against real
// SQLite files; the 19 February 2014 meeting from the fixtures as the worked example.
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import type {
  AttendanceRegister,
  AttendanceRow,
  BoardSettings,
  BoardSummary,
  MeetingAttendance,
  MeetingDetail,
  RosterMember,
} from '../../shared/contract';
import { everyonePresentExcept } from '../../shared/domain/attendance';
import { defaultInitials } from '../../shared/domain/initials';
import { registerCsv } from '../../shared/domain/register';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';

interface FixturePerson {
  name: string;
  initials?: string;
  role: string | null;
  note?: string | null;
}
const feb = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/2014-02-19.json'), 'utf8')) as {
  present: FixturePerson[];
  apologies: FixturePerson[];
};

const member = (memberId: string, status: string | null, extra: Record<string, unknown> = {}) => ({ kind: 'member', memberId, status, ...extra });

async function februaryBoard(): Promise<{ core: Core; board: BoardSummary; meeting: MeetingDetail; byInitials: Map<string, RosterMember> }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Southwark Safeguarding Children Executive Board' });
  const byInitials = new Map<string, RosterMember>();
  for (const p of [...feb.present, ...feb.apologies]) {
    const m = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: p.name, initials: p.initials ?? defaultInitials(p.name), role: p.role });
    byInitials.set(m.initials, m);
  }
  const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19', startTime: '11:00', endTime: '13:00' });
  return { core, board, meeting, byInitials };
}

const idOf = (byInitials: Map<string, RosterMember>, initials: string): string => {
  const m = byInitials.get(initials);
  if (!m) throw new Error(`no ${initials}`);
  return m.id;
};

describe('attendance of a meeting', () => {
  it('records the 19 February 2014 attendance: everyone present except the apologies, three for one item, chair and minutes', async () => {
    const { core, board, meeting, byInitials } = await februaryBoard();
    const settings = ok<BoardSettings>(core, 'getBoardSettings', { boardId: board.id });
    ok(core, 'updateBoardSettings', {
      boardId: board.id,
      name: settings.name,
      referenceFormat: settings.referenceFormat,
      itemNumbering: settings.itemNumbering,
      quorumKind: 'fraction',
      quorumFraction: '1/3',
      confidentialDisplay: settings.confidentialDisplay,
      agendaTemplate: [],
    });
    const empty = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(empty.rows).toEqual([]);
    expect(empty.roster).toHaveLength(26);
    expect(empty.quorum).toEqual({ kind: 'rule', present: 0, required: 9, quorate: false });

    const apologies = new Map(feb.apologies.map((p) => [idOf(byInitials, defaultInitials(p.name)), 'apologies' as const]));
    const changes = everyonePresentExcept([], empty.roster.map((c) => c.memberId), apologies);
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes });
    ok(core, 'recordAttendance', {
      meetingId: meeting.id,
      changes: [
        member(idOf(byInitials, 'JT'), 'in_attendance', { forItemsNote: 'Item 3' }),
        member(idOf(byInitials, 'RM'), 'in_attendance', { forItemsNote: 'Item 7' }),
        member(idOf(byInitials, 'JC'), 'in_attendance', { forItemsNote: 'Item 7' }),
        member(idOf(byInitials, 'MOC'), 'present', { isChair: true }),
        member(idOf(byInitials, 'TS'), 'present', { isMinuteTaker: true }),
      ],
    });
    const saved = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    const by = (status: string) => saved.rows.filter((r) => r.status === status).map((r) => r.initials);
    expect(by('present')).toHaveLength(16);
    expect(by('in_attendance').sort()).toEqual(['JC', 'JT', 'RM']);
    expect(by('apologies')).toHaveLength(7);
    const note = (i: string) => saved.rows.find((r) => r.initials === i)?.forItemsNote;
    expect([note('JT'), note('RM'), note('JC')]).toEqual(['Item 3', 'Item 7', 'Item 7']);
    expect(saved.rows.filter((r) => r.isChair).map((r) => r.displayName)).toEqual(["Michael O'Connor"]);
    expect(saved.rows.filter((r) => r.isMinuteTaker).map((r) => r.displayName)).toEqual(['Tom Sawyer']);
    // Quorum counts the 16 members there for the whole meeting, not those there for one item.
    expect(saved.quorum).toEqual({ kind: 'rule', present: 16, required: 9, quorate: true });
    // Printed order: by surname.
    expect(saved.rows.slice(0, 3).map((r) => r.displayName)).toEqual(['Elaine Allegretti', 'Justin Armstrong', 'Andrew Bland']);
  });

  it('keeps one chair: a new chair takes the mark, and marks go with someone who sent apologies', async () => {
    const { core, meeting, byInitials } = await februaryBoard();
    const moc = idOf(byInitials, 'MOC');
    const rb = idOf(byInitials, 'RB');
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(moc, 'present', { isChair: true }), member(rb, 'present', { isViceChair: true })] });
    let a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(a.rows.filter((r) => r.isChair).map((r) => r.initials)).toEqual(['MOC']);
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(rb, 'present', { isChair: true })] });
    a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(a.rows.filter((r) => r.isChair).map((r) => r.initials)).toEqual(['RB']);
    expect(a.rows.filter((r) => r.isViceChair)).toEqual([]);
    // Two chairs in one call: the last one wins, never two.
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(moc, 'present', { isChair: true }), member(rb, 'present', { isChair: true })] });
    a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(a.rows.filter((r) => r.isChair).map((r) => r.initials)).toEqual(['RB']);
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(rb, 'apologies', { isChair: true, forItemsNote: 'Item 2' })] });
    a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(a.rows.find((r) => r.initials === 'RB')).toMatchObject({ status: 'apologies', isChair: false, forItemsNote: null });
    // The database backs the rule up.
    expect(() =>
      core.store!.db.prepare('UPDATE attendance SET is_chair = 1 WHERE meeting_id = ?').run(meeting.id),
    ).toThrow(/UNIQUE/);
    // Removing a row: status null.
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(rb, null)] });
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).rows.map((r) => r.initials)).toEqual(['MOC']);
  });

  it('keeps the name, initials and role recorded, when the roster changes later', async () => {
    const { core, meeting, byInitials } = await februaryBoard();
    const jc = byInitials.get('JC') as RosterMember;
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(jc.id, 'in_attendance', { forItemsNote: 'Item 7' })] });
    ok(core, 'updateRosterMember', { memberId: jc.id, fullName: 'Jacqueline Cook', initials: 'JCo', role: "Head of Quality Assurance, Children's and Adults' Services" });
    const row = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).rows[0];
    expect(row).toMatchObject({ displayName: 'Jackie Cook', initials: 'JC', role: 'Head Of Social Work Improvement And Quality Assurance' });
  });

  it('adds guests who are not on the roster, and refuses a guest with no name', async () => {
    const { core, meeting } = await februaryBoard();
    const before = dump(core);
    expect(core.call('addGuest', { meetingId: meeting.id, name: '  ', role: 'Presenter' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', field: 'name', message: 'Enter the guest’s name.' },
    });
    expect(dump(core)).toBe(before);
    const guest = ok<AttendanceRow>(core, 'addGuest', {
      meetingId: meeting.id,
      name: 'Barbara Hills',
      role: 'Presenter',
      organisation: 'Young Advisors',
      forItemsNote: 'Item 3b',
    });
    expect(guest).toMatchObject({ displayName: 'Barbara Hills', isGuest: true, status: 'in_attendance', forItemsNote: 'Item 3b', memberId: null, guestId: guest.id });
    ok(core, 'recordAttendance', {
      meetingId: meeting.id,
      changes: [{ kind: 'guest', guestId: guest.id, isMinuteTaker: true, forItemsNote: 'Items 3b and 4' }],
    });
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).rows[0]).toMatchObject({ isMinuteTaker: true, forItemsNote: 'Items 3b and 4' });
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).rows).toEqual([]);
    expect(core.call('recordAttendance', { meetingId: meeting.id, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('links people to the agenda items they attended for, only items of that meeting', async () => {
    const { core, board, meeting, byInitials } = await februaryBoard();
    const db = core.store!.db;
    const other = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-04-10' });
    const addItem = db.prepare(
      "INSERT INTO agenda_items (id, meeting_id, parent_id, position, number, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'now', 'now')",
    );
    const [i1, i1a, i3, x1] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    addItem.run(i3, meeting.id, null, 3, '3', 'Child Sexual exploitation');
    addItem.run(i1, meeting.id, null, 1, '1', 'Minutes and actions arising');
    addItem.run(i1a, meeting.id, i1, 1, '1a', 'Update on SSCB sub-groups');
    addItem.run(x1, other.id, null, 1, '1', 'Minutes and actions arising');
    const jt = idOf(byInitials, 'JT');
    const a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id });
    expect(a.agendaItems.map((i) => i.number)).toEqual(['1', '1a', '3']);
    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(jt, 'in_attendance', { forItemIds: [i3, i1a] })] });
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).rows[0]?.forItemIds).toEqual([i1a, i3].sort());
    const before = dump(core);
    expect(core.call('recordAttendance', { meetingId: meeting.id, changes: [member(jt, 'in_attendance', { forItemIds: [x1] })] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'forItemIds' },
    });
    expect(dump(core)).toBe(before);
  });

  it('refuses someone not on the roster on the day, and any change once the minutes are agreed', async () => {
    const { core, meeting, byInitials } = await februaryBoard();
    const jc = byInitials.get('JC') as RosterMember;
    ok(core, 'updateRosterMember', { memberId: jc.id, fullName: jc.fullName, initials: 'JC', joinedOn: '2014-03-01' });
    const before = dump(core);
    expect(core.call('recordAttendance', { meetingId: meeting.id, changes: [member(jc.id, 'present')] })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Jackie Cook was not on the roster on 19 February 2014 (they joined on 1 March 2014). Correct their roster dates, or add them as a guest.',
      },
    });
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).roster.map((c) => c.fullName)).not.toContain('Jackie Cook');
    expect(dump(core)).toBe(before);

    ok(core, 'recordAttendance', { meetingId: meeting.id, changes: [member(idOf(byInitials, 'MOC'), 'present')] });
    core.store!.db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(meeting.id);
    const agreed = dump(core);
    expect(ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meeting.id }).lockedReason).toMatch(/agreed as accurate/);
    expect(core.call('recordAttendance', { meetingId: meeting.id, changes: [member(idOf(byInitials, 'MOC'), 'apologies')] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/agreed as accurate/) as unknown },
    });
    expect(core.call('addGuest', { meetingId: meeting.id, name: 'Barbara Hills' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(dump(core)).toBe(agreed);
  });
});

describe('the attendance register', () => {
  /**
   * Hand-checked: meetings on 15 January, 12 March, 14 May (cancelled), 16 July 2014, and one
   * next month (not yet held). Alice throughout; Ben joined 1 March; Cara left 31 March;
   * Dev, an officer, throughout.
   */
  async function registerBoard() {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Health and Wellbeing Board' });
    const add = (fullName: string, initials: string, extra: Record<string, unknown> = {}) =>
      ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName, initials, ...extra }).id;
    const alice = add('Alice Adams', 'AA');
    const ben = add('Ben Brown', 'BB', { joinedOn: '2014-03-01' });
    const cara = add('Cara Cole', 'CC', { leftOn: '2014-03-31' });
    const dev = add('Dev Das', 'DD', { isMember: false, role: 'Board Manager' });
    const meet = (date: string) => ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date }).id;
    const record = (meetingId: string, changes: unknown[]) => ok(core, 'recordAttendance', { meetingId, changes });
    const jan = meet('2014-01-15');
    const mar = meet('2014-03-12');
    const may = meet('2014-05-14');
    const jul = meet('2014-07-16');
    const future = meet(format(addDays(new Date(), 30), 'yyyy-MM-dd'));
    record(jan, [member(alice, 'present'), member(cara, 'apologies'), member(dev, 'present')]);
    record(mar, [member(alice, 'apologies'), member(ben, 'present'), member(cara, 'in_attendance', { forItemsNote: 'Item 2' }), member(dev, 'absent')]);
    record(may, [member(alice, 'present'), member(ben, 'present')]);
    record(jul, [member(alice, 'present'), member(dev, 'present')]);
    record(future, [member(alice, 'present')]);
    core.store!.db.prepare('UPDATE meetings SET cancelled = 1 WHERE id = ?').run(may);
    return { core, board, meetings: { jan, mar, jul } };
  }

  const counts = (r: AttendanceRegister) =>
    Object.fromEntries(r.lines.map((l) => [l.initials, [l.expected, l.attended, l.apologies, l.absent]]));

  it('counts meetings held while each person was on the roster: expected, attended, apologies, absent', async () => {
    const { core, board, meetings } = await registerBoard();
    const all = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id });
    expect(all.meetings.map((m) => m.id)).toEqual([meetings.jan, meetings.mar, meetings.jul]);
    expect(counts(all)).toEqual({
      AA: [3, 2, 1, 0],
      BB: [2, 1, 0, 1],
      CC: [2, 1, 1, 0],
      DD: [3, 2, 0, 1],
    });
    const spring = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id, from: '2014-02-01', to: '2099-12-31' });
    expect(counts(spring)).toEqual({ AA: [2, 1, 1, 0], BB: [2, 1, 0, 1], CC: [1, 1, 0, 0], DD: [2, 1, 0, 1] });
    const winter = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id, from: '2014-01-01', to: '2014-01-31' });
    expect(counts(winter)).toEqual({ AA: [1, 1, 0, 0], CC: [1, 0, 1, 0], DD: [1, 1, 0, 0] });
    expect(core.call('attendanceRegister', { boardId: board.id, from: '2014-12-31', to: '2014-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'to', message: 'The start of the period must be on or before its end.' },
    });
  });

  it('exports CSV that opens cleanly in Excel: BOM, CRLF, UK dates, quoted where needed', async () => {
    const { core, board } = await registerBoard();
    ok(core, 'addRosterMember', { boardId: board.id, fullName: 'Zoë "Zed" Zhou', initials: 'ZZ', role: '=Chair, Health', joinedOn: '2014-01-01' });
    const csv = registerCsv(ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id }));
    expect(csv.startsWith('\uFEFFName,Initials,Role,Organisation,Member,Joined,Left,Meetings expected,Attended,Apologies,Absent,Not recorded,Attendance %\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('Ben Brown,BB,,,Yes,01/03/2014,,2,1,0,1,0,50');
    expect(lines).toContain('Cara Cole,CC,,,Yes,,31/03/2014,2,1,1,0,0,50');
    expect(lines).toContain('Dev Das,DD,Board Manager,,No,,,3,2,0,1,0,67');
    expect(lines).toContain('"Zoë ""Zed"" Zhou",ZZ,"\'=Chair, Health",,Yes,01/01/2014,,3,0,0,3,0,0');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.includes('\n') && !/[^\r]\n/.test(csv)).toBe(true);
  });
});
