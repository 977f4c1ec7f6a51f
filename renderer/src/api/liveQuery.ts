// A query that keeps itself up to date (Actual's LiveQuery idea): it loads through the API,
// declares what it shows, and loads again when a change notice touches that, keeping the last
// good answer meanwhile. Plain TypeScript, so its rule runs under test without a browser.
import { touches, type ChangeFeed, type ChangeNotice, type Watch } from './changes';
import { asApiError, type ApiCallError } from './errors';

export interface LiveOptions {
  /** What the query shows: a change to any of it loads the query again. */
  watches: readonly Watch[];
  /** The origin the screen gives its own edits (already on screen): those do not reload it. */
  origin?: string;
  /**
   * What a change waits for before the query loads again: on a meeting's page, its saves, so
   * that reading never holds up typing (the first load does not wait).
   */
  after?: () => Promise<void>;
}

export interface LiveState<T> {
  data: T | undefined;
  error: ApiCallError | null;
  /**
   * True until the first answer. Later loads keep the last good data on screen and say nothing
   * until they bring something new, so a screen re-renders only when what it shows changed.
   */
  loading: boolean;
}

export class LiveQuery<T> {
  private state: LiveState<T> = { data: undefined, error: null, loading: true };
  /** The last data as JSON: an answer that says the same keeps the same object, so nothing re-renders. */
  private json: string | null = null;
  private inFlight = false;
  private again = false;
  private waiting = false;
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly load: () => Promise<T>,
    private readonly options: LiveOptions,
    private readonly feed: ChangeFeed,
  ) {}

  /** Loads (unless told the data on screen is current), then listens for changes; returns the function that stops it. */
  start = (loadNow = true): (() => void) => {
    this.active = true;
    this.unsubscribe?.();
    this.unsubscribe = this.feed.subscribe(this.hear);
    if (loadNow) this.refresh();
    else if (!this.inFlight && this.state.loading) this.set({ ...this.state, loading: false });
    return this.stop;
  };

  stop = (): void => {
    this.active = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
  };

  /**
   * Loads again. One load at a time: asked during one, it loads once more after it, since the
   * load under way may have read the data before the change that asked.
   */
  refresh = (): void => {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    if (this.state.data === undefined && !this.state.loading) this.set({ ...this.state, loading: true });
    this.load().then(
      (data) => this.settle(data, null),
      (err: unknown) => this.settle(undefined, asApiError(err)),
    );
  };

  /**
   * Takes a screen's own answer as the query's data: a change that answers with the new state of
   * what the query shows (attendance after ticking someone). Given in the order the answers come,
   * it is as current as a load, and saves one.
   */
  accept = (data: T): void => {
    this.json = JSON.stringify(data) ?? null;
    this.set({ data, error: null, loading: false });
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveState<T> => this.state;

  private hear = (notice: ChangeNotice): void => {
    if (!touches(this.options.watches, notice, this.options.origin ?? null)) return;
    const { after } = this.options;
    if (!after) return this.refresh();
    if (this.waiting) return;
    this.waiting = true;
    const go = (): void => {
      this.waiting = false;
      if (this.active) this.refresh();
    };
    after().then(go, go);
  };

  private settle(data: T | undefined, error: ApiCallError | null): void {
    this.inFlight = false;
    const more = this.again && this.active;
    this.again = false;
    let next: LiveState<T>;
    if (error) {
      next = { data: this.state.data, error, loading: more && this.state.data === undefined };
    } else {
      const json = JSON.stringify(data) ?? null;
      const same = json !== null && json === this.json;
      this.json = json;
      next = { data: same ? this.state.data : data, error: null, loading: false };
    }
    if (next.data !== this.state.data || next.error !== this.state.error || next.loading !== this.state.loading) this.set(next);
    if (more) this.refresh();
  }

  private set(state: LiveState<T>): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }
}
