// Minutes agreed on one laptop while another, apart, edited them: the edit never enters the
// record. The agreed content and its hash stay as agreed on every laptop; the edit arrives as one
// proposed correction for the next meeting (the same row on every laptop) and an agreed_edited
// conflict; the editing laptop's refused updates are no longer waiting to be sent.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample } from '../helpers/syncScripts';

const titleOf = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(id) as string;
const statusOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string;
const corrections = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, what, why, agreed_at_meeting_id FROM corrections WHERE meeting_id = ?').all(meetingId) as Array<{ id: string; what: string; why: string; agreed_at_meeting_id: string | null }>;

describe('minutes agreed on one laptop and edited on another', () => {
  it('keeps the agreed record on every laptop and turns the edit into one proposed correction', async () => {
    let later = '';
    const s = await sharedSample(['a', 'b'], (a, boardId) => {
      const date = a.store!.db.prepare("SELECT meeting_date FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
      later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    });
    const [a, b] = s.laptops as [Core, Core];
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Budget monitoring' });
    ok(a, 'circulateMinutes', { meetingId: s.draftId });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && statusOf(b, s.draftId) === 'circulated' && titleOf(b, item.id) === 'Budget monitoring');

    await allOffline(s);
    ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, quarter 2' });
    ok(a, 'agreeMinutes', { meetingId: s.draftId, atMeetingId: later });
    const agreedHash = ok<{ storedHash: string }>(a, 'verifyMinutes', { meetingId: s.draftId }).storedHash;

    // The agreeing laptop reaches the server first (the editing one is shut meanwhile); the
    // editing laptop's update is then refused there.
    const bFile = b.store!.file;
    b.close();
    await s.server.restart();
    await until([a], () => inStep([a], s.boardId));
    const b2 = await tempCore(bFile);
    s.laptops = [a, b2];
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && statusOf(b2, s.draftId) === 'agreed' && corrections(a, s.draftId).length === 1);
    for (const core of [a, b2]) {
      expect(titleOf(core, item.id)).toBe('Budget monitoring');
      expect(ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId: s.draftId })).toMatchObject({ matches: true, storedHash: agreedHash });
      const [correction, ...more] = corrections(core, s.draftId);
      expect(more).toEqual([]);
      expect(correction!.agreed_at_meeting_id).toBeNull();
      expect(correction!.what).toContain('“Budget monitoring”: the title was changed to “Budget monitoring, quarter 2”');
      expect(correction!.what).toContain(b2.store!.actor);
      const conflicts = conflictsOf(core, s.boardId).filter((c) => c.kind === 'agreed_edited');
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]!.description).toMatch(/were agreed on one laptop while .* edited them on another/);
      expect(ok<{ pending: number }>(core, 'syncStatus', { boardId: s.boardId }).pending).toBe(0);
    }
    expect(corrections(b2, s.draftId)).toEqual(corrections(a, s.draftId));
    expectSame([a, b2], s.boardId);

    // A later edit elsewhere still syncs: nothing of the refused edit is sent again.
    ok(b2, 'updateMeetingHeader', { meetingId: later, venue: 'Committee room 2' });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && a.store!.db.prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(later) === 'Committee room 2');
    expect(titleOf(a, item.id)).toBe('Budget monitoring');
    expectSame([a, b2], s.boardId);
  });
});
