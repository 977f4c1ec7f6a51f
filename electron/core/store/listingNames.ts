// The names of meetings being listed at in one statement (carried_actions_listing, migration 15):
// whether a file has them, and the names a program writing without the app left behind, which the
// open treats as kept values that cannot be trusted. Apart from store/carryListing.ts, which writes
// them, so that the kept log's checks (store/actionSummary.ts) do not depend on the write path.
import type { Database } from '../db/driver';

const oneStatement = new WeakMap<Database, boolean>();

/** Whether this file has migration 15's way of listing in one statement. Asked once per connection. */
export function listsInOneStatement(db: Database): boolean {
  let known = oneStatement.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'carried_actions_listing'").get() !== undefined;
    // Only a yes is kept: a file migrated while open gains the table.
    if (known) oneStatement.set(db, known);
  }
  return known;
}

/** Meetings still named as being listed outside a write: left by a program that wrote without the app. */
export function listingNamesLeft(db: Database): boolean {
  return listsInOneStatement(db) && db.prepare('SELECT 1 FROM carried_actions_listing LIMIT 1').get() !== undefined;
}

/** Takes out names left behind (with the kept values rebuilt in the same transaction). */
export function forgetListingNames(db: Database): void {
  if (listingNamesLeft(db)) db.prepare('DELETE FROM carried_actions_listing').run();
}
