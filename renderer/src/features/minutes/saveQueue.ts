// One serial save queue per meeting: every change goes through it, one call in flight at a
// time, in the order it was made. Typing in a field is coalesced (the latest text wins) and
// sent once typing pauses; leaving a field, the item or the window flushes it at once. A
// refused change is parked with its message (the text stays in the editor); a failure to
// reach the app is retried in order, so nothing is ever silently dropped.
import { useSyncExternalStore } from 'react';
import type { SaveOutcome } from '../../api/desktop';

/** How long typing must pause before a field is saved: well inside the one-second promise. */
export const SAVE_DELAY_MS = 400;
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

export type SaveState = 'saved' | 'saving' | 'error';

export interface SaveStatus {
  state: SaveState;
  /** What went wrong, for the status line; null when nothing did. */
  message: string | null;
  /** True while a failure to reach the app is being retried. */
  retrying: boolean;
}

export interface FieldFailure {
  message: string;
  field: string | undefined;
}

interface Entry {
  key: string;
  run: () => Promise<unknown>;
  dueAt: number;
  /** For run() and read(): settles the caller's promise. */
  settle?: { resolve: (value: unknown) => void; reject: (err: unknown) => void };
  /** A read (see read()): not a change, so it never shows as saving and is never retried. */
  read?: true;
}

/** An API error (ApiCallError) or anything else thrown: its code, message and field. */
function asError(err: unknown): { code: string; message: string; field: string | undefined } {
  const e = err as { code?: unknown; message?: unknown; field?: unknown } | null;
  return {
    code: typeof e?.code === 'string' ? e.code : 'internal',
    message: typeof e?.message === 'string' ? e.message : String(err),
    field: typeof e?.field === 'string' ? e.field : undefined,
  };
}

/** Errors that mean "this change is wrong" (kept aside with its message) rather than "try again". */
const REFUSALS = new Set(['invalid_input', 'conflict', 'not_found', 'unknown_method', 'unauthorised']);

export class SaveQueue {
  private readonly order: string[] = [];
  private readonly entries = new Map<string, Entry>();
  private inflight: Entry | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the timer wakes pump() (Date.now() time). */
  private timerAt = 0;
  private attempt = 0;
  private blockedUntil = 0;
  private transient: string | null = null;
  private readonly failures = new Map<string, FieldFailure>();
  /** Bumped whenever a field's failure appears or goes, so listeners hear about it. */
  private failuresVersion = 0;
  private notifiedVersion = 0;
  private readonly listeners = new Set<() => void>();
  private readonly idleWaiters: Array<() => void> = [];
  private status: SaveStatus = { state: 'saved', message: null, retrying: false };
  private sequence = 0;

  /** Saves `key` once typing pauses; a later schedule of the same key replaces this one. */
  schedule(key: string, run: () => Promise<unknown>, delay = SAVE_DELAY_MS): void {
    const existing = this.entries.get(key);
    if (existing && !existing.settle) {
      existing.run = run;
      existing.dueAt = Date.now() + delay;
    } else {
      this.push({ key, run, dueAt: Date.now() + delay });
    }
    this.changed();
    this.pump();
  }

  /**
   * Runs a change now, after everything already waiting (which is flushed first), and gives
   * back its result. Structural changes (a new item, a deleted action) go this way.
   */
  run<T>(run: () => Promise<T>): Promise<T> {
    this.flushTimers();
    return new Promise<T>((resolve, reject) => {
      this.push({
        key: `run:${(this.sequence += 1)}`,
        run,
        dueAt: 0,
        settle: { resolve: resolve as (value: unknown) => void, reject },
      });
      this.changed();
      this.pump();
    });
  }

