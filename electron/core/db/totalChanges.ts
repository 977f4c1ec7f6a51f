// Has anything been written since? SQLite's count of rows changed on this connection since it
// opened (total_changes()): any write to the data file or the search index file moves it. The
// one reader, for the daily backup ("a call changed the file") and giving back free space ("the
// copy still holds everything").
import type { Database } from './driver';

export function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}
