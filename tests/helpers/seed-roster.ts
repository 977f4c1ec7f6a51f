// TEST SETUP ONLY: puts people on a board's roster by inserting rows that follow the schema.
// The roster screens are another feature; the minutes tests only need people to exist.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../electron/core/db/driver';

export interface SeedPerson {
  initials: string;
  name: string;
  role?: string;
  leftOn?: string;
}

export function seedRoster(db: Database, boardId: string, people: readonly SeedPerson[], groups: readonly string[] = []): Record<string, string> {
  const at = new Date().toISOString();
  const ids: Record<string, string> = {};
  db.transaction(() => {
    for (const p of people) {
      const personId = randomUUID();
      const memberId = randomUUID();
      db.prepare('INSERT INTO people (id, full_name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(personId, p.name, at, at);
      db.prepare(
        'INSERT INTO board_members (id, board_id, person_id, initials, role, left_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(memberId, boardId, personId, p.initials, p.role ?? null, p.leftOn ?? null, at, at);
      ids[p.initials] = memberId;
    }
    groups.forEach((name, i) => {
      const groupId = randomUUID();
      db.prepare('INSERT INTO board_groups (id, board_id, name, kind, position, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        groupId,
        boardId,
        name,
        name === 'All' ? 'all' : 'subgroup',
        i,
        at,
      );
      ids[name] = groupId;
    });
  })();
  return ids;
}

/** The people present at the Executive Board on 19 February 2014 (tests/fixtures/2014-02-19.json). */
export const FIXTURE_ROSTER: SeedPerson[] = [
  { initials: 'MOC', name: "Michael O'Connor", role: 'Independent Chair' },
  { initials: 'RB', name: 'Romi Bowen', role: "Strategic Director of Children's and Adults' Services" },
  { initials: 'GS', name: 'Geri Scott', role: 'Strategic Director of Housing & Community Services' },
  { initials: 'NH', name: 'Neil Hutchinson', role: 'Temporary Borough Commander' },
  { initials: 'CT', name: 'Claudina Tuitt', role: 'Lay Member' },
  { initials: 'MM', name: 'Mary Mason', role: 'Designated Nurse, NHS Southwark Health' },
  { initials: 'RH', name: 'Ros Healy', role: "Guy's and St Thomas' NHS Foundation Trust" },
  { initials: 'DP', name: 'Deborah Parker', role: "Guys and St Thomas' NHS Foundation Trust" },
  { initials: 'JA', name: 'Justin Armstrong', role: 'DCI, Metropolitan Police CAIT' },
  { initials: 'RP', name: 'Rory Patterson', role: "Director of Children's Social Care" },
  { initials: 'GM', name: 'Gordon McCulloch', role: 'Chief Executive, Community Action Southwark' },
  { initials: 'BC', name: 'Becky Canning', role: 'Assistant Chief Officer, London Probation Trust' },
  { initials: 'JT', name: 'Jonathon Toy', role: 'Head of Community Safety' },
  { initials: 'EA', name: 'Elaine Allegretti', role: "Head of Strategy, Planning and Performance, Children's and Adults' Services" },
  { initials: 'AF', name: 'Ann Flynn', role: 'Safeguarding Children Board Development Manager' },
  { initials: 'TH', name: 'Tina Hawkins', role: 'Safeguarding Children Board Senior Administrator' },
  { initials: 'TS', name: 'Tom Sawyer', role: "Senior Strategy Officer, Children's and Adults' Services" },
  { initials: 'RM', name: 'Roisin Madden', role: 'Interim Service Manager, Safeguarding Service' },
  { initials: 'JC', name: 'Jackie Cook', role: 'Head Of Social Work Improvement And Quality Assurance' },
];
