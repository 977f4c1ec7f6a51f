// The record is what was said at the meeting: owners, initials and names as the meeting's own
// attendance (or the owner as set) gives them, on screen and in print, for drafts as for agreed
// minutes; the agreement decision and the agreeing meeting's date hold; and every table under a
// meeting is frozen once the minutes are agreed and covered by their content hash.
import { describe, expect, it } from 'vitest';
import type { MeetingDetail, Minutes, MinutesAction, MinutesRecord, MinutesVerification, RosterMember } from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { htmlText } from '../../electron/core/publication/publication';
import { renderMeetingHtml } from '../../electron/core/publication/minutesHtml';
import { dump, ok, tempCore } from '../helpers/temp';
import { inProcess, seedFixtureMinutes, type SeededMinutes } from '../helpers/fixture-minutes';
import { ownerLabel, ownerSearchText } from '../../shared/domain/owners';

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

function memberId(core: Core, boardId: string, initials: string): string {
  const roster = ok<RosterMember[]>(core, 'listRoster', { boardId });
  const member = roster.find((m) => m.initials === initials);
  if (!member) throw new Error(`nobody is ${initials}`);
  return member.id;
}

const present = (id: string) => ({ kind: 'member', memberId: id, status: 'present' });

function actionOf(minutes: Minutes, actionId: string): MinutesAction {
  const action = minutes.items.flatMap((i) => i.actions).find((a) => a.id === actionId);
  if (!action) throw new Error('action not found');
  return action;
}

const printed = (core: Core, meetingId: string): string => htmlText(renderMeetingHtml(core.store!, meetingId, 'full').html).replace(/\s+/g, ' ');

const INVITE = 'AF to provide CM with an invite to CAMHS service users to join the shadow safeguarding board';

/**
 * The sample board (19 February and 10 April 2014, attendance recorded as the minutes list it:
 * Chris McCree is CM on 10 April), with 10 April's action 1 typed: "AF & CM".
 */
async function april(): Promise<{ core: Core; seeded: SeededMinutes; actionId: string; itemId: string; cm: string; af: string }> {
  const core = await tempCore();
  const seeded = await seedFixtureMinutes(inProcess(core));
  const cm = memberId(core, seeded.boardId, 'CM');
  const af = memberId(core, seeded.boardId, 'AF');
  const item = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: seeded.laterMeetingId, title: 'Child engagement' }).item;
  const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: INVITE, owners: [{ memberId: af }, { memberId: cm }] });
  return { core, seeded, actionId: action.id, itemId: item.id, cm, af };
}

