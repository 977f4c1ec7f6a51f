// Listing a board's sync conflicts reads what each can do without starting sync: "Keep … instead"
// of two statuses recorded apart is read from the board's status log only when the file already
// has a sync engine (a shared board open), else from the action's last update; listing never
// makes the engine, which would watch every write of a file that shares no board.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ListedSyncConflict } from '../../shared/contract';
import { madeSyncEngine } from '../../electron/core/sync/engine';
import { ok, tempCore } from '../helpers/temp';

describe('listing an action_status conflict on a file that shares no board', () => {
  it('offers the other status at the meeting of the action’s last update, and starts no sync', async () => {
    const core = await tempCore();
    const { board } = ok<{ board: { id: string } }>(core, 'loadSampleBoard', {});
    const db = core.store!.db;
    // An action listed at the draft minutes whose last update was recorded there.
    const action = db
      .prepare(
        `SELECT a.id, a.reference, a.status, a.last_update_meeting_id AS meetingId FROM actions a
         JOIN meetings m ON m.id = a.last_update_meeting_id AND m.status = 'draft'
         JOIN carried_actions c ON c.meeting_id = m.id AND c.action_id = a.id
         WHERE a.board_id = ? AND a.status <> 'done' ORDER BY a.id`,
      )
      .get(board.id) as { id: string; reference: string; status: string; meetingId: string } | undefined;
    expect(action, 'the sample board has an action updated at its draft minutes').toBeDefined();
    // TEST SETUP ONLY: a conflict as core records it after a merge (the merge itself is tested in sync-laptops).
    const side = (status: string, at: string) => ({ status, by: 'Tina Hawkins', at, event: `${at}|1` });
    const detail = { reference: action!.reference, shown: side(action!.status, '2026-11-20T10:00:00.000Z'), other: side('done', '2026-11-20T09:00:00.000Z') };
    db.prepare("INSERT INTO sync_conflicts (id, board_id, kind, entity_id, detail, found_at) VALUES (?, ?, 'action_status', ?, ?, '2026-11-20T10:00:00.000Z')").run(
      randomUUID(),
      board.id,
      action!.id,
      JSON.stringify(detail),
    );

    const [listed] = ok<ListedSyncConflict[]>(core, 'syncConflicts', { boardId: board.id });
    expect(listed).toMatchObject({ kind: 'action_status', link: { kind: 'action', actionId: action!.id }, keep: { status: 'done', meetingId: action!.meetingId, supersededBy: null } });
    expect(madeSyncEngine(core.store!)).toBeUndefined();
  });
});
