// Two people given the same initials on two laptops apart (an initials_twice sync conflict) is
// listed with a way to the board's roster at the member shown under other initials, where their
// initials are changed; no link once that member is no longer on the roster. And the roster's
// address names the member it opens at.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, ListedSyncConflict, RosterMember } from '../../shared/contract';
import { hrefFor, parseRoute } from '../../renderer/src/app/router';
import { ok, tempCore } from '../helpers/temp';

const T = '2026-11-26T10:00:00.000Z';

describe('the initials_twice conflict in the list of things to check', () => {
  it('links to the roster at the member shown under other initials, by their name, and not once they are gone', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const kept = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Harriet Quill', initials: 'HQ' });
    const moved = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Hugo Quarry', initials: 'HQ2' });
    const detail = { memberId: moved.id, name: 'Hugo Quarry', initials: 'HQ', shownAs: 'HQ2', keptBy: { memberId: kept.id, name: 'Harriet Quill' } };
    // As a projection records it (rosterKeys.ts): the conflict names the member given other initials.
    core.store!.db
      .prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES ('c1', ?, 'initials_twice', ?, ?, ?)")
      .run(board.id, moved.id, JSON.stringify(detail), T);

    const [listed] = ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId: board.id });
    expect(listed).toMatchObject({ kind: 'initials_twice', keep: null, link: { kind: 'member', boardId: board.id, memberId: moved.id, name: 'Hugo Quarry' } });
    expect(listed!.description).toContain('Hugo Quarry is shown as HQ2');

    // Renamed since: the link says the name the roster shows now.
    ok(core, 'updateRosterMember', { memberId: moved.id, fullName: 'Hugo Quarry-Smith', initials: 'HQ2' });
    expect(ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId: board.id })[0]!.link).toMatchObject({ kind: 'member', name: 'Hugo Quarry-Smith' });

    ok(core, 'deleteRosterMember', { memberId: moved.id });
    expect(ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId: board.id })[0]!.link).toBeNull();
  });

  it('the roster’s address names the member it opens at, and reads back', () => {
    const route = { name: 'roster', boardId: 'b-1', memberId: 'm-2' } as const;
    expect(hrefFor(route)).toBe('#/boards/b-1/roster/m-2');
    expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute('#/boards/b-1/roster')).toEqual({ name: 'roster', boardId: 'b-1' });
  });
});
