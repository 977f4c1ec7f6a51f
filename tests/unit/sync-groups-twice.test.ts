// A group made under the same name on two laptops apart: each laptop made its own row, and the
// board's one-group-per-name rule refused the second ("UNIQUE constraint failed: board_groups.
// board_id, board_groups.name"). Every laptop ends with one group, the lower id, holding the
// members both laptops put in it (rosterKeys.ts).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, together, type SharedSample } from '../helpers/syncScripts';

const groupsNamed = (core: Core, s: SharedSample, name: string) =>
  (core.store!.db.prepare('SELECT id FROM board_groups WHERE board_id = ? AND name = ? ORDER BY id').pluck().all(s.boardId, name) as string[]).map((id) => ({
    id,
    members: core.store!.db.prepare('SELECT member_id FROM group_members WHERE group_id = ? ORDER BY member_id').pluck().all(id) as string[],
  }));

describe('a group made under one name on two laptops apart', () => {
  it('is one group on every laptop, the lower id, with the members both laptops put in it', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const [m1, m2, m3] = a.store!.db.prepare('SELECT id FROM board_members WHERE board_id = ? ORDER BY id LIMIT 3').pluck().all(s.boardId) as string[];
    await allOffline(s);
    const onA = ok<{ id: string }>(a, 'saveGroup', { boardId: s.boardId, name: 'Audit panel', kind: 'subgroup', memberIds: [m1!, m2!] });
    const onB = ok<{ id: string }>(b, 'saveGroup', { boardId: s.boardId, name: 'audit panel', kind: 'subgroup', memberIds: [m2!, m3!] });
    expect(onA.id).not.toBe(onB.id);
    const kept = [onA.id, onB.id].sort()[0]!;
    const keptName = kept === onA.id ? 'Audit panel' : 'audit panel';
    const refusals: string[] = [];
    await together(s, () => {
      for (const core of [a, b]) {
        const error = engineOf(core).boards.get(s.boardId)?.lastError;
        if (error && !refusals.includes(error)) refusals.push(error);
      }
      return [a, b].every((core) => groupsNamed(core, s, keptName).length === 1 && groupsNamed(core, s, keptName)[0]!.members.length === 3);
    });
    expect(refusals).toEqual([]);
    for (const core of [a, b]) {
      expect(core.store!.db.prepare("SELECT count(*) FROM board_groups WHERE board_id = ? AND name = 'Audit panel' COLLATE NOCASE").pluck().get(s.boardId)).toBe(1);
      expect(groupsNamed(core, s, keptName)).toEqual([{ id: kept, members: [m1!, m2!, m3!].sort() }]);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