describe('the owners are named as at the meeting', () => {
  it('agreed minutes show and print CM after the roster says CMc (the July meeting that agreed them knew him as CMc)', async () => {
    const { core, seeded, actionId, cm } = await april();
    const july = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-07-01' });
    ok(core, 'updateRosterMember', { memberId: cm, fullName: 'Chris McCree', initials: 'CMc' });
    ok(core, 'recordAttendance', { meetingId: july.id, changes: [present(cm)] });
    ok(core, 'circulateMinutes', { meetingId: seeded.laterMeetingId });
    ok(core, 'agreeMinutes', { meetingId: seeded.laterMeetingId, atMeetingId: july.id });

    const shown = actionOf(ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId }), actionId);
    expect(shown.owners).toEqual([
      expect.objectContaining({ kind: 'member', initials: 'AF', fullName: 'Ann Flynn' }),
      expect.objectContaining({ kind: 'member', memberId: cm, initials: 'CM', fullName: 'Chris McCree' }),
    ]);
    const text = printed(core, seeded.laterMeetingId);
    expect(text).toContain(`${INVITE} AF & CM`);
    expect(text).not.toContain('CMc');
    // The action's page and the action log name the owners as these minutes do.
    expect(ok<{ owners: Array<{ initials?: string }> }>(core, 'getActionHistory', { actionId }).owners.map((o) => o.initials)).toEqual(['AF', 'CM']);
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.laterMeetingId }).matches).toBe(true);

    // Nothing outside the minutes changes them afterwards: another roster change, July's attendance.
    ok(core, 'updateRosterMember', { memberId: cm, fullName: 'Christopher McCree', initials: 'CMcC' });
    ok(core, 'recordAttendance', { meetingId: july.id, changes: [{ ...present(cm), status: 'apologies' }] });
    expect(actionOf(ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId }), actionId).owners[1]).toMatchObject({ initials: 'CM', fullName: 'Chris McCree' });
    expect(printed(core, seeded.laterMeetingId)).toContain(`${INVITE} AF & CM`);
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.laterMeetingId }).matches).toBe(true);
  });

  it('a draft keeps the meeting’s initials when the roster changes after the meeting, on screen and in print', async () => {
    const { core, seeded, actionId, itemId, cm } = await april();
    const jc = memberId(core, seeded.boardId, 'JC');
    const groups = ok<Array<{ id: string; name: string; kind: string }>>(core, 'listGroups', { boardId: seeded.boardId });
    const group = groups[0]!;
    // Jackie Cook sent apologies to 10 April: her apologies row names her too.
    const second = ok<MinutesAction>(core, 'addAction', { itemId, details: 'Share the audit', owners: [{ memberId: jc }, { groupId: group.id }, { name: 'tbc' }] });

    ok(core, 'updateRosterMember', { memberId: cm, fullName: 'Chris McCree', initials: 'CMc' });
    ok(core, 'updateRosterMember', { memberId: jc, fullName: 'Jackie Cook-Smith', initials: 'JCS' });
    ok(core, 'saveGroup', { boardId: seeded.boardId, groupId: group.id, name: `${group.name} (renamed)`, kind: group.kind });

    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId });
    expect(actionOf(minutes, actionId).owners.map((o) => ownerSearchText(o))).toEqual(['AF Ann Flynn', 'CM Chris McCree']);
    expect(actionOf(minutes, second.id).owners.map((o) => ownerSearchText(o))).toEqual(['JC Jackie Cook', group.name, 'tbc']);
    const text = printed(core, seeded.laterMeetingId);
    expect(text).toContain(`${INVITE} AF & CM`);
    expect(text).toContain(`Share the audit JC, ${group.name} & tbc`);
    expect(text).not.toMatch(/CMc|JCS|\(renamed\)/);

    // Editing the owners later keeps how each one already there was named; a new owner is named as now.
    const updated = ok<MinutesAction>(core, 'updateAction', { actionId, owners: [{ memberId: cm }, { name: 'Jane Doe' }] });
    expect(updated.owners.map((o) => ownerLabel(o))).toEqual(['CM', 'Jane Doe']);
  });

  it('follows the meeting’s own attendance row while the minutes are a draft, never the roster', async () => {
    const { core, seeded } = await april();
    // A meeting whose actions are typed before its attendance is recorded.
    const july = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-07-01' });
    const item = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: july.id, title: 'Health' }).item;
    const cm = memberId(core, seeded.boardId, 'CM');
    const action = ok<MinutesAction>(core, 'addAction', { itemId: item.id, details: 'Report on health checks', owners: [{ memberId: cm }] });
    expect(action.owners[0]).toMatchObject({ initials: 'CM' });
    ok(core, 'updateRosterMember', { memberId: cm, fullName: 'Chris McCree', initials: 'CMc' });
    // Typed as CM; the roster change alone does not rename him in these minutes.
    expect(actionOf(ok<Minutes>(core, 'getMinutes', { meetingId: july.id }), action.id).owners[0]).toMatchObject({ initials: 'CM' });
    // His attendance at July, recorded now, names him CMc: the minutes follow their own attendance list.
    ok(core, 'recordAttendance', { meetingId: july.id, changes: [present(cm)] });
    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: july.id });
    expect(actionOf(minutes, action.id).owners[0]).toMatchObject({ initials: 'CMc' });
    expect(printed(core, july.id)).toContain('Report on health checks CMc');
    // The owner picker offers people as this meeting names them.
    expect(minutes.roster.members.find((m) => m.id === cm)).toMatchObject({ initials: 'CMc' });
    expect(ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId }).roster.members.find((m) => m.id === cm)).toMatchObject({ initials: 'CM' });
  });
});

