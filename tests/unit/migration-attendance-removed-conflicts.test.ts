// Migration attendance_removed_conflicts, at its own schema (the shared test of a migration that
// adds a sync conflict kind: tests/helpers/conflictKindAdded.ts).
import { describeConflictKindAdded } from '../helpers/conflictKindAdded';
import { V1 } from '../helpers/legacy-v1';

describeConflictKindAdded({
  migration: 'attendance_removed_conflicts',
  kind: 'attendance_removed_edited',
  what: 'an attendance row removed on one laptop and changed on another',
  earlier: [
    { kind: 'action_status', entityId: 'action-1', detail: '{"other":{"status":"done"}}' },
    { kind: 'item_deleted_edited', entityId: 'item-1', detail: '{"deletedBy":"Sam"}', dismissed: true },
    { kind: 'agreed_edited', entityId: V1.april, detail: '{"change":"a title"}' },
    { kind: 'attendance_twice', entityId: V1.april, detail: '{"memberId":"m"}' },
    { kind: 'initials_twice', entityId: 'member-1', detail: '{"shownAs":"HQ2"}' },
    { kind: 'chair_twice', entityId: V1.april, detail: '{"role":"chair"}' },
    { kind: 'board_name_taken', entityId: V1.board, detail: '{"field":"name"}' },
  ],
});
