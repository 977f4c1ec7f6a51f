// Typing on in a field already waiting to be saved moves only its due time on; the queue is then
// woken for it by something set earlier: a save in flight, a back-off after failing to reach the
// app, a flush under way. In each case the field's last text is still saved, once, after what came
// before it, and listeners hear only changes of the status, never each key (PROFILE.md, round 9).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_DELAY_MS, SaveQueue } from '../../renderer/src/features/minutes/saveQueue';

describe('save queue: typing on in a field already waiting', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is saved after a save in flight, with the last text, and tells listeners only when the status changes', async () => {
    const queue = new SaveQueue();
    const sent: string[] = [];
    let heard = 0;
    queue.subscribe(() => (heard += 1));
    let finishTitle: () => void = () => undefined;
    queue.schedule('title:1', () => {
      sent.push('title');
      return new Promise<void>((resolve) => (finishTitle = resolve));
    }, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['title']);
    const keys = 'Agreed';
    for (let i = 0; i < keys.length; i++) {
      const text = keys.slice(0, i + 1);
      queue.schedule('discussion:1', () => (sent.push(text), Promise.resolve()));
      await vi.advanceTimersByTimeAsync(100);
    }
    const heardWhileTyping = heard;
    // The title's save is still in flight well past the discussion's pause: it goes after it.
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS * 2);
    expect(sent).toEqual(['title']);
    expect(queue.getStatus().state).toBe('saving');
    finishTitle();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['title', keys]);
    expect(queue.getStatus().state).toBe('saved');
    // Typing on changed nothing shown: the listeners heard the status go to saving once (the title)
    // and back to saved at the end, never per key.
    expect(heardWhileTyping).toBe(1);
    expect(heard).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is retried with the last text after the back-off from a failure to reach the app', async () => {
    const queue = new SaveQueue();
    const sent: string[] = [];
    let fail = true;
    const save = (text: string) => () => {
      if (fail) return Promise.reject(Object.assign(new Error('The app is not answering.'), { code: 'unavailable' }));
      sent.push(text);
      return Promise.resolve();
    };
    queue.schedule('discussion:1', save('A'), 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.getStatus()).toMatchObject({ state: 'error', retrying: true });
    fail = false;
    // Typed on during the back-off: the entry put back is the one typed into.
    queue.schedule('discussion:1', save('AB'));
    queue.schedule('discussion:1', save('ABC'));
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 1000);
    expect(sent).toEqual(['ABC']);
    expect(queue.getStatus().state).toBe('saved');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a key typed while a flush is under way is saved in its turn, and the flush waits for it', async () => {
    const queue = new SaveQueue();
    const sent: string[] = [];
    queue.schedule('discussion:1', () => (sent.push('one'), Promise.resolve()));
    queue.schedule('discussion:2', () => (sent.push('two'), Promise.resolve()));
    const flushed = queue.flush();
    queue.schedule('discussion:2', () => (sent.push('two, typed on'), Promise.resolve()));
    let done = false;
    void flushed.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    // The flush sent the first field; the second, typed on, now waits for its own pause.
    expect(sent).toEqual(['one']);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent).toEqual(['one', 'two, typed on']);
    expect(done).toBe(true);
    expect(queue.isIdle()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
