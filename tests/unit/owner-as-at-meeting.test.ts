// An owner typed for a meeting is resolved against the roster as it was at that meeting, with the
// one resolver (shared/domain/owners.ts) and the one directory (store/ownerDirectory.ts): after
// Jane Shuttleworth became JSh and Jay Stickland took JS, "JS" on an older meeting is still Jane,
// on the server and in the editor's own reading of what was typed.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingDetail, Minutes, MinutesAction, RosterMember } from '../../shared/contract';
import { readOwners } from '../../shared/domain/owners';
import { ok, tempCore } from '../helpers/temp';

async function janeBecomesJSh() {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Health and Wellbeing Board' });
  const jane = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jane Shuttleworth', initials: 'JS' });
  const olu = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Olu Price', initials: 'OP' });
  const meet = (date: string) => ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date }).id;
  const july = meet('2014-07-16');
  const september = meet('2014-09-17');
  const december = meet('2014-12-10');
  const mark = (memberId: string, status: string) => ({ kind: 'member', memberId, status });
  // July records Jane as JS; she sent no word to September's meeting (not in its attendance at all).
  ok(core, 'recordAttendance', { meetingId: july, changes: [mark(jane.id, 'present'), mark(olu.id, 'present')] });
  ok(core, 'recordAttendance', { meetingId: september, changes: [mark(olu.id, 'present')] });
  // Later, Jane becomes JSh and Jay Stickland (no joining date recorded) takes JS; December's
  // minutes record them so. January's attendance is not recorded yet.
  ok(core, 'updateRosterMember', { memberId: jane.id, fullName: jane.fullName, initials: 'JSh' });
  const jay = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jay Stickland', initials: 'JS' });
  ok(core, 'recordAttendance', { meetingId: december, changes: [mark(jane.id, 'present'), mark(jay.id, 'present')] });
  const january = meet('2015-01-14');
  const itemOf = (meetingId: string) => ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId, title: 'Health plan' }).item.id;
  return { core, jane, jay, september, december, january, itemOf };
}

const ownerIds = (a: MinutesAction): string[] => a.owners.map((o) => (o.kind === 'member' ? o.memberId : o.kind));

describe('an owner resolved against the roster as it was at the meeting', () => {
  it('gives "JS" on September’s action to Jane, who was JS then, and on December’s and later ones to Jay, who is JS since', async () => {
    const { core, jane, jay, september, december, january, itemOf } = await janeBecomesJSh();
    const old = ok<MinutesAction>(core, 'addAction', { itemId: itemOf(september), details: 'Review the health plan', owners: [{ name: 'JS' }] });
    expect(ownerIds(old)).toEqual([jane.id]);
    // Named as the records of that time name her, on screen and in the log.
    expect(old.owners[0]).toMatchObject({ kind: 'member', initials: 'JS', fullName: 'Jane Shuttleworth' });

    const now = ok<MinutesAction>(core, 'addAction', { itemId: itemOf(december), details: 'Report back', owners: [{ name: 'JS' }] });
    expect(ownerIds(now)).toEqual([jay.id]);
    // A later meeting with no attendance yet: the latest records (December's) say JS is Jay.
    const later = ok<MinutesAction>(core, 'addAction', { itemId: itemOf(january), details: 'Close the plan', owners: [{ name: 'JS' }, { name: 'JSh' }] });
    expect(ownerIds(later)).toEqual([jay.id, jane.id]);
    // Her initials of today still find her.
    const byToday = ok<MinutesAction>(core, 'updateAction', { actionId: old.id, owners: [{ name: 'JSh' }] });
    expect(ownerIds(byToday)).toEqual([jane.id]);
  });

  it('hands the editor the same directory, so typing "JS" in September’s actions table picks Jane there too, and Jay in January', async () => {
    const { core, jane, jay, september, january } = await janeBecomesJSh();
    const directoryOf = (meetingId: string) => {
      const roster = ok<Minutes>(core, 'getMinutes', { meetingId }).roster;
      // As the editor builds it (renderer/src/features/minutes/MinutesEditor.tsx).
      return { members: roster.members.filter((m) => m.current), groups: roster.groups, guests: roster.guests };
    };
    const sept = readOwners('JS', directoryOf(september)).owners;
    expect(sept).toEqual([{ kind: 'member', memberId: jane.id, initials: 'JS', fullName: 'Jane Shuttleworth' }]);
    const dec = readOwners('JS', directoryOf(january)).owners;
    expect(dec).toEqual([{ kind: 'member', memberId: jay.id, initials: 'JS', fullName: 'Jay Stickland' }]);
  });
});
