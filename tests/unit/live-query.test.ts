// The renderer's live queries: which change re-runs which query, and how a query keeps the
// last good data while it loads again. Plain TypeScript from renderer/src/api, run in Node.
import { describe, expect, it } from 'vitest';
import type { Changed } from '../../shared/contract';
import { ChangeFeed, touches, type ChangeNotice, type Watch } from '../../renderer/src/api/changes';
import { ApiCallError } from '../../renderer/src/api/errors';
import { LiveQuery } from '../../renderer/src/api/liveQuery';

const notice = (changes: Changed[], origin: string | null = null): ChangeNotice => ({ changes, origin });

describe('which change re-runs which query', () => {
  const meetingPage: Watch[] = [{ entity: 'meeting', ids: ['m1'] }, 'board'];

  it('re-runs a query watching a kind of record for any record of that kind', () => {
    expect(touches(meetingPage, notice([{ entity: 'board', id: 'any-board' }]))).toBe(true);
    expect(touches(['meeting', 'agenda_item'], notice([{ entity: 'agenda_item', id: 'i9' }]))).toBe(true);
  });

  it('re-runs a query watching particular records only for those', () => {
    expect(touches(meetingPage, notice([{ entity: 'meeting', id: 'm1' }]))).toBe(true);
    expect(touches(meetingPage, notice([{ entity: 'meeting', id: 'm2' }]))).toBe(false);
    expect(touches(meetingPage, notice([{ entity: 'meeting', id: 'm2' }, { entity: 'meeting', id: 'm1' }]))).toBe(true);
  });

  it('leaves a query alone when nothing it watches changed', () => {
    expect(touches(meetingPage, notice([{ entity: 'action', id: 'a1' }, { entity: 'roster_member', id: 'r1' }]))).toBe(false);
    expect(touches([], notice([{ entity: 'board', id: 'b1' }]))).toBe(false);
  });

  it('does not re-run a screen for its own edits, which it shows already, but does for anyone else’s', () => {
    const changes: Changed[] = [{ entity: 'agenda_item', id: 'i1' }];
    expect(touches(['agenda_item'], notice(changes, 'minutes:m1'), 'minutes:m1')).toBe(false);
    expect(touches(['agenda_item'], notice(changes, 'arising:m1'), 'minutes:m1')).toBe(true);
    expect(touches(['agenda_item'], notice(changes, null), 'minutes:m1')).toBe(true);
    expect(touches(['agenda_item'], notice(changes, 'minutes:m1'))).toBe(true);
  });

  it('re-runs every query when the data file itself was replaced, whoever asked', () => {
    const replaced = notice([{ entity: 'data_file', id: '/data/minutes.sqlite' }], 'minutes:m1');
    expect(touches([], replaced)).toBe(true);
    expect(touches(['board'], replaced, 'minutes:m1')).toBe(true);
  });
});

/** A load that answers when told. */
function loads<T>() {
  const pending: Array<{ resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  let count = 0;
  const load = () =>
    new Promise<T>((resolve, reject) => {
      count += 1;
      pending.push({ resolve, reject });
    });
  const settle = async (value: T | Error) => {
    const next = pending.shift();
    if (!next) throw new Error('no load under way');
    if (value instanceof Error) next.reject(value);
    else next.resolve(value);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { load, settle, count: () => count, waiting: () => pending.length };
}

describe('a live query', () => {
  it('loads, then loads again when a change touches it, keeping the last good data meanwhile', async () => {
    const feed = new ChangeFeed();
    const api = loads<{ boards: string[] }>();
    const query = new LiveQuery(api.load, { watches: ['board'] }, feed);
    let told = 0;
    query.subscribe(() => (told += 1));
    const stop = query.start();
    expect(query.getSnapshot()).toEqual({ data: undefined, error: null, loading: true });
    await api.settle({ boards: ['Executive'] });
    const loaded = query.getSnapshot();
    expect(loaded).toEqual({ data: { boards: ['Executive'] }, error: null, loading: false });
    expect(told).toBe(1);

    feed.publish(notice([{ entity: 'meeting', id: 'm1' }]));
    expect(api.count()).toBe(1);
    feed.publish(notice([{ entity: 'board', id: 'b2' }]));
    expect(api.count()).toBe(2);
    // Loading again says nothing until it brings something: the screen does not re-render for it.
    expect(query.getSnapshot()).toBe(loaded);
    await api.settle({ boards: ['Executive', 'Audit'] });
    expect(query.getSnapshot().data).toEqual({ boards: ['Executive', 'Audit'] });
    expect(told).toBe(2);

    stop();
    feed.publish(notice([{ entity: 'board', id: 'b3' }]));
    expect(api.count()).toBe(2);
  });

  it('keeps the last good data when a load fails, with the error beside it', async () => {
    const feed = new ChangeFeed();
    const api = loads<string[]>();
    const query = new LiveQuery(api.load, { watches: ['group'] }, feed);
    query.start();
    await api.settle(['All']);
    feed.publish(notice([{ entity: 'group', id: 'g1' }]));
    await api.settle(new ApiCallError({ code: 'storage_error', message: 'The data file is busy.' }));
    const state = query.getSnapshot();
    expect(state.data).toEqual(['All']);
    expect(state.error?.message).toBe('The data file is busy.');
    expect(state.loading).toBe(false);
  });

  it('asked again during a load, loads once more after it (the load under way may predate the change)', async () => {
    const feed = new ChangeFeed();
    const api = loads<number>();
    const query = new LiveQuery(api.load, { watches: ['action'] }, feed);
    query.start();
    feed.publish(notice([{ entity: 'action', id: 'a1' }]));
    feed.publish(notice([{ entity: 'action', id: 'a2' }]));
    expect(api.count()).toBe(1);
    await api.settle(1);
    expect(api.count()).toBe(2);
    expect(query.getSnapshot()).toEqual({ data: 1, error: null, loading: false });
    await api.settle(2);
    expect(api.count()).toBe(2);
    expect(query.getSnapshot()).toEqual({ data: 2, error: null, loading: false });
  });

  it('ignores its own origin, and keeps the same data object when an answer says the same', async () => {
    const feed = new ChangeFeed();
    const api = loads<{ rows: string[] }>();
    const query = new LiveQuery(api.load, { watches: [{ entity: 'meeting', ids: ['m1'] }], origin: 'attendance:m1' }, feed);
    query.start();
    await api.settle({ rows: ['AF'] });
    const first = query.getSnapshot().data;
    feed.publish(notice([{ entity: 'meeting', id: 'm1' }], 'attendance:m1'));
    expect(api.count()).toBe(1);
    feed.publish(notice([{ entity: 'meeting', id: 'm1' }], null));
    await api.settle({ rows: ['AF'] });
    expect(query.getSnapshot().data).toBe(first);
  });

  it('can start from data already on screen, and take a screen’s own answer as its data', async () => {
    const feed = new ChangeFeed();
    const api = loads<string>();
    const query = new LiveQuery(api.load, { watches: ['correction'] }, feed);
    query.start(false);
    expect(api.count()).toBe(0);
    query.accept('answered by a save');
    expect(query.getSnapshot().data).toBe('answered by a save');
    feed.publish(notice([{ entity: 'correction', id: 'c1' }]));
    expect(api.count()).toBe(1);
    await api.settle('loaded');
    expect(query.getSnapshot().data).toBe('loaded');
  });
});
