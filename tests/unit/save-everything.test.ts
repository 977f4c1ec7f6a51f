// The window's side of the desktop app's close handshake: saveEverything() sends what every
// meeting's save queue holds, one change per round trip, round after round until all are
// empty (a change typed meanwhile included), and says whether everything typed is saved.
// Runs in Node with fake timers and a fake API that answers when told.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS, saveEverything, SaveQueue, saveQueueFor } from '../../renderer/src/features/minutes/saveQueue';

function fakeApi() {
  const calls: string[] = [];
  const waiting: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  const call = (name: string) => () =>
    new Promise<void>((resolve, reject) => {
      calls.push(name);
      waiting.push({ resolve, reject });
    });
  /** Answers the call in flight, then lets the queues move on. */
  const answer = async (outcome: 'ok' | { code: string; message: string } = 'ok') => {
    const next = waiting.shift();
    if (!next) throw new Error('nothing in flight');
    if (outcome === 'ok') next.resolve();
    else next.reject(Object.assign(new Error(outcome.message), outcome));
    await vi.advanceTimersByTimeAsync(0);
  };
  return { calls, call, answer, inFlight: () => waiting.length };
}

/** Tracks a promise's settling without awaiting it. */
function watch<T>(promise: Promise<T>): { settled: () => boolean; value: () => T | undefined } {
  let done = false;
  let value: T | undefined;
  void promise.then((v) => {
    done = true;
    value = v;
  });
  return { settled: () => done, value: () => value };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saveEverything', () => {
  it('sends every queue’s changes at once, without waiting for typing to pause, and answers only after the last', async () => {
    const api = fakeApi();
    const a = new SaveQueue();
    const b = new SaveQueue();
    a.schedule('title', api.call('a: title'));
    a.schedule('discussion', api.call('a: discussion'));
    b.schedule('due', api.call('b: due'));
    const outcome = watch(saveEverything(() => [a, b]));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['a: title', 'b: due']);

    await api.answer();
    await api.answer();
    expect(api.calls).toEqual(['a: title', 'b: due', 'a: discussion']);
    expect(outcome.settled()).toBe(false);
    await api.answer();
    expect(outcome.settled()).toBe(true);
    expect(outcome.value()).toEqual({ saved: true, message: null });
  });

  it('includes a change made while it was sending (leaving the editor as the window closes), in order', async () => {
    const api = fakeApi();
    const q = new SaveQueue();
    q.schedule('item 1', api.call('item 1'));
    const outcome = watch(saveEverything(() => [q]));
    await vi.advanceTimersByTimeAsync(0);
    q.schedule('item 2', api.call('item 2'), 0);
    q.schedule('item 3', api.call('item 3'));
    await api.answer();
    await api.answer();
    // Typed after the flush began: it goes once typing pauses, and the answer waits for it.
    expect(outcome.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(outcome.settled()).toBe(false);
    await api.answer();
    expect(api.calls).toEqual(['item 1', 'item 2', 'item 3']);
    expect(outcome.value()).toEqual({ saved: true, message: null });
  });

  it('goes round again when a queue already emptied gets a change while another is still sending', async () => {
    const api = fakeApi();
    const a = new SaveQueue();
    const b = new SaveQueue();
    a.schedule('a1', api.call('a1'));
    b.schedule('b1', api.call('b1'));
    b.schedule('b2', api.call('b2'));
    const outcome = watch(saveEverything(() => [a, b]));
    await vi.advanceTimersByTimeAsync(0);
    await api.answer(); // a1: a's flush is done
    a.schedule('a2', api.call('a2'));
    await api.answer(); // b1
    await api.answer(); // b2: every flush of the first round is done, but a is not empty
    expect(outcome.settled()).toBe(false);
    // The next round sends a2 at once rather than after typing pauses.
    expect(api.calls).toEqual(['a1', 'b1', 'b2', 'a2']);
    await api.answer();
    expect(outcome.value()).toEqual({ saved: true, message: null });
  });

  it('says not saved, with the message, when a change was refused', async () => {
    const api = fakeApi();
    const q = new SaveQueue();
    q.schedule('due', api.call('due 31/02'));
    const outcome = saveEverything(() => [q]);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer({ code: 'invalid_input', message: '31 February does not exist.' });
    await expect(outcome).resolves.toEqual({ saved: false, message: '31 February does not exist.' });
  });

  it('tries a change that could not reach the app again at once, and says not saved when it still cannot', async () => {
    const api = fakeApi();
    const q = new SaveQueue();
    q.schedule('title', api.call('title'), 0);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer({ code: 'internal', message: 'Matters Arising is not responding.' });
    expect(q.isStuck()).toBe(true);

    const outcome = watch(saveEverything(() => [q]));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['title', 'title']);
    await api.answer({ code: 'storage_error', message: 'The data file is busy.' });
    expect(outcome.value()).toEqual({ saved: false, message: 'The data file is busy.' });

    // Asked again (the person chose to wait), it tries again, and this time it goes through.
    const again = saveEverything(() => [q]);
    await vi.advanceTimersByTimeAsync(0);
    await api.answer();
    await expect(again).resolves.toEqual({ saved: true, message: null });
  });

  it('covers every meeting’s queue by default, and answers at once when nothing is waiting', async () => {
    const api = fakeApi();
    saveQueueFor('meeting-1').schedule('title', api.call('meeting 1'));
    saveQueueFor('meeting-2').schedule('title', api.call('meeting 2'));
    const outcome = watch(saveEverything());
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls.sort()).toEqual(['meeting 1', 'meeting 2']);
    await api.answer();
    await api.answer();
    expect(outcome.value()).toEqual({ saved: true, message: null });
    await expect(saveEverything()).resolves.toEqual({ saved: true, message: null });
    expect(api.inFlight()).toBe(0);
  });
});
