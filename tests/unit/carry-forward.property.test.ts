// Property tests (fast-check) of carrying forward, against a model written from the rules alone:
// over random sequences of meetings, new actions and updates, every meeting's matters arising is
// exactly the actions agreed at earlier meetings and not finished (done, dropped, superseded)
// before it, with the status each came with; carrying again adds nothing; and deleting a draft
// meeting puts the data file back as it was before it was started.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionStatus, BoardSummary, MattersArising, MeetingDetail, MinutesAction, MinutesItem, CarryResult } from '../../shared/contract';
import { ACTION_STATUSES, isFinished } from '../../shared/domain/actionStatus';
import type { Core } from '../../electron/core/app';
import { dump, ok, tempCore } from '../helpers/temp';

interface ModelUpdate {
  meeting: number;
  text: string;
  status: ActionStatus;
  supersededBy: string | null;
}

interface ModelMeeting {
  id: string;
  date: string;
  itemId: string;
}

interface ModelAction {
  id: string;
  meeting: number;
}

/** The rules, written out plainly: what each meeting should list and with which status. */
class Model {
  meetings: ModelMeeting[] = [];
  actions: ModelAction[] = [];
  /** action id -> its updates, one per meeting. */
  updates = new Map<string, ModelUpdate[]>();

  dateOf = (meeting: number): string => (this.meetings[meeting] as ModelMeeting).date;

  private sorted(actionId: string): ModelUpdate[] {
    return [...(this.updates.get(actionId) ?? [])].sort((a, b) => (this.dateOf(a.meeting) < this.dateOf(b.meeting) ? -1 : 1));
  }

  lastBefore(actionId: string, meeting: number): ModelUpdate | undefined {
    return this.sorted(actionId)
      .filter((u) => this.dateOf(u.meeting) < this.dateOf(meeting))
      .pop();
  }

  latest(actionId: string): ModelUpdate | undefined {
    return this.sorted(actionId).pop();
  }

  statusBefore(actionId: string, meeting: number): ActionStatus {
    return this.lastBefore(actionId, meeting)?.status ?? 'open';
  }

  /** Listed at a meeting: agreed earlier, not finished before it (the first meeting carries nothing). */
  listed(meeting: number): string[] {
    if (meeting === 0) return [];
    return this.actions.filter((a) => a.meeting < meeting && !isFinished(this.statusBefore(a.id, meeting))).map((a) => a.id);
  }

  updateAt(actionId: string, meeting: number): ModelUpdate | undefined {
    return this.updates.get(actionId)?.find((u) => u.meeting === meeting);
  }

  current(actionId: string): { status: ActionStatus; supersededBy: string | null } {
    const last = this.sorted(actionId).pop();
    return last ? { status: last.status, supersededBy: last.status === 'superseded' ? last.supersededBy : null } : { status: 'open', supersededBy: null };
  }

  /** Whether core should accept this update, by the rules; and if so, the update it leaves. */
  expect(actionId: string, meeting: number, change: { text?: string; status?: ActionStatus; supersededBy?: string }): ModelUpdate | 'refused' | 'cleared' {
    if (!this.listed(meeting).includes(actionId)) return 'refused';
    const existing = this.updateAt(actionId, meeting);
    const before = this.statusBefore(actionId, meeting);
    const text = change.text ?? existing?.text ?? '';
    const status = change.status ?? existing?.status ?? before;
    let supersededBy: string | null = null;
    if (status === 'superseded') {
      const target = change.supersededBy ?? existing?.supersededBy ?? null;
      if (!target || target === actionId) return 'refused';
      for (let next = this.current(target).supersededBy, hops = 0; next !== null && hops < 100; next = this.current(next).supersededBy, hops++) {
        if (next === actionId) return 'refused';
      }
      supersededBy = target;
    }
    if (isFinished(status) && (this.updates.get(actionId) ?? []).some((u) => this.dateOf(u.meeting) > this.dateOf(meeting))) return 'refused';
    if (text === '' && status === before) return 'cleared';
    return { meeting, text, status, supersededBy };
  }

