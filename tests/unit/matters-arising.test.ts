// Matters arising with the real fixture meetings: starting 10 April 2014 from 19 February lists
// all 13 actions; progress recorded there decides what the next meeting lists; carrying is
// exact and idempotent; deleting a draft meeting puts everything back as it was.
import { describe, expect, it } from 'vitest';
import type {
  ActionHistory,
  ActionLog,
  CarryResult,
  DeletedMeeting,
  MattersArising,
  MattersArisingEntry,
  MeetingDetail,
  MeetingSummary,
  Minutes,
  NextMeetingSuggestion,
  SampleBoardResult,
} from '../../shared/contract';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';
import { APRIL, enterFixtureMinutes, FEBRUARY, type EnteredAction } from '../helpers/fixture-agenda';
import { ownerLabel } from '../../shared/domain/owners';

function refused(core: Core, method: string, payload: unknown): { code: string; message: string; field?: string } {
  const response = core.call(method, payload);
  if (response.ok) throw new Error(`${method} was accepted`);
  return response.error;
}

const sync = (core: Core) => async (method: string, payload: unknown) => ok(core, method, payload);

/** The sample board with 19 February typed in and 10 April not yet held. */
async function februaryTyped(): Promise<{ core: Core; boardId: string; feb: MeetingSummary; febActions: EnteredAction[] }> {
  const core = await tempCore();
  const { board } = ok<SampleBoardResult>(core, 'loadSampleBoard', { attendanceOnly: true });
  const meetings = ok<MeetingSummary[]>(core, 'listMeetings', { boardId: board.id });
  const feb = meetings.find((m) => m.date === '2014-02-19')!;
  const apr = meetings.find((m) => m.date === '2014-04-10')!;
  ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: apr.id });
  const febActions = await enterFixtureMinutes(sync(core), feb.id, FEBRUARY);
  return { core, boardId: board.id, feb, febActions };
}

const arising = (core: Core, meetingId: string) => ok<MattersArising>(core, 'getMattersArising', { meetingId });
/** Every table but the append-only log, and the references ever issued (never given out again). */
const state = (core: Core): Record<string, string[]> =>
  Object.fromEntries((JSON.parse(dump(core)) as [string, string[]][]).filter(([t]) => t !== 'change_log' && t !== 'issued_references'));

/** Tables whose rows differ, with the differing rows: short enough to read when it fails. */
function differences(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, { gone: string[]; added: string[] }> {
  const out: Record<string, { gone: string[]; added: string[] }> = {};
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const before = new Set(a[table] ?? []);
    const after = new Set(b[table] ?? []);
    const gone = [...before].filter((r) => !after.has(r));
    const added = [...after].filter((r) => !before.has(r));
    if (gone.length || added.length) out[table] = { gone: gone.slice(0, 3), added: added.slice(0, 3) };
  }
  return out;
}

