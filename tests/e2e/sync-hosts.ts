// The set-up the sync specs share: a folder per test, browser hosts on their own files in it
// ("laptops"), and one sync server on 127.0.0.1 whose data is in it too; all stopped and removed
// after each test. Call once at a spec's top level: it registers the hooks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { StoreKey } from '../../electron/core/crypt/cipher';
import { startSyncServer, type SyncServer } from '../../electron/syncServer/server';
import { TEST_KEY_TEXT } from '../helpers/testKey';
import { startHost, type RunningHost } from './host';

export interface SyncHosts {
  /** Starts the sync server (again, on the same `port` after stopServer: its data is kept). */
  startServer(port?: number): Promise<SyncServer>;
  /** Stops the sync server: every laptop goes offline. */
  stopServer(): Promise<void>;
  /** A browser host on its own data file, `name`.sqlite. */
  laptop(name: string): Promise<RunningHost>;
}

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

  return {
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
  };
}
