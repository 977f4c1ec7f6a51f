// Types for desktop-launch.mjs (a plain script Node runs as it is), for the tests and the
// desktop app's main process, which prints DESKTOP_OPENED_LINE.
import type { EnsureResult } from './native-build.mjs';

export declare const DESKTOP_OPENED_LINE: string;
export declare const ELECTRON_PATH_MARKER: string;
export declare const LOCATE_ELECTRON: string;

export declare function electronPathFrom(stdout: string): string | null;
export declare function isPathLine(line: string): boolean;
export declare function whyNoElectron(seen: {
  skipDownload?: boolean;
  timedOut?: boolean;
  stdout?: string;
  stderr?: string;
  missingBinary?: string | null;
}): string;

export interface SandboxMachine {
  platform: string;
  uid: number | null;
  args: string[];
  /** chrome-sandbox beside the Electron binary. */
  helper: string;
  /** Does `unshare -Ur true` succeed? */
  userNamespaces: () => boolean;
  /** Is the helper owned by root with the setuid bit? */
  setuidHelper: () => boolean;
}
export declare function sandboxDecision(machine: SandboxMachine): { flags: string[]; notice: string | null };
export declare function isSandboxFailure(output: string): boolean;
export declare function signalExitCode(signal: string): number;

export interface DesktopExit {
  code: number | null;
  signal: string | null;
  /** The app printed DESKTOP_OPENED_LINE before it exited. */
  opened: boolean;
  /** What it wrote to stderr (the last part). */
  output: string;
}
export type AfterExit =
  | { action: 'exit'; code: number; message: string | null }
  | { action: 'retry-without-sandbox'; notice: string }
  | { action: 'browser'; reason: string };
export declare function afterDesktopExit(exit: DesktopExit & { withoutSandbox: boolean; platform: string }): AfterExit;

export interface LaunchEffects {
  /** npm start's own arguments (after `--`), passed on to the app. */
  args: string[];
  machine: {
    platform: string;
    uid: number | null;
    userNamespaces: () => boolean;
    setuidHelper: (helper: string) => boolean;
  };
  locateElectron(): Promise<{ binary: string; reason?: undefined } | { binary?: undefined; reason: string }>;
  ensureElectronBuild(binary: string): EnsureResult;
  runDesktop(binary: string, flags: string[]): Promise<DesktopExit>;
  /** Says why, switches to the Node.js build, runs the browser host: its exit code. */
  serveInBrowser(reason: string): Promise<number>;
  log(message: string): void;
}
export declare function launch(fx: LaunchEffects): Promise<number>;
