// Handlers of the sync conflict choices core makes whole (shared/contract/syncChoices.ts).
import type { syncChoicesMethods } from '../../../shared/contract';
import { onStore, type FeatureHandlers } from '../handler';
import { keepSyncConflictChair } from './chairChoice';
import { removeSyncConflictAttendance } from './attendanceChoice';
import { keepSyncConflictAttendanceField } from './attendanceFieldChoice';
import { withChoices } from './conflictChoices';
import { listConflicts } from './conflicts';

export const syncChoicesHandlers: FeatureHandlers<typeof syncChoicesMethods> = {
  keepSyncConflictChair: onStore((store, input) => {
    keepSyncConflictChair(store, input);
    return withChoices(store, input.boardId, listConflicts(store.db, input.boardId));
  }),
  removeSyncConflictAttendance: onStore((store, input) => {
    removeSyncConflictAttendance(store, input);
    return withChoices(store, input.boardId, listConflicts(store.db, input.boardId));
  }),
  keepSyncConflictAttendanceField: onStore((store, input) => {
    keepSyncConflictAttendanceField(store, input);
    return withChoices(store, input.boardId, listConflicts(store.db, input.boardId));
  }),
};
