// A laptop's network for sync tests: a TCP relay on loopback between one laptop and the sync
// server. Cutting it drops the laptop's open connections and refuses new ones (as a lost Wi-Fi
// would), so the laptop goes offline through its own reconnection logic, not a switch in core.
import net from 'node:net';
import { afterEach } from 'vitest';

export interface LaptopNetwork {
  /** The ws:// address the laptop uses (the relay's). */
  readonly url: string;
  readonly online: boolean;
  /** Drops every connection through the relay and refuses new ones. */
  cut(): void;
  /** Lets connections through again. */
  restore(): void;
  close(): Promise<void>;
}

const open: LaptopNetwork[] = [];

afterEach(async () => {
  for (const n of open.splice(0)) await n.close();
});

/** A relay to the server on `serverPort` (which may stop and start again on the same port). */
export async function laptopNetwork(serverPort: number): Promise<LaptopNetwork> {
  const sockets = new Set<net.Socket>();
  let online = true;
  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (!online) {
      client.destroy();
      return;
    }
    const upstream = net.connect(serverPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const network: LaptopNetwork = {
    url: `ws://127.0.0.1:${port}`,
    get online() {
      return online;
    },
    cut() {
      online = false;
      for (const s of [...sockets]) s.destroy();
    },
    restore() {
      online = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        online = false;
        for (const s of [...sockets]) s.destroy();
        server.close(() => resolve());
      }),
  };
  open.push(network);
  return network;
}