  /**
   * Reads in step with the saves: after every change already sent or due (typing still being
   * paused over may follow it), before any change made later. So a screen that applies both
   * what it reads and what its changes answer applies them in the order core made them. A read
   * is not a change: it never shows as saving, and its failure is only the caller's.
   */
  read<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.push({
        key: `read:${(this.sequence += 1)}`,
        run,
        dueAt: 0,
        settle: { resolve: resolve as (value: unknown) => void, reject },
        read: true,
      });
      this.pump();
    });
  }

  /** Sends everything waiting now; resolves once the queue is empty or stuck on a failure. */
  flush(): Promise<void> {
    this.flushTimers();
    this.pump();
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once no change is waiting or in flight (or the queue is stuck retrying), without
   * hurrying what is still being typed: for reads that should not hold up saves.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Tries a failed connection again straight away. */
  retryNow(): void {
    this.blockedUntil = 0;
    this.pump();
  }

  /** True when no change is waiting or in flight (refused changes are not waiting; reads are not changes). */
  isIdle(): boolean {
    return (this.inflight === null || this.inflight.read === true) && this.order.every((key) => this.entries.get(key)?.read === true);
  }

  /** Waiting to try again after failing to reach the app: flush() does not wait for that. */
  isStuck(): boolean {
    return !this.isIdle() && this.blockedUntil > Date.now();
  }

  /** Something the user typed has not been saved yet. */
  hasUnsaved(): boolean {
    return !this.isIdle() || this.failures.size > 0;
  }

  failureFor(key: string): FieldFailure | undefined {
    return this.failures.get(key);
  }

  /** Forgets a refused change (its field was deleted, or put back as it was). */
  clearFailure(key: string): void {
    if (this.dropFailure(key)) this.changed();
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dropFailure(key: string): boolean {
    if (!this.failures.delete(key)) return false;
    this.failuresVersion += 1;
    return true;
  }

  private push(entry: Entry): void {
    this.entries.set(entry.key, entry);
    this.order.push(entry.key);
  }

  private flushTimers(): void {
    for (const entry of this.entries.values()) entry.dueAt = 0;
  }

  private pump(): void {
    if (this.inflight) {
      this.disarm();
      return;
    }
    const now = Date.now();
    if (this.blockedUntil > now) {
      this.arm(this.blockedUntil, now);
      this.settleIdleWaiters();
      return;
    }
    // In order: the first change that is due. One still being typed does not hold up the rest.
    const key = this.order.find((k) => (this.entries.get(k)?.dueAt ?? 0) <= now);
    if (key === undefined) {
      const next = Math.min(...this.order.map((k) => this.entries.get(k)?.dueAt ?? now));
      if (Number.isFinite(next)) this.arm(next, now);
      else this.disarm();
      this.settleIdleWaiters();
      return;
    }
    this.disarm();
    const entry = this.entries.get(key) as Entry;
    this.order.splice(this.order.indexOf(key), 1);
    this.entries.delete(key);
    this.inflight = entry;
    this.changed();
    entry.run().then(
      (value) => {
        this.inflight = null;
        this.attempt = 0;
        this.transient = null;
        this.dropFailure(entry.key);
        entry.settle?.resolve(value);
        this.changed();
        this.pump();
      },
      (err: unknown) => {
        this.inflight = null;
        if (entry.read) {
          entry.settle?.reject(err);
          this.pump();
          return;
        }
        const error = asError(err);
        if (REFUSALS.has(error.code)) {
          this.attempt = 0;
          this.transient = null;
          if (entry.settle) entry.settle.reject(error);
          else {
            this.failures.set(entry.key, { message: error.message, field: error.field });
            this.failuresVersion += 1;
          }
        } else {
          // Put it back at the front, unless a newer edit of the same field is already waiting.
          if (!this.entries.has(entry.key)) {
            this.entries.set(entry.key, { ...entry, dueAt: 0 });
            this.order.unshift(entry.key);
          }
          this.transient = error.message;
          this.blockedUntil = Date.now() + (RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)] as number);
          this.attempt += 1;
        }
        this.changed();
        this.pump();
      },
    );
  }

  /**
   * Wakes pump() at `at`. A timer already set to wake it no later is kept: when it fires, pump()
   * looks again and waits for the rest. Typing moves its field's save on at every key, and
   * clearing and setting a timer on every keystroke was main-thread work on the key's path.
   */
  private arm(at: number, now: number): void {
    if (this.timer !== null && this.timerAt <= at) return;
    this.disarm();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, Math.max(0, at - now));
  }

  private disarm(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private settleIdleWaiters(): void {
    const stuck = this.blockedUntil > Date.now();
    if (!this.isIdle() && !stuck) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private changed(): void {
    const first = this.failures.values().next().value as FieldFailure | undefined;
    const next: SaveStatus = this.transient
      ? { state: 'error', message: this.transient, retrying: true }
      : first
        ? { state: 'error', message: first.message, retrying: false }
        : this.isIdle()
          ? { state: 'saved', message: null, retrying: false }
          : { state: 'saving', message: null, retrying: false };
    const statusChanged = next.state !== this.status.state || next.message !== this.status.message || next.retrying !== this.status.retrying;
    if (statusChanged) this.status = next;
    // Typing into a field already waiting to be saved changes nothing anyone shows: stay quiet.
    if (statusChanged || this.failuresVersion !== this.notifiedVersion) {
      this.notifiedVersion = this.failuresVersion;
      for (const listener of this.listeners) listener();
    }
  }
}

const queues = new Map<string, SaveQueue>();

/** The meeting's queue: the header, every item and every action share it, so order holds. */
export function saveQueueFor(meetingId: string): SaveQueue {
  let queue = queues.get(meetingId);
  if (!queue) {
    queue = new SaveQueue();
    queues.set(meetingId, queue);
  }
  return queue;
}

/**
 * Sends every change waiting in every meeting's queue, round after round (each queue sends one
 * change per round trip, and a change typed meanwhile joins in), until every queue is empty or
 * stuck; then says whether everything typed is saved. The desktop app holds its window's close
 * until this answers (electron/main/closeGuard.ts).
 */
export async function saveEverything(all: () => Iterable<SaveQueue> = () => queues.values()): Promise<SaveOutcome> {
  // A change that could not reach the app is tried again now, not after its back-off.
  for (const queue of all()) queue.retryNow();
  for (;;) {
    await Promise.all([...all()].map((queue) => queue.flush()));
    if ([...all()].every((queue) => queue.isIdle() || queue.isStuck())) break;
  }
  const unsaved = [...all()].find((queue) => queue.hasUnsaved());
  if (!unsaved) return { saved: true, message: null };
  return { saved: false, message: unsaved.getStatus().message ?? 'Some changes could not be saved.' };
}

/** For a live query on a meeting's page: load again on a change only once the meeting's saves are done. */
export const afterSavesOf =
  (meetingId: string) =>
  (): Promise<void> =>
    saveQueueFor(meetingId).whenIdle();

export function useSaveStatus(queue: SaveQueue): SaveStatus {
  return useSyncExternalStore(queue.subscribe, queue.getStatus);
}

/** The message of a refused change to one field, shown right under it. */
export function useFieldFailure(queue: SaveQueue, key: string): FieldFailure | undefined {
  return useSyncExternalStore(queue.subscribe, () => queue.failureFor(key));
}
