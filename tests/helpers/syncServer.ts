// The sync server for tests: started on 127.0.0.1 on a free port with a temp data folder (the
// one test key), everything it reports collected so a test can await it, stopped after each test.
// Restart keeps the folder. Used by the server's tests and by core's sync tests.
import { afterEach } from 'vitest';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import type { SyncServerEvent } from '../../electron/syncServer/rules';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../electron/syncServer/server';
import { tempDir } from './temp';
import { TEST_KEY_TEXT } from './testKey';

export interface TestSyncServer {
  readonly server: SyncServer;
  readonly url: string;
  readonly dataFolder: string;
  /** Everything the server has reported since it (first) started. */
  readonly events: SyncServerEvent[];
  /** Resolves with the first reported event (past or future) that matches. */
  waitForEvent(match: (event: SyncServerEvent) => boolean): Promise<SyncServerEvent>;
  /** Resolves with the next event reported from now on that matches. */
  nextEvent(match: (event: SyncServerEvent) => boolean): Promise<SyncServerEvent>;
  /** Stops the server (storing every document) and starts it again on the same folder and port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const running: TestSyncServer[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

export async function startTestSyncServer(options: Partial<Omit<SyncServerOptions, 'log'>> = {}): Promise<TestSyncServer> {
  const dataFolder = options.dataFolder ?? tempDir();
  const events: SyncServerEvent[] = [];
  const waiting: { match: (e: SyncServerEvent) => boolean; resolve: (e: SyncServerEvent) => void }[] = [];
  const log = (event: SyncServerEvent): void => {
    events.push(event);
    for (const w of [...waiting]) {
      if (w.match(event)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(event);
      }
    }
  };
  const start = (port: number): Promise<SyncServer> =>
    startSyncServer({ key: TEST_KEY_TEXT as StoreKey, host: '127.0.0.1', ...options, dataFolder, port, log });
  let server = await start(options.port ?? 0);
  let stopped = false;
  const handle: TestSyncServer = {
    get server() {
      return server;
    },
    get url() {
      return server.url;
    },
    dataFolder,
    events,
    waitForEvent: (match) => {
      const past = events.find(match);
      if (past) return Promise.resolve(past);
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    nextEvent: (match) => new Promise((resolve) => waiting.push({ match, resolve })),
    restart: async () => {
      await server.close();
      server = await start(server.port);
      stopped = false;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
    },
  };
  running.push(handle);
  return handle;
}
