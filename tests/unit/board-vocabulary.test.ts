// The roster check learns the board's abbreviations from its minutes: words in capitals used
// across its meetings that are nobody's initials (RIO, LSCB) are not flagged as unknown people.
import { describe, expect, it } from 'vitest';
import type { BoardVocabulary, SampleBoardResult } from '../../shared/contract';
import { learnAcronyms } from '../../shared/domain/boardAcronyms';
import { findUnknownInitials } from '../../shared/domain/unknownInitials';
import { ok, tempCore } from '../helpers/temp';

const flagged = (text: string, known: string[]) => findUnknownInitials(text, known).map((h) => h.initials);

describe('the board’s abbreviations', () => {
  it('are capitalised words used in two or more meetings that are nobody’s initials', () => {
    const meetings = ['Data from RIO was discussed; MOC asked about the LSCBs. ZQ spoke.', 'RIO extracts to the LSCB by June. MOC agreed.', 'Nothing in capitals.'];
    expect(learnAcronyms(meetings, ['MOC', 'ZQ'])).toEqual(['LSCB', 'RIO']);
    // Said once, by someone not on the roster: still flagged (the "MH raised a question" fault).
    expect(learnAcronyms(['MH raised a question', 'The board agreed'], ['MOC'])).toEqual([]);
  });

  it('are not flagged by the roster check, nor are plurals of known ones', () => {
    const text = 'RH & MM to come back with data from RIO; LSCBs and IROs agreed. XY asked.';
    // RIO is the board's word only once learnt; a plural of a known abbreviation is never a person.
    expect(flagged(text, ['RH', 'MM'])).toEqual(expect.arrayContaining(['XY']));
    expect(flagged(text, ['RH', 'MM'])).not.toContain('LSCBs');
    expect(flagged(text, ['RH', 'MM', ...learnAcronyms([text, 'RIO again'], ['RH', 'MM'])])).toEqual(['XY']);
  });

  it('come from the board’s minutes through core', async () => {
    const core = await tempCore();
    const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', {});
    const vocabulary = ok<BoardVocabulary>(core, 'boardVocabulary', { boardId: board.id });
    expect(vocabulary.acronyms).toEqual(['CDOP', 'IRO', 'SCB']);
    // Initials of people on the roster are people, however often they appear.
    expect(vocabulary.acronyms).not.toContain('MOC');
    expect(vocabulary.acronyms).not.toContain('EA');
  });
});
