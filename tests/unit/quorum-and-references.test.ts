// Quorum arithmetic and the action-reference format: pure rules in shared/domain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeQuorumState,
  fractionFromValue,
  parseQuorumFraction,
  quorumRequired,
  quorumState,
  type QuorumRule,
} from '../../shared/domain/quorum';
import { DEFAULT_REFERENCE_FORMAT, formatReference as formatActionReference, referenceFormatProblem } from '../../shared/domain/references';

const fraction = (numerator: number, denominator: number): QuorumRule => ({ kind: 'fraction', numerator, denominator });

describe('quorum', () => {
  it.each([
    [fraction(1, 3), 25, 9],
    [fraction(1, 3), 24, 8],
    [fraction(1, 3), 23, 8],
    [fraction(1, 2), 24, 12],
    [fraction(1, 2), 25, 13],
    [fraction(2, 3), 10, 7],
    [fraction(1, 1), 12, 12],
    [fraction(1, 3), 1, 1],
    [fraction(1, 3), 0, 1],
    [fraction(33, 100), 30, 10],
    [{ kind: 'count', count: 8 } as QuorumRule, 25, 8],
  ])('%j of %i members needs %i', (rule, members, needed) => {
    expect(quorumRequired(rule, members)).toBe(needed);
  });

  it('has no requirement without a rule', () => {
    expect(quorumRequired({ kind: 'none' }, 25)).toBeNull();
    expect(quorumState({ kind: 'none' }, 25, 3)).toEqual({ kind: 'none', present: 3 });
  });

  it('a fraction needs the fewest members that make up at least that fraction', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5000 }), (a, b, members) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const needed = quorumRequired(fraction(numerator, denominator), members) as number;
        expect(needed * denominator).toBeGreaterThanOrEqual(members * numerator);
        expect((needed - 1) * denominator).toBeLessThan(members * numerator);
        expect(needed).toBeLessThanOrEqual(members);
      }),
    );
  });

  it('is quorate exactly when enough members are present', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (members, present, count) => {
        const byCount = quorumState({ kind: 'count', count }, members, present);
        expect(byCount).toEqual({ kind: 'rule', present, required: count, quorate: present >= count });
        const third = quorumState(fraction(1, 3), members, present);
        expect(third.kind === 'rule' && third.quorate).toBe(3 * present >= members);
      }),
    );
  });

  it('says the state as the attendance screen shows it', () => {
    expect(describeQuorumState(quorumState({ kind: 'count', count: 8 }, 25, 12))).toBe('Quorate: 12 members present, quorum 8');
    expect(describeQuorumState(quorumState(fraction(1, 3), 25, 5))).toBe('Not quorate: 5 members present, quorum 9');
    expect(describeQuorumState(quorumState({ kind: 'count', count: 1 }, 2, 1))).toBe('Quorate: 1 member present, quorum 1');
    expect(describeQuorumState(quorumState({ kind: 'none' }, 2, 2))).toBe('2 members present (no quorum rule set)');
  });

  it('reads fractions as written, in lowest terms, and refuses the impossible', () => {
    expect(parseQuorumFraction('1/3')).toEqual({ numerator: 1, denominator: 3 });
    expect(parseQuorumFraction(' 2 / 4 ')).toEqual({ numerator: 1, denominator: 2 });
    expect(parseQuorumFraction('50%')).toEqual({ numerator: 1, denominator: 2 });
    expect(parseQuorumFraction('1')).toEqual({ numerator: 1, denominator: 1 });
    for (const bad of ['', 'a third', '0/3', '4/3', '1/0', '150%', '1/3/4', '-1/3']) {
      expect(parseQuorumFraction(bad), bad).toHaveProperty('problem');
    }
    expect(parseQuorumFraction('1/101')).toEqual({ problem: expect.stringMatching(/simpler fraction/) as unknown });
  });

  it('gets every storable fraction back exactly from its stored value', () => {
    for (let denominator = 1; denominator <= 100; denominator++) {
      for (let numerator = 1; numerator <= denominator; numerator++) {
        const parsed = parseQuorumFraction(`${numerator}/${denominator}`);
        if ('problem' in parsed) throw new Error(parsed.problem);
        expect(fractionFromValue(parsed.numerator / parsed.denominator)).toEqual(parsed);
      }
    }
    expect(fractionFromValue(0)).toBeNull();
    expect(fractionFromValue(1.5)).toBeNull();
  });
});

describe('action-reference format', () => {
  it('formats the meeting date and the action number', () => {
    expect(formatActionReference(DEFAULT_REFERENCE_FORMAT, '2014-02-19', 3)).toBe('2014-02-19/3');
    expect(formatActionReference("'SSCB' yyMMdd.{n}", '2014-04-10', 12)).toBe('SSCB 140410.12');
    expect(formatActionReference('{n} (d MMM yyyy)', '2014-04-10', 1)).toBe('1 (10 Apr 2014)');
  });

  it('accepts formats that name the meeting', () => {
    for (const ok of [DEFAULT_REFERENCE_FORMAT, 'yyyyMMdd-{n}', "'A'yy-MM-dd.{n}", 'd MMMM yyyy, action {n}'.replace('action', "'action'")]) {
      expect(referenceFormatProblem(ok), ok).toBeNull();
    }
  });

  it.each([
    ['yyyy-MM-dd', /needs \{n\}/],
    ['', /Enter a reference format/],
    ['{n}', /day, month and year/],
    ['yyyy-MM/{n}', /day, month and year/],
    ['yyyy-MM-dd/{n}/{n}', /only once/],
    ['YYYY-MM-DD/{n}', /yyyy/],
    ['jjj-yyyy-MM-dd/{n}', /“j” is not a part of a date/],
    ['x'.repeat(61) + '{n}', /at most 60/],
  ])('refuses %j', (format, message) => {
    expect(referenceFormatProblem(format)).toMatch(message);
  });
});
