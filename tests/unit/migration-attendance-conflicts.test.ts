// Migration attendance_conflicts, at its own schema (the shared test of a migration that adds a
// sync conflict kind: tests/helpers/conflictKindAdded.ts).
import { describeConflictKindAdded } from '../helpers/conflictKindAdded';
import { V1 } from '../helpers/legacy-v1';

describeConflictKindAdded({
  migration: 'attendance_conflicts',
  kind: 'attendance_twice',
  what: 'attendance recorded twice',
  earlier: [
    { kind: 'action_status', entityId: 'action-1', detail: '{"other":{"status":"done"}}' },
    { kind: 'item_deleted_edited', entityId: 'item-1', detail: '{"deletedBy":"Sam"}', dismissed: true },
    { kind: 'agreed_edited', entityId: V1.april, detail: '{"change":"a title"}' },
  ],
});
