// Sync (issue 19): settling a listed sync conflict from the list itself, where the choice is one
// core can make whole (the other laptop's chair, vice-chair or minute-taker given the mark; an
// attendance row a change brought back after its removal elsewhere removed again; the value not
// kept of an attendance field set to two values apart recorded instead).
import { z } from 'zod';
import { id, method } from './common';
import type { ListedSyncConflict } from './sync';

export const syncChoicesMethods = {
  /** Gives the mark (chair, vice-chair, minute-taker) to the one the other laptop named, keeping the rest of their attendance, and dismisses the conflict here; returns the board's conflicts still to check. */
  keepSyncConflictChair: method<ListedSyncConflict[]>()(z.strictObject({ boardId: id, id })),
  /** Removes the attendance row the conflict names from its meeting after all (as any removal is made, so it stands on every laptop), and dismisses the conflict here; returns the board's conflicts still to check. */
  removeSyncConflictAttendance: method<ListedSyncConflict[]>()(z.strictObject({ boardId: id, id })),
  /** Records the value the conflict's attendance field did not keep (status, or a mark), the rest of the row as it is, as any attendance change (so it syncs), and dismisses the conflict here; returns the board's conflicts still to check. */
  keepSyncConflictAttendanceField: method<ListedSyncConflict[]>()(z.strictObject({ boardId: id, id })),
} as const;
