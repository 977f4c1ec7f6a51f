// Property tests (fast-check) of the action log's kept values (store/actionSummary.ts): after any
// sequence of writes, deletes and restores made through the API, every action's kept summary
// (times carried, owners as named, latest update) equals the one computed again from its tables,
// no mark is left behind, and the log shows exactly what the tables say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog, ActionStatus, BackupInfo, BoardGroup, BoardSummary, MeetingDetail, MinutesAction, RosterMember } from '../../shared/contract';
import { ACTION_STATUSES } from '../../shared/domain/actionStatus';
import { summariesDiffer } from '../../electron/core/store/actionSummary';
import { positionsDiffer } from '../../electron/core/store/actionLogPositions';
import type { Core } from '../../electron/core/app';
import { ok, okAsync, tempCore } from '../helpers/temp';

type Op =
  | { kind: 'meeting'; at: number; gap: number }
  | { kind: 'action'; meeting: number; owners: number[] }
  | { kind: 'editOwners'; action: number; owners: number[] }
  | { kind: 'update'; meeting: number; action: number; status: ActionStatus | null; text: string | null }
  | { kind: 'deleteAction'; action: number }
  | { kind: 'deleteMeeting' }
  | { kind: 'attendance'; meeting: number; present: boolean }
  | { kind: 'rename'; initials: string }
  | { kind: 'renameGroup'; name: string }
  | { kind: 'move'; meeting: number; gap: number }
  | { kind: 'retitle'; meeting: number; title: string }
  | { kind: 'itemBefore'; meeting: number }
  | { kind: 'renameBoard'; name: string }
  | { kind: 'due'; action: number; due: string }
  | { kind: 'backup' }
  | { kind: 'restore' };

