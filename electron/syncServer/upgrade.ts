// Brings a sync server file written by an earlier server up to this one's data version, in one
// transaction (a failure leaves the file as it was, and the server does not start).
// Version 2 (sync format ma2): every document stored under an ma1 name is carried over to its ma2
// name, the same updates in the same order, so the laptops that connect once updated find their
// board's documents as they left them. Laptops still on ma1 are refused (rules.ts): they write no
// change marks, and what they changed could stay unseen by the others.
import type { Database } from '../core/db/driver';

/** Upgrades the file from `from` to `to`; returns how many documents were carried over to new names. */
export function upgradeSyncFile(db: Database, from: number, to: number): number {
  let carried = 0;
  db.transaction(() => {
    if (from < 2) {
      carried = db.prepare("SELECT count(DISTINCT document) FROM updates WHERE substr(document, 1, 4) = 'ma1/'").pluck().get() as number;
      // Stored updates are never changed in place (a trigger refuses it): each is written again
      // under its new name, in the order it was stored, and the old row removed.
      db.prepare("INSERT INTO updates (document, data) SELECT 'ma2/' || substr(document, 5), data FROM updates WHERE substr(document, 1, 4) = 'ma1/' ORDER BY seq").run();
      db.prepare("DELETE FROM updates WHERE substr(document, 1, 4) = 'ma1/'").run();
    }
    db.pragma(`user_version = ${to}`);
  })();
  return carried;
}
