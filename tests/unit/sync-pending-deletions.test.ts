// Deletion-only edits count among a shared board's pending changes like any other local change
// waiting to be sent: text deleted from a discussion (saved as JSON, or typed away in the live
// editor), an owner removed from an action, a decision deleted. Each counts while the server is
// away, and each reaches the other laptop once it is back (issue 19 (d)).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, expectSame, sharedSample, together } from '../helpers/syncScripts';
import { discussionJson, paragraphsOf } from '../helpers/syncScript';
import { windowReplica } from '../helpers/syncWindow';

const pending = (core: Core, boardId: string): number => ok<{ pending: number }>(core, 'syncStatus', { boardId }).pending;
const owners = (core: Core, actionId: string): number => core.store!.db.prepare('SELECT count(*) FROM action_owners WHERE action_id = ?').pluck().get(actionId) as number;
const decisions = (core: Core, itemId: string): string[] => core.store!.db.prepare('SELECT text FROM decisions WHERE agenda_item_id = ? ORDER BY text').pluck().all(itemId) as string[];

describe('deletion-only edits on a shared board', () => {
  it('each count as a change waiting while offline, and each reaches the other laptop', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Estates strategy' });
    const { item: typed } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Safeguarding audit' });
    ok(a, 'saveDiscussion', { itemId: item.id, json: discussionJson(['The strategy was presented.', 'Members asked about the depot.']) });
    const decision = ok<{ id: string }>(a, 'addDecision', { itemId: item.id, text: 'The strategy was approved.' });
    ok(a, 'addDecision', { itemId: item.id, text: 'A review was asked for in a year.' });
    const members = a.store!.db.prepare('SELECT id FROM board_members WHERE board_id = ? LIMIT 2').pluck().all(s.boardId) as string[];
    const action = ok<{ id: string }>(a, 'addAction', { itemId: item.id, details: 'Cost the new depot', owners: members.map((memberId) => ({ memberId })) });
    const window = windowReplica(a, s.draftId, typed.id);
    window.type('The audit found gaps in the referral records.');
    window.send();
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && owners(b, action.id) === 2 && paragraphsOf(b, typed.id).length === 1);
    expect(pending(a, s.boardId)).toBe(0);

    await allOffline(s);
    const steps: Array<[string, () => void]> = [
      ['text deleted from a discussion', () => ok(a, 'saveDiscussion', { itemId: item.id, json: discussionJson(['The strategy was presented.']) })],
      ['an owner removed', () => ok(a, 'updateAction', { actionId: action.id, owners: [{ memberId: members[0] }] })],
      ['a decision deleted', () => ok(a, 'deleteDecision', { decisionId: decision.id })],
      [
        'text typed away in the live editor',
        () => {
          window.deleteAll();
          window.send();
        },
      ],
    ];
    for (const [what, step] of steps) {
      const before = pending(a, s.boardId);
      step();
      expect(pending(a, s.boardId), what).toBeGreaterThan(before);
    }

    await together(s, () => owners(b, action.id) === 1 && decisions(b, item.id).length === 1 && paragraphsOf(b, item.id).length === 1);
    expect(pending(a, s.boardId)).toBe(0);
    expect(decisions(b, item.id)).toEqual(['A review was asked for in a year.']);
    expect(paragraphsOf(b, item.id)).toEqual(['The strategy was presented.']);
    expect(paragraphsOf(b, typed.id).join('')).toBe('');
    expectSame([a, b], s.boardId);
  });
});
