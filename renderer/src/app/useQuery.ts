// Loads data through the API client and reloads it on demand, keeping the last good value
// on screen while a reload is under way.
import { useCallback, useEffect, useState } from 'react';
import { ApiCallError } from '../api/client';

export interface Query<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string | null;
  data: T | undefined;
  error: ApiCallError | null;
}

const asApiError = (err: unknown): ApiCallError =>
  err instanceof ApiCallError ? err : new ApiCallError({ code: 'internal', message: String(err) });

/** `deps` are plain values (ids); the query runs again whenever they change or on reload(). */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): Query<T> {
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([deps, generation]);
  const [loaded, setLoaded] = useState<Loaded<T>>({ key: null, data: undefined, error: null });

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setLoaded({ key, data, error: null }),
      (err: unknown) => live && setLoaded((prev) => ({ key, data: prev.data, error: asApiError(err) })),
    );
    return () => {
      live = false;
    };
    // `load` closes over the values in `key`; re-running on every render would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: loaded.data, error: loaded.error, loading: loaded.key !== key, reload };
}
