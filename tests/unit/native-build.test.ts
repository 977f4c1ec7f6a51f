// Switching better-sqlite3's native module between the Node.js and the Electron build
// (scripts/native-build.mjs), over real files in a temp folder. The "runtimes" are fakes: a
// build loads in a runtime when the file says it was built for it, and a rebuild writes that.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuild, installedElectron, type NativeBuildDeps, type Runtime } from '../../scripts/native-build.mjs';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-native-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

interface FakeMachine extends NativeBuildDeps {
  rebuilds: Runtime[];
  messages: string[];
  /** What the module file in place says, or null when there is none. */
  inPlace(): string | null;
}

/** A machine whose rebuilds succeed for the runtimes listed (no compiler, no download: none). */
function machine(canRebuild: Runtime[], initial: string | null = 'built for node'): FakeMachine {
  const binaryFile = path.join(dir, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (initial !== null) {
    fs.mkdirSync(path.dirname(binaryFile), { recursive: true });
    fs.writeFileSync(binaryFile, initial);
  }
  const inPlace = (): string | null => (fs.existsSync(binaryFile) ? fs.readFileSync(binaryFile, 'utf8') : null);
  const rebuilds: Runtime[] = [];
  const messages: string[] = [];
  return {
    binaryFile,
    cacheFile: (runtime) => path.join(dir, 'cache', `better-sqlite3-${runtime}.node`),
    probe: (runtime) => ({ ok: inPlace() === `built for ${runtime}`, detail: 'NODE_MODULE_VERSION mismatch' }),
    rebuild: (runtime) => {
      rebuilds.push(runtime);
      // Like node-gyp, a rebuild starts by removing the old build.
      fs.rmSync(binaryFile, { force: true });
      if (!canRebuild.includes(runtime)) return { ok: false, detail: 'no prebuilt binary and no compiler' };
      fs.writeFileSync(binaryFile, `built for ${runtime}`);
      return { ok: true, detail: '' };
    },
    log: (message) => messages.push(message),
    rebuilds,
    messages,
    inPlace,
  };
}

describe('ensureBuild', () => {
  it('does nothing when the build in place already loads', () => {
    const m = machine([]);
    expect(ensureBuild('node', m)).toEqual({ ok: true, how: 'in-place' });
    expect(m.rebuilds).toEqual([]);
    expect(m.messages).toEqual([]);
  });

  it('rebuilds for Electron once, then switches both ways by copying the kept builds', () => {
    const m = machine(['node', 'electron']);
    expect(ensureBuild('electron', m)).toEqual({ ok: true, how: 'rebuilt' });
    expect(m.inPlace()).toBe('built for electron');

    // npm start left the Electron build: npm run serve / export / bench / test switch back.
    expect(ensureBuild('node', m)).toEqual({ ok: true, how: 'kept-copy' });
    expect(m.inPlace()).toBe('built for node');
    expect(ensureBuild('electron', m)).toEqual({ ok: true, how: 'kept-copy' });
    expect(m.inPlace()).toBe('built for electron');
    expect(m.rebuilds).toEqual(['electron']);
  });

  it('when the Electron rebuild fails, says why and puts the Node build back so the browser host still works', () => {
    const m = machine(['node']);
    ensureBuild('node', m);
    const result = ensureBuild('electron', m);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/could not be built for Electron: no prebuilt binary and no compiler.*C\+\+ toolchain.*The build for Node\.js was put back\./);
    expect(m.inPlace()).toBe('built for node');
    expect(ensureBuild('node', m)).toEqual({ ok: true, how: 'in-place' });
  });

  it('switches back to Node after a build for Electron it never saw (electron-builder rebuilt it in place)', () => {
    const m = machine(['node', 'electron']);
    ensureBuild('node', m);
    fs.writeFileSync(m.binaryFile, 'built for electron');
    expect(ensureBuild('node', m)).toEqual({ ok: true, how: 'kept-copy' });
    expect(m.rebuilds).toEqual([]);
  });

  it('drops a kept copy that no longer loads, and rebuilds', () => {
    const m = machine(['node'], 'built for electron');
    fs.mkdirSync(path.join(dir, 'cache'), { recursive: true });
    fs.writeFileSync(m.cacheFile('node')!, 'built for an older node');
    expect(ensureBuild('node', m)).toEqual({ ok: true, how: 'rebuilt' });
    expect(fs.readFileSync(m.cacheFile('node')!, 'utf8')).toBe('built for node');
  });

  it('fails with the reason when neither a kept copy nor a rebuild gives a working module', () => {
    const m = machine([], null);
    const result = ensureBuild('node', m);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be built for Node\.js: no prebuilt binary and no compiler/) as unknown });
  });
});

describe('installedElectron', () => {
  it('finds the downloaded runtime from path.txt without downloading, and nothing when it is absent', () => {
    expect(installedElectron(dir)).toBeNull();
    const electronDir = path.join(dir, 'node_modules', 'electron');
    fs.mkdirSync(path.join(electronDir, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(installedElectron(dir)).toBeNull();
    fs.writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
    expect(installedElectron(dir)).toBe(path.join(electronDir, 'dist', 'electron'));
  });
});
