// npm start: builds the app, then opens the desktop app where an Electron runtime is
// installed; where none is (or it cannot be downloaded), says so and serves the same UI
// through the browser host instead, printing the address to open.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function runOrExit(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary's path, or why there is none. Asking the electron package downloads it if needed. */
function findElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
    return { reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, so no Electron runtime was installed' };
  }
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const binary = result.status === 0 ? result.stdout.trim() : '';
  if (binary && fs.existsSync(binary)) return { binary };
  const why = `${result.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'the Electron runtime could not be downloaded';
  return { reason: `no Electron runtime is installed (${why.trim()})` };
}

runOrExit('npx', ['electron-vite', 'build']);
const electron = findElectron();

if (electron.binary) {
  runOrExit(process.execPath, [path.join(root, 'scripts/ensure-native.mjs'), 'electron', electron.binary]);
  const app = spawn(electron.binary, [root, ...args], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`\nMatters Arising: ${electron.reason}.`);
  console.log('Serving the same app in your web browser instead.\n');
  runOrExit(process.execPath, [path.join(root, 'scripts/ensure-native.mjs'), 'node']);
  const host = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...args], { cwd: root, stdio: 'inherit' });
  const forward = (signal) => host.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  host.on('exit', (code) => process.exit(code ?? 0));
}
