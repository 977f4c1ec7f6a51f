// Legacy minutes as text: the fixture text (two meetings, page headers repeated mid-sentence)
// reads into the two meetings of the fixture JSON, field by field, with its anomalies as warnings.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLegacyText, readNextMeeting, readPrintedDate, readPrintedTimes } from '../../shared/domain/legacy/textMinutes';
import { NotMinutesError, type LegacyMeeting } from '../../shared/domain/legacy/model';
import { expectMatchesFixture, type Fixture } from '../helpers/fixture-compare';
import feb from '../fixtures/2014-02-19.json' with { type: 'json' };
import apr from '../fixtures/2014-04-10.json' with { type: 'json' };

const TEXT = fs.readFileSync(new URL('../fixtures/sscb-2014-02-19-and-04-10.txt', import.meta.url), 'utf8');

describe('legacy minutes as text', () => {
  const meetings = parseLegacyText(TEXT);

  it('finds the two meetings of the fixture text', () => {
    expect(meetings.map((m) => m.date)).toEqual(['2014-02-19', '2014-04-10']);
  });

  it('reads 19 February 2014 as the fixture JSON has it, field by field', () => {
    expectMatchesFixture(meetings[0] as LegacyMeeting, feb);
  });

  it('reads 10 April 2014 as the fixture JSON has it, field by field', () => {
    expectMatchesFixture(meetings[1] as LegacyMeeting, apr as unknown as Fixture);
  });

  it('removes the page headers and joins the sentences they split', () => {
    const item = meetings[0]?.items.find((i) => i.number === '1a');
    expect(item?.discussion[1]).toContain('governance arrangements through children\'s and adults services.');
    expect(meetings.flatMap((m) => m.items.flatMap((i) => i.discussion)).join('\n')).not.toMatch(/Minutes and Actions/);
  });

  it('reports the anomalies of 19 February as warnings', () => {
    const kinds = (meetings[0] as LegacyMeeting).warnings.map((w) => `${w.kind} ${w.message}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^speaker_not_present MH is named in item 2/),
        expect.stringMatching(/^speaker_outside_items Jonathon Toy \(JT\) .* speaks in item 1b/),
        expect.stringMatching(/^attendance_item_missing Roisin Madden .* no item 7/),
        expect.stringMatching(/^attendance_item_missing Jackie Cook .* no item 7/),
        expect.stringMatching(/^owners_unseparated Action 10: .*JC EA/),
        expect.stringMatching(/^owner_phrase Action 1: .*AF to take forward implementation/),
        expect.stringMatching(/^details_owner_mismatch Action 6: the details name RP, but the owner column is “RH & RP”/),
        expect.stringMatching(/^list_markup Action 10/),
      ]),
    );
  });

  it('reports the anomalies of 10 April as warnings', () => {
    const kinds = (meetings[1] as LegacyMeeting).warnings.map((w) => `${w.kind} ${w.message}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^speaker_not_present MB is named in item 2a/),
        expect.stringMatching(/^missing_role Susi Whitthome/),
        expect.stringMatching(/^owner_not_present Action 7: the owner Jackie Cook sent apologies/),
        expect.stringMatching(/^missing_item_number There is no item 2/),
        expect.stringMatching(/^no_chair/),
      ]),
    );
  });

  it('reads printed dates and times', () => {
    expect(readPrintedDate('19 February 2014')).toBe('2014-02-19');
    expect(readPrintedDate('31 February 2014')).toBeNull();
    expect(readPrintedTimes('11.00 am – 1.00pm')).toEqual({ start: '11:00', end: '13:00' });
    expect(readPrintedTimes('1.00pm – 3.00pm')).toEqual({ start: '13:00', end: '15:00' });
    expect(readPrintedTimes('10.30 – 12.30')).toEqual({ start: '10:30', end: '12:30' });
  });

  it('refuses text in another layout with a clear message', () => {
    expect(() => parseLegacyText('Dear all,\nPlease find attached the agenda.\n')).toThrow(NotMinutesError);
    expect(() => parseLegacyText('')).toThrow(/No minutes were found/);
    expect(() => parseLegacyText('Minutes and Actions\nSome Board\n19 February 2014\n11.00 am – 1.00pm\n\nJust a note.\n')).toThrow(/no numbered items/);
  });
});

describe('the next meeting line', () => {
  it('reads its date, start time and venue as printed', () => {
    expect(readNextMeeting('Next meeting: 02.09.14 10.30 – 12.30 Room G02b, 160 Tooley Street, SE1')).toEqual({
      date: '2014-09-02',
      time: '10:30',
      venue: 'Room G02b, 160 Tooley Street, SE1',
    });
    expect(readNextMeeting('Next meeting: 9 December 2014, 2.00pm')).toEqual({ date: '2014-12-09', time: '14:00', venue: null });
    expect(readNextMeeting('Next meeting: to be confirmed')).toEqual({ date: null, time: null, venue: 'to be confirmed' });
  });
});
