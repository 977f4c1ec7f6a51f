// Starts the real browser host (the built out/main/serve.js) on a data file, and waits for
// the address it prints: a signal from the app, never a sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_KEY_TEXT } from '../helpers/testKey';

export interface RunningHost {
  url: string;
  origin: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

const SERVE = path.resolve('out/main/serve.js');

export function startHost(dataFile: string, extraArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [SERVE, '--data', dataFile, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Every data file a host makes is encrypted with the tests' key.
    env: { ...process.env, MATTERS_ARISING_DATA: '', MATTERS_ARISING_KEY: TEST_KEY_TEXT, ...extraEnv },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Open this address in your browser: (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match?.[1]) {
        const url = match[1];
        resolve({
          url,
          origin: new URL(url).origin,
          process: child,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`The browser host exited (${code}) before it was ready:\n${output}`)));
  });
}
