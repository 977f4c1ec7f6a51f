// The one set-up of the end-to-end tests: a browser host on a fresh data file. Each test gets
// its own temp folder; every host started for it is stopped afterwards, pass or fail, and then
// the folder is removed. Specs import `test` and `expect` from here rather than from Playwright.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { test as base } from '@playwright/test';
import { startHost, type RunningHost } from './host';
import { Workspace } from './pages';

export { expect } from '@playwright/test';

/**
 * The browser host on one data file, across restarts. `url`, `origin`, `token`, `process` and
 * `output` are those of its latest start, so a test can stop it, change or damage the file while
 * nothing has it open, start it again and go on using the same object.
 */
export class TestHost implements RunningHost {
  #run: RunningHost | undefined;

  constructor(
    readonly dataFile: string,
    readonly args: readonly string[],
    /** Extra environment for the host (MATTERS_ARISING_KEY: '' starts it without a key). */
    readonly env: NodeJS.ProcessEnv = {},
  ) {}

  /** Starts the host on its data file (with the same arguments each time); it must be stopped. */
  async start(): Promise<this> {
    if (this.running) throw new Error('The host is already running: stop it first.');
    this.#run = await startHost(this.dataFile, [...this.args], this.env);
    return this;
  }

  /** Stops the host and waits for it to exit; `SIGKILL` is a crash. Nothing happens if it has stopped. */
  async stop(signal?: NodeJS.Signals): Promise<void> {
    await this.#run?.stop(signal);
  }

  async restart(signal?: NodeJS.Signals): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  get running(): boolean {
    const child = this.#run?.process;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  get url(): string {
    return this.#latest().url;
  }

  get origin(): string {
    return this.#latest().origin;
  }

  /** This run's token, which the page gets in the address and API calls send in a header. */
  get token(): string {
    return /#token=([\w-]+)/.exec(this.url)?.[1] ?? '';
  }

  get process(): ChildProcess {
    return this.#latest().process;
  }

  /** What the latest run printed, even after it stopped. */
  output(): string {
    return this.#latest().output();
  }

  #latest(): RunningHost {
    if (!this.#run) throw new Error('The host has not been started.');
    return this.#run;
  }
}

export interface Hosts {
  /** Starts a host for this test, on the test's data file unless told another, with any extra arguments (e.g. `['--sample']`). */
  start(options?: { dataFile?: string; args?: readonly string[]; env?: NodeJS.ProcessEnv }): Promise<TestHost>;
}

interface HostFixtures {
  /** This test's own temp folder, removed afterwards. */
  dir: string;
  /** The test's data file, `minutes.sqlite` in `dir`; it does not exist until a host creates it. */
  dataFile: string;
  /** For tests that prepare the data file first, use their own, or start many hosts. */
  hosts: Hosts;
  /** A host running on the fresh data file. */
  host: TestHost;
  /** The workspace, opened in the page at the host's address. */
  app: Workspace;
}

export const test = base.extend<HostFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
  dir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  dataFile: async ({ dir }, use) => {
    await use(path.join(dir, 'minutes.sqlite'));
  },

  hosts: async ({ dataFile }, use, testInfo) => {
    const started: TestHost[] = [];
    await use({
      start: async (options = {}) => {
        const host = await new TestHost(options.dataFile ?? dataFile, options.args ?? [], options.env).start();
        started.push(host);
        return host;
      },
    });
    for (const host of started) await host.stop();
    // A failing test shows what its hosts printed (a start-up error, a stack trace).
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, host] of started.entries()) {
        await testInfo.attach(`host ${i + 1} output`, { body: host.output(), contentType: 'text/plain' });
      }
    }
  },

  host: async ({ hosts }, use) => {
    await use(await hosts.start());
  },

  app: async ({ page, host }, use) => {
    const app = new Workspace(page);
    await app.open(host.url);
    await use(app);
  },
});
