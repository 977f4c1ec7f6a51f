// The decisions `npm start` makes about the desktop app, as plain functions over what it
// observed, and launch(), which strings them together over effects it is given (start.mjs
// gives the real ones: spawning, probing, reading files). Kept apart so each decision is
// tested: where the Electron runtime is, whether its database module could be built, whether
// Chromium's sandbox can start on this Linux, and what to do when Electron exits. Wherever
// the desktop app cannot start, the answer is the browser host, with the reason.
import os from 'node:os';
import path from 'node:path';

/** Printed by the desktop app's main process once its window is shown; start.mjs waits for it. */
export const DESKTOP_OPENED_LINE = 'Matters Arising: the desktop app is open.';

export const ELECTRON_PATH_MARKER = 'matters-arising:electron-path=';

/**
 * Run with `node -e` in the project: asks the electron package for its binary. On first use
 * the package downloads it there and then, printing "Downloading Electron binary..." to
 * stdout first, so the path goes on a line of its own after a marker.
 */
export const LOCATE_ELECTRON = `const binary = require('electron'); process.stdout.write('\\n${ELECTRON_PATH_MARKER}' + binary + '\\n');`;

/** The path LOCATE_ELECTRON printed, whatever else came before it; null when there is none. */
export function electronPathFrom(stdout) {
  const lines = `${stdout}`.split(/\r?\n/);
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i];
    if (line.startsWith(ELECTRON_PATH_MARKER)) return line.slice(ELECTRON_PATH_MARKER.length).trim() || null;
  }
  return null;
}

/** True for the marker line, which is for start.mjs and not for the person watching. */
export function isPathLine(line) {
  return line.startsWith(ELECTRON_PATH_MARKER);
}

/**
 * Why there is no runtime to start, in words for the terminal.
 * @param {{ skipDownload?: boolean, timedOut?: boolean, stdout?: string, stderr?: string, missingBinary?: string | null }} seen
 */
export function whyNoElectron(seen) {
  if (seen.skipDownload) return 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, so no Electron runtime was installed';
  if (seen.timedOut) return 'the Electron runtime was still downloading after 10 minutes, so the download was stopped';
  if (seen.missingBinary) return `the Electron runtime is not where its package says (${seen.missingBinary}); delete node_modules/electron and run npm install`;
  const error = firstErrorLine(seen.stderr ?? '');
  return (
    `the Electron runtime could not be downloaded${error ? ` (${error})` : ''}. ` +
    'Check the network connection (behind a proxy, set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY; ELECTRON_MIRROR names a mirror); npm start tries again next time'
  );
}

