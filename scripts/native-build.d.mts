// Types for native-build.mjs (a plain script Node runs as it is), for the tests that import it.
export type Runtime = 'node' | 'electron';

export declare const RUNTIMES: readonly Runtime[];

export interface Outcome {
  ok: boolean;
  detail: string;
}

export interface NativeBuildDeps {
  /** better-sqlite3's module file, build/Release/better_sqlite3.node. */
  binaryFile: string;
  /** Where a working build for that runtime is kept; null when its ABI is unknown. */
  cacheFile(runtime: Runtime): string | null;
  /** Does the module in place load in that runtime? */
  probe(runtime: Runtime): Outcome;
  /** Rebuilds the module in place for that runtime. */
  rebuild(runtime: Runtime): Outcome;
  log(message: string): void;
}

export type EnsureResult = { ok: true; how: 'in-place' | 'kept-copy' | 'rebuilt' } | { ok: false; reason: string };

export declare function ensureBuild(target: Runtime, deps: NativeBuildDeps): EnsureResult;
export declare function installedElectron(root: string): string | null;
export declare function projectDeps(root: string, options?: { electronBinary?: string | null; log?: (message: string) => void }): NativeBuildDeps;
