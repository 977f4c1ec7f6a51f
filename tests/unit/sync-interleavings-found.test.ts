// Interleavings the sync property test (sync-interleavings.property.test.ts) once found failing,
// kept as scripts so each runs on every CI run, not only when a random seed finds it again.
import { describe, it } from 'vitest';
import { runInterleaving } from '../helpers/syncInterleaving';
import type { Op } from '../helpers/syncOps';

describe('interleavings the sync property found', () => {
  it('two removals of attendance, one laptop restarted offline with an edit unsent: the same attendance everywhere', async () => {
    const ops: Op[] = [
      { kind: 'removeAttendance', laptop: 1, member: 0 },
      { kind: 'removeAttendance', laptop: 0, member: 1 },
      { kind: 'edit', laptop: 0, item: 0, paragraph: 0, atStart: false },
      { kind: 'offline', laptop: 0 },
      { kind: 'settle' },
      { kind: 'restartLaptop', laptop: 0 },
    ];
    await runInterleaving(2, ops);
  }, 120_000);

  it('two members taken off the attendance on two laptops at once: both stay off everywhere', async () => {
    // Taking a row off renumbers the printed order of those after it: no change of theirs.
    for (const [first, second] of [[0, 1], [1, 0], [0, 2], [2, 0], [1, 2], [2, 1]] as const) {
      await runInterleaving(2, [
        { kind: 'removeAttendance', laptop: 1, member: first },
        { kind: 'removeAttendance', laptop: 0, member: second },
      ]);
    }
  }, 300_000);

  it('two items deleted on two laptops at once: both stay deleted, and the draft is numbered 1, 2, 3 again', async () => {
    // Deleting an item renumbers the items after it: the later item's new number is no edit of it.
    await runInterleaving(2, [
      { kind: 'deleteItem', laptop: 1, item: 7 },
      { kind: 'deleteItem', laptop: 0, item: 8 },
    ]);
  }, 120_000);

  it('a removal of attendance on agreeing laptop while others record and edit: the row stays removed', async () => {
    const ops: Op[] = [
      { kind: 'online', laptop: 0 },
      { kind: 'agree', laptop: 0 },
      { kind: 'removeAttendance', laptop: 0, member: 1 },
      { kind: 'attendance', laptop: 2, member: 2, status: 'absent' },
      { kind: 'addItem', laptop: 2 },
      { kind: 'settle' },
      { kind: 'edit', laptop: 1, item: 1, paragraph: 1, atStart: true },
      { kind: 'addItem', laptop: 2 },
      { kind: 'rename', laptop: 1, item: 1 },
      { kind: 'editCirculated', laptop: 2, title: true },
      { kind: 'restartLaptop', laptop: 2 },
      { kind: 'editCirculated', laptop: 0, title: false },
    ];
    await runInterleaving(3, ops);
  }, 120_000);

  it('a title set on a laptop while two others agree the minutes apart, one of them renaming it: the lost title is a proposed correction', async () => {
    const ops: Op[] = [
      { kind: 'serverDown' },
      { kind: 'serverUp' },
      { kind: 'editCirculated', laptop: 1, title: true },
      { kind: 'restartLaptop', laptop: 1 },
      { kind: 'deleteItem', laptop: 0, item: 3 },
      { kind: 'attendance', laptop: 0, member: 2, status: 'apologies' },
      { kind: 'offline', laptop: 0 },
      { kind: 'addItem', laptop: 0 },
      { kind: 'agreeApart', laptop: 2, title: false },
      { kind: 'edit', laptop: 2, item: 0, paragraph: 0, atStart: false },
      { kind: 'offline', laptop: 2 },
      { kind: 'restartLaptop', laptop: 0 },
      { kind: 'edit', laptop: 1, item: 0, paragraph: 1, atStart: false },
      { kind: 'edit', laptop: 1, item: 1, paragraph: 0, atStart: true },
      { kind: 'serverDown' },
      { kind: 'deleteItem', laptop: 1, item: 1 },
    ];
    await runInterleaving(3, ops);
  }, 200_000);

  it('renames on a laptop that went back offline mid-sync: a title on its way is never read as no title (refused)', async () => {
    // The server sent the old title's deletion before the new title (it waited for that laptop's earlier changes): rowMaps.ts, awaited.
    const ops: Op[] = [
      { kind: 'rename', laptop: 0, item: 3 },
      { kind: 'serverDown' },
      { kind: 'editCirculated', laptop: 2, title: false },
      { kind: 'status', laptop: 2, action: 0, status: 'in_progress' },
      { kind: 'rename', laptop: 1, item: 3 },
      { kind: 'agreeApart', laptop: 0, title: false },
      { kind: 'online', laptop: 0 },
      { kind: 'serverUp' },
      { kind: 'offline', laptop: 0 },
      { kind: 'addDecision', laptop: 2, item: 1 },
      { kind: 'rename', laptop: 0, item: 2 },
      { kind: 'removeAttendance', laptop: 2, member: 2 },
      { kind: 'rename', laptop: 2, item: 3 },
      { kind: 'rename', laptop: 2, item: 1 },
    ];
    await runInterleaving(2, ops);
  }, 200_000);

  it('one laptop retitles agreed-apart minutes twice, restarting between: the later title is proposed, the earlier one replaced by it', async () => {
    const ops = [
      { kind: 'agreeApart', laptop: 1, title: false },
      { kind: 'editCirculated', laptop: 0, title: true },
      { kind: 'addDecision', laptop: 0, item: 1 },
      { kind: 'deleteItem', laptop: 0, item: 4 },
      { kind: 'edit', laptop: 1, item: 1, paragraph: 2, atStart: true },
      { kind: 'edit', laptop: 0, item: 0, paragraph: 0, atStart: true },
      { kind: 'progress', laptop: 2, action: 1, status: 'in_progress' },
      { kind: 'edit', laptop: 1, item: 1, paragraph: 0, atStart: false },
      { kind: 'removeAttendance', laptop: 0, member: 1 },
      { kind: 'restartLaptop', laptop: 0 },
      { kind: 'deleteItem', laptop: 1, item: 2 },
      { kind: 'progress', laptop: 1, action: 0, status: 'done' },
      { kind: 'editCirculated', laptop: 0, title: true },
      { kind: 'rename', laptop: 0, item: 2 },
      { kind: 'edit', laptop: 2, item: 0, paragraph: 2, atStart: true },
      { kind: 'edit', laptop: 2, item: 1, paragraph: 1, atStart: true },
      { kind: 'online', laptop: 1 },
      { kind: 'agree', laptop: 2 },
    ] satisfies Op[];
    await runInterleaving(3, ops);
  }, 200_000);
});
