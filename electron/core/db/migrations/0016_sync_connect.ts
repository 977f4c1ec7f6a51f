// Migration 16 (sync format ma2), after its SQL, in the migrations' one transaction and after the
// backup open.ts takes (an interrupted upgrade leaves the file as it was):
//  * the stored updates' document names carried from ma1 to ma2 (the same documents: nothing is
//    merged, copied or dropped; the pending ones stay pending and are sent once connected);
//  * every shared board marked to connect every meeting once (what a laptop of ma1 changed wrote no mark);
//  * each stored document's kept state vector filled from its stored updates.
// Not a change anyone made: no change-log entry.
import type { Database } from '../driver';
import { fillKept } from '../../sync/keptVectors';

export function migrate(db: Database): void {
  // The names are fixed here, not read from the app's current format: this step is ma1 -> ma2 forever.
  db.prepare("UPDATE sync_updates SET doc_name = 'ma2/' || substr(doc_name, 5) WHERE substr(doc_name, 1, 4) = 'ma1/'").run();
  db.prepare('UPDATE sync_boards SET connect_every_meeting = 1').run();
  fillKept(db);
}
