// Reminders offline: an email address on the roster (refused when it is not one), one .eml draft
// per owner of the selected actions (parsed back with a real mail parser: the owner's address,
// their actions with references, dues and updates), owners no draft can be made for and why, a
// mailto: for a single owner, too many owners refused, and an .ics of the dues (parsed with
// ical.js: one all-day event per dated action, on its due date, with a reminder a week before).
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { DeletedMeeting, DueCalendar, MeetingSummary, Minutes, OwnerDrafts, RosterMember, SampleBoardResult } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';
import { enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';

async function februaryTyped(): Promise<{ core: Core; boardId: string; feb: MeetingSummary; febActions: EnteredAction[] }> {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: meetings.find((m) => m.date === '2014-04-10')!.id });
  const febActions = await enterFixtureMinutes(async (m, p) => ok(core, m, p), feb.id, FEBRUARY);
  return { core, boardId: board.id, feb, febActions };
}

function setEmail(core: Core, boardId: string, initials: string, email: string | null): RosterMember {
  const m = ok<RosterMember[]>(core, 'listRoster', { boardId }).find((r) => r.initials === initials)!;
  return ok<RosterMember>(core, 'updateRosterMember', { memberId: m.id, fullName: m.fullName, initials: m.initials, email });
}

const refs = (actions: EnteredAction[], owner: string): string[] => actions.filter((a) => a.owner.split(/\W+/).includes(owner)).map((a) => a.action.reference);

describe('email addresses on the roster', () => {
  it('keeps an address, and refuses one that is not an address, changing nothing', async () => {
    const { core, boardId } = await februaryTyped();
    expect(setEmail(core, boardId, 'AF', 'ann.flynn@example.org').email).toBe('ann.flynn@example.org');
    const before = dump(core);
    const m = ok<RosterMember[]>(core, 'listRoster', { boardId }).find((r) => r.initials === 'EA')!;
    for (const bad of ['ann flynn@example.org', 'ann@', 'AF', 'a@b@c.org', 'ann@example']) {
      const r = core.call('updateRosterMember', { memberId: m.id, fullName: m.fullName, initials: m.initials, email: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_input', field: 'email', message: 'That is not an email address: write one address, like name@example.org.' });
    }
    expect(dump(core)).toBe(before);
  });
});

describe('email drafts for owners', () => {
  it('makes one message per owner with an address, listing their actions, and says which owners got none and why', async () => {
    const { core, boardId, febActions } = await februaryTyped();
    setEmail(core, boardId, 'AF', 'ann.flynn@example.org');
    setEmail(core, boardId, 'EA', 'e.a@example.org');
    ok(core, 'recordActionProgress', { actionId: febActions[1]!.action.id, date: '2014-03-03', text: 'Draft terms circulated', status: 'in_progress' });
    const result = ok<OwnerDrafts>(core, 'draftOwnerReminders', { filter: {} });
    expect(result.actions).toBe(13);
    expect(result.drafts.map((d) => d.email).sort()).toEqual(['ann.flynn@example.org', 'e.a@example.org']);
    expect(result.drafts.every((d) => d.mailto === null)).toBe(true);

    const af = result.drafts.find((d) => d.email === 'ann.flynn@example.org')!;
    expect(af.references).toEqual(refs(febActions, 'AF'));
    const parsed = await PostalMime.parse(af.eml);
    expect(parsed.to).toEqual([{ name: af.ownerName, address: 'ann.flynn@example.org' }]);
    expect(parsed.subject).toMatch(/^Outstanding actions: \d+/);
    for (const ref of af.references) expect(parsed.text).toContain(ref);
    expect(parsed.text).toContain('Reported 3 March 2014 (in progress): Draft terms circulated');
    expect(parsed.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');

    // Everyone else owning one of these: no address, said per owner with their actions.
    const rp = result.skipped.find((s) => s.reason.includes('(RP)'))!;
    expect(rp.reason).toMatch(/has no email address on the roster/);
    expect(rp.references).toEqual(refs(febActions, 'RP'));
    expect(result.skipped.some((s) => s.ownerName.includes('@'))).toBe(false);
  });

  it('offers a mailto: when there is one owner, and refuses more owners than it drafts for at once', async () => {
    const { core, boardId, feb, febActions } = await februaryTyped();
    const af = setEmail(core, boardId, 'AF', 'ann.flynn@example.org');
    const personKey = ok<{ actions: Array<{ owners: Array<{ key: string; kind: string; memberId?: string }> }> }>(core, 'outstandingActions', {})
      .actions.flatMap((a) => a.owners)
      .find((o) => o.kind === 'member' && o.memberId === af.id)!.key;
    const one = ok<OwnerDrafts>(core, 'draftOwnerReminders', { filter: { owner: personKey } });
    expect(one.drafts).toHaveLength(1);
    const mailto = new URL(one.drafts[0]!.mailto!);
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.pathname).toBe('ann.flynn@example.org');
    expect(mailto.searchParams.get('body')).toContain(refs(febActions, 'AF')[0]);

    // 101 owners named as written: refused as a whole, with what to do.
    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id });
    const itemId = minutes.items[0]!.id;
    for (let i = 0; i < 101; i++) ok(core, 'addAction', { itemId, details: `Task ${i}`, owners: [{ name: `Owner ${i}` }] });
    const refused = core.call('draftOwnerReminders', { filter: {} });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/^These 114 actions have \d+ owners; drafts are made for at most 100 owners at a time\./);
  });
});

describe('a calendar of dues', () => {
  it('has one all-day event per action with a due date, on that date, with a reminder a week before', async () => {
    const { core, febActions } = await februaryTyped();
    ok(core, 'updateAction', { actionId: febActions[0]!.action.id, due: 'by 22.07' });
    ok(core, 'updateAction', { actionId: febActions[1]!.action.id, due: 'end of March' });
    ok(core, 'updateAction', { actionId: febActions[2]!.action.id, due: 'next meeting' });
    const cal = ok<DueCalendar>(core, 'dueCalendar', { filter: {} });
    const log = ok<{ actions: Array<{ id: string; reference: string; dueDate: string | null }> }>(core, 'outstandingActions', {}).actions;
    const dated = log.filter((a) => a.dueDate !== null);
    expect(dated.map((a) => [a.reference, a.dueDate])).toEqual([
      [febActions[0]!.action.reference, '2014-07-22'],
      [febActions[1]!.action.reference, '2014-03-31'],
    ]);
    expect(cal.skipped.find((s) => s.reference === febActions[2]!.action.reference)?.reason).toBe('due at the next meeting, which is not yet set up');
    expect(cal.events).toBe(dated.length);
    expect(cal.skipped.map((s) => s.reference).sort()).toEqual(log.filter((a) => a.dueDate === null).map((a) => a.reference).sort());

    const vcal = new ICAL.Component(ICAL.parse(cal.ics));
    const events = vcal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(dated.length);
    for (const a of dated) {
      const e = events.find((ev) => ev.uid === `${a.id}@matters-arising`)!;
      expect(e.summary.startsWith(`${a.reference}: `)).toBe(true);
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(a.dueDate);
      const alarm = e.component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('-PT168H');
    }
  });

  it('says so when no selected action has a due date, and makes no calendar', async () => {
    const { core } = await februaryTyped();
    const r = core.call('dueCalendar', { filter: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('None of these 13 actions has a due date, so there is nothing to add to a calendar.');
  });
});
