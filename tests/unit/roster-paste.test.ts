// A roster pasted in one go: read from Word/Excel tables and printed lines, initials suggested,
// clashes flagged (with the roster and within the paste), everyone added at once or no one.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, RosterMember, RosterPasteCheck } from '../../shared/contract';
import { parseRosterPaste, ROSTER_PASTE_MAX } from '../../shared/domain/rosterPaste';
import { dump, ok, tempCore } from '../helpers/temp';

describe('reading a paste', () => {
  it('reads lines as the minutes print them, with initials in brackets', () => {
    const { people, skipped } = parseRosterPaste(
      "Michael O'Connor, Independent Chair (MOC)\n\nTina Hawkins – Safeguarding Children Board Senior Administrator\n• Romi Bowen, Strategic Director of Children's and Adults' Services (RB)\nTom Sawyer (Minutes)\n",
    );
    expect(people.map((p) => [p.fullName, p.initials, p.role])).toEqual([
      ["Michael O'Connor", 'MOC', 'Independent Chair'],
      ['Tina Hawkins', null, 'Safeguarding Children Board Senior Administrator'],
      ['Romi Bowen', 'RB', "Strategic Director of Children's and Adults' Services"],
      ['Tom Sawyer', null, null],
    ]);
    expect(skipped).toEqual([]);
  });

  it('reads a table copied from Word or Excel, by its header row or by what the cells look like', () => {
    const withHeader = parseRosterPaste('Name\tInitials\tRole\tOrganisation\nGeri Scott\tGS\tStrategic Director\tSouthwark Council\nNeil Hutchinson\t\tBorough Commander\tMet Police');
    expect(withHeader.people.map((p) => [p.fullName, p.initials, p.role, p.organisation])).toEqual([
      ['Geri Scott', 'GS', 'Strategic Director', 'Southwark Council'],
      ['Neil Hutchinson', null, 'Borough Commander', 'Met Police'],
    ]);
    expect(withHeader.skipped).toHaveLength(1);
    const bare = parseRosterPaste("Michael O'Connor (Chair)\tMOC\tIndependent Chair\r\nClaudina Tuitt\tLay Member");
    expect(bare.people.map((p) => [p.fullName, p.initials, p.role])).toEqual([
      ["Michael O'Connor", 'MOC', 'Independent Chair'],
      ['Claudina Tuitt', null, 'Lay Member'],
    ]);
  });

  it('reads at most 300 people from a 500-line paste, and says how many were left', () => {
    const text = Array.from({ length: 500 }, (_, i) => `Person Number${i}, Role ${i}`).join('\n');
    const { people, truncated } = parseRosterPaste(text);
    expect(people).toHaveLength(ROSTER_PASTE_MAX);
    expect(truncated).toBe(500 - ROSTER_PASTE_MAX);
  });
});

async function board() {
  const core = await tempCore();
  const b = ok<BoardSummary>(core, 'createBoard', { name: 'Southwark Safeguarding Children Executive Board' });
  ok(core, 'addRosterMember', { boardId: b.id, fullName: 'Jackie Cook', initials: 'JC' });
  return { core, boardId: b.id };
}

describe('checking and adding a paste', () => {
  it('suggests initials that clash with no one, and flags pasted initials that clash', async () => {
    const { core, boardId } = await board();
    const { people } = parseRosterPaste('Jim Crook\nJane Shuttleworth (JS)\nJay Stickland (JS)\nDeborah Parker (JC)\nJackie Cook, Head of QA');
    const check = ok<RosterPasteCheck>(core, 'checkRosterPaste', { boardId, people });
    const row = (name: string) => check.people.find((p) => p.fullName === name)!;
    // Jackie Cook is JC: Jim Crook gets other initials, suggested.
    expect(row('Jim Crook')).toMatchObject({ suggested: true, problem: null });
    expect(row('Jim Crook').initials.toUpperCase()).not.toBe('JC');
    expect(row('Jane Shuttleworth')).toMatchObject({ initials: 'JS', suggested: false, problem: null });
    // Two people pasted as JS: the second is flagged, with free alternatives.
    expect(row('Jay Stickland').problem).toBe('JS is already Jane Shuttleworth’s, above. Choose other initials.');
    expect(row('Jay Stickland').alternatives.length).toBeGreaterThan(0);
    expect(row('Jay Stickland').alternatives.map((a) => a.toUpperCase())).not.toContain('JS');
    expect(row('Deborah Parker').problem).toBe('JC is already Jackie Cook’s on the roster. Choose other initials.');
    expect(row('Jackie Cook')).toMatchObject({ alreadyOnRoster: true, problem: 'Already on the roster as JC: left out.' });
    expect(check.ready).toBe(2);
  });

  it('adds everyone in one go, or, on a clash, no one, naming the row', async () => {
    const { core, boardId } = await board();
    const before = dump(core);
    const clash = core.call('addRosterMembers', {
      boardId,
      people: [
        { fullName: 'Jim Crook', initials: 'JCK' },
        { fullName: 'Deborah Parker', initials: 'jc' },
      ],
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!clash.ok && clash.error.message).toMatch(/^Deborah Parker \(row 2\): JC is already used by Jackie Cook on this board\..* No one was added\.$/);
    expect(dump(core)).toBe(before);

    const added = ok<RosterMember[]>(core, 'addRosterMembers', {
      boardId,
      people: [
        { fullName: 'Jim Crook', initials: 'JCK', role: 'Head of Service' },
        { fullName: 'Deborah Parker', initials: 'DP', organisation: "Guy's and St Thomas'" },
      ],
    });
    expect(added.map((m) => m.initials)).toEqual(['JCK', 'DP']);
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId })).toHaveLength(3);
  });

  it('refuses more than 300 people with a clear message', async () => {
    const { core, boardId } = await board();
    const people = Array.from({ length: 301 }, (_, i) => ({ fullName: `Person ${i}`, initials: `P${i}` }));
    expect(core.call('addRosterMembers', { boardId, people })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Add at most 300 people at a time. Paste the rest in a second go.' },
    });
  });
});
