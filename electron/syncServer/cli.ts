// `npm run sync-server -- --data <folder> --port <n> [--host 127.0.0.1] [--tls-cert f --tls-key f]`:
// runs the sync server until SIGINT or SIGTERM, then stores every document and closes its file.
// The key of its data file: MATTERS_ARISING_KEY, else typed on the terminal (keySource.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { keyForTool, KeyUnavailableError } from '../core/crypt/keySource';
import { argValue } from '../core/paths';
import { SYNC_FORMAT } from '../../shared/domain/syncFormat';
import { startSyncServer, type SyncServer } from './server';
import { SYNC_FILE, SyncStoreError } from './store';

const USAGE =
  'Usage: npm run sync-server -- --data <folder> --port <n> [--host 127.0.0.1] [--tls-cert cert.pem --tls-key key.pem]\n' +
  'The data file is encrypted: give its key as MATTERS_ARISING_KEY (or type it when asked).';

export class SyncServerProblem extends Error {}

export async function runSyncServer(argv: readonly string[]): Promise<SyncServer> {
  const folder = argValue(argv, 'data');
  const portText = argValue(argv, 'port');
  if (!folder || !portText) throw new SyncServerProblem(USAGE);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new SyncServerProblem(`--port must be a whole number from 1 to 65535, not "${portText}".`);
  const host = argValue(argv, 'host') ?? '127.0.0.1';
  const certFile = argValue(argv, 'tls-cert');
  const keyFile = argValue(argv, 'tls-key');
  if (Boolean(certFile) !== Boolean(keyFile)) throw new SyncServerProblem('Give both --tls-cert and --tls-key (PEM files), or neither.');
  let tls: { cert: Buffer; key: Buffer } | undefined;
  if (certFile && keyFile) {
    try {
      tls = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
    } catch (err) {
      throw new SyncServerProblem(`Could not read the TLS certificate or key: ${(err as Error).message}`);
    }
  }
  const dataFolder = path.resolve(folder);
  let key;
  try {
    key = await keyForTool({ file: path.join(dataFolder, SYNC_FILE) });
  } catch (err) {
    if (err instanceof KeyUnavailableError) throw new SyncServerProblem(err.message);
    throw err;
  }
  try {
    return await startSyncServer({ dataFolder, port, host, tls, key });
  } catch (err) {
    if (err instanceof SyncStoreError) throw new SyncServerProblem(err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new SyncServerProblem(`Port ${port} on ${host} is already in use: stop what uses it, or choose another --port.`);
    if (code === 'EACCES') throw new SyncServerProblem(`Not allowed to listen on port ${port}: ports below 1024 need extra rights; choose a port above 1024.`);
    if (code === 'EADDRNOTAVAIL') throw new SyncServerProblem(`This computer has no address ${host}: give --host one of its addresses (or 0.0.0.0 for all).`);
    throw err;
  }
}

const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  runSyncServer(process.argv.slice(2)).then(
    (server) => {
      const everywhere = server.url.includes('0.0.0.0') ? ' (every interface: laptops use this computer\'s name or address)' : '';
      console.log(`Matters Arising sync server (sync format ${SYNC_FORMAT}) listening on ${server.url}${everywhere}; data in ${path.resolve(argValue(process.argv, 'data') ?? '')}. Stop with Ctrl+C.`);
      const stop = (signal: string): void => {
        console.log(`${signal}: storing every document and closing the data file…`);
        server.close().then(
          () => {
            console.log('Sync server stopped; every document is stored.');
            process.exit(0);
          },
          (err: unknown) => {
            console.error('The sync server did not stop cleanly:', err);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    },
    (err: unknown) => {
      const expected = err instanceof SyncServerProblem;
      console.error(`The sync server did not start: ${err instanceof Error ? err.message : String(err)}`);
      if (!expected) console.error(err);
      process.exitCode = expected ? 2 : 1;
    },
  );
}
