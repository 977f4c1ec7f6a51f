// Action references and owners: the board's format applied to the meeting date, unique and
// never reused; the Action column split into roster members, groups and names as written.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReferenceFormat, DEFAULT_REFERENCE_FORMAT, formatReference, nextReference } from '../../shared/domain/references';
import { formatOwners, readOwners, splitOwnerText, suggestOwners, type OwnerDirectory } from '../../shared/domain/owners';
import { findUnknownInitials } from '../../shared/domain/unknownInitials';
import { ownerFullName, ownerLabel } from '../../shared/domain/owners';

describe('reference formats', () => {
  it.each([
    [DEFAULT_REFERENCE_FORMAT, 4, '2014-02-19/4'],
    ['yyyy-MM-dd/{n}', 13, '2014-02-19/13'],
    ["'SSCB'-yyyy-MM-dd/{n}", 1, 'SSCB-2014-02-19/1'],
    ['{n}/dd.MM.yy', 2, '2/19.02.14'],
    ['d MMM yyyy – {n}', 7, '19 Feb 2014 – 7'],
    ["yyyyMMdd'.'{n}", 3, '20140219.3'],
    ["d MMMM yyyy', action '{n}", 5, '19 February 2014, action 5'],
  ])('%s gives action %i of 19 February 2014 the reference %s', (fmt, n, expected) => {
    expect(checkReferenceFormat(fmt)).toEqual({ ok: true });
    expect(formatReference(fmt, '2014-02-19', n)).toBe(expected);
  });

  it.each([
    ['yyyy-MM-dd', 'needs {n}'],
    ['{n}/{n}', 'only once'],
    ['SSCB-yyyy/{n}', '“S” is not a part of a date'],
    ['yyyy-MM-dd HH:mm/{n}', '“H” is not a part of a date'],
    ["'SSCB-yyyy/{n}", 'not closed'],
    ['', 'Enter a reference format'],
    [' yyyy/{n}', 'without spaces'],
    ['y'.repeat(61) + '{n}', 'at most 60'],
    ['MMM yyyy – {n}', 'day, month and year'],
  ])('refuses %j', (fmt, message) => {
    const check = checkReferenceFormat(fmt);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(message);
  });

  it('does not depend on the computer’s time zone: the meeting day is a UK calendar day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2060, 0, 1)), noInvalidDate: true }), fc.integer({ min: 1, max: 999 }), (d, n) => {
        const iso = d.toISOString().slice(0, 10);
        expect(formatReference(DEFAULT_REFERENCE_FORMAT, iso, n)).toBe(`${iso}/${n}`);
      }),
    );
  });

  it('issues references that are unique in the board, skipping any already issued, and never reuses one', () => {
    // A board's history: meetings (some on the same day, some in the same month), actions added and deleted.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), meeting: fc.nat({ max: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    const dates = ['2014-02-19', '2014-02-19', '2014-02-26', '2014-04-10', '2014-04-10'];
    fc.assert(
      fc.property(fc.constantFrom(DEFAULT_REFERENCE_FORMAT, "MMM-yy'/'{n}", "'A'{n}"), fc.array(op, { maxLength: 60 }), (fmt, ops) => {
        const issued = new Set<string>();
        const seqIssued = [0, 0, 0, 0, 0];
        const live: Array<{ meeting: number; seq: number; reference: string }> = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            const { seq, reference } = nextReference(fmt, dates[o.meeting] as string, seqIssued[o.meeting] as number, (r) => issued.has(r));
            expect(issued.has(reference)).toBe(false);
            expect(seq).toBeGreaterThan(seqIssued[o.meeting] as number);
            issued.add(reference);
            seqIssued[o.meeting] = seq;
            live.push({ meeting: o.meeting, seq, reference });
          } else if (live.length > 0) {
            live.splice(o.pick % live.length, 1);
          }
        }
        expect(new Set(live.map((a) => a.reference)).size).toBe(live.length);
        for (let m = 0; m < dates.length; m += 1) {
          const seqs = live.filter((a) => a.meeting === m).map((a) => a.seq);
          expect(new Set(seqs).size).toBe(seqs.length);
        }
      }),
    );
  });
});

const ROSTER: OwnerDirectory = {
  members: [
    { id: 'af', initials: 'AF', fullName: 'Ann Flynn' },
    { id: 'ea', initials: 'EA', fullName: 'Elaine Allegretti' },
    { id: 'jc', initials: 'JC', fullName: 'Jackie Cook' },
    { id: 'jck', initials: 'JCK', fullName: 'Jim Crook' },
    { id: 'rh', initials: 'RH', fullName: 'Ros Healy' },
    { id: 'rp', initials: 'RP', fullName: 'Rory Patterson' },
    { id: 'jsh', initials: 'JSh', fullName: 'Jane Shuttleworth' },
  ],
  groups: [
    { id: 'all', name: 'All' },
    { id: 'agencies', name: 'All agencies' },
    { id: 'cse', name: 'CSE subgroup' },
  ],
};