const owners = fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  // A meeting after the last, or on a date among the others (before or after any of them).
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('meeting' as const), at: fc.nat(), gap: fc.integer({ min: -45, max: 60 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('action' as const), meeting: fc.nat(), owners }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('editOwners' as const), action: fc.nat(), owners }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      meeting: fc.nat(),
      action: fc.nat(),
      status: fc.option(fc.constantFrom(...ACTION_STATUSES.filter((s) => s !== 'superseded')), { nil: null }),
      text: fc.option(fc.constantFrom('', 'Progressing.', 'KC advised that the work is in train.'), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteAction' as const), action: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteMeeting' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attendance' as const), meeting: fc.nat(), present: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), initials: fc.constantFrom('JC', 'JCK', 'JSh') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameGroup' as const), name: fc.constantFrom('CSE subgroup', 'Health subgroup') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), meeting: fc.nat(), gap: fc.integer({ min: -20, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retitle' as const), meeting: fc.nat(), title: fc.constantFrom('Matters arising', 'CSE strategy') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('itemBefore' as const), meeting: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('renameBoard' as const), name: fc.constantFrom('Executive Board', 'Main Board') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('due' as const), action: fc.nat(), due: fc.constantFrom('next meeting', '22.07.14', '', 'December Board meeting', 'March meeting', '10th April board') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'backup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
);

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface World {
  boardId: string;
  memberId: string;
  groupId: string;
  meetings: Array<{ id: string; itemId: string; date: string }>;
  actions: string[];
  backups: string[];
}

function ownerRefs(w: World, picks: number[]): Array<{ memberId: string } | { groupId: string } | { name: string }> {
  return picks.map((p) => (p === 0 ? { memberId: w.memberId } : p === 1 ? { groupId: w.groupId } : { name: 'tbc' }));
}

const pick = <T,>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** Runs one operation; refusals by the rules (an update to an action not listed, a moved date taken) are part of the sequence. */
async function run(core: Core, w: World, o: Op): Promise<void> {
  const meeting = (n: number) => pick(w.meetings, n);
  switch (o.kind) {
    case 'meeting': {
      const date = addDays(pick(w.meetings, o.at)?.date ?? '2014-01-15', o.gap);
      const created = core.call('createMeeting', { boardId: w.boardId, date });
      if (!created.ok) return; // the board meets on that date already
      const m = created.value as MeetingDetail;
      const itemId = ok<{ item: { id: string } }>(core, 'addAgendaItem', { meetingId: m.id, title: 'Matters' }).item.id;
      if (w.meetings.length > 0) ok(core, 'carryForward', { meetingId: m.id });
      w.meetings.push({ id: m.id, itemId, date });
      w.meetings.sort((a, b) => (a.date < b.date ? -1 : 1));
      return;
    }
    case 'action': {
      const m = meeting(o.meeting);
      if (!m) return;
      const r = core.call('addAction', { itemId: m.itemId, details: 'Review the terms of reference', owners: ownerRefs(w, o.owners), due: 'next meeting' });
      if (r.ok) w.actions.push((r.value as MinutesAction).id);
      return;
    }
    case 'editOwners': {
      const a = pick(w.actions, o.action);
      if (a) core.call('updateAction', { actionId: a, owners: ownerRefs(w, o.owners) });
      return;
    }
    case 'update': {
      const m = meeting(o.meeting);
      const a = pick(w.actions, o.action);
      if (!m || !a) return;
      core.call('recordActionUpdate', { meetingId: m.id, actionId: a, ...(o.text !== null ? { text: o.text } : {}), ...(o.status ? { status: o.status } : {}) });
      return;
    }
    case 'deleteAction': {
      const a = pick(w.actions, o.action);
      if (a && core.call('deleteAction', { actionId: a }).ok) w.actions = w.actions.filter((x) => x !== a);
      return;
    }
    case 'deleteMeeting': {
      const m = w.meetings.at(-1);
      if (!m || !core.call('deleteMeeting', { meetingId: m.id }).ok) return;
      w.meetings.pop();
      const left = new Set(core.store!.db.prepare('SELECT id FROM actions').pluck().all() as string[]);
      w.actions = w.actions.filter((a) => left.has(a));
      return;
    }
    case 'attendance': {
      const m = meeting(o.meeting);
      if (m) core.call('recordAttendance', { meetingId: m.id, changes: [{ kind: 'member', memberId: w.memberId, status: o.present ? 'present' : null }] });
      return;
    }
    case 'rename':
      ok<RosterMember>(core, 'updateRosterMember', { memberId: w.memberId, fullName: 'Jackie Cook', initials: o.initials });
      return;
    case 'renameGroup':
      ok<BoardGroup>(core, 'saveGroup', { boardId: w.boardId, groupId: w.groupId, name: o.name, kind: 'subgroup' });
      return;
    case 'move': {
      const m = meeting(o.meeting);
      if (m && core.call('updateMeetingHeader', { meetingId: m.id, date: addDays(m.date, o.gap) }).ok) {
        m.date = addDays(m.date, o.gap);
        w.meetings.sort((a, b) => (a.date < b.date ? -1 : 1));
      }
      return;
    }
    case 'retitle': {
      const m = meeting(o.meeting);
      if (m) core.call('updateAgendaItem', { itemId: m.itemId, title: o.title });
      return;
    }
    case 'itemBefore': {
      // A new first item renumbers the one the actions were agreed under.
      const m = meeting(o.meeting);
      if (m) core.call('addAgendaItem', { meetingId: m.id, title: 'Welcome', afterItemId: null });
      return;
    }
    case 'renameBoard':
      core.call('renameBoard', { boardId: w.boardId, name: o.name });
      return;
    case 'due': {
      const a = pick(w.actions, o.action);
      if (a) core.call('updateAction', { actionId: a, due: o.due });
      return;
    }
    case 'backup':
      w.backups.push((await okAsync<BackupInfo>(core, 'backUpNow', {})).name);
      return;
    case 'restore': {
      const name = w.backups.at(-1);
      if (!name) return;
      await okAsync(core, 'restoreBackup', { name });
      // The file is as it was then: what exists is read back from it.
      const db = core.store!.db;
      const dates = new Map((db.prepare('SELECT id, meeting_date FROM meetings').all() as Array<{ id: string; meeting_date: string }>).map((r) => [r.id, r.meeting_date]));
      w.meetings = w.meetings.filter((m) => dates.has(m.id)).map((m) => ({ ...m, date: dates.get(m.id) as string }));
      w.meetings.sort((a, b) => (a.date < b.date ? -1 : 1));
      const left = new Set(db.prepare('SELECT id FROM actions').pluck().all() as string[]);
      w.actions = w.actions.filter((a) => left.has(a));
      return;
    }
  }
}

function expectKeptEqualsRecomputed(core: Core): void {
  const db = core.store!.db;
  expect(summariesDiffer(db)).toEqual([]);
  // The log's kept positions (how many rows each board and status has on each day) count the kept rows as they are.
  expect(positionsDiffer(db)).toEqual([]);
  expect(db.prepare('SELECT (SELECT count(*) FROM action_summaries_stale) + (SELECT count(*) FROM action_summaries_recount)').pluck().get()).toBe(0);
  // What the log shows of each outstanding action is what its tables say, read the slow way.
  const log = ok<ActionLog>(core, 'outstandingActions', {});
  for (const a of log.actions) {
    expect(a.timesCarried).toBe(db.prepare('SELECT count(*) FROM carried_actions WHERE action_id = ?').pluck().get(a.id));
    const latest = db
      .prepare(
        `SELECT u.meeting_id, u.text, u.status FROM action_updates u JOIN meetings m ON m.id = u.meeting_id
         WHERE u.action_id = ? ORDER BY m.meeting_date DESC, m.created_at DESC, m.id DESC LIMIT 1`,
      )
      .get(a.id) as { meeting_id: string; text: string; status: ActionStatus } | undefined;
    expect(a.latestUpdate ? { meeting_id: a.latestUpdate.meetingId, text: a.latestUpdate.text, status: a.latestUpdate.status } : undefined).toEqual(latest);
    const ownerCount = db.prepare('SELECT count(*) FROM action_owners WHERE action_id = ?').pluck().get(a.id);
    expect(a.owners.length).toBe(ownerCount);
  }
  const outstanding = db.prepare("SELECT count(*) FROM actions WHERE status IN ('open', 'in_progress', 'deferred')").pluck().get();
  expect(log.actions.length).toBe(outstanding);
}

describe('the action log’s kept values', () => {
  it('equal the values computed again from their tables after any sequence of writes, deletes and restores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const core = await tempCore();
        try {
          const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
          const member = ok<RosterMember>(core, 'addRosterMember', { boardId: board.id, fullName: 'Jackie Cook', initials: 'JC' });
          const group = ok<BoardGroup>(core, 'saveGroup', { boardId: board.id, name: 'CSE subgroup', kind: 'subgroup' });
          const w: World = { boardId: board.id, memberId: member.id, groupId: group.id, meetings: [], actions: [], backups: [] };
          for (const o of ops) {
            await run(core, w, o);
            expectKeptEqualsRecomputed(core);
          }
        } finally {
          await core.backupsSettled();
          core.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
