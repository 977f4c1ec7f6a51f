// Migration initials_conflicts, at its own schema (the shared test of a migration that adds a
// sync conflict kind: tests/helpers/conflictKindAdded.ts).
import { describeConflictKindAdded } from '../helpers/conflictKindAdded';
import { V1 } from '../helpers/legacy-v1';

describeConflictKindAdded({
  migration: 'initials_conflicts',
  kind: 'initials_twice',
  what: 'two people given the same initials apart',
  earlier: [
    { kind: 'action_status', entityId: 'action-1', detail: '{"other":{"status":"done"}}' },
    { kind: 'item_deleted_edited', entityId: 'item-1', detail: '{"deletedBy":"Sam"}', dismissed: true },
    { kind: 'agreed_edited', entityId: V1.april, detail: '{"change":"a title"}' },
    { kind: 'attendance_twice', entityId: V1.april, detail: '{"memberId":"m"}' },
  ],
});
