// `npm start` leaves better-sqlite3 built for Electron; every other package.json script that
// loads core (through a built host or tool, vitest or Playwright's browser host) must switch
// it back to the Node.js build before it does, or the data file "could not be opened".
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const ENSURE_NODE_BUILD = 'node scripts/ensure-native.mjs node';
/** Commands that load core, and with it better-sqlite3, in Node.js. */
const LOADS_CORE = [/^node (?:--[\w-]+(?:=\S+)? )*out\//, /^vitest\b/, /^playwright test\b/];

const scripts = pkg.scripts as Record<string, string>;

describe('package.json scripts', () => {
  it('switch better-sqlite3 to its Node.js build before anything that loads core', () => {
    const loadingCore: string[] = [];
    for (const [name, script] of Object.entries(scripts)) {
      const commands = script.split('&&').map((c) => c.trim());
      const first = commands.findIndex((c) => LOADS_CORE.some((re) => re.test(c)));
      if (first === -1) continue;
      loadingCore.push(name);
      expect(commands.slice(0, first), `npm run ${name}`).toContain(ENSURE_NODE_BUILD);
    }
    expect(loadingCore.sort()).toEqual(['bench', 'bench:data', 'encrypt', 'export', 'import', 'serve', 'sync-server', 'test:e2e', 'test:unit']);
  });

  it('leave the desktop app to npm start, which chooses the build itself', () => {
    expect(scripts.start).toBe('node scripts/start.mjs');
  });

  it('have a switch that leaves a working Node.js build in place and refuses an unknown runtime', () => {
    expect(spawnSync(process.execPath, ['scripts/ensure-native.mjs', 'node'], { encoding: 'utf8' }).status).toBe(0);
    // The build in place loads in Node.js and encrypts (a plain SQLite build knows no PRAGMA cipher).
    const loads = spawnSync(process.execPath, ['-e', "const db = new (require('better-sqlite3-multiple-ciphers'))(':memory:'); if (!db.pragma('cipher', { simple: true })) process.exit(3)"]);
    expect(loads.status).toBe(0);
    const unknown = spawnSync(process.execPath, ['scripts/ensure-native.mjs', 'deno'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown target "deno"/);
  });
});
