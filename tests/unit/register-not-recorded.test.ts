// The attendance register and a meeting whose attendance was never recorded: "not recorded"
// for everyone, never an absence, and left out of what each person was expected at.
import { describe, expect, it } from 'vitest';
import type { AttendanceRegister, BoardSummary, MeetingDetail, RosterMember } from '../../shared/contract';
import { registerCsv } from '../../shared/domain/register';
import { ok, tempCore } from '../helpers/temp';

async function boardWithUnrecordedMeeting() {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Health and Wellbeing Board' });
  const add = (fullName: string, initials: string, joinedOn: string | null = null) =>
    ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName, initials, joinedOn }).id;
  const alice = add('Alice Adams', 'AA');
  const ben = add('Ben Brown', 'BB', '2014-03-01');
  const meet = (date: string) => ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date }).id;
  const jan = meet('2014-01-15');
  const mar = meet('2014-03-12');
  const jul = meet('2014-07-16');
  const mark = (memberId: string, status: string) => ({ kind: 'member', memberId, status });
  ok(core, 'recordAttendance', { meetingId: jan, changes: [mark(alice, 'present')] });
  ok(core, 'recordAttendance', { meetingId: jul, changes: [mark(alice, 'apologies'), mark(ben, 'present')] });
  return { core, board, jan, mar, jul };
}

describe('the register with a meeting whose attendance was not recorded', () => {
  it('counts it as not recorded for everyone on the roster then, not as an absence', async () => {
    const { core, board, jan, mar, jul } = await boardWithUnrecordedMeeting();
    const r = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id });
    expect(r.meetings.map((m) => m.id)).toEqual([jan, jul]);
    expect(r.notRecorded).toEqual([{ id: mar, date: '2014-03-12' }]);
    const line = (i: string) => r.lines.find((l) => l.initials === i)!;
    expect(line('AA')).toMatchObject({ expected: 2, attended: 1, apologies: 1, absent: 0, notRecorded: 1 });
    expect(line('BB')).toMatchObject({ expected: 1, attended: 1, absent: 0, notRecorded: 1 });
  });

  it('lists someone expected only at unrecorded meetings, with no rate', async () => {
    const { core, board } = await boardWithUnrecordedMeeting();
    const r = ok<AttendanceRegister>(core, 'attendanceRegister', { boardId: board.id, from: '2014-02-01', to: '2014-04-30' });
    expect(r.meetings).toEqual([]);
    expect(r.lines.map((l) => [l.initials, l.expected, l.absent, l.notRecorded])).toEqual([
      ['AA', 0, 0, 1],
      ['BB', 0, 0, 1],
    ]);
    const csv = registerCsv(r).slice(1).split('\r\n');
    expect(csv[0]).toBe('Name,Initials,Role,Organisation,Member,Joined,Left,Meetings expected,Attended,Apologies,Absent,Not recorded,Attendance %');
    expect(csv).toContain('Alice Adams,AA,,,Yes,,,0,0,0,0,1,');
  });
});
