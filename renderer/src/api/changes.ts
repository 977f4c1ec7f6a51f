// What the renderer hears about changes: every answer from core names what the call changed;
// the client passes that on here, and each live query re-runs when a change touches what it
// watches. The rule is touches(); everything else only carries notices.
import type { Changed } from '../../../shared/contract';
import type { ChangedEntity } from '../../../shared/domain/enums';

/** What a query shows: every record of a kind, or only these records of it. */
export type Watch = ChangedEntity | { entity: ChangedEntity; ids: readonly string[] };

/** What one answer changed, and whose edit it was (the origin a screen gave its own call), if any. */
export interface ChangeNotice {
  changes: readonly Changed[];
  origin: string | null;
}

/**
 * Whether a notice concerns a query: one of its changes is of a kind the query watches (and,
 * where the watch names records, one of those). The data file being replaced concerns every
 * query. A screen's own edits, already on it, are not news to it: a notice from the query's
 * own origin concerns it only through the data file.
 */
export function touches(watches: readonly Watch[], notice: ChangeNotice, ownOrigin: string | null = null): boolean {
  if (notice.changes.some((c) => c.entity === 'data_file')) return true;
  if (ownOrigin !== null && notice.origin === ownOrigin) return false;
  return notice.changes.some((change) =>
    watches.some((watch) => (typeof watch === 'string' ? watch === change.entity : watch.entity === change.entity && watch.ids.includes(change.id))),
  );
}

/** Passes every notice to everyone listening. */
export class ChangeFeed {
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();

  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(notice: ChangeNotice): void {
    if (notice.changes.length === 0) return;
    for (const listener of [...this.listeners]) listener(notice);
  }
}

/** The app's one feed: the client publishes to it, live queries listen. */
export const changeFeed = new ChangeFeed();
