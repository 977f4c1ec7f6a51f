// Starting and stopping core for a host: opens the store (or records why it could not),
// and hands the host one `call` that every API request goes through.
import type { ApiResponse, AppStatus, SampleBoardResult } from '../../shared/api';
import { version } from '../../package.json';
import { dispatch, type CoreContext } from './api';
import { LATEST_VERSION, openStore, StoreOpenError, type OpenOptions, type Store } from './db/open';

export const APP_VERSION: string = version;

export interface Core {
  readonly status: AppStatus;
  readonly store: Store | null;
  call(method: unknown, payload: unknown): ApiResponse<unknown>;
  close(): void;
}

export async function startCore(dataFile: string, options: OpenOptions = {}): Promise<Core> {
  let store: Store | null = null;
  let status: AppStatus;
  try {
    store = await openStore(dataFile, options);
    status = { state: 'ready', dataFile: store.file, schemaVersion: options.migrations?.length ?? LATEST_VERSION, appVersion: APP_VERSION };
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    status = { state: 'problem', dataFile, appVersion: APP_VERSION, problem: err.problem };
  }
  const ctx: CoreContext = { status, store };
  return {
    status,
    store,
    call: (method, payload) => dispatch(ctx, method, payload),
    close: () => store?.close(),
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
