// Reads what a client's Hocuspocus message carries, before Hocuspocus applies it: the Yjs update
// inside a sync message (sync step 2 or an update), so it can be checked and stored first. The
// framing is lib0's (unsigned LEB128 lengths), read here so no undeclared package is imported.

/** Hocuspocus's message types that carry y-protocols sync messages (Sync and SyncReply). */
const SYNC_TYPES = new Set([0, 4]);
/** y-protocols sync message types: 1 is sync step 2 (the diff a client sends on connecting), 2 an update. */
const STEP2 = 1;
const UPDATE = 2;

export type SyncPayload = { kind: 'step2' | 'update'; update: Uint8Array };

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0;
    let factor = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new RangeError('message ends inside a number');
      const byte = this.bytes[this.pos++] as number;
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
      if (factor > 2 ** 53) throw new RangeError('number too large in message');
    }
  }

  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new RangeError('message ends inside a field');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }
}

/** The update a message carries, or null for any other message (sync step 1, awareness, stateless, …). Throws on bytes that are not a message. */
export function syncPayload(message: Uint8Array): SyncPayload | null {
  const reader = new Reader(message);
  reader.bytesOf(reader.varUint()); // the document's name
  if (!SYNC_TYPES.has(reader.varUint())) return null;
  const syncType = reader.varUint();
  if (syncType !== STEP2 && syncType !== UPDATE) return null;
  return { kind: syncType === STEP2 ? 'step2' : 'update', update: reader.bytesOf(reader.varUint()) };
}
