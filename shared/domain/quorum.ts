// Quorum: how many members must be present for a meeting to be quorate. A board sets a
// number of members, or a fraction of its current members (1/3 of 25 members -> 9).

export type QuorumRule =
  | { kind: 'none' }
  | { kind: 'count'; count: number }
  | { kind: 'fraction'; numerator: number; denominator: number };

export type QuorumState =
  | { kind: 'none'; present: number }
  | { kind: 'rule'; present: number; required: number; quorate: boolean };

/** The largest denominator a quorum fraction may have: enough for percentages. */
export const MAX_QUORUM_DENOMINATOR = 100;

/**
 * Members needed for a quorum, or null when the board has no rule. A fraction rounds up
 * (a third of 25 is 8.33, so 9 are needed) and never asks for fewer than one member.
 */
export function quorumRequired(rule: QuorumRule, members: number): number | null {
  switch (rule.kind) {
    case 'none':
      return null;
    case 'count':
      return rule.count;
    case 'fraction': {
      // Integer arithmetic: ceil(members * n / d) without floating point.
      const needed = Math.floor((members * rule.numerator + rule.denominator - 1) / rule.denominator);
      return Math.max(1, needed);
    }
  }
}

export function quorumState(rule: QuorumRule, members: number, present: number): QuorumState {
  const required = quorumRequired(rule, members);
  if (required === null) return { kind: 'none', present };
  return { kind: 'rule', present, required, quorate: present >= required };
}

const membersPresent = (n: number): string => `${n} ${n === 1 ? 'member' : 'members'} present`;

/** "Quorate: 12 members present, quorum 8", "Not quorate: ...", or just the count. */
export function describeQuorumState(state: QuorumState): string {
  if (state.kind === 'none') return `${membersPresent(state.present)} (no quorum rule set)`;
  return `${state.quorate ? 'Quorate' : 'Not quorate'}: ${membersPresent(state.present)}, quorum ${state.required}`;
}

/** "None", "8 members", "1/3 of current members". */
export function describeQuorumRule(rule: QuorumRule): string {
  switch (rule.kind) {
    case 'none':
      return 'No quorum rule';
    case 'count':
      return `${rule.count} ${rule.count === 1 ? 'member' : 'members'}`;
    case 'fraction':
      return `${formatFraction(rule)} of current members`;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function formatFraction(f: { numerator: number; denominator: number }): string {
  return `${f.numerator}/${f.denominator}`;
}

/**
 * Reads a fraction as written in the settings: "1/3", "2 / 3", "50%" or "1" (all members).
 * Returns it in lowest terms, or a message saying what is wrong.
 */
export function parseQuorumFraction(text: string): { numerator: number; denominator: number } | { problem: string } {
  const value = text.trim();
  let numerator: number;
  let denominator: number;
  const fraction = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(value);
  const percent = /^(\d{1,3})\s*%$/.exec(value);
  if (fraction) {
    numerator = Number(fraction[1]);
    denominator = Number(fraction[2]);
  } else if (percent) {
    numerator = Number(percent[1]);
    denominator = 100;
  } else if (value === '1') {
    numerator = 1;
    denominator = 1;
  } else {
    return { problem: 'Write the fraction of current members like 1/3, or as a percentage like 50%.' };
  }
  if (denominator === 0) return { problem: 'A fraction cannot have 0 as its bottom number.' };
  if (numerator === 0 || numerator > denominator) {
    return { problem: 'The quorum must be more than none and at most all of the current members.' };
  }
  const d = gcd(numerator, denominator);
  numerator /= d;
  denominator /= d;
  if (denominator > MAX_QUORUM_DENOMINATOR) {
    return { problem: `Use a simpler fraction (at most ${MAX_QUORUM_DENOMINATOR} as the bottom number).` };
  }
  return { numerator, denominator };
}

/** The stored value of a fraction rule (a real number), back as the fraction it came from. */
export function fractionFromValue(value: number): { numerator: number; denominator: number } | null {
  if (!(value > 0 && value <= 1)) return null;
  // Fractions with denominators up to 100 differ by at least 1/9900, far more than rounding error.
  for (let denominator = 1; denominator <= MAX_QUORUM_DENOMINATOR; denominator++) {
    const numerator = Math.round(value * denominator);
    if (numerator > 0 && Math.abs(numerator / denominator - value) < 1e-9) return { numerator, denominator };
  }
  return null;
}