describe('starting the next meeting', () => {
  it('starts 10 April from 19 February with the recurring agenda and all 13 actions as matters arising', async () => {
    const { core, feb, febActions } = await februaryTyped();
    expect(febActions).toHaveLength(13);

    const suggestion = ok<NextMeetingSuggestion>(core, 'suggestNextMeeting', { fromMeetingId: feb.id });
    // The sample board meets every 49 days.
    expect(suggestion).toMatchObject({ date: '2014-04-09', basis: 'cadence', outstanding: 13, alreadyStarted: null });
    expect(suggestion.agenda).toEqual(['Introductions and apologies', 'Minutes and actions arising from 19 February 2014', 'Any other business']);

    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10', startTime: '10:30', endTime: '12:30' });
    const minutes = ok<Minutes>(core, 'getMinutes', { meetingId: apr.id });
    expect(minutes.items.map((i) => `${i.number} ${i.title} (${i.kind})`)).toEqual([
      '1 Introductions and apologies (normal)',
      '2 Minutes and actions arising from 19 February 2014 (matters_arising)',
      '3 Any other business (normal)',
    ]);

    const list = arising(core, apr.id);
    expect(list.previousMeeting).toEqual({ id: feb.id, date: '2014-02-19' });
    expect(list.entries.map((e) => e.reference)).toEqual(febActions.map((a) => a.action.reference));
    expect(list.entries.every((e) => e.timesCarried === 1 && e.status === 'open' && e.update === null && e.latestUpdate === null)).toBe(true);
    const first = list.entries[0]!;
    expect(first).toMatchObject({ reference: '2014-02-19/1', details: 'All recommendations from item 1a agreed', origin: { meetingDate: '2014-02-19', itemNumber: '1b' } });
    expect(first.owners.map((o) => ownerLabel(o))).toEqual(['AF']);

    // Running it again adds nothing twice.
    expect(ok<CarryResult>(core, 'carryForward', { meetingId: apr.id })).toEqual({ meetingId: apr.id, added: 0, removed: 0, listed: 13 });
  });

  it('carries what is left, with how many meetings each has been carried, and the new actions of 10 April', async () => {
    const { core, boardId, feb, febActions } = await februaryTyped();
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const aprActions = await enterFixtureMinutes(sync(core), apr.id, APRIL);
    expect(aprActions).toHaveLength(11);

    // Ten done; the three left ("all actions were either completed or in train") in progress.
    const stillGoing = new Set(['2', '6', '12']);
    for (const a of febActions.filter((x) => !stillGoing.has(x.printedRef))) {
      const entry = ok<MattersArisingEntry>(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.action.id, status: 'done' });
      expect(entry.status).toBe('done');
    }
    const after = ok<MattersArising>(core, 'markAllInProgress', { meetingId: apr.id });
    expect(after.entries.filter((e) => e.status === 'in_progress').map((e) => e.reference)).toEqual(
      febActions.filter((x) => stillGoing.has(x.printedRef)).map((x) => x.action.reference),
    );
    expect(after.entries.filter((e) => e.status === 'done')).toHaveLength(10);

    const june = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-05-29' });
    const list = arising(core, june.id);
    expect(list.entries).toHaveLength(14);
    const old = list.entries.filter((e) => e.origin.meetingDate === '2014-02-19');
    expect(old.map((e) => [e.reference, e.timesCarried, e.statusBefore, e.latestUpdate?.status, e.latestUpdate?.meetingDate])).toEqual(
      febActions
        .filter((x) => stillGoing.has(x.printedRef))
        .map((x) => [x.action.reference, 2, 'in_progress', 'in_progress', '2014-04-10']),
    );
    expect(list.entries.filter((e) => e.origin.meetingDate === '2014-04-10').map((e) => [e.reference, e.timesCarried])).toEqual(
      aprActions.map((a) => [a.action.reference, 1]),
    );

    // The action log: the same fourteen, and EA's own include those EA shares.
    const log = ok<ActionLog>(core, 'outstandingActions', { boardId });
    expect(log.actions.map((a) => a.reference).sort()).toEqual(list.entries.map((e) => e.reference).sort());
    const ea = log.actions.find((a) => a.owners.some((o) => o.kind === 'member' && o.initials === 'EA'))!.owners.find((o) => o.kind === 'member' && o.initials === 'EA')!;
    const eas = log.actions.filter((a) => a.owners.some((o) => o.key === ea.key)).map((a) => a.reference);
    const expected = [...febActions, ...aprActions].filter((x) => /\bEA\b/.test(x.owner) && (x.action.reference.startsWith('2014-04-10') || stillGoing.has(x.printedRef)));
    expect(eas.sort()).toEqual(expected.map((x) => x.action.reference).sort());
    expect(expected.map((x) => x.owner)).toContain('AF & EA');
    expect(expected.map((x) => x.owner)).toContain('EA / Jackie Cook');
  });

  it('puts everything back when a draft meeting is deleted', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const before = state(core);
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    await enterFixtureMinutes(sync(core), apr.id, APRIL);
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: febActions[0]!.action.id, status: 'done', text: 'Completed.' });
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: febActions[1]!.action.id, text: 'KC advised that the work is progressing.' });
    const newAction = ok<Minutes>(core, 'getMinutes', { meetingId: apr.id }).items.flatMap((i) => i.actions)[0]!;
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: febActions[2]!.action.id, status: 'superseded', supersededBy: newAction.id });
    ok(core, 'markAllInProgress', { meetingId: apr.id });
    expect(ok<ActionHistory>(core, 'getActionHistory', { actionId: febActions[2]!.action.id }).supersededBy?.id).toBe(newAction.id);

    const deleted = ok<DeletedMeeting>(core, 'deleteMeeting', { meetingId: apr.id });
    expect(deleted).toMatchObject({ meetingId: apr.id, date: '2014-04-10', restoredActions: 13 });
    expect(differences(before, state(core))).toEqual({});
  });
});

