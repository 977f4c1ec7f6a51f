// `npm run dist` as electron-builder itself reads it: its own loader and schema over
// electron-builder.yml, the three installers, and the fuses with the signature reset that an
// unsigned Apple Silicon build needs to launch at all.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

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