/** The first line that reads like an error ("TypeError: fetch failed"), else the first line. */
function firstErrorLine(text) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(?:[A-Z]\w*)?Error\b[^:]*:/.test(l)) ?? lines[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * Whether to start Electron with --no-sandbox. Chromium's sandbox on Linux needs either
 * unprivileged user namespaces or a setuid-root chrome-sandbox helper. The development binary's
 * helper is not setuid (npm cannot do that), and Ubuntu 24.04 and later let AppArmor refuse user
 * namespaces, so Electron aborts ("FATAL ... SUID sandbox helper"). electron-builder's AppImage
 * launcher probes `unshare -Ur true` and adds --no-sandbox only when that fails; so does this.
 * The probes are functions, run only when the answer depends on them.
 * @param {{ platform: string, uid: number | null, args: string[], helper: string, userNamespaces: () => boolean, setuidHelper: () => boolean }} machine
 * @returns {{ flags: string[], notice: string | null }}
 */
export function sandboxDecision(machine) {
  const none = { flags: [], notice: null };
  if (machine.platform !== 'linux' || machine.args.includes('--no-sandbox')) return none;
  if (machine.uid === 0) {
    return {
      flags: ['--no-sandbox'],
      notice:
        'Matters Arising: running as root, where Chromium will not start its sandbox, so the desktop app starts with --no-sandbox. ' +
        'Run npm start as your own user to keep the sandbox.',
    };
  }
  if (machine.userNamespaces() || machine.setuidHelper()) return none;
  return {
    flags: ['--no-sandbox'],
    notice: [
      'Matters Arising: this Linux does not let programs create user namespaces (Ubuntu 24.04 and later restrict them',
      "with AppArmor), and Electron's chrome-sandbox helper in node_modules is not setuid root, so Chromium's sandbox",
      'cannot start. The desktop app starts with --no-sandbox instead, as electron-builder\'s AppImage launcher does here;',
      'its window shows only the app\'s own pages. To keep the sandbox, make the helper setuid root once:',
      `  sudo chown root:root '${machine.helper}' && sudo chmod 4755 '${machine.helper}'`,
    ].join('\n'),
  };
}

/** Chromium's messages when its sandbox cannot start (Linux). */
export function isSandboxFailure(output) {
  return /SUID sandbox helper|No usable sandbox|setuid_sandbox_host|as root without --no-sandbox/i.test(`${output}`);
}

/** A shell's exit code for a process killed by `signal`: 128 + its number. */
export function signalExitCode(signal) {
  const number = os.constants.signals[signal];
  return typeof number === 'number' ? 128 + number : 1;
}

const STOPPED_BY_USER = new Set(['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * What to do once the desktop app's process has exited.
 * @param {{ code: number | null, signal: string | null, opened: boolean, output: string, withoutSandbox: boolean, platform: string }} exit
 * @returns {{ action: 'exit', code: number, message: string | null } | { action: 'retry-without-sandbox', notice: string } | { action: 'browser', reason: string }}
 */
export function afterDesktopExit(exit) {
  if (exit.code === 0 && !exit.signal) return { action: 'exit', code: 0, message: null };
  if (exit.platform === 'linux' && !exit.withoutSandbox && !exit.opened && isSandboxFailure(exit.output)) {
    return {
      action: 'retry-without-sandbox',
      notice: "Matters Arising: Chromium's sandbox could not start on this machine (its message is above); starting the desktop app again with --no-sandbox.",
    };
  }
  if (exit.signal && STOPPED_BY_USER.has(exit.signal)) {
    return { action: 'exit', code: signalExitCode(exit.signal), message: `Matters Arising was stopped (${exit.signal}).` };
  }
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  if (!exit.opened) {
    const said = lastLine(exit.output);
    return { action: 'browser', reason: `the desktop app ${how} before its window opened${said ? ` (${said})` : ''}` };
  }
  return {
    action: 'exit',
    code: exit.signal ? signalExitCode(exit.signal) : (exit.code ?? 1),
    message: `Matters Arising: the desktop app ${how}. Everything saved before then is in the data file.`,
  };
}

function lastLine(text) {
  const lines = `${text}`
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // Chromium's FATAL line says why it stopped; failing that, its last ERROR; failing that, the end.
  const line = lines.find((l) => /FATAL/.test(l)) ?? lines.findLast((l) => /ERROR/.test(l)) ?? lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * `npm start` once the app is built: the desktop app where it can start, else the browser
 * host. Resolves to the exit code for npm.
 * @param {import('./desktop-launch.d.mts').LaunchEffects} fx
 * @returns {Promise<number>}
 */
export async function launch(fx) {
  const electron = await fx.locateElectron();
  if (!electron.binary) return fx.serveInBrowser(electron.reason);
  const native = fx.ensureElectronBuild(electron.binary);
  if (!native.ok) return fx.serveInBrowser(native.reason);

  const helper = path.join(path.dirname(electron.binary), 'chrome-sandbox');
  const sandbox = sandboxDecision({
    platform: fx.machine.platform,
    uid: fx.machine.uid,
    args: fx.args,
    helper,
    userNamespaces: fx.machine.userNamespaces,
    setuidHelper: () => fx.machine.setuidHelper(helper),
  });
  if (sandbox.notice) fx.log(sandbox.notice);
  let flags = sandbox.flags;
  for (;;) {
    const run = await fx.runDesktop(electron.binary, flags);
    const withoutSandbox = flags.includes('--no-sandbox') || fx.args.includes('--no-sandbox');
    const next = afterDesktopExit({ ...run, withoutSandbox, platform: fx.machine.platform });
    if (next.action === 'retry-without-sandbox') {
      fx.log(next.notice);
      flags = [...flags, '--no-sandbox'];
      continue;
    }
    if (next.action === 'browser') return fx.serveInBrowser(next.reason);
    if (next.message) fx.log(next.message);
    return next.code;
  }
}