describe('the agreement holds', () => {
  async function agreedAtApril(): Promise<{ core: Core; seeded: SeededMinutes; decisionId: string; itemId: string }> {
    const core = await tempCore();
    const seeded = await seedFixtureMinutes(inProcess(core));
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    ok<MinutesRecord>(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId });
    const item = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId }).items[0]!;
    return { core, seeded, decisionId: item.decisions[0]!.id, itemId: item.id };
  }

  it('refuses to change or delete the decision that records the agreement, with a clear message, changing nothing', async () => {
    const { core, seeded, decisionId, itemId } = await agreedAtApril();
    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: seeded.laterMeetingId });
    expect(minutes.items[0]?.decisions[0]).toMatchObject({ id: decisionId, agreesMinutesOf: seeded.meetingId });
    const before = dump(core);
    for (const [method, payload] of [
      ['updateDecision', { decisionId, text: 'The minutes were not agreed.' }],
      ['deleteDecision', { decisionId }],
      ['deleteAgendaItem', { itemId }],
    ] as const) {
      const error = refused(core, method, payload);
      expect(error.code, method).toBe('conflict');
      expect(error.message, method).toMatch(/records that the minutes of 19 February 2014 were agreed as accurate/);
    }
    expect(dump(core)).toBe(before);
    // Other decisions of the item can still be added, moved around it and deleted.
    const other = ok<{ id: string }>(core, 'addDecision', { itemId, text: 'All actions were either completed or in train.', afterDecisionId: null });
    ok(core, 'deleteDecision', { decisionId: other.id });

    // The triggers hold against direct SQL too.
    const db = core.store!.db;
    const sqlBefore = dump(core);
    expect(() => db.prepare('UPDATE decisions SET text = ? WHERE id = ?').run('Changed', decisionId)).toThrow(/records the agreement/);
    expect(() => db.prepare('DELETE FROM decisions WHERE id = ?').run(decisionId)).toThrow(/records the agreement/);
    expect(() => db.prepare('DELETE FROM agenda_items WHERE id = ?').run(itemId)).toThrow(/records the agreement/);
    expect(() => db.prepare('UPDATE decisions SET agrees_minutes_of = NULL WHERE id = ?').run(decisionId)).toThrow(/records the agreement/);
    expect(dump(core)).toBe(sqlBefore);
  });

  it('refuses to move the agreeing meeting away from the date the minutes were agreed on', async () => {
    const { core, seeded } = await agreedAtApril();
    const before = dump(core);
    const error = refused(core, 'updateMeetingHeader', { meetingId: seeded.laterMeetingId, date: '2014-04-11' });
    expect(error).toMatchObject({ code: 'conflict', field: 'date' });
    expect(error.message).toMatch(/minutes of 19 February 2014 were agreed as accurate at this meeting on 10 April 2014/);
    expect(dump(core)).toBe(before);
    // Everything else about the meeting can still be changed.
    ok(core, 'updateMeetingHeader', { meetingId: seeded.laterMeetingId, venue: 'Room G02b, 160 Tooley Street' });
    const db = core.store!.db;
    expect(() => db.prepare("UPDATE meetings SET meeting_date = '2014-04-11' WHERE id = ?").run(seeded.laterMeetingId)).toThrow(/agreed as accurate at this meeting/);
    expect(ok<MinutesRecord>(core, 'getMinutesRecord', { meetingId: seeded.meetingId }).agreement).toMatchObject({ agreedOn: '2014-04-10', atMeetingDate: '2014-04-10' });
  });
  it('keeps the meeting a deferred item went to as it was when agreed, whatever later happens to that meeting’s date', async () => {
    const core = await tempCore();
    const seeded = await seedFixtureMinutes(inProcess(core));
    const june = ok<MeetingDetail>(core, 'createMeeting', { boardId: seeded.boardId, date: '2014-06-02' });
    ok(core, 'updateAgendaItem', { itemId: seeded.items['3'], deferred: true, deferredToMeetingId: june.id });
    // A draft follows the meeting: moved, it prints the new date.
    ok(core, 'updateMeetingHeader', { meetingId: june.id, date: '2014-06-03' });
    expect(printed(core, seeded.meetingId)).toContain('deferred to the meeting of 3 June 2014');
    ok(core, 'circulateMinutes', { meetingId: seeded.meetingId });
    ok<MinutesRecord>(core, 'agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId });
    // Agreed, the words are the record: the June meeting moved again changes nothing they show.
    ok(core, 'updateMeetingHeader', { meetingId: june.id, date: '2014-06-09' });
    expect(printed(core, seeded.meetingId)).toContain('deferred to the meeting of 3 June 2014');
    expect(printed(core, seeded.meetingId)).not.toContain('9 June 2014');
    expect(ok<MinutesVerification>(core, 'verifyMinutes', { meetingId: seeded.meetingId }).matches).toBe(true);
  });
});
