// The live-query hook: a screen's data, loaded through the API client and kept up to date by
// what every answer says it changed. No screen reloads by hand after a write.
import { startTransition, useEffect, useState } from 'react';
import { changeFeed } from './changes';
import type { ApiCallError } from './errors';
import { LiveQuery, type LiveOptions, type LiveState } from './liveQuery';

export type { LiveOptions };

export interface Query<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  /** Loads again now: for when core says the data file became unusable, never to follow a write. */
  refresh: () => void;
  /** Takes a screen's own answer, in the order answers come, as the data (see LiveQuery.accept). */
  accept: (data: T) => void;
}

/**
 * `deps` are plain values (ids): the query starts afresh when they change. `options` say what
 * the query shows (they may depend on `deps` only); a change to it loads the query again.
 */
export function useLiveQuery<T>(load: () => Promise<T>, deps: readonly unknown[], options: LiveOptions): Query<T> {
  const key = JSON.stringify(deps);
  const [current, setCurrent] = useState(() => ({ key, query: new LiveQuery(load, options, changeFeed) }));
  let query = current.query;
  if (current.key !== key) {
    query = new LiveQuery(load, options, changeFeed);
    setCurrent({ key, query });
  }
  const [shown, setShown] = useState<{ query: LiveQuery<T>; state: LiveState<T> }>(() => ({ query, state: query.getSnapshot() }));
  useEffect(() => {
    // A screen brought up to date is a transition: typing and clicking go first, and what they
    // do is never held up behind drawing a list again.
    const off = query.subscribe(() => startTransition(() => setShown({ query, state: query.getSnapshot() })));
    const stop = query.start();
    return () => {
      off();
      stop();
    };
  }, [query]);
  const state = shown.query === query ? shown.state : query.getSnapshot();
  return { data: state.data, error: state.error, loading: state.loading, refresh: query.refresh, accept: query.accept };
}
