// An attendance row removed on one laptop while two others, apart from it and from each other,
// changed it differently (one recorded the member present, the other sent apologies for them):
// both bring the row back when they hear of the removal, and Yjs keeps one of the two rows whole.
// The other version is not lost silently: the one conflict listed on every laptop says what each
// laptop brought back where it differs from what the attendance shows.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { conflictsOf, expectSame } from '../helpers/syncScripts';
import { differingDocs, docSnapshots } from '../helpers/syncDocState';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';

const statusOf = (core: Core, meetingId: string, memberId: string): string | undefined =>
  core.store!.db.prepare('SELECT status FROM attendance WHERE meeting_id = ? AND member_id = ?').pluck().get(meetingId, memberId) as string | undefined;

const removedEdited = (core: Core, boardId: string) => conflictsOf(core, boardId).filter((c) => c.kind === 'attendance_removed_edited');

describe('an attendance row brought back by two laptops with different changes', () => {
  it('keeps one version and lists the other’s values, the same on every laptop', async () => {
    const s = await threeLaptops();
    const [a, b, c] = s.laptops;
    const memberId = a.store!.db
      .prepare('SELECT id FROM board_members WHERE board_id = ? AND left_on IS NULL AND id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL) ORDER BY id')
      .pluck()
      .get(s.boardId, s.draftId) as string;
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'absent' }] });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && s.laptops.every((l) => statusOf(l, s.draftId, memberId) === 'absent'), 'the row everywhere');
    for (const n of s.networks) n.cut();
    await until(s.laptops, () => s.laptops.every((l) => !connected(l, s.boardId)), 'all offline');
    // Apart: Ann takes the member off the attendance; Brian records them present, Chloe sends their apologies.
    ok(a, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: null }] });
    ok(b, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'present' }] });
    ok(c, 'recordAttendance', { meetingId: s.draftId, changes: [{ kind: 'member', memberId, status: 'apologies' }] });

    const bothNamed = (l: Core) => removedEdited(l, s.boardId).some((x) => x.description.includes(`while ${b.store!.actor} and ${c.store!.actor} changed it`));
    // The removal reaches the server first; then Brian and Chloe each hear of it before either hears the other's change.
    s.networks[0].restore();
    await until([a], () => inStep([a], s.boardId), 'the removal at the server');
    s.networks[1].restore();
    s.networks[2].restore();
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && s.laptops.every((l) => statusOf(l, s.draftId, memberId) !== undefined && bothNamed(l)), 'the row back and listed everywhere');
    for (const l of s.laptops) expect(engineOf(l).boards.get(s.boardId)?.lastError ?? null).toBeNull();
    const shown = statusOf(a, s.draftId, memberId);
    expect(['present', 'apologies']).toContain(shown);
    const [other, otherBy, shownWord] = shown === 'present' ? ['apologies sent', c.store!.actor, 'present'] : ['present', b.store!.actor, 'apologies sent'];
    for (const l of s.laptops) {
      expect(statusOf(l, s.draftId, memberId)).toBe(shown);
      const listed = removedEdited(l, s.boardId);
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toContain(`${otherBy}’s version had ${other} (the attendance shows ${shownWord})`);
    }
    expectSame(s.laptops, s.boardId);
    for (const l of [b, c]) expect(differingDocs(docSnapshots(a, s.boardId), docSnapshots(l, s.boardId))).toEqual([]);
  }, 180_000);
});
