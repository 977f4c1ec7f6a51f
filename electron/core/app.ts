// Starting and stopping core for a host: opens the session (or records why the data file
// could not be opened), and hands the host one `call` that every API request goes through.
import type { ApiResponse, AppStatus, Changed, ReplicaPush, SampleBoardResult } from '../../shared/contract';
import { dispatch } from './api';
import { NUL_MESSAGE, nulIn } from './nul';
import type { OpenOptions, Store } from './db/open';
import { afterCall, automaticBackupsSettled, closeSession, openSession, type SessionHooks } from './session';
import { APP_VERSION } from './version';
import { onBackgroundChanges } from './store/changes';
import { onReplicaUpdates } from './replica/push';

export { APP_VERSION };

export interface Core {
  readonly status: AppStatus;
  readonly store: Store | null;
  /** What the hosts use: every method, answered as a Promise. */
  callAsync(method: unknown, payload: unknown): Promise<ApiResponse<unknown>>;
  /** Synchronous, for tests and tools; a method whose handler answers with a Promise must use callAsync. */
  call(method: unknown, payload: unknown): ApiResponse<unknown>;
  /** Resolves when no automatic backup is being taken. */
  backupsSettled(): Promise<void>;
  /** Listens for what changes outside any call (sync), for the host to push to the window; returns the function that stops it. */
  onChanges(listener: (changes: readonly Changed[]) => void): () => void;
  /** Listens for updates of shared meetings' documents, for the host to push to the window's replicas (same channel as onChanges). */
  onReplicaUpdate(listener: (push: ReplicaPush) => void): () => void;
  close(): void;
}

const refusedNul = (field: string): ApiResponse<unknown> => ({ ok: false, error: { code: 'invalid_input', message: NUL_MESSAGE, field } });

export async function startCore(dataFile: string, options: OpenOptions = {}, hooks: SessionHooks = {}): Promise<Core> {
  const session = await openSession(dataFile, options, hooks);
  return {
    get status() {
      return session.status;
    },
    get store() {
      return session.store;
    },
    callAsync: async (method, payload) => {
      const nul = nulIn(payload);
      if (nul !== null) return refusedNul(nul);
      const response = await dispatch(session, method, payload);
      afterCall(session);
      return response;
    },
    call: (method, payload) => {
      const nul = nulIn(payload);
      if (nul !== null) return refusedNul(nul);
      const response = dispatch(session, method, payload);
      if (response instanceof Promise) {
        // An asynchronous handler (copying files, printing) goes on; its answer is for callAsync.
        void response.then(() => afterCall(session), () => undefined);
        return { ok: false, error: { code: 'internal', message: `${String(method)} answers asynchronously: use callAsync.` } };
      }
      afterCall(session);
      return response;
    },
    backupsSettled: () => automaticBackupsSettled(session),
    // One core runs in a host's process; the listeners are the process's.
    onChanges: (listener) => onBackgroundChanges(listener),
    onReplicaUpdate: (listener) => onReplicaUpdates(listener),
    close: () => closeSession(session),
  };
}

/** `--sample` on the command line: loads the sample board into the data file once, and says what happened. */
export function loadSampleOnStart(core: Core): string {
  if (core.status.state !== 'ready') return 'Matters Arising: the sample board was not loaded because the data file is not open.';
  const response = core.call('loadSampleBoard', { onlyIfMissing: true });
  if (!response.ok) return `Matters Arising: the sample board could not be loaded: ${response.error.message}`;
  const { board, created } = response.value as SampleBoardResult;
  return created
    ? `Matters Arising: loaded the sample board "${board.name}".`
    : `Matters Arising: the sample board "${board.name}" is already in this data file.`;
}
