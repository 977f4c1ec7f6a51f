// Hostile payloads that pass the schema: ids of another board's records, changes to minutes
// already agreed (frozen), and enormous but valid lists with one bad entry at the end. Sent
// over HTTP to the browser host, each must be refused with a typed error (never a 5xx), and a
// refused request must change nothing at all. Prints the counts.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { BoardGroup, BoardSummary, MeetingAttendance, MeetingDetail, Minutes, MinutesAction, RosterMember } from '../../shared/contract';
import { MINUTES_LIMITS } from '../../shared/contract';
import { startBrowserHost, TOKEN_HEADER, type BrowserHost } from '../../electron/serve';
import { seedFixtureMinutes, overHttp } from '../helpers/fixture-minutes';
import { dump, tempDir } from '../helpers/temp';

const RUNS = 400;
const counts = { requests: 0, refusals: 0, serverErrors: 0, changedByRefused: 0, acceptedButShouldNot: [] as string[] };

afterAll(() => {
  console.log(
    `fuzz (valid-shaped): ${counts.requests} requests, ${counts.refusals} refusals, ${counts.serverErrors} 5xx, ` +
      `${counts.changedByRefused} refused requests that changed data, ${counts.acceptedButShouldNot.length} accepted that should have been refused`,
  );
});

interface World {
  host: BrowserHost;
  /** The sample board, its minutes of 19 February 2014 circulated and agreed at 10 April 2014. */
  a: {
    boardId: string;
    agreed: string;
    later: string;
    items: string[];
    decisions: string[];
    actions: string[];
    members: string[];
    /** Members present at the agreed meeting. */
    attended: RosterMember[];
    groupId: string;
  };
  /** Another board, with its own draft meeting, item, decision, action, member and group. */
  b: { boardId: string; meeting: string; circulated: string; item: string; decision: string; action: string; member: string; groupId: string };
}

async function buildWorld(): Promise<World> {
  const dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const host = await startBrowserHost({ dataFile: path.join(dir, 'data.sqlite'), rendererDir });
  const call = overHttp(`http://127.0.0.1:${host.port}`, host.token);
  const seeded = await seedFixtureMinutes(call);
  const minutes = (await call('getMinutes', { meetingId: seeded.meetingId })) as Minutes;
  const roster = (await call('listRoster', { boardId: seeded.boardId })) as RosterMember[];
  const members = roster.map((m) => m.id);
  const { rows } = (await call('getAttendance', { meetingId: seeded.meetingId })) as MeetingAttendance;
  const presentIds = new Set(rows.filter((r) => r.status === 'present' && r.memberId).map((r) => r.memberId));
  // Those present on 19 February 2014 who had joined by 1 January 2014: leaving on that date is only wrong because they attended.
  const attended = roster.filter((m) => presentIds.has(m.id) && (!m.joinedOn || m.joinedOn <= '2014-01-01') && !m.leftOn);
  const groupA = (await call('saveGroup', { boardId: seeded.boardId, name: 'Audit subgroup (test)', kind: 'subgroup', memberIds: members.slice(0, 2) })) as BoardGroup;
  await call('circulateMinutes', { meetingId: seeded.meetingId });
  await call('agreeMinutes', { meetingId: seeded.meetingId, atMeetingId: seeded.laterMeetingId });

  const boardB = (await call('createBoard', { name: 'Main Board' })) as BoardSummary;
  const memberB = (await call('addRosterMember', { boardId: boardB.id, fullName: 'Jay Stickland', initials: 'JS' })) as RosterMember;
  const groupB = (await call('saveGroup', { boardId: boardB.id, name: 'Health subgroup', kind: 'subgroup', memberIds: [memberB.id] })) as BoardGroup;
  const meetingB = (await call('createMeeting', { boardId: boardB.id, date: '2014-07-22' })) as MeetingDetail;
  const { item } = (await call('addAgendaItem', { meetingId: meetingB.id, title: 'Minutes and actions arising' })) as { item: { id: string } };
  const decision = (await call('addDecision', { itemId: item.id, text: 'The minutes were agreed.' })) as { id: string };
  const action = (await call('addAction', { itemId: item.id, details: 'Circulate the audit', owners: [{ memberId: memberB.id }] })) as MinutesAction;
  const circulatedB = (await call('createMeeting', { boardId: boardB.id, date: '2014-06-10' })) as MeetingDetail;
  await call('addAgendaItem', { meetingId: circulatedB.id, title: 'Welcome and apologies' });
  await call('circulateMinutes', { meetingId: circulatedB.id });

  return {
    host,
    a: {
      boardId: seeded.boardId,
      agreed: seeded.meetingId,
      later: seeded.laterMeetingId,
      items: minutes.items.map((i) => i.id),
      decisions: minutes.items.flatMap((i) => i.decisions.map((d) => d.id)),
      actions: minutes.items.flatMap((i) => i.actions.map((x) => x.id)),
      members,
      attended,
      groupId: groupA.id,
    },
    b: { boardId: boardB.id, meeting: meetingB.id, circulated: circulatedB.id, item: item.id, decision: decision.id, action: action.id, member: memberB.id, groupId: groupB.id },
  };
}

