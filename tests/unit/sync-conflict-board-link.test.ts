// A shared board shown here under a local form of its name or short code (a board_name_taken sync
// conflict, boardNames.ts) is listed with a way to the board's settings, where its name and short
// code are changed, by the name it has here; no link for an entry naming another board. And the
// settings' address reads back.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, ListedSyncConflict } from '../../shared/contract';
import { hrefFor, parseRoute } from '../../renderer/src/app/router';
import { withChoices } from '../../electron/core/sync/conflictChoices';
import { ok, tempCore } from '../helpers/temp';

const T = '2026-11-26T10:00:00.000Z';

describe('the board_name_taken conflict in the list of things to check', () => {
  it('links to the settings of the board shown under a local form, by the name it has here', async () => {
    const core = await tempCore();
    const holder = ok<BoardSummary>(core, 'createBoard', { name: 'Finance Committee', shortCode: 'FIN' });
    const shared = ok<BoardSummary>(core, 'createBoard', { name: 'Finance Committee (shared)', shortCode: 'FIN2' });
    const detail = { field: 'name', value: 'Finance Committee', shownAs: 'Finance Committee (shared)', takenBy: { boardId: holder.id, name: 'Finance Committee' } };
    // As a projection records it (conflicts.ts recordBoardNamesTaken): the conflict names the shared board.
    core.store!.db
      .prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES ('c1', ?, 'board_name_taken', ?, ?, ?)")
      .run(shared.id, shared.id, JSON.stringify(detail), T);

    const [listed] = ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId: shared.id });
    expect(listed).toMatchObject({ kind: 'board_name_taken', keep: null, link: { kind: 'boardSettings', boardId: shared.id, name: 'Finance Committee (shared)' } });

    // An entry that names another board than the one listed has no link.
    const [other] = withChoices(core.store!, shared.id, [{ id: 'c2', kind: 'board_name_taken', entityId: holder.id, description: '', foundAt: T }]);
    expect(other!.link).toBeNull();
  });

  it('the board settings’ address reads back', () => {
    const route = { name: 'boardSettings', boardId: 'b-1' } as const;
    expect(hrefFor(route)).toBe('#/boards/b-1/settings');
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });
});
