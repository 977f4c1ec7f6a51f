// One field people type into the board's own document (a roster member's role, a group's name, a
// board setting) set to different values on two laptops while apart: Yjs keeps one value (the
// higher client id's) and nothing said so. Now both laptops list it once, naming the record, both
// values and who set each, with the other value offered through the field's own edit; a change
// made having seen the other, and changes of different fields, list nothing (boardFields.ts).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import type { ListedSyncConflict } from '../../shared/contract';
import { boardValueWords } from '../../electron/core/sync/boardFields';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

const fieldConflicts = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'field_twice') as ListedSyncConflict[];

const memberOf = (core: Core, memberId: string) =>
  core.store!.db
    .prepare('SELECT p.full_name, m.initials, m.role, p.organisation FROM board_members m JOIN people p ON p.id = m.person_id WHERE m.id = ?')
    .get(memberId) as { full_name: string; initials: string; role: string | null; organisation: string | null };

const errors = (s: SharedSample): string[] => s.laptops.flatMap((l) => engineOf(l).boards.get(s.boardId)?.lastError ?? []);

/** Two laptops sharing the sample board, with a member of its roster, then apart. */
async function apart(): Promise<{ s: SharedSample; memberId: string }> {
  const s = await sharedSample();
  const memberId = s.laptops[0]!.store!.db.prepare('SELECT id FROM board_members WHERE board_id = ? ORDER BY id').pluck().get(s.boardId) as string;
  await allOffline(s);
  return { s, memberId };
}

