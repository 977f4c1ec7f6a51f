// npm start's decisions (scripts/desktop-launch.mjs): finding the Electron runtime when its
// package downloads it on first use, Chromium's sandbox on a locked-down Linux, what a signal
// means, and the browser host wherever the desktop app cannot start. The electron package is a
// fake one in a temp folder; the probes and the runs are fakes that record what was asked.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  afterDesktopExit,
  electronPathFrom,
  launch,
  LOCATE_ELECTRON,
  sandboxDecision,
  signalExitCode,
  whyNoElectron,
  type DesktopExit,
  type LaunchEffects,
} from '../../scripts/desktop-launch.mjs';

const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-launch-'));
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

/** A project whose electron package behaves as given on `require('electron')`. */
function fakeElectronPackage(name: string, indexJs: string): string {
  const dir = path.join(project, name);
  fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'package.json'), '{"name":"electron","main":"index.js"}');
  fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'index.js'), indexJs);
  return dir;
}

/** What start.mjs runs to find the binary, in that project. */
function locate(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', LOCATE_ELECTRON], { cwd: dir, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('finding the Electron runtime', () => {
  it('reads the path after the download line the package prints on first use', () => {
    // Like electron/index.js: no path.txt yet, so it downloads, saying so on stdout first.
    const dir = fakeElectronPackage(
      'first-run',
      "console.log('Downloading Electron binary...'); module.exports = require('path').join(__dirname, 'dist', 'electron');",
    );
    const run = locate(dir);
    expect(run.stdout).toMatch(/^Downloading Electron binary\.\.\.\n/);
    expect(electronPathFrom(run.stdout)).toBe(path.join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('reads the same path on later runs, and paths with spaces and Windows line ends', () => {
    const dir = fakeElectronPackage('later-run', "module.exports = '/opt/my apps/electron';");
    expect(electronPathFrom(locate(dir).stdout)).toBe('/opt/my apps/electron');
    expect(electronPathFrom('Downloading Electron binary...\r\n\r\nmatters-arising:electron-path=C:\\Users\\Tina Smith\\electron.exe\r\n')).toBe(
      'C:\\Users\\Tina Smith\\electron.exe',
    );
    expect(electronPathFrom('Downloading Electron binary...\n')).toBeNull();
  });

  it('says the download failed, and why, when there is no network', () => {
    const dir = fakeElectronPackage(
      'offline',
      "console.log('Downloading Electron binary...'); console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); throw new Error('Electron failed to install correctly.');",
    );
    const run = locate(dir);
    expect(run.status).not.toBe(0);
    expect(electronPathFrom(run.stdout)).toBeNull();
    const reason = whyNoElectron(run);
    expect(reason).toMatch(/^the Electron runtime could not be downloaded \(TypeError: fetch failed\)\. Check the network connection/);
  });

  it('names the other reasons there is no runtime', () => {
    expect(whyNoElectron({ skipDownload: true })).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set/);
    expect(whyNoElectron({ timedOut: true })).toMatch(/still downloading after 10 minutes/);
    expect(whyNoElectron({ missingBinary: '/x/dist/electron' })).toMatch(/not where its package says \(\/x\/dist\/electron\)/);
  });
});

describe("Chromium's sandbox on Linux", () => {
  const machine = (overrides: Partial<Parameters<typeof sandboxDecision>[0]>) => {
    const asked: string[] = [];
    return {
      asked,
      machine: {
        platform: 'linux',
        uid: 1000,
        args: [],
        helper: '/p/node_modules/electron/dist/chrome-sandbox',
        userNamespaces: () => {
          asked.push('unshare -Ur true');
          return true;
        },
        setuidHelper: () => {
          asked.push('chrome-sandbox');
          return false;
        },
        ...overrides,
      },
    };
  };

  it('keeps the sandbox where user namespaces work, or the helper is setuid root', () => {
    expect(sandboxDecision(machine({}).machine)).toEqual({ flags: [], notice: null });
    expect(sandboxDecision(machine({ userNamespaces: () => false, setuidHelper: () => true }).machine)).toEqual({ flags: [], notice: null });
  });

  it('on a locked-down Linux (no user namespaces, no setuid helper) starts with --no-sandbox and says how to keep it', () => {
    const { flags, notice } = sandboxDecision(machine({ userNamespaces: () => false }).machine);
    expect(flags).toEqual(['--no-sandbox']);
    expect(notice).toMatch(/Ubuntu 24\.04/);
    expect(notice).toContain("sudo chown root:root '/p/node_modules/electron/dist/chrome-sandbox' && sudo chmod 4755 '/p/node_modules/electron/dist/chrome-sandbox'");
  });

  it('probes nothing off Linux or when --no-sandbox was asked for, and needs no probe as root', () => {
    for (const overrides of [{ platform: 'darwin' }, { platform: 'win32' }, { args: ['--no-sandbox'] }]) {
      const { asked, machine: m } = machine(overrides);
      expect(sandboxDecision(m)).toEqual({ flags: [], notice: null });
      expect(asked).toEqual([]);
    }
    const root = machine({ uid: 0 });
    expect(sandboxDecision(root.machine)).toMatchObject({ flags: ['--no-sandbox'], notice: expect.stringMatching(/running as root/) as unknown });
    expect(root.asked).toEqual([]);
  });
});

describe('when the desktop app exits', () => {
  const exit = (e: Partial<DesktopExit> & { withoutSandbox?: boolean; platform?: string }) =>
    afterDesktopExit({ code: null, signal: null, opened: false, output: '', withoutSandbox: false, platform: 'linux', ...e });
  const SANDBOX_FATAL =
    '[12:12:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly.';

  it('passes on a clean exit, including a second launch that handed over to the first', () => {
    expect(exit({ code: 0, opened: true })).toEqual({ action: 'exit', code: 0, message: null });
    expect(exit({ code: 0, opened: false })).toEqual({ action: 'exit', code: 0, message: null });
  });

  it('exits non-zero when Electron dies from a signal, never 0', () => {
    expect(signalExitCode('SIGTRAP')).toBe(128 + os.constants.signals.SIGTRAP);
    expect(exit({ signal: 'SIGSEGV', opened: true })).toEqual({
      action: 'exit',
      code: 128 + os.constants.signals.SIGSEGV,
      message: expect.stringMatching(/killed by SIGSEGV/) as unknown,
    });
    expect(exit({ code: 3, opened: true })).toMatchObject({ action: 'exit', code: 3 });
    expect(exit({ signal: 'SIGINT' })).toEqual({ action: 'exit', code: 130, message: 'Matters Arising was stopped (SIGINT).' });
  });

  it("tries once more with --no-sandbox when Chromium's sandbox aborts the start", () => {
    expect(exit({ signal: 'SIGTRAP', output: SANDBOX_FATAL })).toMatchObject({ action: 'retry-without-sandbox' });
    expect(exit({ signal: 'SIGTRAP', output: SANDBOX_FATAL, withoutSandbox: true })).toMatchObject({ action: 'browser' });
    expect(exit({ signal: 'SIGTRAP', output: SANDBOX_FATAL, platform: 'darwin' })).toMatchObject({ action: 'browser' });
  });

  it('falls back to the browser host when the app dies before its window opens, quoting what it said', () => {
    expect(exit({ code: 1, output: 'a\n[1:1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\nlast words\n' })).toEqual({
      action: 'browser',
      reason: 'the desktop app exited with code 1 before its window opened ([1:1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY)',
    });
    expect(exit({ code: 2, output: 'first\nlast words\n' })).toMatchObject({ reason: expect.stringMatching(/\(last words\)$/) as unknown });
    expect(exit({ signal: 'SIGTRAP', output: `${SANDBOX_FATAL}\nmore`, withoutSandbox: true })).toMatchObject({
      reason: expect.stringMatching(/^the desktop app was killed by SIGTRAP before its window opened \(\[12:12:FATAL/) as unknown,
    });
  });
});

describe('launch', () => {
  function effects(overrides: Partial<LaunchEffects> & { runs?: DesktopExit[] } = {}) {
    const runs = [...(overrides.runs ?? [{ code: 0, signal: null, opened: true, output: '' }])];
    const defaults = {
      args: ['--data', '/tmp/minutes.sqlite'],
      machine: { platform: 'linux', uid: 1000, userNamespaces: () => true, setuidHelper: () => false },
      locateElectron: vi.fn(async () => ({ binary: '/p/node_modules/electron/dist/electron' })),
      ensureElectronBuild: vi.fn(() => ({ ok: true as const, how: 'in-place' as const })),
      runDesktop: vi.fn(async (_binary: string, _flags: string[]) => runs.shift() ?? { code: 0, signal: null, opened: true, output: '' }),
      serveInBrowser: vi.fn(async () => 0),
      log: vi.fn(),
    } satisfies LaunchEffects;
    // The fakes given replace the defaults; the tests only inspect the mocks they did not give.
    return { ...defaults, ...overrides } as typeof defaults;
  }

  it('opens the desktop app with the sandbox where it can start', async () => {
    const fx = effects();
    expect(await launch(fx)).toBe(0);
    expect(fx.runDesktop).toHaveBeenCalledWith('/p/node_modules/electron/dist/electron', []);
    expect(fx.serveInBrowser).not.toHaveBeenCalled();
  });

  it('serves in the browser when the runtime could not be downloaded', async () => {
    const fx = effects({ locateElectron: vi.fn(async () => ({ reason: 'the Electron runtime could not be downloaded (TypeError: fetch failed)' })) });
    await launch(fx);
    expect(fx.serveInBrowser).toHaveBeenCalledWith('the Electron runtime could not be downloaded (TypeError: fetch failed)');
    expect(fx.ensureElectronBuild).not.toHaveBeenCalled();
    expect(fx.runDesktop).not.toHaveBeenCalled();
  });

  it('serves in the browser, saying why, when the database module cannot be built for Electron (no compiler)', async () => {
    const reason = 'better-sqlite3 (the database module) could not be built for Electron: `npx electron-builder install-app-deps` failed.';
    const fx = effects({ ensureElectronBuild: vi.fn(() => ({ ok: false as const, reason })), serveInBrowser: vi.fn(async () => 7) });
    expect(await launch(fx)).toBe(7);
    expect(fx.serveInBrowser).toHaveBeenCalledWith(reason);
    expect(fx.runDesktop).not.toHaveBeenCalled();
  });

  it('starts with --no-sandbox and a notice on a locked-down Linux', async () => {
    const fx = effects({ machine: { platform: 'linux', uid: 1000, userNamespaces: () => false, setuidHelper: () => false } });
    await launch(fx);
    expect(fx.runDesktop).toHaveBeenCalledWith('/p/node_modules/electron/dist/electron', ['--no-sandbox']);
    expect(fx.log).toHaveBeenCalledWith(expect.stringContaining("/p/node_modules/electron/dist/chrome-sandbox'"));
  });

  it('checks the helper beside the binary it found', async () => {
    const setuidHelper = vi.fn(() => true);
    await launch(effects({ machine: { platform: 'linux', uid: 1000, userNamespaces: () => false, setuidHelper } }));
    expect(setuidHelper).toHaveBeenCalledWith('/p/node_modules/electron/dist/chrome-sandbox');
  });

  it('starts again without the sandbox once if the probe was wrong, then falls back to the browser', async () => {
    const fatal = { code: null, signal: 'SIGTRAP', opened: false, output: 'FATAL: No usable sandbox!' };
    const fx = effects({ runs: [fatal, fatal] });
    await launch(fx);
    expect(fx.runDesktop.mock.calls.map((c) => c[1])).toEqual([[], ['--no-sandbox']]);
    expect(fx.serveInBrowser).toHaveBeenCalledWith(expect.stringMatching(/killed by SIGTRAP before its window opened/));
  });

  it('exits non-zero, without the browser, when the open app dies from a signal', async () => {
    const fx = effects({ runs: [{ code: null, signal: 'SIGTRAP', opened: true, output: '' }] });
    expect(await launch(fx)).toBe(128 + os.constants.signals.SIGTRAP);
    expect(fx.serveInBrowser).not.toHaveBeenCalled();
    expect(fx.log).toHaveBeenCalledWith(expect.stringMatching(/killed by SIGTRAP/));
  });
});
