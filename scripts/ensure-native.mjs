// Makes sure better-sqlite3's native module is built for the runtime about to use it:
// `node` (tests, the browser host) or `electron` (the desktop app). The two need different
// builds; switching rebuilds it from source, which takes about a minute.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = process.argv[2] ?? 'node';
const probe = "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()";

function loads(command, args, env = {}) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { ok: result.status === 0, detail: `${result.stderr ?? ''}`.trim() };
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (target === 'node') {
  const check = loads(process.execPath, ['-e', probe]);
  if (!check.ok) {
    console.log('better-sqlite3 is not built for this Node.js; rebuilding it from source...');
    run('npm', ['rebuild', 'better-sqlite3']);
  }
} else if (target === 'electron') {
  const electron = process.argv[3] ?? require('electron');
  const check = loads(electron, ['-e', probe], { ELECTRON_RUN_AS_NODE: '1' });
  if (!check.ok) {
    console.log('better-sqlite3 is not built for Electron; rebuilding it for Electron...');
    run('npx', ['electron-builder', 'install-app-deps']);
  }
} else {
  console.error(`ensure-native: unknown target "${target}" (use node or electron)`);
  process.exit(2);
}