  apply(actionId: string, meeting: number, result: ModelUpdate | 'cleared'): void {
    const others = (this.updates.get(actionId) ?? []).filter((u) => u.meeting !== meeting);
    this.updates.set(actionId, result === 'cleared' ? others : [...others, result]);
  }
}

type Op =
  | { kind: 'start'; gap: number }
  | { kind: 'action'; meeting: number }
  | { kind: 'update'; meeting: number; action: number; status: ActionStatus | null; text: string | null; target: number }
  | { kind: 'carry'; meeting: number }
  | { kind: 'deleteLatest' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('start' as const), gap: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('action' as const), meeting: fc.nat() }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      meeting: fc.nat(),
      action: fc.nat(),
      status: fc.option(fc.constantFrom(...ACTION_STATUSES), { nil: null }),
      text: fc.option(fc.constantFrom('', 'Progressing.', 'KC advised that the work is progressing.'), { nil: null }),
      target: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('carry' as const), meeting: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'deleteLatest' as const }) },
);

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function freshBoard(): Promise<{ core: Core; model: Model }> {
  const core = await tempCore();
  const board = ok<BoardSummary>(core, 'createBoard', { name: 'Executive Board' });
  const first = ok<MeetingDetail>(core, 'createMeeting', { boardId: board.id, date: '2014-02-19' });
  const item = ok<{ item: MinutesItem }>(core, 'addAgendaItem', { meetingId: first.id, title: 'Business' }).item;
  const model = new Model();
  model.meetings.push({ id: first.id, date: first.date, itemId: item.id });
  return { core, model };
}

function run(core: Core, model: Model, o: Op): void {
  const latest = model.meetings.length - 1;
  switch (o.kind) {
    case 'start': {
      const from = model.meetings[latest] as ModelMeeting;
      const m = ok<MeetingDetail>(core, 'startNextMeeting', { fromMeetingId: from.id, date: addDays(from.date, o.gap) });
      const itemId = (ok<{ items: MinutesItem[] }>(core, 'getMinutes', { meetingId: m.id }).items[0] as MinutesItem).id;
      model.meetings.push({ id: m.id, date: m.date, itemId });
      return;
    }
    case 'action': {
      const meeting = o.meeting % model.meetings.length;
      const a = ok<MinutesAction>(core, 'addAction', { itemId: (model.meetings[meeting] as ModelMeeting).itemId, details: `Action ${model.actions.length + 1}` });
      model.actions.push({ id: a.id, meeting });
      return;
    }
    case 'update': {
      if (model.actions.length === 0) return;
      const meeting = o.meeting % model.meetings.length;
      const action = (model.actions[o.action % model.actions.length] as ModelAction).id;
      const target = (model.actions[o.target % model.actions.length] as ModelAction).id;
      const change = { ...(o.text !== null ? { text: o.text } : {}), ...(o.status !== null ? { status: o.status } : {}), ...(o.status === 'superseded' ? { supersededBy: target } : {}) };
      const expected = model.expect(action, meeting, change);
      const before = dump(core);
      const response = core.call('recordActionUpdate', { meetingId: (model.meetings[meeting] as ModelMeeting).id, actionId: action, ...change });
      if (expected === 'refused') {
        expect(response.ok, `update of ${action} at meeting ${meeting} should be refused`).toBe(false);
        expect(dump(core)).toBe(before);
      } else {
        expect(response.ok, `update should be accepted: ${response.ok ? '' : response.error.message}`).toBe(true);
        model.apply(action, meeting, expected);
      }
      return;
    }
    case 'carry': {
      const meeting = o.meeting % model.meetings.length;
      if (meeting === 0) return;
      const result = ok<CarryResult>(core, 'carryForward', { meetingId: (model.meetings[meeting] as ModelMeeting).id });
      expect([result.added, result.removed]).toEqual([0, 0]);
      return;
    }
    case 'deleteLatest': {
      if (latest === 0) return;
      ok(core, 'deleteMeeting', { meetingId: (model.meetings[latest] as ModelMeeting).id });
      model.meetings.pop();
      model.actions = model.actions.filter((a) => a.meeting !== latest);
      for (const [id, list] of model.updates) model.updates.set(id, list.filter((u) => u.meeting !== latest));
      return;
    }
  }
}