describe('one field of the board’s roster, groups or settings set to two values on two laptops apart', () => {
  it('lists a member’s role set two ways once on both laptops, naming both roles and who set each, and the other can be used instead', async () => {
    const { s, memberId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    const { full_name: name, initials } = memberOf(a, memberId);
    ok(a, 'updateRosterMember', { memberId, fullName: name, initials, role: 'Treasurer' });
    ok(b, 'updateRosterMember', { memberId, fullName: name, initials, role: 'Secretary' });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length > 0));
    expect(errors(s)).toEqual([]);
    const kept = memberOf(a, memberId).role!;
    expect(['Treasurer', 'Secretary']).toContain(kept);
    const other = kept === 'Treasurer' ? 'Secretary' : 'Treasurer';
    for (const l of s.laptops) {
      expect(memberOf(l, memberId).role).toBe(kept);
      const listed = fieldConflicts(l, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.entityId).toBe(memberId);
      expect(listed[0]!.description).toContain(`${name}’s role on the roster was set on two laptops while they were apart`);
      expect(listed[0]!.description).toContain(`“Treasurer” by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`“Secretary” by ${b.store!.actor}`);
      expect(listed[0]!.description).toContain(`“${kept}” is kept; change it to “${other}” if that is right.`);
      expect(listed[0]!.link).toEqual({ kind: 'member', boardId: s.boardId, memberId, name });
      expect(listed[0]!.useField).toEqual({ words: `“${other}”`, method: 'updateRosterMember', input: { memberId, fullName: name, initials, role: other } });
    }
    expectSame(s.laptops, s.boardId);

    // Brian uses the other role from the list (the dialog's edit, then Dismiss): it syncs, and is no new conflict.
    const [entry] = fieldConflicts(b, s.boardId);
    ok(b, entry!.useField!.method, entry!.useField!.input);
    ok(b, 'dismissSyncConflict', { boardId: s.boardId, id: entry!.id });
    await together(s, () => s.laptops.every((l) => memberOf(l, memberId).role === other));
    expect(fieldConflicts(b, s.boardId)).toEqual([]);
    const left = fieldConflicts(a, s.boardId);
    expect(left).toHaveLength(1);
    // Already so: nothing left to use there (Dismiss remains).
    expect(left[0]!.useField).toBeUndefined();
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists a group’s name and the board’s reference format set two ways', async () => {
    const { s } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    const group = a.store!.db.prepare('SELECT id, kind FROM board_groups WHERE board_id = ? ORDER BY position').get(s.boardId) as { id: string; kind: string };
    const save = (l: Core, name: string) => ok(l, 'saveGroup', { boardId: s.boardId, groupId: group.id, name, kind: group.kind, memberIds: [] });
    save(a, 'Finance sub-group');
    save(b, 'Audit sub-group');
    ok(a, 'setMinutesStyle', { boardId: s.boardId, referenceFormat: "'FIN'/yyyyMMdd/{n}" });
    ok(b, 'setMinutesStyle', { boardId: s.boardId, referenceFormat: 'dd.MM.yyyy/{n}' });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length === 2));
    expect(errors(s)).toEqual([]);
    const keptName = a.store!.db.prepare('SELECT name FROM board_groups WHERE id = ?').pluck().get(group.id) as string;
    const keptFormat = a.store!.db.prepare('SELECT reference_format FROM boards WHERE id = ?').pluck().get(s.boardId) as string;
    const otherName = keptName === 'Finance sub-group' ? 'Audit sub-group' : 'Finance sub-group';
    for (const l of s.laptops) {
      const listed = fieldConflicts(l, s.boardId);
      const name = listed.find((c) => c.entityId === group.id)!;
      expect(name.description).toContain(`The group “${keptName}”’s name was set on two laptops while they were apart`);
      expect(name.description).toContain(`“Finance sub-group” by ${a.store!.actor}`);
      expect(name.description).toContain(`“Audit sub-group” by ${b.store!.actor}`);
      expect(name.link).toMatchObject({ kind: 'boardSettings', boardId: s.boardId });
      expect(name.useField).toEqual({ words: `“${otherName}”`, method: 'saveGroup', input: { boardId: s.boardId, groupId: group.id, name: otherName, kind: group.kind, memberIds: [] } });
      const format = listed.find((c) => c.entityId === s.boardId)!;
      expect(format.description).toMatch(/^The board’s reference format was set on two laptops while they were apart/);
      expect(format.description).toContain(`“'FIN'/yyyyMMdd/{n}” by ${a.store!.actor}`);
      expect(format.description).toContain(`“dd.MM.yyyy/{n}” by ${b.store!.actor}`);
      expect(format.description).toContain(`“${keptFormat}” is kept`);
      expect(format.useField?.method).toBe('setMinutesStyle');
    }
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists the board’s reminder days set two ways', async () => {
    const { s } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    // The setting is a row of its own: set first while together (a row each laptop adds apart is another matter).
    await together(s);
    ok(a, 'setReminderSetting', { boardId: s.boardId, days: 7 });
    await together(s, () => b.store!.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(`remind_days_before:${s.boardId}`) === '7');
    await allOffline(s);
    ok(a, 'setReminderSetting', { boardId: s.boardId, days: 3 });
    ok(b, 'setReminderSetting', { boardId: s.boardId, days: 10 });
    await together(s, () => s.laptops.every((l) => fieldConflicts(l, s.boardId).length > 0));
    expect(errors(s)).toEqual([]);
    for (const l of s.laptops) {
      const listed = fieldConflicts(l, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toMatch(/^The board’s reminder to owners was set on two laptops/);
      expect(listed[0]!.description).toContain(`3 days before due by ${a.store!.actor}`);
      expect(listed[0]!.description).toContain(`10 days before due by ${b.store!.actor}`);
      expect(listed[0]!.useField?.method).toBe('setReminderSetting');
    }
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('lists nothing for a role changed having seen the other laptop’s', async () => {
    const { s, memberId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    const { full_name: name, initials } = memberOf(a, memberId);
    ok(a, 'updateRosterMember', { memberId, fullName: name, initials, role: 'Treasurer' });
    await together(s, () => memberOf(b, memberId).role === 'Treasurer');
    ok(b, 'updateRosterMember', { memberId, fullName: name, initials, role: 'Secretary' });
    await together(s, () => memberOf(a, memberId).role === 'Secretary');
    for (const l of s.laptops) expect(fieldConflicts(l, s.boardId)).toEqual([]);
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);

  it('keeps two different fields of one member changed apart, both, with nothing listed', async () => {
    const { s, memberId } = await apart();
    const [a, b] = s.laptops as [Core, Core];
    const { full_name: name, initials } = memberOf(a, memberId);
    ok(a, 'updateRosterMember', { memberId, fullName: name, initials, role: 'Treasurer' });
    ok(b, 'updateRosterMember', { memberId, fullName: name, initials, organisation: 'Harbour Trust' });
    await together(s, () => s.laptops.every((l) => memberOf(l, memberId).role === 'Treasurer' && memberOf(l, memberId).organisation === 'Harbour Trust'));
    for (const l of s.laptops) expect(fieldConflicts(l, s.boardId)).toEqual([]);
    expect(errors(s)).toEqual([]);
    expectSame(s.laptops, s.boardId);
  }, 240_000);
});

describe('a board field’s value in words', () => {
  it('says each kind of value as the settings and roster pages put it', () => {
    expect(boardValueWords('board_members', 'role', { role: 'Treasurer' })).toBe('“Treasurer”');
    expect(boardValueWords('board_members', 'role', { role: null })).toBe('no role');
    expect(boardValueWords('board_members', 'is_member', { is_member: 0 })).toBe('not a voting member');
    expect(boardValueWords('board_members', 'joined_on', { joined_on: '2026-03-31' })).toBe('31 March 2026');
    expect(boardValueWords('boards', 'quorum', { quorum_kind: 'fraction', quorum_value: 1 / 3 })).toBe('1/3 of the members');
    expect(boardValueWords('boards', 'quorum', { quorum_kind: 'count', quorum_value: 4 })).toBe('4 members');
    expect(boardValueWords('boards', 'quorum', { quorum_kind: 'none', quorum_value: null })).toBe('no quorum');
    expect(boardValueWords('boards', 'item_numbering', { item_numbering: 'decimal' })).toBe('1, 1.1, 1.2');
    expect(boardValueWords('boards', 'agenda_template', { agenda_template: '["Apologies","Minutes"]' })).toBe('“Apologies”, “Minutes”');
    expect(boardValueWords('settings', 'remind_days_before', { value: '1' })).toBe('1 day before due');
    expect(boardValueWords('boards', 'archived_at', { archived_at: '2026-01-01' })).toBeNull();
  });
});
