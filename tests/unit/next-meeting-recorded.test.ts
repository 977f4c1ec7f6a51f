// Starting the next meeting records it as the "Next meeting" of the minutes it follows, unless
// those minutes already name one or are agreed (fixed as they were).
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail } from '../../shared/contract';
import { ok, tempCore } from '../helpers/temp';

async function board() {
  const core = await tempCore();
  const b = ok<BoardSummary>(core, 'createBoard', { name: 'Health and Wellbeing Board' });
  const first = ok<MeetingDetail>(core, 'createMeeting', { boardId: b.id, date: '2014-02-19', startTime: '11:00', endTime: '13:00' });
  return { core, first };
}

describe('the next meeting, once started', () => {
  it('becomes the Next meeting of the minutes it follows', async () => {
    const { core, first } = await board();
    expect(first.nextMeeting).toEqual({ date: null, time: null, venue: null });
    const response = core.call('startNextMeeting', { fromMeetingId: first.id, date: '2014-04-10', startTime: '13:00', endTime: '15:00', venue: 'Room G02b' });
    expect(response.ok).toBe(true);
    // The screens watching the earlier meeting are told it changed.
    expect(response.ok && response.changes?.some((c) => c.entity === 'meeting' && c.id === first.id)).toBe(true);
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: first.id }).nextMeeting).toEqual({ date: '2014-04-10', time: '13:00', venue: 'Room G02b' });
  });

  it('leaves a Next meeting the minutes already name as it was', async () => {
    const { core, first } = await board();
    ok(core, 'updateMeetingHeader', { meetingId: first.id, nextDate: '2014-04-09', nextTime: '10:30', nextVenue: 'Tooley Street' });
    ok(core, 'startNextMeeting', { fromMeetingId: first.id, date: '2014-04-10' });
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: first.id }).nextMeeting).toEqual({ date: '2014-04-09', time: '10:30', venue: 'Tooley Street' });
  });
});

describe('deleting the meeting that was started', () => {
  it('takes back the Next meeting its start recorded, and only that', async () => {
    const { core, first } = await board();
    const started = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: first.id, date: '2014-04-10' });
    ok(core, 'deleteMeeting', { meetingId: started.id });
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: first.id }).nextMeeting).toEqual({ date: null, time: null, venue: null });

    const again = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: first.id, date: '2014-04-10' });
    ok(core, 'updateMeetingHeader', { meetingId: first.id, nextDate: '2014-04-10', nextVenue: 'Tooley Street' });
    ok(core, 'deleteMeeting', { meetingId: again.id });
    expect(ok<MeetingDetail>(core, 'getMeeting', { meetingId: first.id }).nextMeeting).toEqual({ date: '2014-04-10', time: null, venue: 'Tooley Street' });
  });
});
