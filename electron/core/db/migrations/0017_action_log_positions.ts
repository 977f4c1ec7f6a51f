// Migration 16: the action log's kept positions (action_log_positions, created by the SQL of the
// same number) are counted from the kept rows by their one writer, in the migration's transaction:
// a file is never at format 17 with its positions missing.
import type { Database } from '../driver';
import { rebuildPositions } from '../../store/actionLogPositions';

export function migrate(db: Database): void {
  rebuildPositions(db);
}
