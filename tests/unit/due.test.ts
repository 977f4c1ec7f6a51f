// Reading the due column: real phrasings from the fixture minutes and DOMAIN.md, relative to
// the meeting that agreed the action (19 February 2014), day before month, in UK time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeDue, readDue, type DueReading } from '../../shared/domain/due';

const MEETING = '2014-02-19';

const PHRASES: Array<[string, DueReading]> = [
  ['by 22.07', { kind: 'date', date: '2014-07-22' }],
  ['22.07', { kind: 'date', date: '2014-07-22' }],
  ['22/07/2014', { kind: 'date', date: '2014-07-22' }],
  ['22/07/14', { kind: 'date', date: '2014-07-22' }],
  ['02.09.14', { kind: 'date', date: '2014-09-02' }],
  ['by 28/01', { kind: 'date', date: '2015-01-28' }],
  ['19/02', { kind: 'date', date: '2014-02-19' }],
  ['2014-07-22', { kind: 'date', date: '2014-07-22' }],
  ['22 July 2014', { kind: 'date', date: '2014-07-22' }],
  ['by 22nd July', { kind: 'date', date: '2014-07-22' }],
  ['Friday 22 July', { kind: 'date', date: '2014-07-22' }],
  ['July 22', { kind: 'date', date: '2014-07-22' }],
  ['next meeting', { kind: 'next_meeting' }],
  ['Next meeting.', { kind: 'next_meeting' }],
  ['to next meeting', { kind: 'next_meeting' }],
  ['before next meeting', { kind: 'next_meeting' }],
  ['at the next Board meeting', { kind: 'next_meeting' }],
  ['to the September meeting', { kind: 'meeting', year: 2014, month: 9 }],
  ['at December Board meeting', { kind: 'meeting', year: 2014, month: 12 }],
  ['report back to the April Executive Board', { kind: 'meeting', year: 2014, month: 4 }],
  ['February meeting', { kind: 'meeting', year: 2015, month: 2 }],
  ['end of March', { kind: 'date', date: '2014-03-31', note: 'end of March' }],
  ['by the end of March', { kind: 'date', date: '2014-03-31', note: 'end of March' }],
  ['end of January', { kind: 'date', date: '2015-01-31', note: 'end of January' }],
  ['April', { kind: 'date', date: '2014-04-30', note: 'end of April' }],
  ['Sept', { kind: 'date', date: '2014-09-30', note: 'end of September' }],
  ['end of the month', { kind: 'date', date: '2014-02-28', note: 'end of February' }],
  ['end of the financial year', { kind: 'date', date: '2014-03-31', note: 'end of the financial year' }],
  ['within 2 weeks', { kind: 'date', date: '2014-03-05', note: '2 weeks after the meeting' }],
  ['in one month', { kind: 'date', date: '2014-03-19', note: '1 month after the meeting' }],
  ['ASAP', { kind: 'text' }],
  ['ongoing', { kind: 'text' }],
  ['tbc', { kind: 'text' }],
  ['Q2', { kind: 'date', date: '2014-09-30', note: 'end of Q2 (July to September)' }],
  ['', { kind: 'none' }],
  ['   ', { kind: 'none' }],
];

describe('due phrasings', () => {
  it.each(PHRASES)('reads %j', (typed, expected) => {
    expect(readDue(typed, MEETING)).toEqual(expected);
  });

  it.each([
    ['31/02', '31 February does not exist (February has 28 days).'],
    ['31.02.2014', '31 February does not exist (February has 28 days).'],
    ['31/04', '31 April does not exist (April has 30 days).'],
    ['32/01', '32 January does not exist.'],
    ['29/02/2015', '29 February 2015 does not exist: 2015 is not a leap year.'],
    ['29/02', '29 February 2014 does not exist: 2014 is not a leap year.'],
    ['12/13', 'There is no month 13. Write dates day first, for example 22/07 for 22 July.'],
    ['30 February', '30 February does not exist (February has 28 days).'],
  ])('refuses %j with a message', (typed, message) => {
    expect(readDue(typed, MEETING)).toEqual({ kind: 'invalid', message });
  });

  it('accepts 29 February in a leap year', () => {
    expect(readDue('29/02', '2016-01-10')).toEqual({ kind: 'date', date: '2016-02-29' });
  });

  it('shows how a due was understood', () => {
    expect(describeDue(readDue('22.07', MEETING))).toBe('→ 22 July 2014');
    expect(describeDue(readDue('next meeting', MEETING))).toBe('→ the next meeting');
    expect(describeDue(readDue('to the September meeting', MEETING))).toBe('→ the September 2014 meeting');
    expect(describeDue(readDue('end of March', MEETING))).toBe('→ 31 March 2014 (end of March)');
    expect(describeDue(readDue('ASAP', MEETING))).toBe('Kept as written (not read as a date or a meeting)');
    expect(describeDue(readDue('31/02', MEETING))).toBe('31 February does not exist (February has 28 days).');
  });

  it('reads any real day/month/year as that very date, whatever the meeting', () => {
    const day = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, fc.constantFrom('/', '.', '-'), (due, meeting, sep) => {
        const [y, m, d] = due.toISOString().slice(0, 10).split('-');
        const typed = `${Number(d)}${sep}${m}${sep}${y}`;
        expect(readDue(typed, meeting.toISOString().slice(0, 10))).toEqual({ kind: 'date', date: `${y}-${m}-${d}` });
      }),
    );
  });

  it('reads a day and month without a year as the first such day on or after the meeting', () => {
    const day = fc.date({ min: new Date(Date.UTC(2001, 0, 1)), max: new Date(Date.UTC(2060, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), (meeting, d, m) => {
        const meetingIso = meeting.toISOString().slice(0, 10);
        const reading = readDue(`${d}.${String(m).padStart(2, '0')}`, meetingIso);
        expect(reading.kind).toBe('date');
        if (reading.kind !== 'date') return;
        expect(reading.date >= meetingIso).toBe(true);
        expect(reading.date.slice(5)).toBe(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        // ...and no earlier such day is on or after the meeting: it is the first one.
        const yearBefore = `${Number(reading.date.slice(0, 4)) - 1}${reading.date.slice(4)}`;
        expect(yearBefore < meetingIso).toBe(true);
      }),
    );
  });

  it('never throws and never loses what was typed: anything unread is kept as text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (typed) => {
        const reading = readDue(typed, MEETING);
        expect(['none', 'date', 'next_meeting', 'meeting', 'text', 'invalid']).toContain(reading.kind);
        if (reading.kind === 'none') expect(typed.trim().replace(/^[-–.,;:!]*$/, '')).toBe('');
        if (reading.kind === 'date') expect(reading.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
