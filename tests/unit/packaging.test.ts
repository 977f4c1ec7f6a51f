// `npm run dist` as electron-builder itself reads it: its own loader and schema over
// electron-builder.yml, the three installers, and the fuses with the signature reset that an
// unsigned Apple Silicon build needs to launch at all.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const require = createRequire(import.meta.url);

interface BuilderConfig {
  mac?: { target?: unknown };
  win?: { target?: unknown };
  linux?: { target?: unknown };
  electronFuses?: Record<string, boolean | undefined>;
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
}

async function builderConfig(): Promise<BuilderConfig> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule;
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, { isEnabled: false, add: () => {} });
  return config;
}

describe('npm run dist', () => {
  it('is a valid electron-builder configuration for a dmg, an NSIS installer and an AppImage', async () => {
    const config = await builderConfig();
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    expect(config.linux?.target).toBe('AppImage');
  });

  it('flips the fuses and re-signs ad hoc afterwards, so an unsigned Apple Silicon build still launches', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toMatchObject({
      resetAdHocDarwinSignature: true,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the Node.js the app asks for', () => {
  const semver = require('semver') as { minVersion(range: string): { version: string } | null; gte(a: string, b: string): boolean };
  const lowest = (range: string): string => semver.minVersion(range)?.version ?? '0.0.0';

  it('is at least what Electron and its download and rebuild tools declare', () => {
    for (const name of ['electron', '@electron/get', '@electron/rebuild']) {
      const theirs = (JSON.parse(fs.readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { engines: { node: string } }).engines.node;
      expect(semver.gte(lowest(pkg.engines.node), lowest(theirs)), `${name} needs node ${theirs}`).toBe(true);
    }
  });

  it('is advice to npm, not a refusal: no .npmrc makes engines strict, so `npm ci` still installs on older Node for the tests', () => {
    const npmrc = fs.existsSync('.npmrc') ? fs.readFileSync('.npmrc', 'utf8') : '';
    expect(npmrc).not.toMatch(/^\s*engine-strict\s*=\s*true/m);
  });
});
