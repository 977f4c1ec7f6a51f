// The set-up the sync specs share: a folder per test, browser hosts on their own files in it
// ("laptops"), and one sync server on 127.0.0.1 whose data is in it too; all stopped and removed
// after each test. Call once at a spec's top level: it registers the hooks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import type { SampleBoardResult, SyncStatus } from '../../shared/contract';
import { startSyncServer, type SyncServer } from '../../electron/syncServer/server';
import { TEST_KEY_TEXT } from '../helpers/testKey';
import { startHost, type RunningHost } from './host';
import { apiOf } from './seed';

export interface SyncHosts {
  /** Starts the sync server (again, on the same `port` after stopServer: its data is kept). */
  startServer(port?: number): Promise<SyncServer>;
  /** Stops the sync server: every laptop goes offline. */
  stopServer(): Promise<void>;
  /** A browser host on its own data file, `name`.sqlite. */
  laptop(name: string): Promise<RunningHost>;
  /** The sample board made on laptop a, shared through a server started now, and joined by laptop b: both with nothing left to send. */
  sampleSharedByTwo(): Promise<SharedByTwo>;
}

export interface SharedByTwo {
  server: SyncServer;
  a: RunningHost;
  b: RunningHost;
  apiA: Api;
  apiB: Api;
  board: SampleBoardResult['board'];
  /** A laptop's sync status of the board. */
  status(api: Api): Promise<SyncStatus>;
}

type Api = ReturnType<typeof apiOf>;

export function syncHosts(prefix: string): SyncHosts {
  let dir = '';
  const hosts: RunningHost[] = [];
  let server: SyncServer | null = null;

  test.beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });

  test.afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop();
    await server?.close();
    server = null;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const made: SyncHosts = {
    async startServer(port = 0) {
      server = await startSyncServer({ dataFolder: path.join(dir, 'server'), port, host: '127.0.0.1', key: TEST_KEY_TEXT as StoreKey, log: () => {} });
      return server;
    },
    async stopServer() {
      await server?.close();
      server = null;
    },
    async laptop(name: string) {
      const host = await startHost(path.join(dir, `${name}.sqlite`));
      hosts.push(host);
      return host;
    },
    async sampleSharedByTwo() {
      const server = await made.startServer();
      const a = await made.laptop('a');
      const b = await made.laptop('b');
      const apiA = apiOf(a);
      const apiB = apiOf(b);
      const { board } = (await apiA('loadSampleBoard', {})) as SampleBoardResult;
      const { invitation } = (await apiA('shareBoard', { boardId: board.id, serverUrl: server.url })) as { invitation: string };
      const status = async (api: Api): Promise<SyncStatus> => (await api('syncStatus', { boardId: board.id })) as SyncStatus;
      // The server has the board once A has sent it (the invitation is shown before that).
      await expect.poll(async () => (await status(apiA)).lastSyncedAt, { timeout: 30_000 }).not.toBeNull();
      await apiB('joinSharedBoard', { invitation });
      for (const api of [apiA, apiB]) await expect.poll(async () => (await status(api)).pending, { timeout: 30_000 }).toBe(0);
      return { server, a, b, apiA, apiB, board, status };
    },
  };
  return made;
}
