// The words of a shared board's status line (renderer/src/features/sync/syncStatusText.ts).
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract';
import { syncStatusLine, syncTime } from '../../renderer/src/features/sync/syncStatusText';

const now = new Date(2026, 10, 26, 15, 0);
const at = (h: number, m: number, day = 26): string => new Date(2026, 10, day, h, m).toISOString();
const base: SyncStatus = { boardId: 'b', shared: true, serverUrl: 'ws://127.0.0.1:1', connected: true, offlineSince: null, lastSyncedAt: at(14, 2), pending: 0, lastError: null };

describe('sync status line', () => {
  it('says nothing for a board kept on this laptop only', () => {
    expect(syncStatusLine({ ...base, shared: false }, now)).toBeNull();
  });

  it('says when a connected board last synced', () => {
    expect(syncStatusLine(base, now)).toEqual({ text: 'Synced · last synced 14:02', tone: 'ok' });
    expect(syncStatusLine({ ...base, lastSyncedAt: null }, now)?.text).toBe('Connected · syncing');
  });

  it('says since when a board is offline and how many changes wait', () => {
    expect(syncStatusLine({ ...base, connected: false, offlineSince: at(13, 40), pending: 3 }, now)).toEqual({ text: 'Offline since 13:40 · 3 changes waiting', tone: 'offline' });
    expect(syncStatusLine({ ...base, connected: false, offlineSince: at(13, 40), pending: 1 }, now)?.text).toBe('Offline since 13:40 · 1 change waiting');
    expect(syncStatusLine({ ...base, connected: false, offlineSince: null, pending: 0 }, now)?.text).toBe('Offline');
  });

  it('puts the reason first when the board is not syncing', () => {
    const line = syncStatusLine({ ...base, connected: false, lastError: 'The sync server refused this board: wrong or revoked token for this board.' }, now);
    expect(line).toEqual({ text: 'Not syncing: The sync server refused this board: wrong or revoked token for this board.', tone: 'error' });
  });

  it('gives the day as well for a time that is not today', () => {
    expect(syncTime(at(9, 5, 24), now)).toBe('24 Nov 09:05');
    expect(syncTime(new Date(2025, 0, 3, 9, 5).toISOString(), now)).toBe('3 Jan 2025 09:05');
    expect(syncTime('not a time', now)).toBe('not a time');
  });
});
