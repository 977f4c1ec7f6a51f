// A laptop's network for sync tests: a TCP relay on loopback between one laptop and the sync
// server. Cutting it drops the laptop's open connections and refuses new ones (as a lost Wi-Fi
// would), so the laptop goes offline through its own reconnection logic, not a switch in core.
// It can also damage the next update the server sends (a faulty line or middlebox): it reads the
// server's WebSocket frames (unmasked, uncompressed) and cuts that update's bytes short. And it can
// hold back what the server sends of documents' content (a slow laptop that has sent its own
// changes and not yet heard the server's), then hand it all over at once: a script decides which
// laptop has heard what, and what arrives together, not timing.
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
  /** The next Yjs update the server sends for a document whose name contains `doc` arrives cut short; resolves once it was sent so. */
  corruptNextUpdate(doc: string): Promise<void>;
  /** From now on, what the server sends of documents' content (sync step 2 and updates) is held back; the rest passes. */
  holdUpdates(): void;
  /** The names of the documents whose content is held back so far. */
  held(): string[];
  /** Hands over everything held back, in one write (so the laptop takes it in together), and holds nothing more. */
  release(): void;
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
  let corrupt: { doc: string; done: () => void } | null = null;
  let holding = false;
  let held: Array<{ client: net.Socket; name: string; raw: Buffer }> = [];
  const damage = (payload: Buffer): Buffer => {
    if (!corrupt) return payload;
    const message = readSyncUpdate(payload);
    if (!message || !message.name.includes(corrupt.doc)) return payload;
    const cut = message.update.subarray(0, message.update.length - 3);
    const damaged = Buffer.from([...varBytes(Buffer.from(message.name)), 0, 2, ...varBytes(cut)]);
    const { done } = corrupt;
    corrupt = null;
    setImmediate(done);
    return damaged;
  };
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
    }
    client.pipe(upstream);
    // Server to laptop: frame by frame after the HTTP upgrade's answer, so one update can be damaged.
    let pending = Buffer.alloc(0);
    let upgraded = false;
    upstream.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        client.write(pending.subarray(0, end + 4));
        pending = pending.subarray(end + 4);
        upgraded = true;
      }
      for (;;) {
        const frame = readFrame(pending);
        if (!frame) return;
        pending = pending.subarray(frame.length);
        const content = holding && frame.opcode === 2 ? readSyncContent(frame.payload) : null;
        if (content) {
          held.push({ client, name: content, raw: Buffer.from(frame.raw) });
          continue;
        }
        client.write(frame.opcode === 2 ? encodeFrame(frame.fin, frame.opcode, damage(frame.payload)) : frame.raw);
      }
    });
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
    corruptNextUpdate: (doc) => new Promise<void>((done) => (corrupt = { doc, done })),
    holdUpdates() {
      holding = true;
    },
    held: () => held.map((h) => h.name),
    release() {
      holding = false;
      const frames = held;
      held = [];
      for (const client of new Set(frames.map((f) => f.client))) {
        if (!client.destroyed) client.write(Buffer.concat(frames.filter((f) => f.client === client).map((f) => f.raw)));
      }
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

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
  raw: Buffer;
  length: number;
}

/** One unmasked WebSocket frame from the start of `buf`, or null if it is not all there yet. */
function readFrame(buf: Buffer): Frame | null {
  if (buf.length < 2) return null;
  const fin = (buf[0]! & 0x80) !== 0;
  const opcode = buf[0]! & 0x0f;
  let length = buf[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  if (buf.length < offset + length) return null;
  return { fin, opcode, payload: buf.subarray(offset, offset + length), raw: buf.subarray(0, offset + length), length: offset + length };
}

function encodeFrame(fin: boolean, opcode: number, payload: Buffer): Buffer {
  const head = payload.length < 126 ? Buffer.from([0, payload.length]) : payload.length < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = (fin ? 0x80 : 0) | opcode;
  if (payload.length >= 126 && payload.length < 65536) {
    head[1] = 126;
    head.writeUInt16BE(payload.length, 2);
  } else if (payload.length >= 65536) {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([head, payload]);
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
const varBytes = (bytes: Uint8Array): number[] => [...varUint(bytes.length), ...bytes];

/** A Hocuspocus message's document name and the numbers after it (message type, y-protocols kind, ...), read as asked. */
function readMessage(message: Buffer): { name: string; num: () => number; rest: () => Buffer } {
  let pos = 0;
  const num = (): number => {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (pos >= message.length) throw new RangeError('short');
      const byte = message[pos++]!;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  const nameLength = num();
  const name = message.subarray(pos, pos + nameLength).toString();
  pos += nameLength;
  return { name, num, rest: () => message.subarray(pos) };
}

/** The document name of a Hocuspocus sync message carrying content (type 0, y-protocols step 2 or update), else null. */
function readSyncContent(message: Buffer): string | null {
  try {
    const { name, num } = readMessage(message);
    if (num() !== 0) return null;
    const kind = num();
    return kind === 1 || kind === 2 ? name : null;
  } catch {
    return null;
  }
}

/** The document name and Yjs update of a Hocuspocus sync message carrying an update (type 0, y-protocols update 2), else null. */
function readSyncUpdate(message: Buffer): { name: string; update: Buffer } | null {
  try {
    const { name, num, rest } = readMessage(message);
    if (num() !== 0 || num() !== 2) return null;
    const length = num();
    return { name, update: rest().subarray(0, length) };
  } catch {
    return null;
  }
}
