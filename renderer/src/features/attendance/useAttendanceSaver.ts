// Saves attendance as it is entered: changes are queued per row (the latest state of a row
// wins) and sent one batch at a time, in order, so fast ticking never races itself.
// Other calls (adding a guest) join the same queue, after the changes made before them; so
// do the section's reads, so what it reads and what its saves answer come in core's order.
import { useEffect, useRef, useState } from 'react';
import type { MeetingAttendance } from '../../../../shared/contract';
import { changeKey, type AttendanceChange } from '../../../../shared/domain/attendance';
import { ApiCallError, call } from '../../api/client';

export type SaveState = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; message: string };

export interface AttendanceSaver {
  status: SaveState;
  /** Queues row changes; they are sent as soon as the calls before them are done. */
  enqueue: (changes: readonly AttendanceChange[]) => void;
  /** Runs a call after everything queued before it; its own form shows its errors. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  /** Reads after everything queued before it, without showing as saving. */
  read: <T>(task: () => Promise<T>) => Promise<T>;
}

/** Attendance saves are this section's own edits, already on screen: its live query skips them. */
export const attendanceOrigin = (meetingId: string): string => `attendance:${meetingId}`;

interface Callbacks {
  /** A batch was saved; `settled` when nothing else is queued, so the result is the latest state. */
  onSaved: (result: MeetingAttendance, settled: boolean) => void;
  onFailed: (error: ApiCallError) => void;
}

const asApiError = (err: unknown): ApiCallError =>
  err instanceof ApiCallError ? err : new ApiCallError({ code: 'internal', message: String(err) });

export function useAttendanceSaver(meetingId: string, callbacks: Callbacks): AttendanceSaver {
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const pending = useRef(new Map<string, AttendanceChange>());
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const queued = useRef(0);
  const flushQueued = useRef(false);
  const latest = useRef(callbacks);
  useEffect(() => {
    latest.current = callbacks;
  });

  const queue = <T,>(task: () => Promise<T>, reportFailure: boolean): Promise<T> => {
    queued.current++;
    setStatus({ state: 'saving' });
    const result = chain.current.then(task);
    chain.current = result.then(
      () => {
        queued.current--;
        if (queued.current === 0) setStatus((s) => (s.state === 'failed' ? s : { state: 'saved' }));
      },
      (err: unknown) => {
        queued.current--;
        if (reportFailure) setStatus({ state: 'failed', message: asApiError(err).message });
        else if (queued.current === 0) setStatus((s) => (s.state === 'failed' ? s : { state: 'saved' }));
      },
    );
    return result;
  };

  const flush = async (): Promise<void> => {
    flushQueued.current = false;
    const batch = [...pending.current.values()];
    pending.current.clear();
    if (batch.length === 0) return;
    try {
      const result = await call('recordAttendance', { meetingId, changes: batch }, { origin: attendanceOrigin(meetingId) });
      latest.current.onSaved(result, pending.current.size === 0 && queued.current === 1);
    } catch (err) {
      // What was not saved is dropped: the screen goes back to what is saved, and says why.
      pending.current.clear();
      latest.current.onFailed(asApiError(err));
      throw err;
    }
  };

  const enqueue = (changes: readonly AttendanceChange[]): void => {
    for (const change of changes) pending.current.set(changeKey(change), change);
    if (!flushQueued.current && pending.current.size > 0) {
      flushQueued.current = true;
      void queue(flush, true).catch(() => undefined);
    }
  };

  const read = <T,>(task: () => Promise<T>): Promise<T> => {
    const result = chain.current.then(task);
    chain.current = result.catch(() => undefined);
    return result;
  };

  return { status, enqueue, run: (task) => queue(task, false), read };
}
