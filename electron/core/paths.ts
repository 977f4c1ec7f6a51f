// Where the data file lives: the OS app-data folder by default; `--data <file>` or the
// MATTERS_ARISING_DATA environment variable override it (tests, encrypted drives).
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'Matters Arising';
export const DATA_FILE_NAME = 'matters-arising.sqlite';
export const DATA_ENV = 'MATTERS_ARISING_DATA';

/** The same folder Electron's app.getPath('userData') gives for this product name. */
export function appDataFolder(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER);
}

/** Value of `--name value` or `--name=value` in argv, if present. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === `--${name}`) return argv[i + 1];
    if (arg?.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return undefined;
}

/** True when neither --data nor the environment chose the data file: it lives in the app's own folder. */
export function usesDefaultDataFile(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  const chosen = argValue(argv, 'data') ?? env[DATA_ENV];
  return !chosen;
}

export function resolveDataFile(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env, defaultFolder: string = appDataFolder()): string {
  const chosen = argValue(argv, 'data') ?? env[DATA_ENV];
  return path.resolve(chosen && chosen.length > 0 ? chosen : path.join(defaultFolder, DATA_FILE_NAME));
}