type Hostile = { name: string; method: string; payload: unknown };
type Pick = <T>(list: readonly T[]) => T;

/** Every payload here passes its method's schema, and every one must be refused. */
function hostileCalls(w: World, pick: Pick, text: string): Hostile[] {
  const { a, b } = w;
  const memberChange = (memberId: string) => ({ kind: 'member', memberId, status: 'present' });
  return [
    // Another board's records.
    { name: 'owner from another board', method: 'addAction', payload: { itemId: b.item, details: text, owners: [{ memberId: pick(a.members) }] } },
    { name: 'owner group from another board', method: 'addAction', payload: { itemId: b.item, details: text, owners: [{ groupId: a.groupId }] } },
    { name: 'owner from another board on update', method: 'updateAction', payload: { actionId: b.action, owners: [{ memberId: pick(a.members) }] } },
    { name: 'attendance of another board’s member', method: 'recordAttendance', payload: { meetingId: b.meeting, changes: [memberChange(pick(a.members))] } },
    { name: 'attendance for another board’s items', method: 'recordAttendance', payload: { meetingId: b.meeting, changes: [{ ...memberChange(b.member), status: 'in_attendance', forItemIds: [pick(a.items)] }] } },
    { name: 'guest for another board’s items', method: 'addGuest', payload: { meetingId: b.meeting, name: text.trim() || 'Guest', forItemIds: [pick(a.items)] } },
    { name: 'deferred to another board’s meeting', method: 'updateAgendaItem', payload: { itemId: b.item, deferred: true, deferredToMeetingId: a.later } },
    { name: 'sub-item of another board’s item', method: 'moveAgendaItem', payload: { itemId: b.item, parentId: pick(a.items), position: 0 } },
    { name: 'new item after another board’s item', method: 'addAgendaItem', payload: { meetingId: b.meeting, afterItemId: pick(a.items), title: text } },
    { name: 'new item under another board’s item', method: 'addAgendaItem', payload: { meetingId: b.meeting, parentId: pick(a.items), title: text } },
    { name: 'decision after another board’s decision', method: 'addDecision', payload: { itemId: b.item, text, afterDecisionId: pick(a.decisions) } },
    { name: 'agreed at another board’s meeting', method: 'agreeMinutes', payload: { meetingId: b.circulated, atMeetingId: a.later } },
    { name: 'update to another board’s action', method: 'recordActionUpdate', payload: { meetingId: b.meeting, actionId: pick(a.actions), text, status: 'in_progress' } },
    { name: 'superseded by another board’s action', method: 'recordActionUpdate', payload: { meetingId: a.later, actionId: pick(a.actions), status: 'superseded', supersededBy: b.action } },
    { name: 'group with another board’s member', method: 'saveGroup', payload: { boardId: b.boardId, name: 'Mixed group', kind: 'other', memberIds: [b.member, pick(a.members)] } },
    { name: 'group of another board saved under this one', method: 'saveGroup', payload: { boardId: b.boardId, groupId: a.groupId, name: 'Taken over', kind: 'other' } },
    { name: 'deferred item of another board', method: 'resolveDeferredItem', payload: { meetingId: b.meeting, itemId: pick(a.items), accept: true } },
    { name: 'correction agreed at another board’s meeting', method: 'recordCorrection', payload: { meetingId: a.agreed, date: '2014-05-01', what: 'x', why: 'y', agreedAtMeetingId: b.meeting } },
    // Minutes already agreed: frozen.
    { name: 'change an agreed action', method: 'updateAction', payload: { actionId: pick(a.actions), details: text } },
    { name: 'delete an agreed action', method: 'deleteAction', payload: { actionId: pick(a.actions) } },
    { name: 'add an action to agreed minutes', method: 'addAction', payload: { itemId: pick(a.items), details: text } },
    { name: 'change an agreed decision', method: 'updateDecision', payload: { decisionId: pick(a.decisions), text } },
    { name: 'delete an agreed decision', method: 'deleteDecision', payload: { decisionId: pick(a.decisions) } },
    { name: 'add a decision to agreed minutes', method: 'addDecision', payload: { itemId: pick(a.items), text } },
    { name: 'rewrite an agreed discussion', method: 'saveDiscussion', payload: { itemId: pick(a.items), json: '{"root":{"type":"root","children":[]}}' } },
    { name: 'rename an agreed item', method: 'updateAgendaItem', payload: { itemId: pick(a.items), title: text } },
    { name: 'move an agreed item', method: 'moveAgendaItem', payload: { itemId: pick(a.items), parentId: null, position: 0 } },
    { name: 'delete an agreed item', method: 'deleteAgendaItem', payload: { itemId: pick(a.items) } },
    { name: 'add an item to agreed minutes', method: 'addAgendaItem', payload: { meetingId: a.agreed, title: text } },
    { name: 'change an agreed meeting’s header', method: 'updateMeetingHeader', payload: { meetingId: a.agreed, venue: text } },
    { name: 'change who was at an agreed meeting', method: 'recordAttendance', payload: { meetingId: a.agreed, changes: [memberChange(pick(a.members))] } },
    { name: 'add a guest to an agreed meeting', method: 'addGuest', payload: { meetingId: a.agreed, name: 'Late guest' } },
    { name: 'delete an agreed meeting', method: 'deleteMeeting', payload: { meetingId: a.agreed } },
    { name: 'circulate agreed minutes again', method: 'circulateMinutes', payload: { meetingId: a.agreed } },
    { name: 'agree agreed minutes again', method: 'agreeMinutes', payload: { meetingId: a.agreed, atMeetingId: a.later } },
    { name: 'left before a meeting they attended', method: 'markMemberLeft', payload: { memberId: pick(a.attended).id, leftOn: '2014-01-01' } },
    (() => {
      const m = pick(a.attended);
      return {
        name: 'left (on the roster form) before a meeting they attended',
        method: 'updateRosterMember',
        payload: { memberId: m.id, fullName: m.fullName, initials: m.initials, joinedOn: m.joinedOn, leftOn: '2014-01-01' },
      };
    })(),
    // Enormous but valid: one bad entry at the end of a full list, so nothing of it may be kept.
    {
      name: '2,000 attendance changes, the last of another board’s member',
      method: 'recordAttendance',
      payload: { meetingId: b.meeting, changes: [...Array.from({ length: 1999 }, () => memberChange(b.member)), memberChange(pick(a.members))] },
    },
    {
      name: '2,000 attendance changes, the last of no one',
      method: 'recordAttendance',
      payload: { meetingId: b.meeting, changes: [...Array.from({ length: 1999 }, () => memberChange(b.member)), memberChange(randomUUID())] },
    },
    { name: '1,000 group members, the last of no one', method: 'saveGroup', payload: { boardId: b.boardId, name: 'Everyone', kind: 'all', memberIds: [...Array.from({ length: 999 }, () => b.member), randomUUID()] } },
    {
      name: 'the most owners an action may have, the last from another board',
      method: 'addAction',
      payload: {
        itemId: b.item,
        details: 'x'.repeat(MINUTES_LIMITS.actionDetails),
        owners: [...Array.from({ length: MINUTES_LIMITS.owners - 1 }, (_, i) => ({ name: `Owner ${i} `.padEnd(MINUTES_LIMITS.ownerName, 'x') })), { memberId: pick(a.members) }],
      },
    },
    { name: '100 items for a guest, the last of another board', method: 'addGuest', payload: { meetingId: b.meeting, name: 'Presenter', forItemIds: [...Array.from({ length: 99 }, () => b.item), pick(a.items)] } },
  ];
}

