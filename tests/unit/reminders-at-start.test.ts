// Reminders at start: a board that reminds owners N days before due offers, for every action due
// by then (overdue ones included), one draft per owner with an address; once marked sent they are
// not offered again for that due date, and a new due date is offered afresh. A bad setting is refused.
import { describe, expect, it } from 'vitest';
import type { DeletedMeeting, MeetingSummary, ReminderSetting, RemindersDue, RosterMember, SampleBoardResult } from '../../shared/contract';
import PostalMime from 'postal-mime';
import { dump, ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY } from '../helpers/fixture-agenda';

describe('reminders at start', () => {
  it('offers each owner’s reminder of each due once, until it is sent', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
    const febActions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), meetings.find((m) => m.date === '2014-02-19')!.id, FEBRUARY);
    const af = ok<RosterMember[]>(core, 'listRoster', { boardId: board.id }).find((m) => m.initials === 'AF')!;
    ok(core, 'updateRosterMember', { memberId: af.id, fullName: af.fullName, initials: af.initials, email: 'ann.flynn@example.org' });
    const mine = febActions.filter((a) => a.owner.split(/\W+/).includes('AF'));
    ok(core, 'updateAction', { actionId: mine[0]!.action.id, due: 'end of March' });

    // No setting: nothing is offered.
    expect(ok<RemindersDue>(core, 'remindersDue', {}).drafts).toEqual([]);
    expect(ok<ReminderSetting>(core, 'setReminderSetting', { boardId: board.id, days: 7 })).toEqual({ boardId: board.id, days: 7 });
    const due = ok<RemindersDue>(core, 'remindersDue', {});
    expect(due.drafts.map((d) => [d.email, d.references])).toEqual([['ann.flynn@example.org', [mine[0]!.action.reference]]]);
    expect((await PostalMime.parse(due.drafts[0]!.eml)).text).toContain('Due: 31 March 2014 (overdue)');
    expect(due.pending).toEqual([{ actionId: mine[0]!.action.id, ownerKey: due.drafts[0]!.ownerKey, dueDate: '2014-03-31' }]);

    expect(ok<{ marked: number }>(core, 'markRemindersSent', { sent: due.pending })).toEqual({ marked: 1 });
    expect(ok<RemindersDue>(core, 'remindersDue', {}).drafts).toEqual([]);
    // A new due date is a new reminder.
    ok(core, 'updateAction', { actionId: mine[0]!.action.id, due: 'end of April' });
    expect(ok<RemindersDue>(core, 'remindersDue', {}).pending.map((p) => p.dueDate)).toEqual(['2014-04-30']);

    const before = dump(core);
    for (const days of [-1, 61, 2.5]) expect(core.call('setReminderSetting', { boardId: board.id, days }).ok).toBe(false);
    expect(dump(core)).toBe(before);
    expect(ok<ReminderSetting>(core, 'setReminderSetting', { boardId: board.id, days: null }).days).toBeNull();
    expect(ok<RemindersDue>(core, 'remindersDue', {}).drafts).toEqual([]);
  });
});
