// Dues as real minutes write them (issue 14): a board's meeting by month or day ("at the April's
// SSCB", "the 25th November meeting", "to come back to November board"), another group's next
// meeting (kept as written, no date), week commencing, financial quarters; property tests for
// each rule; and in core, a due at a named meeting that never happened moving to the board's next
// actual meeting after it, and "next meeting" resolved once that meeting exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog, DeletedMeeting, MeetingDetail, MeetingSummary, SampleBoardResult } from '../../shared/contract';
import { describeDue, MONTH_NAMES, readDue, type DueReading } from '../../shared/domain/due';
import { ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY } from '../helpers/fixture-agenda';

const MEETING = '2014-02-19';

const AS_WRITTEN: Array<[string, DueReading]> = [
  ["at the April's SSCB", { kind: 'meeting', year: 2014, month: 4 }],
  ['the 25th November meeting', { kind: 'meeting', year: 2014, month: 11, day: 25 }],
  ['to come back to November board', { kind: 'meeting', year: 2014, month: 11 }],
  ['next Health sub group', { kind: 'group_meeting', group: 'Health sub group' }],
  ['next CSE subgroup meeting', { kind: 'group_meeting', group: 'CSE subgroup' }],
  ['end of March', { kind: 'date', date: '2014-03-31', note: 'end of March' }],
  ['w/c 3 March', { kind: 'date', date: '2014-03-03' }],
  ['Q2', { kind: 'date', date: '2014-09-30', note: 'end of Q2 (July to September)' }],
  ['Q4', { kind: 'date', date: '2014-03-31', note: 'end of Q4 (January to March)' }],
  ['by Q3 2014/15', { kind: 'date', date: '2014-12-31', note: 'end of Q3 (October to December)' }],
  ['by 22.07', { kind: 'date', date: '2014-07-22' }],
  ['September meeting', { kind: 'meeting', year: 2014, month: 9 }],
];

describe('dues as the minutes write them', () => {
  it.each(AS_WRITTEN)('reads %j', (typed, expected) => {
    expect(readDue(typed, MEETING)).toEqual(expected);
  });

  it('says how each was understood, and refuses a meeting day that cannot exist', () => {
    expect(describeDue(readDue('the 25th November meeting', MEETING))).toBe('→ the meeting of 25 November 2014');
    expect(describeDue(readDue('next Health sub group', MEETING))).toBe('Kept as written: the next meeting of Health sub group has no date here');
    expect(describeDue(readDue('Q2', MEETING))).toBe('→ 30 September 2014 (end of Q2 (July to September))');
    expect(readDue('the 31st November meeting', MEETING)).toEqual({ kind: 'invalid', message: '31 November does not exist (November has 30 days).' });
  });
});

const meetingDay = fc.date({ min: new Date(Date.UTC(2001, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const monthNumber = fc.integer({ min: 1, max: 12 });

describe('due rules, for any meeting date', () => {
  it('"<Month> meeting", "<Month>\'s SSCB" and "back to <Month> board" name the first such month after the meeting', () => {
    fc.assert(
      fc.property(meetingDay, monthNumber, fc.constantFrom('%s meeting', "at the %s's SSCB", 'to come back to %s board', 'the %s Executive Board'), (meeting, month, form) => {
        const reading = readDue(form.replace('%s', MONTH_NAMES[month - 1]!), meeting);
        const [y, m] = [Number(meeting.slice(0, 4)), Number(meeting.slice(5, 7))];
        expect(reading).toEqual({ kind: 'meeting', year: month > m ? y : y + 1, month });
      }),
    );
  });

  it('"the <day> <Month> meeting" is a meeting on the first such day on or after the meeting', () => {
    fc.assert(
      fc.property(meetingDay, monthNumber, fc.integer({ min: 1, max: 28 }), (meeting, month, day) => {
        const reading = readDue(`the ${day}th ${MONTH_NAMES[month - 1]} meeting`, meeting);
        expect(reading.kind).toBe('meeting');
        if (reading.kind !== 'meeting') return;
        const date = `${reading.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(reading.day).toBe(day);
        expect(date >= meeting).toBe(true);
        expect(`${reading.year - 1}${date.slice(4)}` < meeting).toBe(true);
      }),
    );
  });

  it('"Qn" is the end of the first such financial quarter ending on or after the meeting, within a year', () => {
    fc.assert(
      fc.property(meetingDay, fc.integer({ min: 1, max: 4 }), (meeting, q) => {
        const reading = readDue(`Q${q}`, meeting);
        expect(reading.kind).toBe('date');
        if (reading.kind !== 'date') return;
        expect(reading.date.slice(5)).toBe(['06-30', '09-30', '12-31', '03-31'][q - 1]);
        expect(reading.date >= meeting).toBe(true);
        expect(reading.date < `${Number(meeting.slice(0, 4)) + 1}${meeting.slice(4)}`).toBe(true);
      }),
    );
  });

  it('"w/c <day> <Month>" is that very day, as "<day> <Month>" is', () => {
    fc.assert(
      fc.property(meetingDay, monthNumber, fc.integer({ min: 1, max: 28 }), (meeting, month, day) => {
        const words = `${day} ${MONTH_NAMES[month - 1]}`;
        expect(readDue(`w/c ${words}`, meeting)).toEqual(readDue(words, meeting));
      }),
    );
  });

  it('another group’s next meeting is never given a date, and keeps the group’s words', () => {
    const group = fc.constantFrom('Health sub group', 'CSE subgroup', 'Audit and Learning sub-group', 'Quality Assurance panel', 'Training committee');
    fc.assert(
      fc.property(meetingDay, group, fc.boolean(), (meeting, name, withMeeting) => {
        expect(readDue(`next ${name}${withMeeting ? ' meeting' : ''}`, meeting)).toEqual({ kind: 'group_meeting', group: name });
      }),
    );
  });
});

describe('dues at meetings, in core', () => {
  it('moves a due at a meeting that never happened to the board’s next actual meeting, and resolves "next meeting" once it exists', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
    const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
    const feb = meetings.find((m) => m.date === '2014-02-19')!;
    ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
    const [a, b, c, d] = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
    ok(core, 'updateAction', { actionId: a!.action.id, due: 'to the March meeting' });
    ok(core, 'updateAction', { actionId: b!.action.id, due: 'next meeting' });
    ok(core, 'updateAction', { actionId: c!.action.id, due: 'next Health sub group' });
    ok(core, 'updateAction', { actionId: d!.action.id, due: 'the 10th April meeting' });
    const dueOf = (id: string) => ok<ActionLog>(core, 'outstandingActions', {}).actions.find((x) => x.id === id)!;
    // Before any later meeting exists: the end of March, no date, the words kept, 10 April.
    expect(dueOf(a!.action.id).dueDate).toBe('2014-03-31');
    expect(dueOf(b!.action.id).dueDate).toBeNull();
    expect(dueOf(c!.action.id)).toMatchObject({ dueDate: null, due: { kind: 'none', text: 'next Health sub group' } });
    expect(dueOf(d!.action.id).dueDate).toBe('2014-04-10');

    // No March meeting was held; the board next met on 9 April.
    ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-09' });
    expect(dueOf(a!.action.id).dueDate).toBe('2014-04-09');
    expect(dueOf(b!.action.id).dueDate).toBe('2014-04-09');
    expect(dueOf(c!.action.id).dueDate).toBeNull();
  });
});
