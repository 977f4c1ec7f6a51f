// Migration 4: the action log's kept values (action_summaries, created by the SQL of the same
// number) are filled from the tables they summarise, by their one writer, in the migration's
// transaction: a file is never at format 4 with its summaries missing.
import type { Database } from '../driver';
import { rebuildActionSummaries } from '../../store/actionSummary';

export function migrate(db: Database): void {
  rebuildActionSummaries(db);
}
