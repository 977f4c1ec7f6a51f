// npm start: builds the app, then opens the desktop app where an Electron runtime is installed
// (downloaded on first use) and can start; wherever it cannot (no download, no database module
// built for it, Electron dying before its window opens), says why and serves the same UI
// through the browser host instead, printing the address to open. The decisions are in
// desktop-launch.mjs; this file only does what they need done.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { DESKTOP_OPENED_LINE, electronPathFrom, isPathLine, LOCATE_ELECTRON, launch, signalExitCode, whyNoElectron } from './desktop-launch.mjs';
import { ensureBuild, projectDeps } from './native-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const DOWNLOAD_LIMIT_MS = 10 * 60 * 1000;
const KEEP_OUTPUT = 20_000;

function runOrExit(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Forwards a child's lines as they come, except those `hide` picks; resolves with all it read. */
function relayLines(stream, out, hide) {
  let pending = '';
  let all = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    all += chunk;
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (!hide(line)) out.write(`${line}\n`);
  });
  return new Promise((resolve) =>
    stream.on('end', () => {
      if (pending && !hide(pending)) out.write(pending);
      resolve(all);
    }),
  );
}

function collect(stream) {
  let all = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => (all += chunk));
  return new Promise((resolve) => stream.on('end', () => resolve(all)));
}

/** Asks the electron package for its binary, which downloads it on first use; shows the download's messages. */
async function locateElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') return { reason: whyNoElectron({ skipDownload: true }) };
  const child = spawn(process.execPath, ['-e', LOCATE_ELECTRON], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill();
  }, DOWNLOAD_LIMIT_MS);
  // Its stdout says "Downloading Electron binary..." on first use: shown as it comes. Its
  // stderr is a stack trace when the download fails: summarised in the reason instead.
  const [stdout, stderr, code] = await Promise.all([
    relayLines(child.stdout, process.stdout, isPathLine),
    collect(child.stderr),
    new Promise((resolve) => child.on('close', (status) => resolve(status))),
  ]);
  clearTimeout(timer);
  const binary = code === 0 ? electronPathFrom(stdout) : null;
  if (binary && fs.existsSync(binary)) return { binary };
  return { reason: whyNoElectron({ timedOut, stdout, stderr, missingBinary: binary }) };
}

/** Runs the desktop app, passing its output through, and notes whether its window opened. */
async function runDesktop(binary, flags) {
  const env = { ...process.env };
  // Set by some editors' terminals; it would make Electron run "." as a Node.js script.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(binary, [...flags, root, ...args], { cwd: root, env, stdio: ['inherit', 'pipe', 'pipe'] });
  let opened = false;
  let seen = '';
  let output = '';
  app.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    // The line may come split across chunks: look in what is left of the last one, plus this one.
    const text = seen + chunk.toString();
    if (text.includes(DESKTOP_OPENED_LINE)) opened = true;
    seen = text.slice(-DESKTOP_OPENED_LINE.length);
  });
  app.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    output = (output + chunk.toString()).slice(-KEEP_OUTPUT);
  });
  // Ctrl+C reaches Electron from the terminal itself (a second SIGINT would cut its close
  // short); a SIGTERM sent to npm is passed on.
  const ignore = () => {};
  const forward = () => app.kill('SIGTERM');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  const [code, signal] = await new Promise((resolve) => app.on('close', (c, s) => resolve([c, s])));
  process.off('SIGINT', ignore);
  process.off('SIGTERM', forward);
  return { code, signal, opened, output };
}

let electronBinary = null;

async function serveInBrowser(reason) {
  console.log(`\nMatters Arising: ${reason.replace(/[.\s]+$/, '')}.`);
  console.log('Serving the same app in your web browser instead.\n');
  const native = ensureBuild('node', projectDeps(root, { electronBinary }));
  if (!native.ok) {
    console.error(native.reason);
    return 1;
  }
  const host = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...args], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => host.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const [code, signal] = await new Promise((resolve) => host.on('close', (c, s) => resolve([c, s])));
  return code ?? signalExitCode(signal);
}

runOrExit('npx', ['electron-vite', 'build']);
const exitCode = await launch({
  args,
  machine: {
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    // electron-builder's AppImage launcher asks the same question; no unshare counts as no.
    userNamespaces: () => spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore' }).status === 0,
    setuidHelper: (helper) => {
      try {
        const stat = fs.statSync(helper);
        return stat.uid === 0 && (stat.mode & 0o4000) !== 0;
      } catch {
        return false;
      }
    },
  },
  locateElectron: async () => {
    const found = await locateElectron();
    electronBinary = found.binary ?? null;
    return found;
  },
  ensureElectronBuild: (binary) => ensureBuild('electron', projectDeps(root, { electronBinary: binary })),
  runDesktop,
  serveInBrowser,
  log: (message) => console.log(message),
});
process.exit(exitCode);
