// Whatever a file holds, reading it as legacy minutes either gives meetings or refuses it with a
// message for the user (NotMinutesError): never any other error. Arbitrary text, and text made
// of the layout's own fragments in any order, as a damaged or half-edited file would be.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NotMinutesError } from '../../shared/domain/legacy/model';
import { parseLegacyText } from '../../shared/domain/legacy/textMinutes';
import { htmlToLegacyText } from '../../shared/domain/legacy/html';

const FRAGMENTS = [
  'Minutes and Actions', 'Minutes and actions', 'Southwark Safeguarding Children Executive Board', '19 February 2014', '31 February 2014',
  '11.00 am – 1.00pm', '25.99 – 99.00', 'Present:', 'Apologies:', 'In attendance:', 'Michael O\'Connor (Chair)\tMOC\tIndependent Chair',
  'Jackie Cook – Item 7\tJC\tHead of QA', 'Susi Whitthome\t\t', '1. Minutes and actions arising', '1a. Update', '6a. Performance', '99z. X',
  'Decisions and/or actions agreed\t\t', 'Reference\tDetails\tAction\tDue', '1\tDo it\tAF to take forward', '1\tAgain\tJC EA\tby 31.02',
  '21\t<ul style="x"> - a - b\t', 'MH raised a question. It was agreed. This was agreed.', 'Next meeting: 02.09.14 10.30 – 12.30 Room G02b',
  '', '\t', '\f', '- item', '• bullet', '2.1 KC advised progress', '((((', '\u0000', '\u2028',
];

const check = (text: string): void => {
  try {
    const meetings = parseLegacyText(text);
    for (const m of meetings) {
      expect(m.items.length).toBeGreaterThan(0);
      expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  } catch (err) {
    if (!(err instanceof NotMinutesError)) throw err;
    expect(err.message.length).toBeGreaterThan(10);
  }
};

describe('reading hostile files as legacy minutes', () => {
  it('gives meetings or a NotMinutesError for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), check), { numRuns: 300 });
  });

  it('gives meetings or a NotMinutesError for the layout’s fragments in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }), (lines) => check(lines.join('\n'))),
      { numRuns: 500 },
    );
  });

  it('turns any HTML into text without failing', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('<p>', '</p>', '<table>', '</table>', '<tr>', '<td>', '</td>', '</tr>', '<li>', '&amp;', '&#99999999;', '<br/>'), fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) => {
        check(htmlToLegacyText(parts.join('')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('importing hostile files through core', () => {
  it('imports each file or refuses it with its own message, never stopping part-way', async () => {
    const { tempCore, okAsync } = await import('../helpers/temp');
    const core = await tempCore();
    let n = 0;
    await fc.assert(
      // A NUL is refused by the API before core sees the file (tests/unit/nul-and-leaving.test.ts).
      fc.asyncProperty(fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => f !== '\u0000')), { minLength: 10, maxLength: 60 }), async (lines) => {
        const text = ['Minutes and Actions', 'Board', '19 February 2014', '11.00 am – 1.00pm', 'Present:', ...lines].join('\n');
        const result = await okAsync<{ files: Array<{ imported: boolean; problem: string | null }> }>(core, 'importMinutes', {
          board: `Board ${n++}`,
          files: [{ name: 'f.txt', encoding: 'text', content: text }],
          digests: [null],
        });
        const [file] = result.files;
        if (!file?.imported) expect(file?.problem).not.toMatch(/stopped part-way/);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
