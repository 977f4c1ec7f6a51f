// The minutes editor's save queue: one call in flight at a time, in the order changes were
// made, the latest text of a field winning, refusals kept aside with their message and
// failures to reach the app retried in order. Runs in Node with fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS, SaveQueue } from '../../renderer/src/features/minutes/saveQueue';

/** A fake API: records calls, answers each when told, and counts how many are in flight. */
function fakeApi() {
  const calls: string[] = [];
  const waiting: Array<{ name: string; resolve: () => void; reject: (e: unknown) => void }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const call = (name: string) => () =>
    new Promise<void>((resolve, reject) => {
      calls.push(name);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      waiting.push({
        name,
        resolve: () => {
          inFlight -= 1;
          resolve();
        },
        reject: (e) => {
          inFlight -= 1;
          reject(e);
        },
      });
    });
  const answer = async (outcome: 'ok' | { code: string; message: string; field?: string } = 'ok') => {
    const next = waiting.shift();
    if (!next) throw new Error('nothing in flight');
    if (outcome === 'ok') next.resolve();
    else next.reject(Object.assign(new Error(outcome.message), outcome));
    await vi.advanceTimersByTimeAsync(0);
    return next.name;
  };
  return { calls, call, answer, waiting, maxInFlight: () => maxInFlight };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the save queue', () => {
  it('waits for typing to pause, then sends only the latest text of a field', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('title', api.call('title: M'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    q.schedule('title', api.call('title: Minutes'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 100);
    expect(api.calls).toEqual([]);
    expect(q.getStatus().state).toBe('saving');
    await vi.advanceTimersByTimeAsync(100);
    expect(api.calls).toEqual(['title: Minutes']);
    await api.answer();
    expect(q.getStatus()).toEqual({ state: 'saved', message: null, retrying: false });
  });

  it('keeps one call in flight, in the order the changes were made, with structural changes after what came before', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('a', api.call('a1'));
    q.schedule('b', api.call('b1'));
    const added = q.run(api.call('addItem'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['a1']);
    q.schedule('a', api.call('a2'));
    await api.answer();
    expect(api.calls).toEqual(['a1', 'b1']);
    await api.answer();
    await api.answer();
    await expect(added).resolves.toBeUndefined();
    // a2 was typed while a1 was in flight: it waits for its pause, then goes too.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(api.calls).toEqual(['a1', 'b1', 'addItem', 'a2']);
    await api.answer();
    expect(api.maxInFlight()).toBe(1);
    expect(q.isIdle()).toBe(true);
  });

  it('flushes at once when the field or the window is left', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('discussion', api.call('discussion'));
    const flushed = q.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['discussion']);
    await api.answer();
    await expect(flushed).resolves.toBeUndefined();
  });

  it('keeps a refused change aside with its message, and lets the rest through', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('due', api.call('due 31/02'), 0);
    q.schedule('details', api.call('details'), 0);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer({ code: 'invalid_input', message: '31 February does not exist.', field: 'due' });
    expect(q.failureFor('due')).toEqual({ message: '31 February does not exist.', field: 'due' });
    expect(q.getStatus()).toEqual({ state: 'error', message: '31 February does not exist.', retrying: false });
    expect(api.calls).toEqual(['due 31/02', 'details']);
    await api.answer();
    expect(q.hasUnsaved()).toBe(true);
    // Correcting the field clears the failure once the correction is saved.
    q.schedule('due', api.call('due 28/02'), 0);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer();
    expect(q.failureFor('due')).toBeUndefined();
    expect(q.getStatus().state).toBe('saved');
  });

  it('retries in order when the app cannot be reached, never dropping or reordering a change', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('a', api.call('a'), 0);
    q.schedule('b', api.call('b'), 0);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer({ code: 'internal', message: 'Matters Arising is not responding.' });
    expect(q.getStatus()).toEqual({ state: 'error', message: 'Matters Arising is not responding.', retrying: true });
    expect(api.calls).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(600);
    expect(api.calls).toEqual(['a', 'a']);
    await api.answer({ code: 'storage_error', message: 'The data file is busy.' });
    q.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['a', 'a', 'a']);
    await api.answer();
    await api.answer();
    expect(api.calls).toEqual(['a', 'a', 'a', 'b']);
    expect(q.getStatus().state).toBe('saved');
  });

  it('a newer edit made during a failed attempt replaces the retry rather than following it', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    q.schedule('title', api.call('old'), 0);
    await vi.advanceTimersByTimeAsync(0);
    q.schedule('title', api.call('new'), 0);
    await api.answer({ code: 'internal', message: 'down' });
    await vi.advanceTimersByTimeAsync(600);
    expect(api.calls).toEqual(['old', 'new']);
    await api.answer();
    expect(q.isIdle()).toBe(true);
  });

  it('tells listeners about changes of state, not about every keystroke', async () => {
    const q = new SaveQueue();
    const api = fakeApi();
    const heard = vi.fn();
    q.subscribe(heard);
    q.schedule('discussion', api.call('1'));
    for (let i = 0; i < 50; i += 1) q.schedule('discussion', api.call(String(i)));
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
