// Which build of the database module's native code (better-sqlite3-multiple-ciphers, the
// SQLCipher-capable build of better-sqlite3) is in place: the one for Node.js (tests, the
// browser host, the command-line tools) or the one for Electron (the desktop app). The two
// cannot share a file, so switching replaces it. Each build that has worked is kept in
// node_modules/.cache, so switching back is a copy: no download, no compiler, no minute of
// rebuilding. A rebuild that fails puts back the build that was there, so the other runtime
// still works (npm start then falls back to the browser host).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const RUNTIMES = /** @type {const} */ (['node', 'electron']);

const LABEL = { node: 'Node.js', electron: 'Electron' };

/** The database module: the one name scripts and core's driver.ts load. */
export const DRIVER = 'better-sqlite3-multiple-ciphers';

// Loads, and has its cipher: a plain SQLite build would answer nothing to PRAGMA cipher.
const PROBE = `const db = new (require('${DRIVER}'))(':memory:'); if (!db.pragma('cipher', { simple: true })) process.exit(3)`;

/**
 * Makes the build for `target` the one in place.
 * @param {'node' | 'electron'} target
 * @param {import('./native-build.d.mts').NativeBuildDeps} deps
 * @returns {import('./native-build.d.mts').EnsureResult}
 */
export function ensureBuild(target, deps) {
  const other = target === 'node' ? 'electron' : 'node';
  if (deps.probe(target).ok) {
    keep(target, deps, false);
    return { ok: true, how: 'in-place' };
  }
  // The build in place is not for the target. If it works for the other runtime, keep a copy
  // of it before anything replaces it.
  if (deps.probe(other).ok) keep(other, deps, false);

  if (restore(target, deps)) {
    if (deps.probe(target).ok) {
      deps.log(`${DRIVER}: switched to the build for ${LABEL[target]} kept from an earlier run.`);
      return { ok: true, how: 'kept-copy' };
    }
    const stale = deps.cacheFile(target);
    if (stale) fs.rmSync(stale, { force: true });
  }

  deps.log(`${DRIVER} is not built for ${LABEL[target]}; rebuilding it${target === 'electron' ? ' for Electron' : ' from source'}…`);
  const rebuilt = deps.rebuild(target);
  if (rebuilt.ok && deps.probe(target).ok) {
    keep(target, deps, true);
    return { ok: true, how: 'rebuilt' };
  }
  const putBack = restore(other, deps) && deps.probe(other).ok;
  const why = rebuilt.ok ? `the rebuilt module still does not load in ${LABEL[target]}` : rebuilt.detail;
  return {
    ok: false,
    reason:
      `${DRIVER} (the database module) could not be built for ${LABEL[target]}: ${why}. ` +
      'Building it needs either a prebuilt binary, downloaded from GitHub, or a C++ toolchain ' +
      '(build-essential and python3 on Linux, the Xcode Command Line Tools on macOS, Visual Studio Build Tools on Windows).' +
      (putBack ? ` The build for ${LABEL[other]} was put back.` : ''),
  };
}

/** Copies the build in place into the cache (always after a rebuild; otherwise only if none is kept yet). */
function keep(runtime, deps, replace) {
  const file = deps.cacheFile(runtime);
  if (!file || !fs.existsSync(deps.binaryFile) || (!replace && fs.existsSync(file))) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(deps.binaryFile, file);
}

/** Puts the kept build for `runtime` in place; false when none is kept. */
function restore(runtime, deps) {
  const file = deps.cacheFile(runtime);
  if (!file || !fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(deps.binaryFile), { recursive: true });
  fs.copyFileSync(file, deps.binaryFile);
  return true;
}

/**
 * The Electron binary that is already installed, without downloading it (requiring the
 * electron package would): null when there is none.
 */
export function installedElectron(root) {
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const binary = path.join(dir, 'dist', fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The real probes, rebuilds and cache for the project at `root`.
 * @param {string} root
 * @param {{ electronBinary?: string | null, log?: (message: string) => void }} [options]
 * @returns {import('./native-build.d.mts').NativeBuildDeps}
 */
export function projectDeps(root, options = {}) {
  const require = createRequire(path.join(root, 'package.json'));
  const moduleDir = path.dirname(require.resolve(`${DRIVER}/package.json`));
  const { version } = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8'));
  const electronBinary = options.electronBinary === undefined ? installedElectron(root) : options.electronBinary;
  const abi = {
    node: process.versions.modules,
    electron: readOr(path.join(root, 'node_modules', 'electron', 'abi_version'), null),
  };
  const shell = process.platform === 'win32';
  return {
    binaryFile: path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
    cacheFile: (runtime) =>
      abi[runtime]
        ? path.join(root, 'node_modules', '.cache', 'matters-arising', `${DRIVER}-${version}-${runtime}-abi${abi[runtime]}-${process.platform}-${process.arch}.node`)
        : null,
    probe: (runtime) => {
      const command = runtime === 'node' ? process.execPath : electronBinary;
      if (!command) return { ok: false, detail: 'no Electron runtime is installed' };
      const env = runtime === 'electron' ? { ...process.env, ELECTRON_RUN_AS_NODE: '1' } : process.env;
      const result = spawnSync(command, ['-e', PROBE], { cwd: root, env, encoding: 'utf8' });
      return { ok: result.status === 0, detail: `${result.stderr ?? result.error?.message ?? ''}`.trim() };
    },
    rebuild: (runtime) => {
      const [command, args] = runtime === 'node' ? ['npm', ['rebuild', DRIVER]] : ['npx', ['electron-builder', 'install-app-deps']];
      const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell });
      if (result.status === 0) return { ok: true, detail: '' };
      return { ok: false, detail: `\`${command} ${args.join(' ')}\` failed${result.error ? ` (${result.error.message})` : ''} (its messages are above)` };
    },
    log: options.log ?? ((message) => console.log(message)),
  };
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, 'utf8').trim() || fallback;
  } catch {
    return fallback;
  }
}
