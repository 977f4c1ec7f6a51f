// Initials suggested from names: the examples from real minutes, and properties that must
// hold for any name and any set of initials already taken on the board.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultInitials,
  initialsCandidates,
  initialsKey,
  initialsProblem,
  MAX_INITIALS_LENGTH,
  suggestAlternatives,
  suggestInitials,
} from '../../shared/domain/initials';

/** The name's letters, accents removed, for checking a suggestion is derived from them. */
const nameLetters = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '')
    .toUpperCase();

/** True when the suggestion's letters appear in the name's letters, in order. */
function isDerivedFrom(initials: string, name: string): boolean {
  const letters = nameLetters(name);
  let at = 0;
  for (const ch of initials.replace(/\p{N}/gu, '').toUpperCase()) {
    at = letters.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

describe('initials from a name', () => {
  it.each([
    ["Michael O'Connor", 'MOC'],
    ['Michael O’Connor', 'MOC'],
    ['Chris McCree', 'CM'],
    ['Jackie Cook', 'JC'],
    ['Jim Crook', 'JC'],
    ['Jane Shuttleworth', 'JS'],
    ['Mary-Jane Smith-Jones', 'MJSJ'],
    ['Madonna', 'M'],
    ['José Álvarez', 'JA'],
    ['Zoë Ångström', 'ZA'],
    ['Ludwig van Beethoven', 'LB'],
    ['Dr Ann Flynn', 'AF'],
    ['  Tina   Hawkins ', 'TH'],
    ['Pablo Diego José Francisco de Paula Juan Nepomuceno María de los Remedios Cipriano de la Santísima Trinidad Ruiz y Picasso', 'PDP'],
    ['', ''],
    ['— 123 —', ''],
  ])('%s -> %s', (name, expected) => {
    expect(defaultInitials(name)).toBe(expected);
  });

  it('offers the alternatives the minutes use when the usual initials are taken', () => {
    expect(suggestInitials('Jim Crook', ['JC'])).toBe('JCr');
    expect(suggestAlternatives('Jim Crook', ['JC'], 3)).toEqual(['JCr', 'JCK', 'JiC']);
    expect(suggestAlternatives('Jackie Cook', ['jc'], 2)).toEqual(['JCo', 'JCK']);
    expect(suggestInitials('Chris McCree', ['CM'])).toBe('CMc');
    expect(suggestInitials('Jane Shuttleworth', ['JS'])).toBe('JSh');
    expect(suggestInitials("Michael O'Connor", [])).toBe('MOC');
    expect(suggestInitials("Michael O'Connor", ['MOC'])).toBe('MOCo');
    expect(suggestInitials('Madonna', ['M'])).toBe('Ma');
  });

  it('falls back to a number only when every readable choice is taken', () => {
    const all = initialsCandidates('Jim C');
    expect(all).toEqual(['JC', 'JiC', 'JimC']);
    expect(suggestInitials('Jim C', all)).toBe('JC2');
    expect(suggestInitials('Jim C', [...all, 'JC2', 'jc3'])).toBe('JC4');
  });

  it('checks typed initials', () => {
    expect(initialsProblem('JCK')).toBeNull();
    expect(initialsProblem('CMc')).toBeNull();
    expect(initialsProblem('JC2')).toBeNull();
    expect(initialsProblem('   ')).toBe('Enter the initials the minutes use for this person.');
    expect(initialsProblem('ABCDEFGHI')).toMatch(/at most 8/);
    expect(initialsProblem('J.C.')).toMatch(/only letters/);
    expect(initialsProblem('J C')).toMatch(/only letters/);
    expect(initialsProblem('2JC')).toMatch(/only letters/);
  });
});

// Names as they come: accents, apostrophes, Mc/Mac, hyphens, particles, titles, odd spacing.
const syllable = fc.constantFrom('an', 'jo', 'mi', 'ch', 'ael', 'ros', 'ée', 'ñá', 'ø', 'cr', 'oo', 'k', 'ly', 'ß', 'ı', 'ç', 'ж', '李');
const word = fc
  .tuple(fc.constantFrom('', '', '', "O'", 'Mc', 'Mac', 'D’'), fc.array(syllable, { minLength: 1, maxLength: 4 }))
  .map(([prefix, parts]) => {
    const w = parts.join('');
    return prefix + w.charAt(0).toUpperCase() + w.slice(1);
  });
const fullName = fc
  .tuple(
    fc.constantFrom('', 'Dr ', 'Cllr '),
    fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('van', 'de', 'la') }), { minLength: 1, maxLength: 9 }),
    fc.array(fc.constantFrom(' ', ' ', '-', '  '), { minLength: 9, maxLength: 9 }),
  )
  .map(([title, words, seps]) => title + words.map((w, i) => (i === 0 ? w : `${seps[i] ?? ' '}${w}`)).join(''));
const takenSet = fc.array(fc.stringMatching(/^[A-Za-z]{1,4}[0-9]?$/), { maxLength: 40 });

describe('suggested initials, for any name and any initials already taken', () => {
  it('never collide with initials taken, whatever their case', () => {
    fc.assert(
      fc.property(fullName, takenSet, (name, taken) => {
        const withUsual = [...taken, ...initialsCandidates(name).slice(0, 3).map((c) => c.toLowerCase())];
        const suggestion = suggestInitials(name, withUsual);
        expect(suggestion.length).toBeGreaterThan(0);
        expect(withUsual.map(initialsKey)).not.toContain(initialsKey(suggestion));
        for (const alt of suggestAlternatives(name, withUsual, 3)) expect(withUsual.map(initialsKey)).not.toContain(initialsKey(alt));
      }),
    );
  });

  it('are deterministic: the same name and the same taken set give the same suggestion, in any order', () => {
    fc.assert(
      fc.property(fullName, takenSet, (name, taken) => {
        const once = suggestAlternatives(name, taken, 3);
        expect(suggestAlternatives(name, [...taken].reverse(), 3)).toEqual(once);
        expect(suggestAlternatives(name, new Set(taken), 3)).toEqual(once);
      }),
    );
  });

  it('are derived from the name’s letters, in order, and are valid initials', () => {
    fc.assert(
      fc.property(fullName, takenSet, (name, taken) => {
        for (const suggestion of [defaultInitials(name), suggestInitials(name, taken), ...suggestAlternatives(name, taken, 3)]) {
          expect(isDerivedFrom(suggestion, name), `${suggestion} from ${name}`).toBe(true);
          expect(suggestion.length).toBeLessThanOrEqual(MAX_INITIALS_LENGTH);
          expect(initialsProblem(suggestion), `${suggestion} from ${name}`).toBeNull();
        }
      }),
    );
  });

  it('start from the usual initials when those are free', () => {
    fc.assert(
      fc.property(fullName, (name) => {
        expect(suggestInitials(name, [])).toBe(defaultInitials(name));
        expect(defaultInitials(name)).toMatch(/^\p{Lu}|^\p{Lo}/u);
      }),
    );
  });

  it('give distinct alternatives', () => {
    fc.assert(
      fc.property(fullName, takenSet, (name, taken) => {
        const alts = suggestAlternatives(name, taken, 3);
        expect(alts).toHaveLength(3);
        expect(new Set(alts.map(initialsKey)).size).toBe(3);
      }),
    );
  });
});
