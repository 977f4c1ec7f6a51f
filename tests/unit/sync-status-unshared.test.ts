// The sync status of a board kept on this laptop only (asked for every board the window shows):
// answered from the file, without making the file's sync engine (its documents, its timers and a
// hook on every write), and the same answer as with an engine made.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, SyncStatus } from '../../shared/contract';
import { madeSyncEngine, syncEngine } from '../../electron/core/sync/engine';
import { ok, tempCore } from '../helpers/temp';

describe('the sync status of a board that is not shared', () => {
  it('says not shared, and makes no sync engine', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const status = ok<SyncStatus>(core, 'syncStatus', { boardId: board.id });
    expect(status).toEqual({
      boardId: board.id,
      shared: false,
      serverUrl: null,
      connected: false,
      offlineSince: null,
      lastSyncedAt: null,
      pending: 0,
      lastError: null,
      preparing: null,
    });
    expect(madeSyncEngine(core.store!)).toBeUndefined();
    // Writes afterwards are not watched for sync either.
    ok(core, 'renameBoard', { boardId: board.id, name: 'Finance Committee' });
    expect(madeSyncEngine(core.store!)).toBeUndefined();
    // With an engine made (another board shared, say) the answer is the same.
    syncEngine(core.store!);
    expect(ok<SyncStatus>(core, 'syncStatus', { boardId: board.id })).toEqual(status);
  });

  it('reports a board whose sharing was stopped from what the file keeps, making no engine', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    core.store!.db
      .prepare(
        "INSERT INTO sync_boards (board_id, server_url, token, state, last_synced_at, offline_since, last_error, created_at, updated_at) VALUES (?, 'wss://sync.example.org', ?, 'stopped', '2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', 'The sync server refused this board: revoked', 't', 't')",
      )
      .run(board.id, 'x'.repeat(32));
    const status = ok<SyncStatus>(core, 'syncStatus', { boardId: board.id });
    expect(status).toEqual({
      boardId: board.id,
      shared: false,
      serverUrl: 'wss://sync.example.org',
      connected: false,
      offlineSince: null,
      lastSyncedAt: '2026-11-20T10:00:00Z',
      pending: 0,
      lastError: 'The sync server refused this board: revoked',
      preparing: null,
    });
    expect(madeSyncEngine(core.store!)).toBeUndefined();
    syncEngine(core.store!);
    expect(ok<SyncStatus>(core, 'syncStatus', { boardId: board.id })).toEqual(status);
  });

  it('still refuses a board not in the file', async () => {
    const core = await tempCore();
    const response = core.call('syncStatus', { boardId: '00000000-0000-4000-8000-000000000000' });
    expect(response).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(madeSyncEngine(core.store!)).toBeUndefined();
  });
});
