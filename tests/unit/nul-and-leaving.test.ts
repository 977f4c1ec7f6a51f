// NUL characters are refused in every text field (and inside the editor's JSON), naming the
// field and changing nothing; someone cannot be marked as having left before a meeting they
// attended.
import { describe, expect, it } from 'vitest';
import type { BoardSummary, MeetingAttendance, MeetingDetail, RosterMember } from '../../shared/contract';
import { dump, ok, tempCore } from '../helpers/temp';

describe('NUL characters', () => {
  it('are refused in every kind of text, with the field named, and nothing is stored', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const member = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Tina Hawkins', initials: 'TH' });
    const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
    const { item } = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: meeting.id, title: 'Minutes and actions arising' });
    const before = dump(core);

    const calls: [string, unknown, string][] = [
      ['createBoard', { name: 'Main\u0000Board' }, 'name'],
      ['renameBoard', { boardId: board.id, name: 'Exec\u0000' }, 'name'],
      ['addRosterMember', { boardId: board.id, fullName: 'Jim Crook', initials: 'JCK', role: 'Head of\u0000Service' }, 'role'],
      ['updateMeetingHeader', { meetingId: meeting.id, venue: 'Room G02b\u0000' }, 'venue'],
      ['updateAgendaItem', { itemId: item.id, title: 'Finance\u0000' }, 'title'],
      ['saveDiscussion', { itemId: item.id, json: '{"root":{"type":"root","children":[]}}\u0000' }, 'json'],
      ['addDecision', { itemId: item.id, text: 'Agreed\u0000' }, 'text'],
      ['addAction', { itemId: item.id, details: 'Report back', owners: [{ name: 'Tom\u0000Savory' }] }, 'owners.0.name'],
      ['addGuest', { meetingId: meeting.id, name: 'Young\u0000person' }, 'name'],
      ['markMemberLeft', { memberId: member.id, leftOn: '2014-02-19', ['x\u0000']: 1 }, 'x'],
    ];
    for (const [method, payload, field] of calls) {
      const response = core.call(method, payload);
      expect(response, method).toMatchObject({ ok: false, error: { code: 'invalid_input', field, message: expect.stringContaining('NUL') as unknown } });
    }
    // An escaped NUL inside the editor's JSON would decode to one: refused as well.
    const escaped = core.call('saveDiscussion', {
      itemId: item.id,
      json: JSON.stringify({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'TH\u0000said' }] }] } }),
    });
    expect(escaped).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'json' } });
    expect(dump(core)).toBe(before);
    // Ordinary text is still fine.
    expect(core.call('addDecision', { itemId: item.id, text: 'The minutes were agreed as accurate.' }).ok).toBe(true);
  });
});

describe('marking someone as having left', () => {
  it('refuses a date before a meeting they attended, on either form, and allows one on or after it', async () => {
    const core = await tempCore();
    const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
    const member = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jackie Cook', initials: 'JC', joinedOn: '2013-01-01' });
    const absentee = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Andrew Bland', initials: 'AB', joinedOn: '2013-01-01' });
    for (const date of ['2014-02-19', '2014-04-10']) {
      const meeting = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date });
      ok<MeetingAttendance>(core, 'recordAttendance', {
        meetingId: meeting.id,
        changes: [
          { kind: 'member', memberId: member.id, status: date === '2014-04-10' ? 'in_attendance' : 'present' },
          { kind: 'member', memberId: absentee.id, status: 'apologies' },
        ],
      });
    }
    const before = dump(core);
    const refused = core.call('markMemberLeft', { memberId: member.id, leftOn: '2014-03-01' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'leftOn', message: expect.stringContaining('10 April 2014') as unknown } });
    const onForm = core.call('updateRosterMember', { memberId: member.id, fullName: 'Jackie Cook', initials: 'JC', joinedOn: '2013-01-01', leftOn: '2014-01-31' });
    expect(onForm).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'leftOn' } });
    expect(dump(core)).toBe(before);

    // Apologies are not attendance; leaving on the day of the last meeting attended is fine.
    expect(ok<RosterMember>(core, 'markMemberLeft', { memberId: absentee.id, leftOn: '2014-01-31' }).leftOn).toBe('2014-01-31');
    expect(ok<RosterMember>(core, 'markMemberLeft', { memberId: member.id, leftOn: '2014-04-10' }).leftOn).toBe('2014-04-10');
  });
});
