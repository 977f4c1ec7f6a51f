// The sample board: both fixture meetings with their roster and attendance, loaded through
// core functions, with the fixtures' faults handled, and never duplicated.
import { describe, expect, it } from 'vitest';
import type { AttendanceRegister, BoardGroup, BoardSettings, MeetingAttendance, MeetingSummary, RosterMember, SampleBoardResult } from '../../shared/contract';
import { dump, ok, tempCore } from '../helpers/temp';

const SAMPLE = 'Southwark Safeguarding Children Executive Board (sample)';

describe('the sample board', () => {
  it('holds both meetings, one roster entry per person, and the attendance as printed', async () => {
    const core = await tempCore();
    const { board, created } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    expect(created).toBe(true);
    expect(board).toMatchObject({ name: SAMPLE, shortCode: 'SSCB', meetingCount: 2, lastMeetingDate: '2014-04-10' });

    const roster = ok<RosterMember[]>(core, 'listRoster', { boardId: board.id });
    const byName = new Map(roster.map((m) => [m.fullName, m]));
    // 26 people in February, 31 in April, 23 of them at both.
    expect(roster).toHaveLength(34);
    expect(new Set(roster.map((m) => m.initials.toUpperCase())).size).toBe(34);
    // Printed initials kept; people listed without initials (apologies) get suggested ones.
    expect(byName.get("Michael O'Connor")?.initials).toBe('MOC');
    expect(byName.get('Chris McCree')?.initials).toBe('CM');
    expect(byName.get('Andrew Bland')?.initials).toBe('AB');
    expect(byName.get('Susi Whitthome')).toMatchObject({ initials: 'SW', role: null, joinedOn: '2014-04-10' });
    // The latest role is the roster's; officers and people there only for an item are not voting members.
    expect(byName.get('Jackie Cook')?.role).toBe("Head of Quality Assurance, Children's and Adults' Services");
    expect(byName.get('Tina Hawkins')?.isMember).toBe(false);
    expect(byName.get('Jonathon Toy')?.isMember).toBe(false);
    expect(byName.get('Jackie Cook')?.isMember).toBe(true);

    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    expect(meetings.map((m) => [m.date, m.startTime, m.endTime])).toEqual([
      ['2014-04-10', '13:00', '15:00'],
      ['2014-02-19', '11:00', '13:00'],
    ]);
    const february = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meetings[1]!.id });
    const status = (a: MeetingAttendance, s: string) => a.rows.filter((r) => r.status === s).map((r) => r.initials).sort();
    expect(status(february, 'present')).toHaveLength(16);
    expect(status(february, 'in_attendance')).toEqual(['JC', 'JT', 'RM']);
    expect(status(february, 'apologies')).toEqual(['AB', 'CM', 'EE', 'GK', 'GW', 'PT', 'RJ']);
    // "Item 7" is kept as printed, though these minutes have no item 7.
    expect(february.rows.find((r) => r.initials === 'RM')?.forItemsNote).toBe('Item 7');
    expect(february.rows.find((r) => r.isChair)?.initials).toBe('MOC');
    expect(february.rows.find((r) => r.isMinuteTaker)?.initials).toBe('TS');
    // Each meeting keeps the role printed that day.
    expect(february.rows.find((r) => r.initials === 'JC')?.role).toBe('Head Of Social Work Improvement And Quality Assurance');

    const april = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meetings[0]!.id });
    expect(status(april, 'present')).toHaveLength(18);
    expect(status(april, 'apologies')).toHaveLength(13);
    expect(april.rows.find((r) => r.isChair)?.initials).toBe('MOC');
    expect(april.rows.some((r) => r.isMinuteTaker)).toBe(false);

    const settings = ok<BoardSettings>(core, 'getBoardSettings', { boardId: board.id });
    expect(settings).toMatchObject({ quorum: { kind: 'fraction', numerator: 1, denominator: 3 }, agendaTemplate: ['Introductions and apologies', 'Minutes and actions arising', 'Any other business'] });
    expect(ok<BoardGroup[]>(core, 'listGroups', { boardId: board.id }).map((g) => g.name)).toEqual([
      'All',
      'All agencies',
      'Each agency',
      'CSE subgroup',
      'Health subgroup',
    ]);

    const register = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id });
    const line = (i: string) => register.lines.find((l) => l.initials === i);
    expect(line('MOC')).toMatchObject({ expected: 2, attended: 2, apologies: 0 });
    expect(line('CM')).toMatchObject({ expected: 2, attended: 1, apologies: 1 });
    // Newcomers in April were not expected in February.
    expect(line('KC')).toMatchObject({ expected: 1, attended: 1 });
  });

  it('loading it again makes a second board with its own name, never duplicates in one board', async () => {
    const core = await tempCore();
    const first = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    const before = dump(core);
    const again = ok<SampleBoardResult>(core, 'loadSampleBoard', { onlyIfMissing: true });
    expect(again).toEqual({ board: first.board, created: false });
    expect(dump(core)).toBe(before);
    const second = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    expect(second.board).toMatchObject({ name: 'Southwark Safeguarding Children Executive Board (sample 2)', shortCode: null, meetingCount: 2 });
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: first.board.id })).toHaveLength(34);
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: second.board.id })).toHaveLength(34);
  });
});