function checkAgainstModel(core: Core, model: Model): void {
  model.meetings.forEach((m, index) => {
    const list = ok<MattersArising>(core, 'getMattersArising', { meetingId: m.id });
    const expected = model.listed(index);
    expect(list.entries.map((e) => e.actionId).sort(), `matters arising of meeting ${index} (${m.date})`).toEqual([...expected].sort());
    for (const e of list.entries) {
      expect(e.statusBefore).toBe(model.statusBefore(e.actionId, index));
      const update = model.updateAt(e.actionId, index);
      expect(e.status).toBe(update?.status ?? model.statusBefore(e.actionId, index));
      expect(e.update?.text ?? null).toBe(update?.text ?? null);
      const prior = model.lastBefore(e.actionId, index);
      expect(e.latestUpdate && [e.latestUpdate.meetingDate, e.latestUpdate.status, e.latestUpdate.text]).toEqual(
        prior ? [model.dateOf(prior.meeting), prior.status, prior.text] : null,
      );
      // Carried to every meeting after its own up to this one at which it was still unfinished.
      const origin = (model.actions.find((a) => a.id === e.actionId) as ModelAction).meeting;
      const carried = model.meetings.filter((_, i) => i > origin && i <= index && model.listed(i).includes(e.actionId)).length;
      expect(e.timesCarried).toBe(carried);
    }
  });
  const statuses = core.store!.db.prepare('SELECT id, status, superseded_by, last_update_meeting_id FROM actions').all() as Array<{
    id: string;
    status: ActionStatus;
    superseded_by: string | null;
    last_update_meeting_id: string | null;
  }>;
  for (const row of statuses) {
    expect({ status: row.status, supersededBy: row.superseded_by }).toEqual(model.current(row.id));
    const last = model.latest(row.id);
    expect(row.last_update_meeting_id).toBe(last ? (model.meetings[last.meeting] as ModelMeeting).id : null);
  }
}

describe('carrying forward (property)', () => {
  it('lists exactly the unfinished actions of earlier meetings, whatever happens in what order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const { core, model } = await freshBoard();
        try {
          for (const o of ops) {
            run(core, model, o);
            checkAgainstModel(core, model);
          }
        } finally {
          core.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('carrying again is idempotent, and deleting a draft meeting restores the state before it was started', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 20 }),
        fc.integer({ min: 1, max: 90 }),
        fc.array(op.filter((o) => o.kind === 'action' || o.kind === 'update' || o.kind === 'carry'), { maxLength: 15 }),
        async (history, gap, inNewMeeting) => {
          const { core, model } = await freshBoard();
          try {
            for (const o of history) run(core, model, o);
            const before = dump(core);
            const rowsBefore = JSON.parse(before) as [string, string[]][];
            run(core, model, { kind: 'start', gap });
            const latest = model.meetings.length - 1;
            const meetingId = (model.meetings[latest] as ModelMeeting).id;
            for (let i = 0; i < 3; i++) expect(ok<CarryResult>(core, 'carryForward', { meetingId })).toMatchObject({ added: 0, removed: 0 });
            // Progress and new actions in the new meeting only.
            for (const o of inNewMeeting) run(core, model, 'meeting' in o ? { ...o, meeting: latest } : o);
            ok(core, 'deleteMeeting', { meetingId });
            const after = JSON.parse(dump(core)) as [string, string[]][];
            // The log keeps its record, and references once issued stay issued; everything else is as before.
            const keep = ([t]: [string, string[]]) => t !== 'change_log' && t !== 'issued_references';
            expect(after.filter(keep)).toEqual(rowsBefore.filter(keep));
          } finally {
            core.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
