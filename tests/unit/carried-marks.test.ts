// The chair, vice-chair and minute-taker carry to the next meeting's attendance: marked present
// there, they take their mark again unless someone else already holds it; a mark cleared by hand stays cleared.
import { describe, expect, it } from 'vitest';
import type { MeetingAttendance, MeetingDetail, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { ok, tempCore } from '../helpers/temp';

const member = (memberId: string, status: string | null, marks: Record<string, boolean> = {}) => ({
  kind: 'member',
  memberId,
  status,
  isChair: false,
  isViceChair: false,
  isMinuteTaker: false,
  forItemsNote: null,
  forItemIds: [],
  ...marks,
});

async function nextAfterFebruary() {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const apr = meetings.find((m) => m.date === '2014-04-10')!;
  const feb = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: meetings.find((m) => m.date === '2014-02-19')!.id });
  const id = (initials: string) => feb.rows.find((r) => r.initials === initials)!.memberId!;
  const next = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-06-05' });
  // April recorded MOC as chair and no minute-taker; February had TS taking the minutes.
  return { core, next, id };
}

const marks = (a: MeetingAttendance) =>
  a.rows.filter((r) => r.isChair || r.isViceChair || r.isMinuteTaker).map((r) => [r.initials, r.isChair ? 'chair' : r.isViceChair ? 'vice' : 'minutes']);

describe('marks carried to the next meeting', () => {
  it('the chair marked present at the next meeting is its chair again', async () => {
    const { core, next, id } = await nextAfterFebruary();
    const a = ok<MeetingAttendance>(core, 'recordAttendance', { meetingId: next.id, changes: [member(id('MOC'), 'present'), member(id('RB'), 'present')] });
    expect(marks(a)).toEqual([['MOC', 'chair']]);
  });

  it('never overrides a chair chosen at this meeting, nor a mark cleared by hand', async () => {
    const { core, next, id } = await nextAfterFebruary();
    let a = ok<MeetingAttendance>(core, 'recordAttendance', { meetingId: next.id, changes: [member(id('RB'), 'present', { isChair: true }), member(id('MOC'), 'present')] });
    expect(marks(a)).toEqual([['RB', 'chair']]);
    a = ok<MeetingAttendance>(core, 'recordAttendance', { meetingId: next.id, changes: [member(id('RB'), 'present')] });
    expect(marks(a)).toEqual([]);
    a = ok<MeetingAttendance>(core, 'getAttendance', { meetingId: next.id });
    expect(marks(a)).toEqual([]);
  });
});
