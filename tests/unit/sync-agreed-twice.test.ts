// The same minutes agreed on two laptops while apart, each with an edit the other had not: the
// agreement that reaches the sync server first is the record (the server keeps agreed minutes
// read-only from then on, so the other's is refused there). Every laptop ends with that record and
// its content hash; the other laptop's differences become one proposed correction for the next
// meeting and one conflict, as an edit of minutes agreed elsewhere does; nothing waits to be sent.
// Both orders of arrival, and a third laptop that was offline throughout catching up. Two values
// set for one map key apart are resolved by Yjs in favour of the higher client id (random per
// document), so each order is run with either laptop's id the higher: when the laptop whose
// agreement came second holds the higher id, its own copy keeps its values and the first laptop's
// arrive deleted, which must not reach what it stores (checkedProvider.ts). Fixed ids make both
// cases happen on every run instead of one in two.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until, writeAs } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { conflictsOf, expectSame } from '../helpers/syncScripts';

const titleOf = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(id) as string;
const statusOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string;
const decisionsOf = (core: Core, id: string) => core.store!.db.prepare('SELECT text FROM decisions WHERE agenda_item_id = ? ORDER BY text').pluck().all(id) as string[];
const corrections = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, what, agreed_at_meeting_id FROM corrections WHERE meeting_id = ?').all(meetingId) as Array<{ id: string; what: string; agreed_at_meeting_id: string | null }>;
const hashOf = (core: Core, meetingId: string) => ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId });

async function agreedOnTwoLaptops(firstToServer: 'ann' | 'brian', higherId: 'first' | 'second') {
  const { laptops, networks, boardId, draftId } = await threeLaptops();
  const [a, b, c] = laptops;
  const date = a.store!.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draftId) as string;
  const later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
  const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draftId, title: 'Budget monitoring' });
  ok(a, 'circulateMinutes', { meetingId: draftId });
  await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => statusOf(l, draftId) === 'circulated' && titleOf(l, item.id) === 'Budget monitoring'));

  // Everyone apart. Ann adds a decision and agrees the minutes; Brian retitles the item and agrees them too.
  for (const n of networks) n.cut();
  await until(laptops, () => laptops.every((l) => !connected(l, boardId)));
  const [firstCore, secondCore] = firstToServer === 'ann' ? [a, b] : [b, a];
  writeAs(firstCore, boardId, draftId, higherId === 'first' ? 2_000_000_002 : 1_000_000_001);
  writeAs(secondCore, boardId, draftId, higherId === 'first' ? 1_000_000_001 : 2_000_000_002);
  ok(a, 'addDecision', { itemId: item.id, text: 'The budget was noted.' });
  ok(a, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });
  ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, quarter 2' });
  ok(b, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });
  const [first, second, firstNet, secondNet] = firstToServer === 'ann' ? [a, b, networks[0], networks[1]] : [b, a, networks[1], networks[0]];
  const record = { hash: hashOf(first, draftId).storedHash, title: titleOf(first, item.id), decisions: decisionsOf(first, item.id) };
  expect(hashOf(second, draftId).storedHash).not.toBe(record.hash);

  // The first reaches the server alone; then the second; then Chloe, offline throughout, catches up.
  firstNet.restore();
  await until(laptops, () => inStep([first], boardId));
  secondNet.restore();
  await until(laptops, () => inStep([first, second], boardId) && corrections(first, draftId).length === 1 && corrections(second, draftId).length === 1);
  networks[2].restore();
  await until(laptops, () => inStep(laptops, boardId) && statusOf(c, draftId) === 'agreed' && corrections(c, draftId).length === 1);

  for (const core of laptops) {
    expect(statusOf(core, draftId)).toBe('agreed');
    expect(hashOf(core, draftId)).toMatchObject({ matches: true, storedHash: record.hash });
    expect(titleOf(core, item.id)).toBe(record.title);
    expect(decisionsOf(core, item.id)).toEqual(record.decisions);
    const [correction, ...more] = corrections(core, draftId);
    expect(more).toEqual([]);
    expect(correction!.agreed_at_meeting_id).toBeNull();
    expect(correction!.what).toContain(second.store!.actor);
    expect(correction!.what).toContain(firstToServer === 'ann' ? 'the title was changed to “Budget monitoring, quarter 2”' : 'a decision “The budget was noted.” was added');
    const conflicts = conflictsOf(core, boardId).filter((k) => k.kind === 'agreed_edited');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.description).toContain('were agreed on two laptops while they were apart');
    expect(ok<{ pending: number }>(core, 'syncStatus', { boardId }).pending).toBe(0);
  }
  expect(corrections(b, draftId)).toEqual(corrections(a, draftId));
  expect(corrections(c, draftId)).toEqual(corrections(a, draftId));
  expectSame(laptops, boardId);

  // Later edits elsewhere still sync from the laptop whose agreement was not the record.
  ok(second, 'updateMeetingHeader', { meetingId: later, venue: 'Committee room 2' });
  await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => l.store!.db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(later) === 'Committee room 2'));
  expectSame(laptops, boardId);
}

describe('the same minutes agreed on two laptops while apart', () => {
  for (const higherId of ['first', 'second'] as const) {
    const ids = `the ${higherId} to reach the server writing with the higher Yjs client id`;
    it(`keeps the agreement that reached the server first (Ann’s) as the record everywhere; Brian’s differences become one proposed correction (${ids})`, async () => {
      await agreedOnTwoLaptops('ann', higherId);
    }, 120_000);

    it(`keeps the agreement that reached the server first (Brian’s) as the record everywhere; Ann’s differences become one proposed correction (${ids})`, async () => {
      await agreedOnTwoLaptops('brian', higherId);
    }, 120_000);
  }
});
