// `node scripts/ensure-native.mjs node|electron [electron binary]`: makes sure the database
// module (better-sqlite3-multiple-ciphers) is built for the runtime about to use it. Every
// package.json script that loads core runs it first (`node`), because `npm start` leaves the
// Electron build in place; the switch itself is in native-build.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild, installedElectron, projectDeps } from './native-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? 'node';

if (target !== 'node' && target !== 'electron') {
  console.error(`ensure-native: unknown target "${target}" (use node or electron)`);
  process.exit(2);
}

const electronBinary = process.argv[3] ?? installedElectron(root);
if (target === 'electron' && !electronBinary) {
  console.error('ensure-native: no Electron runtime is installed (npm start downloads it).');
  process.exit(1);
}
const result = ensureBuild(target, projectDeps(root, { electronBinary }));
if (!result.ok) {
  console.error(result.reason);
  process.exit(1);
}
