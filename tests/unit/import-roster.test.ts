// Imported owners and attendance against the roster as it stood at the meeting: the same
// initials for two people in different years is normal (JS was Jane Shuttleworth, later Jay
// Stickland). The newcomer is added with other initials and the clash reported; the minutes keep
// the initials they printed, and "JS" in their action table is the person those minutes meant.
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, MeetingAttendance, Minutes, RosterMember } from '../../shared/contract';
import { ok, okAsync, tempCore } from '../helpers/temp';

const minutes = (date: string, present: string[], owner: string): string =>
  [
    'Minutes and Actions', 'Main Board', date, '10.00 am – 12.00pm', '', 'Present:', ...present, '', '1. Performance', '',
    'JS presented the scorecard. It was agreed that it be reissued.', '', 'Decisions and/or actions agreed', 'Reference\tDetails\tAction',
    `1\tReissue the scorecard\t${owner}`, '',
  ].join('\n');

describe('importing against the roster as of each meeting', () => {
  it('adds a newcomer whose printed initials are taken with other initials, reports it, and keeps the printed ones', async () => {
    const core = await tempCore();
    const board = ok<{ id: string }>(core, 'createBoard', { name: 'Main Board' });
    ok(core, 'addRosterMember', { boardId: board.id, fullName: 'Jane Shuttleworth', initials: 'JS', role: 'Head of Service', leftOn: '2014-01-31' });
    const text = minutes('12 June 2014', ['Michael O\'Connor (Chair)\tMOC\tIndependent Chair', 'Jay Stickland\tJS\tPolicy Officer'], 'JS');
    const files = [{ name: 'june.txt', encoding: 'text', content: text }];

    const preview = await okAsync<ImportPreview>(core, 'previewImport', { board: 'Main Board', files });
    const meeting = preview.files[0]!.meetings[0]!;
    expect(meeting.warnings.find((w) => w.kind === 'initials_clash')?.message).toMatch(/^JS is Jane Shuttleworth on the roster, so Jay Stickland is added as \w+; these minutes keep JS\.$/);
    expect(meeting.attendance.find((a) => a.name === 'Jay Stickland')).toMatchObject({ initials: 'JS', roster: 'new' });
    expect(meeting.items[0]!.actions[0]!.owners).toEqual([{ label: 'JS', kind: 'new_member' }]);

    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: 'Main Board', files, digests: [preview.files[0]!.digest] });
    const meetingId = result.files[0]!.meetings[0]!.id;
    const roster = ok<RosterMember[]>(core, 'listRoster', { boardId: board.id });
    const jay = roster.find((r) => r.fullName === 'Jay Stickland')!;
    expect(jay.initials).not.toBe('JS');
    expect(roster.find((r) => r.fullName === 'Jane Shuttleworth')?.initials).toBe('JS');
    const [owner] = ok<Minutes>(core, 'getMinutes', { meetingId }).items[0]!.actions[0]!.owners;
    expect(owner).toEqual({ kind: 'member', memberId: jay.id, initials: 'JS', fullName: 'Jay Stickland' });
    const row = ok<MeetingAttendance>(core, 'getAttendance', { meetingId }).rows.find((r) => r.displayName === 'Jay Stickland');
    expect(row?.initials).toBe('JS');
  });

  it('finds someone already on the roster by name, and an owner not in the attendance on the roster as of the meeting', async () => {
    const core = await tempCore();
    const board = ok<{ id: string }>(core, 'createBoard', { name: 'Main Board' });
    const ann = ok<{ id: string }>(core, 'addRosterMember', { boardId: board.id, fullName: 'Ann Flynn', initials: 'AF', role: 'Development Manager' });
    const text = minutes('12 June 2014', ['Michael O\'Connor (Chair)\tMOC\tIndependent Chair', 'Jay Stickland\tJSt\tPolicy Officer'], 'AF & tbc');
    const files = [{ name: 'june.txt', encoding: 'text', content: text }];
    const result = await okAsync<ImportResult>(core, 'importMinutes', { board: 'Main Board', files, digests: [null] });
    const meetingId = result.files[0]!.meetings[0]!.id;
    const owners = ok<Minutes>(core, 'getMinutes', { meetingId }).items[0]!.actions[0]!.owners;
    expect(owners).toEqual([
      { kind: 'member', memberId: ann.id, initials: 'AF', fullName: 'Ann Flynn' },
      { kind: 'name', name: 'tbc' },
    ]);
    expect(ok<RosterMember[]>(core, 'listRoster', { boardId: board.id })).toHaveLength(3);
  });
});
