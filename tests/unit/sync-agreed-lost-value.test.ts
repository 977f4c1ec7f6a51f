// Minutes agreed on one laptop with a field changed there (an item's title), while another laptop,
// apart, changed the same field to something else. Yjs keeps one value of the field: where it keeps
// the agreeing laptop's, the other value would be in no table, no document and no correction (the
// live rows then match the agreed record, so frozenEdit.ts sees nothing). The laptop that held it
// finds it when the agreement arrives (lostFromRecord.ts), and it becomes one proposed correction
// for the next meeting, the same row on every laptop, with an agreed_edited conflict.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { inStep, until, writeAs } from '../helpers/syncLaptops';
import { connected, threeLaptops } from '../helpers/syncThreeLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample } from '../helpers/syncScripts';

const titleOf = (core: Core, id: string) => core.store!.db.prepare('SELECT title FROM agenda_items WHERE id = ?').pluck().get(id) as string;
const statusOf = (core: Core, id: string) => core.store!.db.prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string;
const corrections = (core: Core, meetingId: string) =>
  core.store!.db.prepare('SELECT id, what, agreed_at_meeting_id FROM corrections WHERE meeting_id = ? ORDER BY id').all(meetingId) as Array<{ id: string; what: string; agreed_at_meeting_id: string | null }>;

describe('a field of agreed minutes set apart, the record’s value kept by Yjs', () => {
  it('turns the value not kept into one proposed correction on every laptop', async () => {
    let later = '';
    const s = await sharedSample(['a', 'b'], (a, boardId) => {
      const date = a.store!.db.prepare("SELECT meeting_date FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
      later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    });
    const { item } = ok<{ item: { id: string } }>(s.laptops[0]!, 'addAgendaItem', { meetingId: s.draftId, title: 'Budget monitoring' });
    ok(s.laptops[0]!, 'circulateMinutes', { meetingId: s.draftId });
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && s.laptops.every((l) => statusOf(l, s.draftId) === 'circulated' && titleOf(l, item.id) === 'Budget monitoring'));

    // Of two values set apart, Yjs keeps the one of the higher client: that laptop agrees, so the record's value is kept.
    const [agreeing, editing] = s.laptops as [Core, Core];
    writeAs(agreeing, s.boardId, s.draftId, 2_000_000_002);
    writeAs(editing, s.boardId, s.draftId, 1_000_000_001);
    await allOffline(s);
    ok(agreeing, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, as agreed' });
    ok(agreeing, 'agreeMinutes', { meetingId: s.draftId, atMeetingId: later });
    const agreedHash = ok<{ storedHash: string }>(agreeing, 'verifyMinutes', { meetingId: s.draftId }).storedHash;
    const agreeingFile = agreeing.store!.file;
    agreeing.close();

    // The editing laptop changes the title and the server takes it, before the agreement reaches the server.
    await s.server.restart();
    await until([editing], () => inStep([editing], s.boardId));
    ok(editing, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, quarter 2' });
    await until([editing], () => inStep([editing], s.boardId) && ok<{ pending: number }>(editing, 'syncStatus', { boardId: s.boardId }).pending === 0);

    const back = await tempCore(agreeingFile);
    s.laptops = [back, editing];
    await until(s.laptops, () => inStep(s.laptops, s.boardId) && statusOf(editing, s.draftId) === 'agreed' && s.laptops.every((l) => corrections(l, s.draftId).length > 0));
    const number = back.store!.db.prepare('SELECT number FROM agenda_items WHERE id = ?').pluck().get(item.id) as string;
    for (const core of s.laptops) {
      expect(titleOf(core, item.id)).toBe('Budget monitoring, as agreed');
      expect(ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId: s.draftId })).toMatchObject({ matches: true, storedHash: agreedHash });
      const [correction, ...more] = corrections(core, s.draftId);
      expect(more).toEqual([]);
      expect(correction!.agreed_at_meeting_id).toBeNull();
      expect(correction!.what).toContain(`item ${number} “Budget monitoring, as agreed”: the title was changed to “Budget monitoring, quarter 2”`);
      expect(correction!.what).toContain(`made on ${editing.store!.actor}’s laptop`);
      const listed = conflictsOf(core, s.boardId).filter((c) => c.kind === 'agreed_edited');
      expect(listed).toHaveLength(1);
      expect(listed[0]!.description).toContain('the title was changed to “Budget monitoring, quarter 2”');
    }
    expect(corrections(editing, s.draftId)).toEqual(corrections(back, s.draftId));
    expectSame(s.laptops, s.boardId);
  });

  it('makes no second correction on a laptop whose own agreement came second: its agreed title is proposed once', async () => {
    const { laptops, networks, boardId, draftId } = await threeLaptops();
    const [a, b] = laptops;
    const date = a.store!.db.prepare('SELECT meeting_date FROM meetings WHERE id = ?').pluck().get(draftId) as string;
    const later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
    const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: draftId, title: 'Budget monitoring' });
    ok(a, 'circulateMinutes', { meetingId: draftId });
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => statusOf(l, draftId) === 'circulated'));

    // Apart, Ann and Brian each retitle the item and agree; Ann's (the higher client, so Yjs keeps her title) reaches the server first.
    for (const n of networks) n.cut();
    await until(laptops, () => laptops.every((l) => !connected(l, boardId)));
    writeAs(a, boardId, draftId, 2_000_000_002);
    writeAs(b, boardId, draftId, 1_000_000_001);
    ok(a, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, as Ann agreed' });
    ok(a, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });
    ok(b, 'updateAgendaItem', { itemId: item.id, title: 'Budget monitoring, as Brian agreed' });
    ok(b, 'agreeMinutes', { meetingId: draftId, atMeetingId: later });
    networks[0].restore();
    await until(laptops, () => inStep([a], boardId));
    networks[1].restore();
    networks[2].restore();
    await until(laptops, () => inStep(laptops, boardId) && laptops.every((l) => statusOf(l, draftId) === 'agreed' && corrections(l, draftId).length > 0));

    for (const core of laptops) {
      expect(titleOf(core, item.id)).toBe('Budget monitoring, as Ann agreed');
      const [correction, ...more] = corrections(core, draftId);
      expect(more).toEqual([]);
      expect(correction!.what).toContain('the title was changed to “Budget monitoring, as Brian agreed”');
      expect(conflictsOf(core, boardId).filter((c) => c.kind === 'agreed_edited')).toHaveLength(1);
    }
    expectSame(laptops, boardId);
  });
});
