// Progress on one action recorded at one meeting on two laptops apart, where neither held a row
// for it there (a status recorded as it already was takes the meeting's row away): each laptop
// made its own row, and the tables hold one per action per meeting. Every laptop ends with the
// same one row, holding both laptops' words; the two statuses are listed as a conflict as any two
// statuses recorded apart are. It once failed the projection ("UNIQUE constraint failed:
// action_updates.action_id, action_updates.meeting_id"), reachable by the sync property test's
// status operations.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, together } from '../helpers/syncScripts';

const updatesOf = (core: Core, actionId: string, meetingId: string) =>
  core.store!.db.prepare('SELECT id, text FROM action_updates WHERE action_id = ? AND meeting_id = ?').all(actionId, meetingId) as Array<{ id: string; text: string }>;

describe('progress on one action recorded at one meeting on two laptops apart', () => {
  it('keeps one row for the action there on every laptop, with both laptops’ words, and lists the two statuses', async () => {
    const s = await sharedSample();
    const [a, b] = s.laptops as [Core, Core];
    const action = a.store!.db
      .prepare("SELECT c.action_id AS id, c.status_before FROM carried_actions c JOIN actions x ON x.id = c.action_id WHERE c.meeting_id = ? AND x.status IN ('open', 'in_progress') ORDER BY x.id LIMIT 1")
      .get(s.draftId) as { id: string; status_before: string };
    // Nothing new said at this meeting (the status it came in with, no words): no row for the action here, on either laptop.
    ok(a, 'recordActionUpdate', { meetingId: s.draftId, actionId: action.id, status: action.status_before, text: '' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && [a, b].every((core) => updatesOf(core, action.id, s.draftId).length === 0));

    await allOffline(s);
    ok(a, 'recordActionUpdate', { meetingId: s.draftId, actionId: action.id, status: 'in_progress', text: 'Quotes obtained.' });
    ok(b, 'recordActionUpdate', { meetingId: s.draftId, actionId: action.id, status: 'done', text: 'Contract signed.' });
    const ids = [updatesOf(a, action.id, s.draftId)[0]!.id, updatesOf(b, action.id, s.draftId)[0]!.id].sort();
    const refusals: string[] = [];
    await together(s, () => {
      for (const core of s.laptops) {
        const error = engineOf(core).boards.get(s.boardId)?.lastError;
        if (error && !refusals.includes(error)) refusals.push(error);
      }
      return refusals.length > 0 || [a, b].every((core) => updatesOf(core, action.id, s.draftId).length === 1 && conflictsOf(core, s.boardId).some((c) => c.kind === 'action_status'));
    });
    expect(refusals).toEqual([]);
    for (const core of [a, b]) {
      const [row] = updatesOf(core, action.id, s.draftId);
      expect(row!.id).toBe(ids[0]);
      expect(row!.text.split('\n\n').sort()).toEqual(['Contract signed.', 'Quotes obtained.']);
      expect(conflictsOf(core, s.boardId).filter((c) => c.kind === 'action_status').map((c) => c.entityId)).toEqual([action.id]);
    }
    expectSame([a, b], s.boardId);
  }, 120_000);
});