describe('bad input changes nothing', () => {
  it('refuses a next meeting dated on or before the one it follows, a second start, and a date already taken', async () => {
    const { core, boardId, feb } = await februaryTyped();
    const before = dump(core);
    for (const date of ['2014-02-19', '2014-01-30']) {
      const error = refused(core, 'startNextMeeting', { fromMeetingId: feb.id, date });
      expect(error).toMatchObject({ code: 'invalid_input', field: 'date', message: 'The next meeting must be after the meeting it follows (19 February 2014).' });
    }
    expect(dump(core)).toBe(before);

    ok(core, 'createMeeting', { boardId, date: '2014-03-05' });
    expect(refused(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-03-05' })).toMatchObject({
      code: 'conflict',
      field: 'date',
      message: 'There is already a meeting of this board on 5 March 2014.',
    });
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const again = dump(core);
    expect(refused(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-05-29' }).message).toBe(
      'The meeting of 10 April 2014 has already been started from this one. Open it from the board’s meetings.',
    );
    expect(ok<NextMeetingSuggestion>(core, 'suggestNextMeeting', { fromMeetingId: feb.id }).alreadyStarted).toEqual({ id: apr.id, date: '2014-04-10' });
    // Its date cannot move back before the meeting it follows either.
    expect(refused(core, 'updateMeetingHeader', { meetingId: apr.id, date: '2014-02-01' })).toMatchObject({ code: 'invalid_input', field: 'date' });
    expect(dump(core)).toBe(again);
  });

  it('refuses progress on an action finished at an earlier meeting, on one not listed, and on the meeting’s own', async () => {
    const { core, boardId, feb, febActions } = await februaryTyped();
    // A meeting set up on its own lists no matters arising until they are brought in.
    const march = ok<MeetingDetail>(core, 'createMeeting', { boardId, date: '2014-03-05' });
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const [first] = await enterFixtureMinutes(sync(core), apr.id, APRIL);
    const done = febActions[0]!.action;
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: done.id, status: 'done', text: 'All recommendations implemented.' });
    const june = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-05-29' });
    expect(arising(core, june.id).entries.map((e) => e.actionId)).not.toContain(done.id);
    const before = dump(core);

    expect(refused(core, 'recordActionUpdate', { meetingId: june.id, actionId: done.id, text: 'Reopened?' })).toEqual({
      code: 'conflict',
      message: `Action ${done.reference} was marked done at the meeting of 10 April 2014, so no further progress can be recorded on it.`,
    });
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: first!.action.id, text: 'x' }).message).toBe(
      `Action ${first!.action.reference} was agreed at this meeting: progress on it is recorded at the meetings after it.`,
    );
    expect(refused(core, 'recordActionUpdate', { meetingId: march.id, actionId: febActions[1]!.action.id, text: 'x' }).message).toMatch(
      /is not among this meeting’s matters arising/,
    );
    expect(arising(core, march.id)).toMatchObject({ carrying: false, notListed: 13, entries: [] });
    // Finishing it at 10 April when 29 May already records progress on it would rewrite history.
    const second = febActions[1]!.action;
    ok(core, 'recordActionUpdate', { meetingId: june.id, actionId: second.id, text: 'Terms of reference drafted.' });
    const withUpdate = dump(core);
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: second.id, status: 'dropped' })).toMatchObject({ code: 'conflict', field: 'status' });
    expect(dump(core)).toBe(withUpdate);
    expect(before).not.toBe(withUpdate);
  });

  it('refuses an action superseded by itself, by nothing, or by one it replaces', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const [a, b] = [febActions[0]!.action, febActions[1]!.action];
    const before = dump(core);
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.id, status: 'superseded', supersededBy: a.id })).toEqual({
      code: 'invalid_input',
      field: 'supersededBy',
      message: `An action cannot be superseded by itself. Choose the action that replaces ${a.reference}.`,
    });
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.id, status: 'superseded' })).toMatchObject({ code: 'invalid_input', field: 'supersededBy' });
    expect(dump(core)).toBe(before);

    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: a.id, status: 'superseded', supersededBy: b.id });
    const afterFirst = dump(core);
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: b.id, status: 'superseded', supersededBy: a.id })).toMatchObject({
      code: 'invalid_input',
      message: `Action ${a.reference} is itself superseded by ${b.reference}, so it cannot replace it.`,
    });
    expect(dump(core)).toBe(afterFirst);
    const history = ok<ActionHistory>(core, 'getActionHistory', { actionId: b.id });
    expect(history.supersedes.map((s) => s.reference)).toEqual([a.reference]);
  });

  it('keeps circulated and agreed minutes as they are', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    core.store!.db.prepare("UPDATE meetings SET status = 'circulated' WHERE id = ?").run(apr.id);
    const before = dump(core);
    expect(refused(core, 'deleteMeeting', { meetingId: apr.id }).code).toBe('conflict');
    expect(refused(core, 'carryForward', { meetingId: apr.id }).code).toBe('conflict');
    // Circulated minutes still take progress (their content can be corrected); agreed ones do not.
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: febActions[0]!.action.id, text: 'Under way.' });
    core.store!.db.prepare("UPDATE meetings SET status = 'agreed' WHERE id = ?").run(apr.id);
    const agreed = dump(core);
    expect(refused(core, 'recordActionUpdate', { meetingId: apr.id, actionId: febActions[0]!.action.id, text: 'Changed later' }).code).toBe('conflict');
    expect(refused(core, 'markAllInProgress', { meetingId: apr.id }).code).toBe('conflict');
    expect(dump(core)).toBe(agreed);
    expect(before).not.toBe(agreed);
    // The meeting it was started from cannot go while it stands.
    expect(refused(core, 'deleteMeeting', { meetingId: feb.id }).message).toBe(
      'The meeting of 10 April 2014 was started from this one, so this one cannot be deleted. Delete that meeting first.',
    );
  });
});

