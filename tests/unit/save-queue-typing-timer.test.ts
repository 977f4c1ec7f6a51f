// Typing into a field reschedules its save at every key; the queue keeps one timer for that
// rather than clearing and setting one per keystroke (work on the key's path), and the save
// still goes once typing has paused for the full delay after the last key, with the last text.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS, SaveQueue } from '../../renderer/src/features/minutes/saveQueue';

describe('save queue: a field typed into', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets one timer for a run of keystrokes and saves the last text a full pause after the last key', async () => {
    const queue = new SaveQueue();
    const sent: string[] = [];
    const setSpy = vi.spyOn(globalThis, 'setTimeout');
    const clearSpy = vi.spyOn(globalThis, 'clearTimeout');
    const keys = 'The board agreed';
    for (let i = 0; i < keys.length; i++) {
      const text = keys.slice(0, i + 1);
      queue.schedule('discussion:1', () => {
        sent.push(text);
        return Promise.resolve();
      });
      await vi.advanceTimersByTimeAsync(50);
    }
    // 16 keys over 800 ms: the one timer wakes at 400 and 800 ms and waits on for the rest.
    expect(setSpy.mock.calls.length).toBeLessThanOrEqual(Math.ceil((keys.length * 50) / SAVE_DELAY_MS) + 1);
    expect(setSpy.mock.calls.length).toBeLessThan(keys.length / 4);
    expect(clearSpy).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    expect(queue.getStatus().state).toBe('saving');
    // The last key came 50 ms ago: nothing is sent until the pause after it is complete.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 60);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(sent).toEqual([keys]);
    expect(queue.getStatus().state).toBe('saved');
    expect(vi.getTimerCount()).toBe(0);
    setSpy.mockRestore();
    clearSpy.mockRestore();
  });

  it('a change due sooner than the waiting timer still goes at its own time', async () => {
    const queue = new SaveQueue();
    const sent: string[] = [];
    queue.schedule('discussion:1', () => (sent.push('discussion'), Promise.resolve()));
    await vi.advanceTimersByTimeAsync(100);
    // A checkbox saves at once (delay 0), ahead of the discussion still being paused over.
    queue.schedule('item:1:flags', () => (sent.push('flags'), Promise.resolve()), 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['flags']);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    expect(sent).toEqual(['flags', 'discussion']);
  });
});
