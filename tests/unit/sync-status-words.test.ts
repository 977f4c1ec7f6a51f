// The words of a shared board's sync status beyond the line itself: changes on their way while
// connected, what to do when it is not syncing, and what a merge left to check
// (renderer/src/features/sync/syncStatusText.ts, conflictText.ts).
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract';
import { WRONG_TOKEN } from '../../shared/domain/syncFormat';
import { conflictCountText, foundText, keepAttendanceFieldLabel, keepChairLabel, keepLabel, otherValueLabel } from '../../renderer/src/features/sync/conflictText';
import { syncErrorAdvice, syncStatusLine } from '../../renderer/src/features/sync/syncStatusText';

const now = new Date(2026, 10, 26, 15, 0);
const at = (h: number, m: number, day = 26): string => new Date(2026, 10, day, h, m).toISOString();
const base: SyncStatus = { boardId: 'b', shared: true, serverUrl: 'ws://127.0.0.1:1', connected: true, offlineSince: null, lastSyncedAt: at(14, 2), pending: 0, lastError: null };

describe('sync status words', () => {
  it('says changes are being sent, not synced, while the server has not taken them yet', () => {
    expect(syncStatusLine({ ...base, pending: 2 }, now)).toEqual({ text: 'Connected · sending 2 changes · last synced 14:02', tone: 'ok' });
    expect(syncStatusLine({ ...base, pending: 1, lastSyncedAt: null }, now)?.text).toBe('Connected · sending 1 change');
    expect(syncStatusLine(base, now)?.text).toBe('Synced · last synced 14:02');
  });

  it('says what to do when the board is not syncing, where there is something to do', () => {
    expect(syncErrorAdvice(null)).toBeNull();
    expect(syncErrorAdvice(`The sync server refused this board: ${WRONG_TOKEN}.`)).toEqual({ text: expect.stringContaining('Use a new invitation…') as unknown, joinAgain: true });
    expect(syncErrorAdvice('Changes from another laptop could not be applied here: disk I/O error')).toMatchObject({ text: expect.stringMatching(/^Nothing is lost/) as unknown, joinAgain: false });
    expect(syncErrorAdvice('The sync server refused this board: the sync server is stopping; try again in a moment.')).toMatchObject({ joinAgain: false });
    // A reason that says itself what to update: the advice says that nothing waits in vain.
    for (const reason of ['this server speaks sync format ma1, and this laptop speaks ma2; update the sync server', 'this server speaks sync format ma2, and this laptop speaks ma1; update Matters Arising on this laptop']) {
      expect(syncErrorAdvice(`The sync server refused this board: ${reason}.`)).toEqual({
        text: 'Nothing is lost: carry on working here. What you change is kept on this laptop, and sent once it and the sync server are of the same version.',
        joinAgain: false,
      });
    }
  });

  it('counts what is left to check, says when each was found, and names the status to keep in the descriptions’ words', () => {
    expect(conflictCountText(1)).toBe('1 thing to check after syncing');
    expect(conflictCountText(2)).toBe('2 things to check after syncing');
    expect(foundText(at(14, 2), now)).toBe('Found today at 14:02');
    expect(foundText(at(9, 5, 24), now)).toBe('Found 24 Nov at 09:05');
    expect(foundText(new Date(2025, 0, 3, 9, 5).toISOString(), now)).toBe('Found 3 Jan 2025 at 09:05');
    expect(keepLabel('deferred')).toBe('Keep ‘deferred’ instead');
    expect(keepLabel('in_progress')).toBe('Keep ‘in progress’ instead');
    expect(keepChairLabel('Dr Ann Lee', 'chair')).toBe('Make Dr Ann Lee the chair instead');
    expect(keepChairLabel('Brian Lee', 'vice_chair')).toBe('Make Brian Lee the vice-chair instead');
    expect(keepChairLabel('Tom Sawyer', 'minute_taker')).toBe('Make Tom Sawyer the minute-taker instead');
    const m = { meetingId: 'm', name: 'Jane Smith' };
    expect(keepAttendanceFieldLabel({ ...m, field: 'status', value: 'apologies' })).toBe('Record Jane Smith as apologies instead');
    expect(keepAttendanceFieldLabel({ ...m, field: 'status', value: 'in_attendance' })).toBe('Record Jane Smith as in attendance instead');
    expect(keepAttendanceFieldLabel({ ...m, field: 'minute_taker', value: true })).toBe('Record Jane Smith as the minute-taker instead');
    expect(keepAttendanceFieldLabel({ ...m, field: 'vice_chair', value: false })).toBe('Record Jane Smith as not the vice-chair instead');
    expect(otherValueLabel({ words: '“Accounts”' })).toBe('Use “Accounts” instead');
    expect(otherValueLabel({ words: '‘not confidential’' })).toBe('Use ‘not confidential’ instead');
    expect(otherValueLabel({ words: '‘not a voting member’' })).toBe('Use ‘not a voting member’ instead');
  });
});