describe('progress and what the next meeting lists', () => {
  it('lists an action added to an earlier meeting after the next one was started, and lets an untouched one be deleted', async () => {
    const { core, feb } = await februaryTyped();
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const item = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id }).items[0]!;
    const late = ok<{ id: string; reference: string }>(core, 'addAction', { itemId: item.id, details: 'Typed in after the April meeting was started' });
    expect(arising(core, apr.id).entries.map((e) => e.reference)).toContain(late.reference);
    ok(core, 'deleteAction', { actionId: late.id });
    expect(arising(core, apr.id).entries.map((e) => e.reference)).not.toContain(late.reference);
    expect(arising(core, apr.id).entries).toHaveLength(13);
  });

  it('takes a finished action off later drafts and puts it back when it is reopened', async () => {
    const { core, feb, febActions } = await februaryTyped();
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const june = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-05-29' });
    const x = febActions[3]!.action;
    expect(arising(core, june.id).entries.find((e) => e.actionId === x.id)?.timesCarried).toBe(2);
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: x.id, status: 'dropped', text: 'No longer needed.' });
    expect(arising(core, june.id).entries.map((e) => e.actionId)).not.toContain(x.id);
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: x.id, status: 'deferred' });
    const back = arising(core, june.id).entries.find((e) => e.actionId === x.id);
    expect(back).toMatchObject({ statusBefore: 'deferred', status: 'deferred', latestUpdate: { status: 'deferred', text: 'No longer needed.', meetingDate: '2014-04-10' } });
    // Clearing the update (nothing said, status as it came) removes it altogether.
    ok(core, 'recordActionUpdate', { meetingId: apr.id, actionId: x.id, status: 'open', text: '' });
    expect(arising(core, apr.id).entries.find((e) => e.actionId === x.id)?.update).toBeNull();
    expect(ok<ActionHistory>(core, 'getActionHistory', { actionId: x.id })).toMatchObject({ status: 'open', updates: [], carriedTo: [{ date: '2014-04-10' }, { date: '2014-05-29' }] });
  });

  it('proposes items deferred at the previous meeting, to take in or dismiss', async () => {
    const { core, feb } = await februaryTyped();
    const items = ok<Minutes>(core, 'getMinutes', { meetingId: feb.id }).items;
    const horizon = items.find((i) => i.title === 'Horizon scan')!;
    ok(core, 'updateAgendaItem', { itemId: horizon.id, deferred: true, deferredToText: 'the April meeting' });
    const young = items.find((i) => i.title === "Young People's engagement")!;
    ok(core, 'updateAgendaItem', { itemId: young.id, deferred: true });
    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const proposals = arising(core, apr.id).proposals;
    expect(proposals.map((p) => [p.title, p.deferredToText, p.meeting.date])).toEqual([
      ["Young People's engagement", null, '2014-02-19'],
      ['Horizon scan', 'the April meeting', '2014-02-19'],
    ]);
    const taken = ok<{ accepted: boolean; item: { title: string; number: string } }>(core, 'resolveDeferredItem', { meetingId: apr.id, itemId: horizon.id, accept: true });
    expect(taken).toMatchObject({ accepted: true, item: { title: 'Horizon scan', number: '4' } });
    ok(core, 'resolveDeferredItem', { meetingId: apr.id, itemId: young.id, accept: false });
    expect(arising(core, apr.id).proposals).toEqual([]);
    expect(refused(core, 'resolveDeferredItem', { meetingId: apr.id, itemId: young.id, accept: true }).code).toBe('conflict');

    // Deferred to a named meeting: offered there, not at the meetings before it.
    const june = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-06-12' });
    const cse = items.find((i) => i.title === 'Child Sexual exploitation')!;
    ok(core, 'updateAgendaItem', { itemId: cse.id, deferred: true, deferredToMeetingId: june.id, deferredToText: 'the June meeting' });
    expect(arising(core, apr.id).proposals).toEqual([]);
    expect(arising(core, june.id).proposals.map((p) => [p.title, p.meeting.date])).toEqual([['Child Sexual exploitation', '2014-02-19']]);
  });

  it('works out dues: next meeting means the board’s next meeting, overdue at the meeting and in the log', async () => {
    const { core, boardId, feb, febActions } = await februaryTyped();
    const [a, b, c] = febActions.map((x) => x.action);
    ok(core, 'updateAction', { actionId: a!.id, due: 'next meeting' });
    ok(core, 'updateAction', { actionId: b!.id, due: '31/03/2014' });
    ok(core, 'updateAction', { actionId: c!.id, due: 'the June meeting' });
    let log = ok<ActionLog>(core, 'outstandingActions', { boardId });
    const due = (id: string) => log.actions.find((x) => x.id === id)!;
    // No meeting after 19 February yet: "next meeting" has no date and is not overdue.
    expect(due(a!.id)).toMatchObject({ dueDate: null, overdue: false });
    expect(due(b!.id)).toMatchObject({ dueDate: '2014-03-31', overdue: true });
    expect(due(c!.id)).toMatchObject({ dueDate: '2014-06-30', overdue: true });

    const apr = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: feb.id, date: '2014-04-10' });
    const june = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: apr.id, date: '2014-06-12' });
    log = ok<ActionLog>(core, 'outstandingActions', { boardId });
    expect(due(a!.id).dueDate).toBe('2014-04-10');
    expect(due(c!.id).dueDate).toBe('2014-06-12');
    const inApril = arising(core, apr.id).entries;
    expect(inApril.find((e) => e.actionId === a!.id)).toMatchObject({ dueDate: '2014-04-10', overdue: false });
    expect(inApril.find((e) => e.actionId === b!.id)).toMatchObject({ overdue: true });
    expect(inApril.find((e) => e.actionId === c!.id)).toMatchObject({ overdue: false });
    expect(arising(core, june.id).entries.find((e) => e.actionId === a!.id)).toMatchObject({ overdue: true });
  });
});
