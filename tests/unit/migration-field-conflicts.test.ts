// Migration field_conflicts, at its own schema (the shared test of a migration that adds a sync
// conflict kind: tests/helpers/conflictKindAdded.ts).
import { describeConflictKindAdded } from '../helpers/conflictKindAdded';
import { V1 } from '../helpers/legacy-v1';

describeConflictKindAdded({
  migration: 'field_conflicts',
  kind: 'field_twice',
  what: 'one field of an item, decision, action or meeting set to two values on two laptops apart',
  earlier: [
    { kind: 'action_status', entityId: 'action-1', detail: '{"other":{"status":"done"}}' },
    { kind: 'item_deleted_edited', entityId: 'item-1', detail: '{"deletedBy":"Sam"}', dismissed: true },
    { kind: 'agreed_edited', entityId: V1.april, detail: '{"change":"a title"}' },
    { kind: 'attendance_twice', entityId: V1.april, detail: '{"memberId":"m"}' },
    { kind: 'initials_twice', entityId: 'member-1', detail: '{"shownAs":"HQ2"}' },
    { kind: 'chair_twice', entityId: V1.april, detail: '{"role":"chair"}' },
    { kind: 'board_name_taken', entityId: V1.board, detail: '{"field":"name"}' },
    { kind: 'attendance_removed_edited', entityId: 'attendance-1', detail: '{"deletedBy":"Sam"}' },
    { kind: 'attendance_field_twice', entityId: 'attendance-1', detail: '{"field":"status"}' },
  ],
});
