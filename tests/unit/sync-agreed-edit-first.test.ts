// Minutes agreed on one laptop while another edited them, when the edit reaches the server first
// (it merged the edit before the agreement) or is on its way at the moment of the agreement: every
// laptop ends with the record as it was agreed (the same content hash, from the document's frozen
// copy), the edit once as a proposed correction and once as a conflict, nothing stuck waiting to
// be sent or to be projected, and later changes still flowing both ways. For a title, a
// discussion, and an action added to the agreed minutes.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { ok, tempCore } from '../helpers/temp';
import { engineOf, inStep, until } from '../helpers/syncLaptops';
import { allOffline, conflictsOf, expectSame, sharedSample, type SharedSample } from '../helpers/syncScripts';

const discussion = (text: string): string =>
  JSON.stringify({
    root: {
      children: [{ children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'text', version: 1 }], direction: 'ltr', format: '', indent: 0, textFormat: 0, textStyle: '', type: 'paragraph', version: 1 }],
      direction: 'ltr',
      format: '',
      indent: 0,
      type: 'root',
      version: 1,
    },
  });

const db = (core: Core) => core.store!.db;
const itemOf = (core: Core, id: string) => db(core).prepare('SELECT title, ma_discussion_json(discussion_deflated) AS discussion_json FROM agenda_items WHERE id = ?').get(id) as { title: string; discussion_json: string | null };
const actionsOf = (core: Core, meetingId: string) => db(core).prepare('SELECT details FROM actions WHERE meeting_id = ? ORDER BY details').pluck().all(meetingId) as string[];
const statusOf = (core: Core, id: string) => db(core).prepare('SELECT status FROM meetings WHERE id = ?').pluck().get(id) as string;
const corrections = (core: Core, meetingId: string) =>
  db(core).prepare('SELECT id, what, why, correction_date, created_at, agreed_at_meeting_id FROM corrections WHERE meeting_id = ? ORDER BY id').all(meetingId) as Array<{
    id: string;
    what: string;
    agreed_at_meeting_id: string | null;
  }>;

interface Edit {
  name: string;
  make: (core: Core, itemId: string) => void;
  words: string;
}

const EDITS: Edit[] = [
  { name: 'a title', make: (core, itemId) => ok(core, 'updateAgendaItem', { itemId, title: 'Budget monitoring, quarter 2' }), words: 'the title was changed to “Budget monitoring, quarter 2”' },
  {
    name: 'a discussion',
    make: (core, itemId) => ok(core, 'saveDiscussion', { itemId, json: discussion('The budget was noted, with a late remark on reserves.') }),
    words: 'the discussion was changed to “The budget was noted, with a late remark on reserves.”',
  },
  { name: 'a new action', make: (core, itemId) => ok(core, 'addAction', { itemId, details: 'Report the variance on reserves' }), words: 'an action “Report the variance on reserves” was added or reworded' },
];

interface Circulated {
  s: SharedSample;
  later: string;
  itemId: string;
}

/** The sample board on two laptops, with an item (and its discussion) added to the draft, circulated, and synced. */
async function circulated(names: readonly string[] = ['a', 'b']): Promise<Circulated> {
  let later = '';
  const s = await sharedSample(names, (a, boardId) => {
    const date = db(a).prepare("SELECT meeting_date FROM meetings WHERE board_id = ? AND status = 'draft'").pluck().get(boardId) as string;
    later = ok<{ id: string }>(a, 'createMeeting', { boardId, date: `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` }).id;
  });
  const [a] = s.laptops as [Core];
  const { item } = ok<{ item: { id: string } }>(a, 'addAgendaItem', { meetingId: s.draftId, title: 'Budget monitoring' });
  ok(a, 'saveDiscussion', { itemId: item.id, json: discussion('The budget was noted.') });
  ok(a, 'circulateMinutes', { meetingId: s.draftId });
  await until(s.laptops, () => inStep(s.laptops, s.boardId) && s.laptops.every((l) => statusOf(l, s.draftId) === 'circulated' && itemOf(l, item.id).title === 'Budget monitoring'));
  return { s, later, itemId: item.id };
}

