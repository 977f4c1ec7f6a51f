// Reads through a meeting's save queue: in step with the saves (after those already sent or
// due, before later ones), never shown as saving, never retried. Node, fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveQueue } from '../../renderer/src/features/minutes/saveQueue';

/** Calls that answer when told, recording the order they were sent in. */
function calls() {
  const sent: string[] = [];
  const open = new Map<string, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const make = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      sent.push(name);
      open.set(name, { resolve, reject });
    });
  const answer = async (name: string, error?: { code: string; message: string }) => {
    const waiting = open.get(name);
    if (!waiting) throw new Error(`${name} is not in flight`);
    open.delete(name);
    if (error) waiting.reject(Object.assign(new Error(error.message), error));
    else waiting.resolve(name);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { sent, make, answer };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a read through the save queue', () => {
  it('goes after the change in flight, ahead of typing still pausing, and before changes made after it', async () => {
    const q = new SaveQueue();
    const api = calls();
    const added = q.run(api.make('add item'));
    q.schedule('title', api.make('title'));
    const read = q.read(api.make('read'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sent).toEqual(['add item']);

    await api.answer('add item');
    await expect(added).resolves.toBe('add item');
    expect(api.sent).toEqual(['add item', 'read']);
    // The title typed before it waits for typing to pause; the queue still says so.
    expect(q.getStatus().state).toBe('saving');

    // A change made now (which sends the waiting title at once) goes after the read.
    const moved = q.run(api.make('move item'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sent).toEqual(['add item', 'read']);
    await api.answer('read');
    await expect(read).resolves.toBe('read');
    expect(api.sent).toEqual(['add item', 'read', 'title']);
    await api.answer('title');
    expect(api.sent).toEqual(['add item', 'read', 'title', 'move item']);
    await api.answer('move item');
    await expect(moved).resolves.toBe('move item');
    expect(q.getStatus().state).toBe('saved');
  });

  it('never shows as saving or unsaved, and a failed read is only its caller’s: no message, no retry', async () => {
    const q = new SaveQueue();
    const api = calls();
    const read = q.read(api.make('read'));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.sent).toEqual(['read']);
    expect(q.getStatus()).toEqual({ state: 'saved', message: null, retrying: false });
    expect(q.hasUnsaved()).toBe(false);
    await expect(q.flush()).resolves.toBeUndefined();

    const failing = expect(read).rejects.toMatchObject({ code: 'internal' });
    await api.answer('read', { code: 'internal', message: 'Matters Arising is not responding.' });
    await failing;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.sent).toEqual(['read']);
    expect(q.getStatus()).toEqual({ state: 'saved', message: null, retrying: false });
  });
});