describe('fuzzing with valid-shaped hostile payloads', () => {
  it('refuses every one over HTTP with a typed error, never a 5xx, and a refusal changes nothing', async () => {
    const w = await buildWorld();
    try {
      const post = async (method: string, payload: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> => {
        const res = await fetch(`http://127.0.0.1:${w.host.port}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: w.host.token },
          body: JSON.stringify(payload),
        });
        return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
      };
      const schemaOk = async (method: string, payload: unknown): Promise<boolean> => {
        const { contract } = await import('../../shared/contract');
        return contract[method as keyof typeof contract].input.safeParse(payload).success;
      };
      const text = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('Tina Hawkins', "'; DROP TABLE actions; --", '<script>alert(1)</script>', '\u202eevil', 'x'.repeat(200)));
      const caseCount = hostileCalls(w, (l) => l[0]!, 'x').length;
      let before = dump(w.host.core);

      await fc.assert(
        fc.asyncProperty(fc.nat({ max: caseCount - 1 }), fc.infiniteStream(fc.nat()), text, async (index, seeds, words) => {
          const pick: Pick = (list) => list[seeds.next().value % list.length]!;
          const hostile = hostileCalls(w, pick, words)[index]!;
          expect(await schemaOk(hostile.method, hostile.payload), `${hostile.name}: the payload must pass the schema`).toBe(true);
          const reply = await post(hostile.method, hostile.payload);
          counts.requests++;
          if (reply.status >= 500) counts.serverErrors++;
          const after = dump(w.host.core);
          if (reply.body.ok) {
            counts.acceptedButShouldNot.push(hostile.name);
            before = after;
          } else {
            counts.refusals++;
            if (after !== before) counts.changedByRefused++;
            expect(['invalid_input', 'not_found', 'conflict'], `${hostile.name}: ${reply.body.error?.code} ${reply.body.error?.message}`).toContain(reply.body.error?.code);
            expect(reply.body.error?.message.length).toBeLessThan(600);
          }
        }),
        { numRuns: RUNS },
      );
      expect(counts.serverErrors).toBe(0);
      expect(counts.changedByRefused).toBe(0);
      expect([...new Set(counts.acceptedButShouldNot)]).toEqual([]);
      expect(counts.refusals).toBe(RUNS);
      // Still serving, still the same data.
      expect(JSON.parse(JSON.stringify((await post('listBoards', {})).body))).toMatchObject({ ok: true });
    } finally {
      await w.host.close();
    }
  }, 240_000);
});