/** The end of every script: the agreed record everywhere, the edit once as a correction and a conflict, and later changes flowing. */
async function expectAgreedEverywhere(c: Circulated, agreed: { hash: string; item: ReturnType<typeof itemOf>; actions: string[] }, edit: Edit, editor: string): Promise<void> {
  const { s, itemId, later } = c;
  const laptops = s.laptops as [Core, Core, ...Core[]];
  const settled = () => inStep(laptops, s.boardId) && laptops.every((l) => statusOf(l, s.draftId) === 'agreed' && corrections(l, s.draftId).length > 0);
  await until(laptops, settled);
  for (const core of laptops) {
    expect(itemOf(core, itemId)).toEqual(agreed.item);
    expect(actionsOf(core, s.draftId)).toEqual(agreed.actions);
    expect(ok<{ matches: boolean; storedHash: string }>(core, 'verifyMinutes', { meetingId: s.draftId })).toMatchObject({ matches: true, storedHash: agreed.hash });
    const [correction, ...more] = corrections(core, s.draftId);
    expect(more).toEqual([]);
    expect(correction!.agreed_at_meeting_id).toBeNull();
    expect(correction!.what).toContain(`“Budget monitoring”: ${edit.words}`);
    expect(correction!.what).toContain(editor);
    const conflicts = conflictsOf(core, s.boardId).filter((k) => k.kind === 'agreed_edited');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.description).toContain(edit.words);
    expect(conflicts[0]!.description).toMatch(/The agreed minutes are unchanged; the edit is kept as a proposed correction/);
    const status = ok<{ pending: number; lastError: string | null }>(core, 'syncStatus', { boardId: s.boardId });
    expect(status.pending).toBe(0);
    expect(status.lastError).toBeNull();
    expect(engineOf(core).boards.get(s.boardId)!.queue).toEqual([]);
  }
  for (const other of laptops.slice(1)) expect(corrections(other, s.draftId)).toEqual(corrections(laptops[0], s.draftId));
  expectSame(laptops, s.boardId);

  // Later changes still flow, both ways, and the agreed record stays as it is.
  const [a, b] = laptops;
  ok(b, 'updateMeetingHeader', { meetingId: later, venue: 'Committee room 2' });
  const venue = (core: Core) => db(core).prepare('SELECT venue FROM meetings WHERE id = ?').pluck().get(later);
  await until(laptops, () => inStep(laptops, s.boardId) && laptops.every((l) => venue(l) === 'Committee room 2'));
  ok(a, 'updateMeetingHeader', { meetingId: later, venue: 'Committee room 3' });
  await until(laptops, () => inStep(laptops, s.boardId) && laptops.every((l) => venue(l) === 'Committee room 3'));
  for (const core of laptops) {
    expect(itemOf(core, itemId)).toEqual(agreed.item);
    expect(corrections(core, s.draftId)).toHaveLength(1);
    expect(ok<{ matches: boolean }>(core, 'verifyMinutes', { meetingId: s.draftId }).matches).toBe(true);
  }
  expectSame(laptops, s.boardId);
}

function agreedOn(a: Core, c: Circulated): { hash: string; item: ReturnType<typeof itemOf>; actions: string[] } {
  ok(a, 'agreeMinutes', { meetingId: c.s.draftId, atMeetingId: c.later });
  return { hash: ok<{ storedHash: string }>(a, 'verifyMinutes', { meetingId: c.s.draftId }).storedHash, item: itemOf(a, c.itemId), actions: actionsOf(a, c.s.draftId) };
}

describe('minutes agreed on one laptop while another edited them, the edit reaching the server first', () => {
  for (const edit of EDITS) {
    it(`keeps the agreed record everywhere and makes ${edit.name} one proposed correction`, async () => {
      const c = await circulated();
      const [a, b] = c.s.laptops as [Core, Core];
      await allOffline(c.s);
      edit.make(b, c.itemId);
      const agreed = agreedOn(a, c);

      // The editing laptop reaches the server first (the agreeing one is shut meanwhile): the server merges the edit.
      const aFile = a.store!.file;
      a.close();
      await c.s.server.restart();
      await until([b], () => inStep([b], c.s.boardId));
      const a2 = await tempCore(aFile);
      c.s.laptops = [a2, b];
      await expectAgreedEverywhere(c, agreed, edit, b.store!.actor);
    }, 60_000);
  }
});

describe('minutes agreed on one laptop while an edit from another is on its way to the server', () => {
  // Both connected: neither laptop hears of the other's change before making its own; which of the
  // two the server takes first is up to the network (sent in this order, they mostly arrive in it:
  // the edit merged before the agreement, or refused after it), and the outcome is the same.
  for (const order of ['the edit sent first', 'the agreement sent first'] as const) {
    for (const edit of EDITS) {
      it(`ends with the agreed record everywhere and ${edit.name} as one proposed correction (${order})`, async () => {
        const c = await circulated();
        const [a, b] = c.s.laptops as [Core, Core];
        if (order === 'the edit sent first') edit.make(b, c.itemId);
        const agreed = agreedOn(a, c);
        if (order === 'the agreement sent first') edit.make(b, c.itemId);
        await expectAgreedEverywhere(c, agreed, edit, b.store!.actor);
      }, 60_000);
    }
  }
});

describe('a third laptop, shut while minutes were agreed on one laptop and edited on another', () => {
  it('catches up to the agreed record and the one proposed correction, with no second copy of it', async () => {
    const edit = EDITS[0]!;
    const c = await circulated(['a', 'b', 'c']);
    const [a, b, third] = c.s.laptops as [Core, Core, Core];
    await allOffline(c.s);
    edit.make(b, c.itemId);
    const agreed = agreedOn(a, c);
    const aFile = a.store!.file;
    const thirdFile = third.store!.file;
    a.close();
    third.close();
    // The edit reaches the server first, then the agreement; the third laptop hears of both, and of the correction the other two made, only afterwards.
    await c.s.server.restart();
    await until([b], () => inStep([b], c.s.boardId));
    const a2 = await tempCore(aFile);
    await until([a2, b], () => inStep([a2, b], c.s.boardId) && corrections(a2, c.s.draftId).length > 0 && corrections(b, c.s.draftId).length > 0);
    const third2 = await tempCore(thirdFile);
    c.s.laptops = [a2, b, third2];
    await expectAgreedEverywhere(c, agreed, edit, b.store!.actor);
  }, 90_000);
});