describe('owners', () => {
  it.each([
    ['AF', ['AF']],
    ['AF & EA', ['AF', 'EA']],
    ['RH & RP', ['RH', 'RP']],
    ['JC EA', ['JC', 'EA']],
    ['EA / Jackie Cook', ['EA', 'Jackie Cook']],
    ['GH/VSH', ['GH', 'VSH']],
    ['AM, RW, DP & Barbara Hills', ['AM', 'RW', 'DP', 'Barbara Hills']],
    ['RP and JT', ['RP', 'JT']],
    ['All agencies', ['All agencies']],
    ['Each agency', ['Each agency']],
    ['tbc', ['tbc']],
    ['Tom Savory', ['Tom Savory']],
  ])('splits %j into %j', (text, tokens) => {
    expect(splitOwnerText(text)).toEqual({ tokens, remainder: null });
  });

  it('keeps a task phrase apart from the owner', () => {
    expect(splitOwnerText('AF to take forward implementation')).toEqual({ tokens: ['AF'], remainder: 'to take forward implementation' });
  });

  it('matches roster initials, full names and groups, and keeps unknown names as written', () => {
    const { owners } = readOwners('EA / Jackie Cook & tbc', ROSTER);
    expect(owners).toEqual([
      { kind: 'member', memberId: 'ea', initials: 'EA', fullName: 'Elaine Allegretti' },
      { kind: 'member', memberId: 'jc', initials: 'JC', fullName: 'Jackie Cook' },
      { kind: 'name', name: 'tbc' },
    ]);
    expect(readOwners('All agencies', ROSTER).owners).toEqual([{ kind: 'group', groupId: 'agencies', name: 'All agencies' }]);
    expect(readOwners('jsh', ROSTER).owners).toEqual([{ kind: 'member', memberId: 'jsh', initials: 'JSh', fullName: 'Jane Shuttleworth' }]);
    expect(readOwners('AF & af', ROSTER).owners).toHaveLength(1);
    expect(formatOwners(readOwners('AM, RW, DP & Barbara Hills', ROSTER).owners)).toBe('AM, RW, DP & Barbara Hills');
    expect(formatOwners(readOwners('AF & EA', ROSTER).owners)).toBe('AF & EA');
  });

  it('suggests initials before names, and JC before JCK', () => {
    expect(suggestOwners('JC', ROSTER).map((o) => (o.kind === 'member' ? o.initials : ''))).toEqual(['JC', 'JCK']);
    expect(suggestOwners('all', ROSTER).map((o) => (o.kind === 'group' ? o.name : o.kind === 'member' ? o.initials : ''))).toEqual(['All', 'All agencies', 'EA']);
    expect(suggestOwners('cook', ROSTER)[0]).toMatchObject({ kind: 'member', initials: 'JC' });
    expect(suggestOwners('', ROSTER)).toEqual([]);
  });

  it('never loses a word of the Action column', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('AF', 'EA', 'tbc', 'Jackie Cook', 'All agencies', 'MH', 'Barbara Hills'), { minLength: 1, maxLength: 5 }), fc.constantFrom(' & ', ', ', ' / ', ' and '), (names, sep) => {
        const { owners } = readOwners(names.join(sep), ROSTER);
        const labels = owners.map((o) => (ownerFullName(o) ?? ownerLabel(o)));
        for (const n of names) expect(labels.some((l) => l === n || ROSTER.members.some((m) => m.initials === n && m.fullName === l))).toBe(true);
      }),
    );
  });
});

describe('initials not on the roster', () => {
  it('flags people the roster does not know, not abbreviations', () => {
    const text = 'MH raised a question about the interfaces. AF and EA agreed; the CSE strategy and the MASH were noted. RB, JT and DP spoke. NHS colleagues.';
    const hits = findUnknownInitials(text, ['AF', 'EA', 'RB', 'DP']);
    expect(hits.map((h) => h.initials)).toEqual(['MH', 'JT']);
    expect(text.slice(hits[0]?.start, hits[0]?.end)).toBe('MH');
  });

  it('is case-insensitive about the roster and handles emoji and right-to-left text', () => {
    expect(findUnknownInitials('JSh 👍 agreed. مرحبا ZG asked', ['jsh'])).toMatchObject([{ initials: 'ZG' }]);
  });
});
