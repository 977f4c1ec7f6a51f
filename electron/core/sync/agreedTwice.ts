// The same minutes agreed on two laptops while apart: each wrote its agreement (and a frozen copy
// of the record) into the meeting's document. The sync server keeps agreed minutes read-only from
// the moment the first agreement reaches it, so the other laptop's agreement is refused there: the
// rule is "the agreement that reached the server first is the record", the same on every laptop.
// The laptop whose agreement was refused finds it here (its document holds two agreements, and its
// own is still unsent); agreedEdit.ts then takes its updates back out, as for any refused edit, and
// its tables, agreed already, are rewritten to the record the server holds: the one place where
// rows of agreed minutes change, with the triggers that forbid it lifted for that write only.
import type * as Y from 'yjs';
import type { Database } from '../db/driver';
import type { WriteHandle } from '../store/write';
import { AGREED_AT_KEY } from './registry';
import type { BoardReplica } from './replica';

/** The Yjs clients that wrote a map's key (its value and the earlier ones it replaced). */
function writersOf(map: Y.Map<unknown>, key: string): Set<number> {
  const out = new Set<number>();
  for (let item = map._map.get(key) ?? null; item; item = item.left) out.add(item.id.client);
  return out;
}

/** Whether a meeting's document holds two agreements of its minutes (each laptop sets its agreement once). */
export function agreedTwice(replica: BoardReplica, meetingId: string): boolean {
  return writersOf(replica.meeting(meetingId).doc.getMap('meeting'), AGREED_AT_KEY).size > 1;
}

/**
 * Runs `fn` with the triggers that keep agreed minutes unchanged lifted, inside the caller's
 * transaction, and puts each back exactly as it was (its own SQL): the schema after is the schema
 * before, and a failure rolls the whole write back, triggers included.
 */
export function withAgreedRewritable<T>(w: Pick<WriteHandle, 'db'>, fn: () => T): T {
  const db: Database = w.db;
  if (!db.inTransaction) throw new Error('Agreed minutes are only rewritten inside a transaction.');
  const guards = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_agreed\\_no\\_%' ESCAPE '\\' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  for (const g of guards) db.exec(`DROP TRIGGER "${g.name}"`);
  try {
    return fn();
  } finally {
    for (const g of guards) db.exec(g.sql);
  }
}
