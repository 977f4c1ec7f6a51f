// The calendar's reminders follow the board's "remind owners N days before due" (a week when the
// board has not said; on the day only with 0), parsed back with ical.js; and 500 owners selected
// for "Email owners" get one clear refusal, with nothing made or written.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DueCalendar, MeetingSummary, Minutes, SampleBoardResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';

async function februaryTyped(): Promise<{ core: Core; boardId: string; feb: MeetingSummary; febActions: EnteredAction[] }> {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  ok(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
  const febActions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
  return { core, boardId: board.id, feb, febActions };
}

const triggers = (cal: DueCalendar): string[][] =>
  new ICAL.Component(ICAL.parse(cal.ics))
    .getAllSubcomponents('vevent')
    .map((e) => e.getAllSubcomponents('valarm').map((a) => a.getFirstPropertyValue('trigger')!.toString()));

describe('the calendar’s reminders and the board’s setting', () => {
  it('goes off the board’s N days before each due date, and on the day', async () => {
    const { core, boardId, febActions } = await februaryTyped();
    ok(core, 'updateAction', { actionId: febActions[0]!.action.id, due: 'by 22.07' });
    ok(core, 'updateAction', { actionId: febActions[1]!.action.id, due: 'end of March' });

    const unset = ok<DueCalendar>(core, 'dueCalendar', { filter: {} });
    expect(triggers(unset)).toEqual([
      ['-PT168H', 'PT9H'],
      ['-PT168H', 'PT9H'],
    ]);
    expect(unset.alarms).toBe('a reminder 7 days before and on the day');

    ok(core, 'setReminderSetting', { boardId, days: 3 });
    const three = ok<DueCalendar>(core, 'dueCalendar', { filter: {} });
    expect(triggers(three)).toEqual([
      ['-PT72H', 'PT9H'],
      ['-PT72H', 'PT9H'],
    ]);
    expect(three.alarms).toBe('a reminder 3 days before and on the day');
    // The events are still on the due dates, all day.
    const starts = new ICAL.Component(ICAL.parse(three.ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).startDate.toString());
    expect(starts.sort()).toEqual(['2014-03-31', '2014-07-22']);

    ok(core, 'setReminderSetting', { boardId, days: 0 });
    const onTheDay = ok<DueCalendar>(core, 'dueCalendar', { filter: {} });
    expect(triggers(onTheDay)).toEqual([['PT9H'], ['PT9H']]);
    expect(onTheDay.alarms).toBe('a reminder on the day');
  });
});

describe('500 owners selected', () => {
  it('makes no draft and says how many owners there are, the limit and what to do, writing nothing', async () => {
    const { core, feb } = await februaryTyped();
    const itemId = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id }).items[0]!.id;
    for (let i = 0; i < 500; i++) ok(core, 'addAction', { itemId, details: `Task ${i}`, owners: [{ name: `Owner ${i}` }] });
    const before = dump(core);
    const refused = core.call('draftOwnerReminders', { filter: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) {
      expect(refused.error.message).toMatch(
        /^These 513 actions have 5\d\d owners; drafts are made for at most 100 owners at a time\. Filter the log by board, owner or due dates, and make them in turns\. No draft was made\.$/,
      );
    }
    expect(dump(core)).toBe(before);
  });
});
