// Bench: starting the built browser host (out/main/serve.js) on a data file, for the parts that
// drive the real app in Chromium (host start, typing, the action log on screen).
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts the built browser host on a data file; resolves with it and the address it prints. */
export function spawnHost(dataFile: string, root: string = process.cwd()): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), '--data', dataFile, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`host exited: ${out}`)));
  });
  // Awaited later by the caller; until then an early exit must not count as unhandled.
  url.catch(() => undefined);
  return { child, url };
}
