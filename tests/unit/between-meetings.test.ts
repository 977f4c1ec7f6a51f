// Progress between meetings: reported on an action of 19 February in March, it belongs to no
// meeting, shows at the next meeting "since the last meeting" with its status preselected, sits in
// the action's timeline beside the meeting updates, and never reaches the minutes. Bad reports
// (before the action, in the future, superseding, on a finished action) change nothing.
import { describe, expect, it } from 'vitest';
import type { ActionTimeline, BetweenUpdate, DeletedMeeting, MattersArising, MeetingDetail, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

async function februaryTyped(): Promise<{ core: Core; boardId: string; feb: MeetingSummary; febActions: EnteredAction[] }> {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  const apr = meetings.find((m) => m.date === '2014-04-10')!;
  ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: apr.id });
  const febActions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
  return { core, boardId: board.id, feb, febActions };
}

const arising = (core: Core, meetingId: string) => ok<MattersArising>(core, 'getMattersArising', { meetingId });

describe('progress between meetings', () => {
  it('shows at the next meeting since the last meeting, preselects its status, and the meeting still records its own update', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const action = febActions[1]!.action;
    const minutesBefore = ok<unknown>(core, 'getMinutes', { meetingId: feb.id });

    ok<ActionTimeline>(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-03', text: 'Terms of reference drafted', status: 'in_progress', reportedBy: 'AF' });
    const timeline = ok<ActionTimeline>(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-20', text: 'Done, report attached', status: 'done' });
    expect(timeline.entries.map((e) => [e.kind, e.date, e.status])).toEqual([
      ['between', '2014-03-03', 'in_progress'],
      ['between', '2014-03-20', 'done'],
    ]);
    // The minutes decide: the action is still open until a meeting records it done.
    expect(timeline.status).toBe('open');
    expect(ok<unknown>(core, 'getMinutes', { meetingId: feb.id })).toEqual(minutesBefore);

    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const entry = arising(core, apr.id).entries.find((e) => e.actionId === action.id)!;
    expect(entry.sinceLastMeeting.map((u) => [u.date, u.text, u.status, u.reportedBy])).toEqual([
      ['2014-03-03', 'Terms of reference drafted', 'in_progress', 'AF'],
      ['2014-03-20', 'Done, report attached', 'done', null],
    ]);
    expect(entry.statusBefore).toBe('open');
    expect(entry.status).toBe('done');
    expect(entry.update).toBeNull();
    // Others are as before: nothing reported, nothing preselected.
    expect(arising(core, apr.id).entries.filter((e) => e.actionId !== action.id).every((e) => e.sinceLastMeeting.length === 0 && e.status === 'open')).toBe(true);

    // Typing the meeting's own update takes the preselected status with it.
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: action.id, text: 'Completed; the report was noted.' });
    const recorded = arising(core, apr.id).entries.find((e) => e.actionId === action.id)!;
    expect(recorded.update).toMatchObject({ text: 'Completed; the report was noted.', status: 'done' });

    const after = ok<ActionTimeline>(core, 'getActionTimeline', { actionId: action.id });
    expect(after.status).toBe('done');
    expect(after.entries.map((e) => `${e.kind} ${e.date} ${e.status}`)).toEqual([
      'between 2014-03-03 in_progress',
      'between 2014-03-20 done',
      'meeting 2014-04-10 done',
    ]);
    // Finished at a meeting: nothing more is reported between meetings, and its history stays.
    const closed = refused(core, 'recordActionProgress', { actionId: action.id, date: '2014-04-11', text: 'More', status: 'in_progress' });
    expect(closed).toMatchObject({ code: 'conflict' });
    expect(closed.message).toContain('marked done at the meeting of 10 April 2014');
    const firstId = (after.entries[0] as BetweenUpdate).id;
    expect(refused(core, 'deleteActionProgress', { updateId: firstId }).code).toBe('conflict');
  });

  it('lists updates reported before the next meeting only there, not at the one after', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const action = febActions[0]!.action;
    ok(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-03', text: 'Started', status: 'in_progress' });
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: action.id, text: 'Under way' });
    ok(core, 'recordActionProgress', { actionId: action.id, date: '2014-05-01', text: 'Half done', status: 'in_progress' });
    const may = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-05-28' });
    const entry = arising(core, may.id).entries.find((e) => e.actionId === action.id)!;
    expect(entry.sinceLastMeeting.map((u) => u.text)).toEqual(['Half done']);
    expect(ok<BetweenUpdate[]>(core, 'betweenMeetingReports', {}).map((u) => [u.actionId, u.text])).toEqual([[action.id, 'Half done']]);
  });

  it('refuses reports dated before the action, in the future, superseding, or before a meeting recorded progress, changing nothing', async () => {
    const { core, febActions } = await februaryTyped();
    const action = febActions[2]!.action;
    const before = dump(core);
    const early = refused(core, 'recordActionProgress', { actionId: action.id, date: '2014-02-18', text: 'x', status: 'in_progress' });
    expect(early).toMatchObject({ code: 'invalid_input', field: 'date' });
    expect(early.message).toBe(`Action ${action.reference} was agreed on 19 February 2014: an update cannot be dated before that.`);
    const future = refused(core, 'recordActionProgress', { actionId: action.id, date: '2999-01-01', text: 'x', status: 'in_progress' });
    expect(future).toMatchObject({ code: 'invalid_input', field: 'date' });
    expect(future.message).toContain('cannot be dated in the future');
    const superseding = refused(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-01', text: 'x', status: 'superseded' });
    expect(superseding.message).toContain('Superseding an action is agreed at a meeting');
    expect(refused(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-01', text: '   ', status: 'done' }).message).toBe('Enter the update: what was reported.');
    expect(refused(core, 'recordActionProgress', { actionId: '00000000-0000-4000-8000-000000000000', date: '2014-03-01', text: 'x', status: 'done' }).code).toBe('not_found');
    expect(dump(core)).toBe(before);
  });

  it('removes an update typed in error, keeping it in the change log', async () => {
    const { core, febActions } = await februaryTyped();
    const action = febActions[3]!.action;
    const t = ok<ActionTimeline>(core, 'recordActionProgress', { actionId: action.id, date: '2014-03-01', text: 'Wrong action', status: 'done' });
    const removed = ok<ActionTimeline>(core, 'deleteActionProgress', { updateId: (t.entries[0] as BetweenUpdate).id });
    expect(removed.entries).toEqual([]);
    const logged = core.store!.db.prepare("SELECT detail FROM change_log WHERE action = 'progress_between_removed'").pluck().get() as string;
    expect(JSON.parse(logged).removed.text).toBe('Wrong action');
  });
});
