// Guests in attendance own actions (issue 14): a guest is given initials and an email address,
// owns an action linked to their attendance row, is shown by their initials in the minutes, the
// print and the action log, and gets a reminder draft at their address. Initials someone else
// goes by at the meeting, and an address that is not one, are refused with nothing written; the
// initials freeze with the minutes, the address does not; a draft's guest removed from the
// attendance leaves the owner as the name written.
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { ActionLog, AttendanceRow, GuestDetails, MeetingSummary, Minutes, MinutesAction, OwnerDrafts, SampleBoardResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { dump, ok, tempCore } from '../helpers/temp';

async function februaryWithGuest(): Promise<{ core: Core; feb: MeetingSummary; itemId: string; guest: AttendanceRow }> {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  ok(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
  const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: feb.id, title: 'Young people’s voice' }).item.id;
  const guest = ok<AttendanceRow>(core, 'addGuest', { meetingId: feb.id, name: 'Priya Natt', role: 'Youth council', initials: 'PN', email: 'priya.natt@example.org', forItemIds: [itemId] });
  return { core, feb, itemId, guest };
}

const storeOf = (core: Core) => core.store!;

describe('a guest in attendance owning an action', () => {
  it('is found by their initials, linked to their attendance row, and shown by them on screen, in print and in the log', async () => {
    const { core, feb, itemId, guest } = await februaryWithGuest();
    expect(guest).toMatchObject({ isGuest: true, initials: 'PN', displayName: 'Priya Natt' });
    expect(ok<GuestDetails[]>(core, 'listGuests', { meetingId: feb.id })).toEqual([
      { attendanceId: guest.id, meetingId: feb.id, displayName: 'Priya Natt', initials: 'PN', email: 'priya.natt@example.org', actionsOwned: 0 },
    ]);
    const action = ok<MinutesAction>(core, 'addAction', { itemId, details: 'Bring the youth council’s survey', owners: [{ name: 'PN' }, { name: 'AF' }] });
    expect(action.owners[0]).toEqual({ kind: 'guest', attendanceId: guest.id, initials: 'PN', fullName: 'Priya Natt' });
    // By name too, and by their attendance row as the editor sends a chosen guest.
    const byName = ok<MinutesAction>(core, 'updateAction', { actionId: action.id, owners: [{ name: 'Priya Natt' }] });
    expect(byName.owners).toEqual([action.owners[0]]);
    ok(core, 'updateAction', { actionId: action.id, owners: [{ attendanceId: guest.id }, { name: 'AF' }] });

    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id });
    expect(minutes.roster.guests).toEqual([{ id: guest.id, initials: 'PN', fullName: 'Priya Natt' }]);
    expect(minutes.items.flatMap((i) => i.actions).find((a) => a.id === action.id)!.owners.map((o) => o.kind)).toEqual(['guest', 'member']);
    expect(renderMeetingHtml(storeOf(core), feb.id).html).toContain('PN &amp; AF');

    const log = ok<ActionLog>(core, 'outstandingActions', {});
    const row = log.actions.find((a) => a.id === action.id)!;
    expect(row.owners[0]).toMatchObject({ kind: 'guest', initials: 'PN', key: `guest:${guest.id}` });
    expect(ok<GuestDetails[]>(core, 'listGuests', { meetingId: feb.id })[0]!.actionsOwned).toBe(1);

    // Their initials changed while the minutes are a draft: the minutes and the log follow.
    ok(core, 'updateGuest', { attendanceId: guest.id, initials: 'PNa' });
    expect(renderMeetingHtml(storeOf(core), feb.id).html).toContain('PNa &amp; AF');
    expect(ok<ActionLog>(core, 'outstandingActions', {}).actions.find((a) => a.id === action.id)!.owners[0]).toMatchObject({ kind: 'guest', initials: 'PNa' });
  });

  it('gets a reminder draft at their own address; without one, the draft is not made and the reason names the meeting', async () => {
    const { core, feb, itemId, guest } = await februaryWithGuest();
    const action = ok<MinutesAction>(core, 'addAction', { itemId, details: 'Bring the youth council’s survey', owners: [{ name: 'PN' }] });
    const filter = { owner: `guest:${guest.id}` };
    const drafts = ok<OwnerDrafts>(core, 'draftOwnerReminders', { filter });
    expect(drafts.drafts).toHaveLength(1);
    const parsed = await PostalMime.parse(drafts.drafts[0]!.eml);
    expect(parsed.to).toEqual([{ name: 'Priya Natt', address: 'priya.natt@example.org' }]);
    expect(parsed.text).toContain(action.reference);

    ok(core, 'updateGuest', { attendanceId: guest.id, email: null });
    const none = ok<OwnerDrafts>(core, 'draftOwnerReminders', { filter });
    expect(none.drafts).toEqual([]);
    expect(none.skipped).toEqual([
      {
        ownerName: 'Priya Natt',
        reason: 'Priya Natt (PN) was a guest in attendance and has no email address: add one to their attendance at 19 February 2014’s meeting.',
        references: [action.reference],
      },
    ]);
    expect(ok<ActionLog>(core, 'outstandingActions', {}).actions.some((a) => a.id === action.id && a.owners[0]?.kind === 'guest')).toBe(true);
    void feb;
  });

  it('refuses initials someone at the meeting goes by, and an address that is not one, writing nothing', async () => {
    const { core, feb, guest } = await februaryWithGuest();
    const before = dump(core);
    const clash = core.call('updateGuest', { attendanceId: guest.id, initials: 'AF' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict', field: 'initials' } });
    if (!clash.ok) expect(clash.error.message).toMatch(/^AF are .+’s initials on this board/);
    for (const bad of ['priya natt@example.org', 'priya@', 'PN', 'a@b@c.org']) {
      const r = core.call('updateGuest', { attendanceId: guest.id, email: bad });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'email', message: 'That is not an email address: write one address, like name@example.org.' } });
    }
    const second = core.call('addGuest', { meetingId: feb.id, name: 'Sam Other', initials: 'PN' });
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!second.ok) expect(second.error.message).toBe('PN are already the initials of Priya Natt, another guest at this meeting.');
    expect(core.call('addGuest', { meetingId: feb.id, name: 'Sam Other', email: 'not an address' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dump(core)).toBe(before);
  });

  it('keeps the initials with agreed minutes but takes an address later; a draft’s removed guest leaves the owner as written', async () => {
    const { core, feb, itemId, guest } = await februaryWithGuest();
    const action = ok<MinutesAction>(core, 'addAction', { itemId, details: 'Survey', owners: [{ name: 'PN' }] });
    // Removed from the attendance of the draft: the action keeps its owner, as the name written.
    ok(core, 'recordAttendance', { meetingId: feb.id, changes: [{ kind: 'guest', guestId: guest.id, remove: true }] });
    const kept = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id }).items.flatMap((i) => i.actions).find((a) => a.id === action.id)!;
    expect(kept.owners).toEqual([{ kind: 'name', name: 'Priya Natt' }]);

    // A guest of agreed minutes: initials refused, address taken.
    const again = ok<AttendanceRow>(core, 'addGuest', { meetingId: feb.id, name: 'Priya Natt', initials: 'PN' });
    ok(core, 'updateAction', { actionId: action.id, owners: [{ attendanceId: again.id }] });
    const april = ok<{ id: string }>(core, 'createMeeting', { boardId: feb.boardId, date: '2014-04-10' });
    ok(core, 'circulateMinutes', { meetingId: feb.id });
    ok(core, 'agreeMinutes', { meetingId: feb.id, atMeetingId: april.id });
    const refused = core.call('updateGuest', { attendanceId: again.id, initials: 'PRN' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', field: 'initials' } });
    expect(ok<GuestDetails>(core, 'updateGuest', { attendanceId: again.id, email: 'priya@example.org' })).toMatchObject({ initials: 'PN', email: 'priya@example.org' });
    expect(ok<{ matches: boolean }>(core, 'verifyMinutes', { meetingId: feb.id }).matches).toBe(true);
  });
});
