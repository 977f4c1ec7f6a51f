// `npm run sync-server`'s argument handling (electron/syncServer/cli.ts), in process: it listens on
// 127.0.0.1 unless told, takes its key from MATTERS_ARISING_KEY, and refuses what it cannot use
// with a message saying what to do.
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSyncServer } from '../../electron/syncServer/cli';
import { boardDoc, connectClient, newBoardId, newToken, synced } from '../helpers/syncClient';
import { tempDir } from '../helpers/temp';

/** A port nothing listens on now (taken from the system, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run sync-server', () => {
  it('listens on 127.0.0.1 by default with the key from MATTERS_ARISING_KEY, and serves laptops', async () => {
    const port = await freePort();
    const server = await runSyncServer(['--data', path.join(tempDir(), 'sync'), '--port', String(port)]);
    try {
      expect(server.url).toBe(`ws://127.0.0.1:${port}`);
      const laptop = connectClient(server.url, boardDoc(newBoardId()), newToken());
      await synced(laptop.provider);
      // A second server on the same port is refused with what to do.
      await expect(runSyncServer(['--data', path.join(tempDir(), 'other'), '--port', String(port)])).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await server.close();
    }
  });

  it('refuses missing arguments, half a TLS pair and unreadable certificates', async () => {
    const data = path.join(tempDir(), 'sync');
    await expect(runSyncServer(['--port', '4000'])).rejects.toThrow(/^Usage: npm run sync-server -- --data <folder> --port <n>/);
    await expect(runSyncServer(['--data', data, '--port', 'http'])).rejects.toThrow('--port must be a whole number from 1 to 65535, not "http".');
    await expect(runSyncServer(['--data', data, '--port', '4000', '--tls-cert', 'cert.pem'])).rejects.toThrow('Give both --tls-cert and --tls-key (PEM files), or neither.');
    await expect(runSyncServer(['--data', data, '--port', '4000', '--tls-cert', path.join(data, 'no.pem'), '--tls-key', path.join(data, 'no.pem')])).rejects.toThrow(
      /^Could not read the TLS certificate or key: ENOENT/,
    );
  });
});
